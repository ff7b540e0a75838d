# Generated from schema/exemplar.yaml by codegen. Do not edit.
"""ORM models of the exemplar domain: Example messages kept as few-shot exemplars, with their embeddings."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString, unix_time


class Exemplar(Base):
    """An example message kept as a few-shot exemplar, with its embedding."""

    __tablename__ = "exemplar"
    __table_args__ = (
        Index("idx_exemplar_group_id", "group_id"),
        Index("idx_exemplar_group_weight", "group_id", "weight"),
        Index("idx_exemplar_weight", "weight"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content: Mapped[str] = mapped_column(LongText(field="exemplar.content", nullable=False), nullable=False)
    sender_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="exemplar.sender_id", nullable=True), nullable=True
    )
    group_id: Mapped[str] = mapped_column(SafeString(255, field="exemplar.group_id", nullable=False), nullable=False)
    embedding_json: Mapped[str | None] = mapped_column(
        LongText(field="exemplar.embedding_json", nullable=True), nullable=True
    )
    weight: Mapped[float | None] = mapped_column(Double, nullable=True, default=1.0)
    dimensions: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False, default=unix_time)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False, default=unix_time)
