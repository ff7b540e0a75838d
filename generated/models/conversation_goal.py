# Generated from schema/conversation_goal.yaml by codegen. Do not edit.
"""ORM models of the conversation_goal domain: Goals the bot pursues within a conversation session."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import SafeString


class ConversationGoal(Base):
    """A goal the bot pursues in a conversation session, and its progress."""

    __tablename__ = "conversation_goals"
    __table_args__ = (
        Index("idx_conv_goal_created", "created_at"),
        Index("idx_conv_goal_status", "status"),
        Index("idx_conv_goal_user_group", "user_id", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(
        SafeString(100, field="conversation_goals.session_id", nullable=False), nullable=False, index=True, unique=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_goals.user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_goals.group_id", nullable=False), nullable=False, index=True
    )
    final_goal: Mapped[Any] = mapped_column(JSON, nullable=False)
    current_stage: Mapped[Any] = mapped_column(JSON, nullable=False)
    stage_history: Mapped[Any] = mapped_column(JSON, nullable=True, default=list)
    planned_stages: Mapped[Any] = mapped_column(JSON, nullable=False)
    conversation_history: Mapped[Any] = mapped_column(JSON, nullable=True, default=list)
    goal_switches: Mapped[Any] = mapped_column(JSON, nullable=True, default=list)
    metrics: Mapped[Any] = mapped_column(JSON, nullable=False)
    status: Mapped[str] = mapped_column(
        SafeString(20, field="conversation_goals.status", nullable=False), nullable=False, default="active"
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_updated: Mapped[int] = mapped_column(BigInteger, nullable=False)
