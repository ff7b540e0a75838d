# Generated from schema/learning.yaml by codegen. Do not edit.
"""ORM models of the learning domain: Reviews of persona and style updates, learning batches and sessions, and the feedback and optimisation logs of the learning loop."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class InteractionRecord(Base):
    """Single interactions between a user and the bot."""

    __tablename__ = "interaction_records"
    __table_args__ = (
        Index("idx_group_user_interaction", "group_id", "user_id"),
        Index("idx_interaction_record_timestamp", "timestamp"),
        Index("idx_interaction_type", "interaction_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(100, field="interaction_records.group_id", nullable=False), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(100, field="interaction_records.user_id", nullable=False), nullable=False, index=True
    )
    interaction_type: Mapped[str] = mapped_column(
        SafeString(50, field="interaction_records.interaction_type", nullable=False), nullable=False
    )
    content_preview: Mapped[str | None] = mapped_column(
        SafeString(200, field="interaction_records.content_preview", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)


class LearningBatch(Base):
    """One run of the learning loop over a batch of messages."""

    __tablename__ = "learning_batches"
    __table_args__ = (
        Index("idx_batch_name", "batch_name"),
        Index("idx_learning_batch_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="learning_batches.batch_id", nullable=True), nullable=True, index=True, unique=True
    )
    batch_name: Mapped[str] = mapped_column(
        SafeString(255, field="learning_batches.batch_name", nullable=False), nullable=False
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_batches.group_id", nullable=False), nullable=False
    )
    start_time: Mapped[float] = mapped_column(Double, nullable=False)
    end_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    quality_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    processed_messages: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    message_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    filtered_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    success: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=True)
    error_message: Mapped[str | None] = mapped_column(
        LongText(field="learning_batches.error_message", nullable=True), nullable=True
    )
    status: Mapped[str | None] = mapped_column(
        SafeString(50, field="learning_batches.status", nullable=True), nullable=True, default="pending"
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class LearningOptimizationLog(Base):
    """Log of parameter changes made to the learning loop."""

    __tablename__ = "learning_optimization_log"
    __table_args__ = (
        Index("idx_learning_optimization_applied_at", "applied_at"),
        Index("idx_learning_optimization_group", "group_id"),
        Index("idx_optimization_type", "optimization_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_optimization_log.group_id", nullable=False), nullable=False
    )
    optimization_type: Mapped[str] = mapped_column(
        SafeString(100, field="learning_optimization_log.optimization_type", nullable=False), nullable=False
    )
    parameters: Mapped[str | None] = mapped_column(
        LongText(field="learning_optimization_log.parameters", nullable=True), nullable=True
    )
    before_metrics: Mapped[str | None] = mapped_column(
        LongText(field="learning_optimization_log.before_metrics", nullable=True), nullable=True
    )
    after_metrics: Mapped[str | None] = mapped_column(
        LongText(field="learning_optimization_log.after_metrics", nullable=True), nullable=True
    )
    improvement_rate: Mapped[float | None] = mapped_column(Double, nullable=True)
    applied_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class LearningReinforcementFeedback(Base):
    """Feedback that reinforces or weakens a learning result."""

    __tablename__ = "learning_reinforcement_feedback"
    __table_args__ = (
        Index("idx_feedback_type", "feedback_type"),
        Index("idx_reinforcement_feedback_applied_at", "applied_at"),
        Index("idx_reinforcement_feedback_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_reinforcement_feedback.group_id", nullable=False), nullable=False
    )
    feedback_type: Mapped[str] = mapped_column(
        SafeString(100, field="learning_reinforcement_feedback.feedback_type", nullable=False), nullable=False
    )
    feedback_content: Mapped[str | None] = mapped_column(
        LongText(field="learning_reinforcement_feedback.feedback_content", nullable=True), nullable=True
    )
    effectiveness_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    applied_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class LearningSession(Base):
    """A learning session and its outcome."""

    __tablename__ = "learning_sessions"
    __table_args__ = (
        Index("idx_learning_session_batch_id", "batch_id"),
        Index("idx_learning_session_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_sessions.session_id", nullable=False), nullable=False, index=True, unique=True
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="learning_sessions.group_id", nullable=False), nullable=False
    )
    batch_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="learning_sessions.batch_id", nullable=True), nullable=True
    )
    start_time: Mapped[float] = mapped_column(Double, nullable=False)
    end_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    message_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    learning_quality: Mapped[float | None] = mapped_column(Double, nullable=True)
    status: Mapped[str | None] = mapped_column(
        SafeString(50, field="learning_sessions.status", nullable=True), nullable=True, default="active"
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class PersonaChangeSnapshot(Base):
    """Persona before and after an applied review (added by newer plugin versions)."""

    __tablename__ = "persona_change_snapshots"
    __table_args__ = (
        Index("idx_persona_snapshot_applied_at", "applied_at"),
        Index("idx_persona_snapshot_persona", "applied_persona_id"),
        Index("idx_persona_snapshot_review", "review_source", "review_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[str] = mapped_column(
        SafeString(100, field="persona_change_snapshots.review_id", nullable=False), nullable=False, index=True
    )
    review_source: Mapped[str] = mapped_column(
        SafeString(50, field="persona_change_snapshots.review_source", nullable=False), nullable=False, index=True
    )
    applied_persona_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="persona_change_snapshots.applied_persona_id", nullable=True), nullable=True
    )
    applied_at: Mapped[float] = mapped_column(Double, nullable=False)
    before_system_prompt: Mapped[str | None] = mapped_column(
        LongText(field="persona_change_snapshots.before_system_prompt", nullable=True), nullable=True
    )
    after_system_prompt: Mapped[str | None] = mapped_column(
        LongText(field="persona_change_snapshots.after_system_prompt", nullable=True), nullable=True
    )
    before_begin_dialogs: Mapped[str | None] = mapped_column(
        LongText(field="persona_change_snapshots.before_begin_dialogs", nullable=True), nullable=True
    )
    after_begin_dialogs: Mapped[str | None] = mapped_column(
        LongText(field="persona_change_snapshots.after_begin_dialogs", nullable=True), nullable=True
    )
    affected_fields: Mapped[str | None] = mapped_column(
        LongText(field="persona_change_snapshots.affected_fields", nullable=True), nullable=True
    )


class PersonaLearningReview(Base):
    """Persona updates proposed by learning, waiting for or after human review."""

    __tablename__ = "persona_update_reviews"
    __table_args__ = (
        Index("idx_group_persona_review", "group_id", "status"),
        Index("idx_persona_review_status", "status"),
        Index("idx_persona_review_timestamp", "timestamp"),
        Index("idx_persona_review_time", "review_time", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_update_reviews.group_id", nullable=False), nullable=False, index=True
    )
    update_type: Mapped[str] = mapped_column(
        SafeString(255, field="persona_update_reviews.update_type", nullable=False), nullable=False
    )
    original_content: Mapped[str | None] = mapped_column(
        LongText(field="persona_update_reviews.original_content", nullable=True), nullable=True
    )
    new_content: Mapped[str | None] = mapped_column(
        LongText(field="persona_update_reviews.new_content", nullable=True), nullable=True
    )
    proposed_content: Mapped[str | None] = mapped_column(
        LongText(field="persona_update_reviews.proposed_content", nullable=True), nullable=True
    )
    confidence_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    reason: Mapped[str | None] = mapped_column(
        LongText(field="persona_update_reviews.reason", nullable=True), nullable=True
    )
    status: Mapped[str] = mapped_column(
        SafeString(50, field="persona_update_reviews.status", nullable=False), nullable=False, default="pending"
    )
    reviewer_comment: Mapped[str | None] = mapped_column(
        LongText(field="persona_update_reviews.reviewer_comment", nullable=True), nullable=True
    )
    review_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    metadata_: Mapped[str | None] = mapped_column(
        "metadata", LongText(field="persona_update_reviews.metadata", nullable=True), nullable=True
    )


class StyleLearningPattern(Base):
    """Style patterns learned per group."""

    __tablename__ = "style_learning_patterns"
    __table_args__ = (
        Index("idx_group_pattern_type", "group_id", "pattern_type"),
        Index("idx_pattern_last_used", "last_used"),
        Index("idx_pattern_usage", "usage_count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(100, field="style_learning_patterns.group_id", nullable=False), nullable=False, index=True
    )
    pattern_type: Mapped[str] = mapped_column(
        SafeString(50, field="style_learning_patterns.pattern_type", nullable=False), nullable=False
    )
    pattern: Mapped[str] = mapped_column(
        LongText(field="style_learning_patterns.pattern", nullable=False), nullable=False
    )
    usage_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    confidence: Mapped[float | None] = mapped_column(Double, nullable=True, default=1.0)
    last_used: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    updated_at: Mapped[int] = mapped_column(BigInteger, nullable=False)


class StyleLearningReview(Base):
    """Style learning results waiting for or after human review; approved ones become few-shot examples."""

    __tablename__ = "style_learning_reviews"
    __table_args__ = (
        Index("idx_style_review_group", "group_id"),
        Index("idx_style_review_status", "status"),
        Index("idx_style_review_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(
        SafeString(100, field="style_learning_reviews.type", nullable=False), nullable=False
    )
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="style_learning_reviews.group_id", nullable=False), nullable=False
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    learned_patterns: Mapped[str | None] = mapped_column(
        LongText(field="style_learning_reviews.learned_patterns", nullable=True), nullable=True
    )
    few_shots_content: Mapped[str | None] = mapped_column(
        LongText(field="style_learning_reviews.few_shots_content", nullable=True), nullable=True
    )
    status: Mapped[str | None] = mapped_column(
        SafeString(50, field="style_learning_reviews.status", nullable=True), nullable=True, default="pending"
    )
    description: Mapped[str | None] = mapped_column(
        LongText(field="style_learning_reviews.description", nullable=True), nullable=True
    )
    reviewer_comment: Mapped[str | None] = mapped_column(
        LongText(field="style_learning_reviews.reviewer_comment", nullable=True), nullable=True
    )
    review_time: Mapped[float | None] = mapped_column(Double, nullable=True)
    metadata_: Mapped[str | None] = mapped_column(
        "metadata", LongText(field="style_learning_reviews.metadata", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
