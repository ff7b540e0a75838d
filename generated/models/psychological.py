# Generated from schema/psychological.yaml by codegen. Do not edit.
"""ORM models of the psychological domain: The bot's psychological state and mood, emotion profiles of users, persona attributes and persona backups."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class BotMood(Base):
    """The bot's mood in a group, with its period of validity."""

    __tablename__ = "bot_mood"
    __table_args__ = (Index("idx_mood_group_active", "group_id", "is_active"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="bot_mood.group_id", nullable=False), nullable=False, index=True
    )
    mood_type: Mapped[str] = mapped_column(SafeString(100, field="bot_mood.mood_type", nullable=False), nullable=False)
    mood_intensity: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    mood_description: Mapped[str | None] = mapped_column(
        LongText(field="bot_mood.mood_description", nullable=True), nullable=True
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    start_time: Mapped[float] = mapped_column(Double, nullable=False)
    end_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    is_active: Mapped[int | None] = mapped_column(Integer, nullable=True, default=1)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class CompositePsychologicalState(Base):
    """The bot's overall psychological state in a group."""

    __tablename__ = "composite_psychological_states"
    __table_args__ = (
        Index("idx_psych_state_group", "group_id"),
        Index("idx_psych_state_group_user", "group_id", "user_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="composite_psychological_states.group_id", nullable=False), nullable=False
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="composite_psychological_states.user_id", nullable=False),
        nullable=False,
        default="",
        server_default="",
    )
    state_id: Mapped[str] = mapped_column(
        SafeString(255, field="composite_psychological_states.state_id", nullable=False), nullable=False, unique=True
    )
    overall_state: Mapped[str] = mapped_column(
        SafeString(100, field="composite_psychological_states.overall_state", nullable=False),
        nullable=False,
        default="neutral",
        server_default="neutral",
    )
    state_intensity: Mapped[float] = mapped_column(Double, nullable=False, default=0.5)
    last_transition_time: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    triggering_events: Mapped[str | None] = mapped_column(
        LongText(field="composite_psychological_states.triggering_events", nullable=True), nullable=True
    )
    context: Mapped[str | None] = mapped_column(
        LongText(field="composite_psychological_states.context", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_updated: Mapped[int] = mapped_column(BigInteger, nullable=False)
    components: Mapped[list[PsychologicalStateComponent]] = relationship(
        back_populates="composite_state", lazy="selectin"
    )


class EmotionProfile(Base):
    """Emotion profile of a user in a group."""

    __tablename__ = "emotion_profiles"
    __table_args__ = (Index("idx_emotion_user_group", "user_id", "group_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="emotion_profiles.user_id", nullable=False), nullable=False, index=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="emotion_profiles.group_id", nullable=False), nullable=False, index=True
    )
    dominant_emotions: Mapped[str | None] = mapped_column(
        LongText(field="emotion_profiles.dominant_emotions", nullable=True), nullable=True
    )
    emotion_patterns: Mapped[str | None] = mapped_column(
        LongText(field="emotion_profiles.emotion_patterns", nullable=True), nullable=True
    )
    empathy_level: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    emotional_stability: Mapped[float | None] = mapped_column(Double, nullable=True, default=0.5)
    last_updated: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PersonaAttributeWeight(Base):
    """Weights of persona attributes."""

    __tablename__ = "persona_attribute_weights"
    __table_args__ = (
        Index("idx_weight_attribute", "attribute_name"),
        Index("idx_weight_group", "group_id"),
        Index("idx_weight_persona", "persona_id"),
        Index("idx_weight_updated", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_attribute_weights.group_id", nullable=False), nullable=False
    )
    persona_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_attribute_weights.persona_id", nullable=False), nullable=False
    )
    attribute_name: Mapped[str] = mapped_column(
        SafeString(100, field="persona_attribute_weights.attribute_name", nullable=False), nullable=False
    )
    weight: Mapped[float] = mapped_column(Double, nullable=False)
    adjustment_reason: Mapped[str | None] = mapped_column(
        LongText(field="persona_attribute_weights.adjustment_reason", nullable=True), nullable=True
    )
    updated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PersonaBackup(Base):
    """Backups of a group's persona, restorable later."""

    __tablename__ = "persona_backups"
    __table_args__ = (Index("idx_backup_timestamp", "timestamp"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_backups.group_id", nullable=False),
        nullable=False,
        index=True,
        default="default",
        server_default="default",
    )
    backup_name: Mapped[str] = mapped_column(
        SafeString(255, field="persona_backups.backup_name", nullable=False), nullable=False
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    reason: Mapped[str | None] = mapped_column(LongText(field="persona_backups.reason", nullable=True), nullable=True)
    persona_config: Mapped[str | None] = mapped_column(
        LongText(field="persona_backups.persona_config", nullable=True), nullable=True
    )
    original_persona: Mapped[str | None] = mapped_column(
        LongText(field="persona_backups.original_persona", nullable=True), nullable=True
    )
    imitation_dialogues: Mapped[str | None] = mapped_column(
        LongText(field="persona_backups.imitation_dialogues", nullable=True), nullable=True
    )
    backup_reason: Mapped[str | None] = mapped_column(
        LongText(field="persona_backups.backup_reason", nullable=True), nullable=True
    )
    backup_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    persona_content: Mapped[str | None] = mapped_column(
        LongText(field="persona_backups.persona_content", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PersonaDiversityScore(Base):
    """Diversity scores of a persona."""

    __tablename__ = "persona_diversity_scores"
    __table_args__ = (
        Index("idx_diversity_calculated", "calculated_at"),
        Index("idx_diversity_dimension", "diversity_dimension"),
        Index("idx_diversity_group", "group_id"),
        Index("idx_diversity_persona", "persona_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_diversity_scores.group_id", nullable=False), nullable=False
    )
    persona_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_diversity_scores.persona_id", nullable=False), nullable=False
    )
    diversity_dimension: Mapped[str] = mapped_column(
        SafeString(100, field="persona_diversity_scores.diversity_dimension", nullable=False), nullable=False
    )
    score: Mapped[float] = mapped_column(Double, nullable=False)
    calculated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PersonaEvolutionSnapshot(Base):
    """Snapshots of a persona as it evolves."""

    __tablename__ = "persona_evolution_snapshots"
    __table_args__ = (
        Index("idx_snapshot_group", "group_id"),
        Index("idx_snapshot_persona", "persona_id"),
        Index("idx_snapshot_timestamp", "snapshot_timestamp"),
        Index("idx_snapshot_version", "version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_evolution_snapshots.group_id", nullable=False), nullable=False
    )
    persona_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_evolution_snapshots.persona_id", nullable=False), nullable=False
    )
    snapshot_data: Mapped[str] = mapped_column(
        LongText(field="persona_evolution_snapshots.snapshot_data", nullable=False), nullable=False
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    snapshot_timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    trigger_event: Mapped[str | None] = mapped_column(
        LongText(field="persona_evolution_snapshots.trigger_event", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PsychologicalStateComponent(Base):
    """One component (dimension) of a composite psychological state."""

    __tablename__ = "psychological_state_components"
    __table_args__ = (
        Index("idx_psych_component_category", "category"),
        Index("idx_psych_component_composite", "composite_state_id"),
        Index("idx_psych_component_state", "state_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    composite_state_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("composite_psychological_states.id"), nullable=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="psychological_state_components.group_id", nullable=False), nullable=False, index=True
    )
    state_id: Mapped[str] = mapped_column(
        SafeString(255, field="psychological_state_components.state_id", nullable=False), nullable=False
    )
    category: Mapped[str] = mapped_column(
        SafeString(50, field="psychological_state_components.category", nullable=False), nullable=False
    )
    state_type: Mapped[str] = mapped_column(
        SafeString(100, field="psychological_state_components.state_type", nullable=False), nullable=False
    )
    value: Mapped[float] = mapped_column(Double, nullable=False)
    threshold: Mapped[float] = mapped_column(Double, nullable=False, default=0.3)
    description: Mapped[str | None] = mapped_column(
        LongText(field="psychological_state_components.description", nullable=True), nullable=True
    )
    start_time: Mapped[int] = mapped_column(BigInteger, nullable=False)
    composite_state: Mapped[CompositePsychologicalState] = relationship(back_populates="components", lazy="select")


class PsychologicalStateHistory(Base):
    """Changes of psychological state components over time."""

    __tablename__ = "psychological_state_history"
    __table_args__ = (
        Index("idx_psych_history_group", "group_id"),
        Index("idx_psych_history_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="psychological_state_history.group_id", nullable=False), nullable=False
    )
    state_id: Mapped[str] = mapped_column(
        SafeString(255, field="psychological_state_history.state_id", nullable=False), nullable=False
    )
    category: Mapped[str] = mapped_column(
        SafeString(50, field="psychological_state_history.category", nullable=False), nullable=False
    )
    old_state_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="psychological_state_history.old_state_type", nullable=True), nullable=True
    )
    new_state_type: Mapped[str] = mapped_column(
        SafeString(100, field="psychological_state_history.new_state_type", nullable=False), nullable=False
    )
    old_value: Mapped[float | None] = mapped_column(Double, nullable=True)
    new_value: Mapped[float] = mapped_column(Double, nullable=False)
    change_reason: Mapped[str | None] = mapped_column(
        LongText(field="psychological_state_history.change_reason", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
