# Generated from schema/social_relation.yaml by codegen. Do not edit.
"""ORM models of the social_relation domain: User profiles and preferences, and the social relations between users of a group."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


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
    user_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="social_relations.user_id", nullable=True), nullable=True
    )
    from_user: Mapped[str | None] = mapped_column(
        SafeString(255, field="social_relations.from_user", nullable=True), nullable=True
    )
    to_user: Mapped[str | None] = mapped_column(
        SafeString(255, field="social_relations.to_user", nullable=True), nullable=True
    )
    group_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="social_relations.group_id", nullable=True), nullable=True
    )
    relation_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="social_relations.relation_type", nullable=True), nullable=True
    )
    affection_score: Mapped[float | None] = mapped_column(Double, nullable=True, default=0)
    interaction_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    strength: Mapped[float | None] = mapped_column(Double, nullable=True)
    frequency: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_interaction: Mapped[float | None] = mapped_column(Double, nullable=True)
    metadata_: Mapped[str | None] = mapped_column(
        "metadata", LongText(field="social_relations.metadata", nullable=True), nullable=True
    )
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
    from_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_relation_history.from_user_id", nullable=False), nullable=False, index=True
    )
    to_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_relation_history.to_user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="social_relation_history.group_id", nullable=False), nullable=False, index=True
    )
    relation_type: Mapped[str] = mapped_column(
        SafeString(100, field="social_relation_history.relation_type", nullable=False), nullable=False
    )
    old_value: Mapped[float | None] = mapped_column(Double, nullable=True)
    new_value: Mapped[float] = mapped_column(Double, nullable=False)
    change_reason: Mapped[str | None] = mapped_column(
        LongText(field="social_relation_history.change_reason", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)


class UserPreferences(Base):
    """A user's preferences within a group."""

    __tablename__ = "user_preferences"
    __table_args__ = (Index("idx_pref_user_group", "user_id", "group_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_preferences.user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_preferences.group_id", nullable=False), nullable=False, index=True
    )
    favorite_topics: Mapped[str | None] = mapped_column(
        LongText(field="user_preferences.favorite_topics", nullable=True), nullable=True
    )
    interaction_style: Mapped[str | None] = mapped_column(
        LongText(field="user_preferences.interaction_style", nullable=True), nullable=True
    )
    learning_preferences: Mapped[str | None] = mapped_column(
        LongText(field="user_preferences.learning_preferences", nullable=True), nullable=True
    )
    adaptive_rate: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    updated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class UserProfile(Base):
    """What the bot knows about a user, by QQ id."""

    __tablename__ = "user_profiles"

    qq_id: Mapped[str] = mapped_column(SafeString(255, field="user_profiles.qq_id", nullable=False), primary_key=True)
    qq_name: Mapped[str | None] = mapped_column(
        SafeString(255, field="user_profiles.qq_name", nullable=True), nullable=True
    )
    nicknames: Mapped[str | None] = mapped_column(
        LongText(field="user_profiles.nicknames", nullable=True), nullable=True
    )
    activity_pattern: Mapped[str | None] = mapped_column(
        LongText(field="user_profiles.activity_pattern", nullable=True), nullable=True
    )
    communication_style: Mapped[str | None] = mapped_column(
        LongText(field="user_profiles.communication_style", nullable=True), nullable=True
    )
    topic_preferences: Mapped[str | None] = mapped_column(
        LongText(field="user_profiles.topic_preferences", nullable=True), nullable=True
    )
    emotional_tendency: Mapped[str | None] = mapped_column(
        LongText(field="user_profiles.emotional_tendency", nullable=True), nullable=True
    )
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
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_social_profiles.user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_social_profiles.group_id", nullable=False), nullable=False, index=True
    )
    total_relations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    significant_relations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    dominant_relation_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="user_social_profiles.dominant_relation_type", nullable=True), nullable=True
    )
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
    from_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_social_relation_components.from_user_id", nullable=False),
        nullable=False,
        index=True,
    )
    to_user_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_social_relation_components.to_user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="user_social_relation_components.group_id", nullable=False), nullable=False, index=True
    )
    relation_type: Mapped[str] = mapped_column(
        SafeString(100, field="user_social_relation_components.relation_type", nullable=False), nullable=False
    )
    value: Mapped[float] = mapped_column(Double, nullable=False)
    frequency: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_interaction: Mapped[int] = mapped_column(BigInteger, nullable=False)
    description: Mapped[str | None] = mapped_column(
        LongText(field="user_social_relation_components.description", nullable=True), nullable=True
    )
    tags: Mapped[str | None] = mapped_column(
        LongText(field="user_social_relation_components.tags", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    profile: Mapped[UserSocialProfile] = relationship(back_populates="relation_components", lazy="select")
