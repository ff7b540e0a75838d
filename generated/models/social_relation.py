# Generated from schema/social_relation.yaml by codegen. Do not edit.
"""ORM models of the social_relation domain: User profiles and preferences, and the social relations between users of a group."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from generated.models.base import Base
from handwritten.runtime.types import Double, LongText, SafeString


class SocialRelation(Base):
    """A directed relation between two users of a group."""

    __tablename__ = "social_relations"
    __table_args__ = (
        Index("idx_affection", "affection_score"),
        Index("idx_social_relations_group", "group_id"),
        Index("uk_from_to_type", "from_user", "to_user", "relation_type", unique=True),
        Index("uk_user_group", "user_id", "group_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str | None] = mapped_column(SafeString(255), nullable=True)
    from_user: Mapped[str | None] = mapped_column(SafeString(255), nullable=True)
    to_user: Mapped[str | None] = mapped_column(SafeString(255), nullable=True)
    group_id: Mapped[str | None] = mapped_column(SafeString(255), nullable=True)
    relation_type: Mapped[str | None] = mapped_column(SafeString(100), nullable=True)
    affection_score: Mapped[float | None] = mapped_column(Double, nullable=True, default=0)
    interaction_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    strength: Mapped[float | None] = mapped_column(Double, nullable=True)
    frequency: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_interaction: Mapped[float | None] = mapped_column(Double, nullable=True)
    metadata_: Mapped[str | None] = mapped_column("metadata", LongText, nullable=True)
    created_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    updated_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class SocialRelationHistory(Base):
    """Changes of a social relation over time."""

    __tablename__ = "social_relation_history"
    __table_args__ = (
        Index("idx_social_history_from_to", "from_user_id", "to_user_id", "group_id"),
        Index("idx_social_history_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    from_user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    to_user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    group_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    relation_type: Mapped[str] = mapped_column(SafeString(100), nullable=False)
    old_value: Mapped[float | None] = mapped_column(Double, nullable=True)
    new_value: Mapped[float] = mapped_column(Double, nullable=False)
    change_reason: Mapped[str | None] = mapped_column(LongText, nullable=True)
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)


class UserPreferences(Base):
    """A user's preferences within a group."""

    __tablename__ = "user_preferences"
    __table_args__ = (Index("idx_pref_user_group", "user_id", "group_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    group_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    favorite_topics: Mapped[str | None] = mapped_column(LongText, nullable=True)
    interaction_style: Mapped[str | None] = mapped_column(LongText, nullable=True)
    learning_preferences: Mapped[str | None] = mapped_column(LongText, nullable=True)
    adaptive_rate: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    updated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class UserProfile(Base):
    """What the bot knows about a user, by QQ id."""

    __tablename__ = "user_profiles"

    qq_id: Mapped[str] = mapped_column(SafeString(255), primary_key=True)
    qq_name: Mapped[str | None] = mapped_column(SafeString(255), nullable=True)
    nicknames: Mapped[str | None] = mapped_column(LongText, nullable=True)
    activity_pattern: Mapped[str | None] = mapped_column(LongText, nullable=True)
    communication_style: Mapped[str | None] = mapped_column(LongText, nullable=True)
    topic_preferences: Mapped[str | None] = mapped_column(LongText, nullable=True)
    emotional_tendency: Mapped[str | None] = mapped_column(LongText, nullable=True)
    last_active: Mapped[float | None] = mapped_column(Double, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())
    updated_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime, nullable=True, default=func.now(), onupdate=func.now()
    )


class UserSocialProfile(Base):
    """Social standing of a user in a group."""

    __tablename__ = "user_social_profiles"
    __table_args__ = (Index("idx_social_profile_user_group", "user_id", "group_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    group_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    total_relations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    significant_relations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    dominant_relation_type: Mapped[str | None] = mapped_column(SafeString(100), nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_updated: Mapped[int] = mapped_column(BigInteger, nullable=False)
    relation_components: Mapped[list[UserSocialRelationComponent]] = relationship(
        back_populates="profile", lazy="selectin"
    )


class UserSocialRelationComponent(Base):
    """Weighted components that make up a user's relation to another."""

    __tablename__ = "user_social_relation_components"
    __table_args__ = (
        Index("idx_social_relation_from_to", "from_user_id", "to_user_id", "group_id"),
        Index("idx_social_relation_profile", "profile_id"),
        Index("idx_social_relation_type", "relation_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[int] = mapped_column(Integer, ForeignKey("user_social_profiles.id"), nullable=False)
    from_user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    to_user_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    group_id: Mapped[str] = mapped_column(SafeString(255), nullable=False, index=True)
    relation_type: Mapped[str] = mapped_column(SafeString(100), nullable=False)
    value: Mapped[float] = mapped_column(Double, nullable=False)
    frequency: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_interaction: Mapped[int] = mapped_column(BigInteger, nullable=False)
    description: Mapped[str | None] = mapped_column(LongText, nullable=True)
    tags: Mapped[str | None] = mapped_column(LongText, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    profile: Mapped[UserSocialProfile] = relationship(back_populates="relation_components", lazy="select")
