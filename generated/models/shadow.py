# Generated from schema/shadow.yaml by codegen. Do not edit.
"""ORM models of the shadow domain: Shadow profiles kept for shadow mode (added by newer plugin versions)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import LongText, SafeString


class ShadowProfile(Base):
    """Shadow profile of a user (added by newer plugin versions)."""

    __tablename__ = "shadow_profiles"
    __table_args__ = (
        Index("idx_shadow_source_sender", "source_type", "source_group_id", "sender_id"),
        Index("idx_shadow_target_enabled", "target_group_id", "enabled"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_group_id: Mapped[str] = mapped_column(
        SafeString(255, field="shadow_profiles.target_group_id", nullable=False), nullable=False, index=True
    )
    source_type: Mapped[str] = mapped_column(
        SafeString(32, field="shadow_profiles.source_type", nullable=False), nullable=False
    )
    source_group_id: Mapped[str] = mapped_column(
        SafeString(255, field="shadow_profiles.source_group_id", nullable=False), nullable=False, index=True
    )
    sender_id: Mapped[str] = mapped_column(
        SafeString(255, field="shadow_profiles.sender_id", nullable=False), nullable=False, index=True
    )
    sender_name: Mapped[str] = mapped_column(
        SafeString(255, field="shadow_profiles.sender_name", nullable=False), nullable=False
    )
    sender_qq: Mapped[str | None] = mapped_column(
        SafeString(32, field="shadow_profiles.sender_qq", nullable=True), nullable=True
    )
    profile_data: Mapped[str] = mapped_column(
        LongText(field="shadow_profiles.profile_data", nullable=False), nullable=False
    )
    sample_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True, default=True)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
