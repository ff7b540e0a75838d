# Generated from schema/performance.yaml by codegen. Do not edit.
"""ORM models of the performance domain: Learning performance history per group."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class LearningPerformanceHistory(Base):
    """Performance figures of learning sessions over time."""

    __tablename__ = "learning_performance_history"
    __table_args__ = (
        Index("idx_performance_group", "group_id"),
        Index("idx_performance_session", "session_id"),
        Index("idx_performance_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_performance_history.group_id", nullable=False), nullable=False
    )
    session_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="learning_performance_history.session_id", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    quality_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    learning_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    success: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    successful_pattern: Mapped[str | None] = mapped_column(
        LongText(field="learning_performance_history.successful_pattern", nullable=True), nullable=True
    )
    failed_pattern: Mapped[str | None] = mapped_column(
        LongText(field="learning_performance_history.failed_pattern", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
