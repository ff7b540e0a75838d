# Generated from schema/affection.yaml by codegen. Do not edit.
"""ORM models of the affection domain: Per-user affection levels, their history and conversation diversity."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import LongText, SafeString


class AffectionInteraction(Base):
    """Changes of an affection level and what caused them."""

    __tablename__ = "affection_interactions"
    __table_args__ = (
        Index("idx_affection_interaction_timestamp", "timestamp"),
        Index("idx_user_affection_interaction", "user_affection_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_affection_id: Mapped[int] = mapped_column(Integer, ForeignKey("user_affections.id"), nullable=False)
    interaction_type: Mapped[str] = mapped_column(
        SafeString(50, field="affection_interactions.interaction_type", nullable=False), nullable=False
    )
    affection_delta: Mapped[int] = mapped_column(Integer, nullable=False)
    message_content: Mapped[str | None] = mapped_column(
        LongText(field="affection_interactions.message_content", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    user_affection: Mapped[UserAffection] = relationship(back_populates="interactions", lazy="select")


class UserAffection(Base):
    """Affection level of the bot for a user in a group."""

    __tablename__ = "user_affections"
    __table_args__ = (Index("idx_group_user_affection", "group_id", "user_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_affections.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_affections.user_id", nullable=False), nullable=False, index=True
    )
    affection_level: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    max_affection: Mapped[int] = mapped_column(Integer, nullable=False, default=100)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    interactions: Mapped[list[AffectionInteraction]] = relationship(back_populates="user_affection", lazy="selectin")


class UserConversationHistory(Base):
    """Conversation turns between a user and the bot."""

    __tablename__ = "user_conversation_history"
    __table_args__ = (
        Index("idx_group_user_history", "group_id", "user_id"),
        Index("idx_history_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_conversation_history.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_conversation_history.user_id", nullable=False), nullable=False, index=True
    )
    role: Mapped[str] = mapped_column(
        SafeString(20, field="user_conversation_history.role", nullable=False), nullable=False
    )
    content: Mapped[str] = mapped_column(
        LongText(field="user_conversation_history.content", nullable=False), nullable=False
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    turn_index: Mapped[int] = mapped_column(Integer, nullable=False)


class UserDiversity(Base):
    """How varied the bot's replies to a user are."""

    __tablename__ = "user_diversity"
    __table_args__ = (
        Index("idx_diversity_timestamp", "timestamp"),
        Index("idx_group_user_diversity", "group_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_diversity.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_diversity.user_id", nullable=False), nullable=False, index=True
    )
    response_hash: Mapped[str] = mapped_column(
        SafeString(64, field="user_diversity.response_hash", nullable=False), nullable=False
    )
    response_preview: Mapped[str | None] = mapped_column(
        SafeString(200, field="user_diversity.response_preview", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
