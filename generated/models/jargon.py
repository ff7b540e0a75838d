# Generated from schema/jargon.yaml by codegen. Do not edit.
"""ORM models of the jargon domain: Slang terms learned per chat, their meanings, and how often each is used."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class Jargon(Base):
    """A slang term of one chat, its meaning and whether it is confirmed, complete or global."""

    __tablename__ = "jargon"
    __table_args__ = (
        Index("idx_jargon_chat_id", "chat_id"),
        Index(
            "idx_jargon_chat_content_key",
            "chat_id",
            "content_key",
            mysql_length={"content_key": 191},
            mariadb_length={"content_key": 191},
        ),
        Index("idx_jargon_content", "content", mysql_length={"content": 255}, mariadb_length={"content": 255}),
        Index("idx_jargon_is_jargon", "is_jargon"),
        Index(
            "uk_chat_content",
            "chat_id",
            "content",
            unique=True,
            mysql_length={"content": 255},
            mariadb_length={"content": 255},
            info={"before_create": "merge_jargon_duplicates"},
        ),
        {"info": {"merge": {"key": ["chat_id", "content"], "add": ["count"]}}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content: Mapped[str] = mapped_column(LongText(field="jargon.content", nullable=False), nullable=False)
    raw_content: Mapped[str | None] = mapped_column(LongText(field="jargon.raw_content", nullable=True), nullable=True)
    meaning: Mapped[str | None] = mapped_column(LongText(field="jargon.meaning", nullable=True), nullable=True)
    is_jargon: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=1)
    last_inference_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    is_complete: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=False)
    is_global: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=False)
    chat_id: Mapped[str] = mapped_column(SafeString(255, field="jargon.chat_id", nullable=False), nullable=False)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    content_key: Mapped[str | None] = mapped_column(
        LongText(field="jargon.content_key", nullable=True), info={"internal": True}, nullable=True
    )
    usage_frequencies: Mapped[list[JargonUsageFrequency]] = relationship(back_populates="jargon", lazy="selectin")


class JargonChatCounter(Base):
    """Per chat, how many jargon terms there are, how many confirmed and complete, and the sum and number of their counts; kept exact by triggers on jargon."""

    __tablename__ = "jargon_chat_counters"
    __table_args__ = (
        UniqueConstraint("chat_id", name="uq_jargon_chat_counter"),
        {"info": {"maintained_by": "triggers"}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[str] = mapped_column(
        SafeString(255, field="jargon_chat_counters.chat_id", nullable=False), nullable=False
    )
    term_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    confirmed_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    complete_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    occurrence_sum: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    counted_terms: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")


class JargonUsageFrequency(Base):
    """How often a jargon term is used in a group."""

    __tablename__ = "jargon_usage_frequency"
    __table_args__ = (
        Index("idx_usage_count", "usage_count"),
        Index("idx_usage_group", "group_id"),
        Index("idx_usage_jargon", "jargon_id"),
        Index("idx_usage_last_used", "last_used_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    jargon_id: Mapped[int] = mapped_column(Integer, ForeignKey("jargon.id"), nullable=False)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="jargon_usage_frequency.group_id", nullable=False), nullable=False
    )
    usage_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    last_used_at: Mapped[float] = mapped_column(Double, nullable=False)
    success_rate: Mapped[float | None] = mapped_column(Double, nullable=True)
    context_types: Mapped[str | None] = mapped_column(
        LongText(field="jargon_usage_frequency.context_types", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())
    jargon: Mapped[Jargon] = relationship(back_populates="usage_frequencies", lazy="select")
