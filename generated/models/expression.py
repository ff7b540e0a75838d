# Generated from schema/expression.yaml by codegen. Do not edit.
"""ORM models of the expression domain: Expression patterns learned per group, their generated results, adaptive reply templates and style profiles."""

from __future__ import annotations

import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class AdaptiveResponseTemplate(Base):
    """Reply templates adapted to a group."""

    __tablename__ = "adaptive_response_templates"
    __table_args__ = (
        Index("idx_template_adapted", "last_adapted_at"),
        Index("idx_template_group", "group_id"),
        Index("idx_template_success", "success_rate"),
        Index("idx_template_usage", "usage_count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="adaptive_response_templates.group_id", nullable=False), nullable=False
    )
    template_text: Mapped[str] = mapped_column(
        LongText(field="adaptive_response_templates.template_text", nullable=False), nullable=False
    )
    trigger_patterns: Mapped[str] = mapped_column(
        LongText(field="adaptive_response_templates.trigger_patterns", nullable=False), nullable=False
    )
    usage_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    success_rate: Mapped[float | None] = mapped_column(Double, nullable=True)
    last_adapted_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class ExpressionGenerationResult(Base):
    """Text generated from an expression pattern, and its feedback."""

    __tablename__ = "expression_generation_results"
    __table_args__ = (
        Index("idx_gen_feedback", "user_feedback"),
        Index("idx_gen_generated", "generated_at"),
        Index("idx_gen_group", "group_id"),
        Index("idx_gen_pattern", "pattern_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="expression_generation_results.group_id", nullable=False), nullable=False
    )
    pattern_id: Mapped[int] = mapped_column(Integer, ForeignKey("expression_patterns.id"), nullable=False)
    generated_text: Mapped[str] = mapped_column(
        LongText(field="expression_generation_results.generated_text", nullable=False), nullable=False
    )
    context: Mapped[str | None] = mapped_column(
        LongText(field="expression_generation_results.context", nullable=True), nullable=True
    )
    quality_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    user_feedback: Mapped[str | None] = mapped_column(
        SafeString(50, field="expression_generation_results.user_feedback", nullable=True), nullable=True
    )
    generated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())
    pattern: Mapped[ExpressionPattern] = relationship(back_populates="generation_results", lazy="select")


class ExpressionPattern(Base):
    """A situation and the expression a group uses for it, with a weight."""

    __tablename__ = "expression_patterns"
    __table_args__ = (
        Index("idx_expression_scope_user_active", "group_id", "persona_id", "user_id", "last_active_time"),
        Index("idx_expression_scope_user_weight", "group_id", "persona_id", "user_id", "weight"),
        Index("idx_group_persona_active", "group_id", "persona_id", "last_active_time"),
        Index("idx_group_persona_weight", "group_id", "persona_id", "weight"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="expression_patterns.group_id", nullable=False), nullable=False, index=True
    )
    persona_id: Mapped[str] = mapped_column(
        SafeString(255, field="expression_patterns.persona_id", nullable=False),
        nullable=False,
        index=True,
        default="default",
        server_default="default",
    )
    user_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="expression_patterns.user_id", nullable=True), nullable=True, index=True
    )
    situation: Mapped[str] = mapped_column(
        LongText(field="expression_patterns.situation", nullable=False), nullable=False
    )
    expression: Mapped[str] = mapped_column(
        LongText(field="expression_patterns.expression", nullable=False), nullable=False
    )
    weight: Mapped[float] = mapped_column(Double, nullable=False, default=1.0)
    last_active_time: Mapped[float] = mapped_column(Double, nullable=False)
    create_time: Mapped[float] = mapped_column(Double, nullable=False)
    generation_results: Mapped[list[ExpressionGenerationResult]] = relationship(
        back_populates="pattern", lazy="selectin"
    )


class LanguageStylePattern(Base):
    """Language style patterns and their examples."""

    __tablename__ = "language_style_patterns"
    __table_args__ = (
        Index("idx_lang_context", "context_type"),
        Index("idx_lang_style", "language_style"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    language_style: Mapped[str] = mapped_column(
        SafeString(255, field="language_style_patterns.language_style", nullable=False), nullable=False
    )
    example_phrases: Mapped[str | None] = mapped_column(
        LongText(field="language_style_patterns.example_phrases", nullable=True), nullable=True
    )
    usage_frequency: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    context_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="language_style_patterns.context_type", nullable=True), nullable=True, default="general"
    )
    confidence_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    last_updated: Mapped[float | None] = mapped_column(Double, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class StyleLearningRecord(Base):
    """Records of style learning runs."""

    __tablename__ = "style_learning_records"
    __table_args__ = (Index("idx_style_record_type", "style_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    style_type: Mapped[str] = mapped_column(
        SafeString(100, field="style_learning_records.style_type", nullable=False), nullable=False
    )
    learned_patterns: Mapped[str | None] = mapped_column(
        LongText(field="style_learning_records.learned_patterns", nullable=True), nullable=True
    )
    confidence_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    sample_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_updated: Mapped[float | None] = mapped_column(Double, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class StyleProfile(Base):
    """Named style profiles."""

    __tablename__ = "style_profiles"
    __table_args__ = (Index("idx_style_profile_name", "profile_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_name: Mapped[str] = mapped_column(
        SafeString(255, field="style_profiles.profile_name", nullable=False), nullable=False
    )
    vocabulary_richness: Mapped[float | None] = mapped_column(Double, nullable=True)
    sentence_complexity: Mapped[float | None] = mapped_column(Double, nullable=True)
    emotional_expression: Mapped[float | None] = mapped_column(Double, nullable=True)
    interaction_tendency: Mapped[float | None] = mapped_column(Double, nullable=True)
    topic_diversity: Mapped[float | None] = mapped_column(Double, nullable=True)
    formality_level: Mapped[float | None] = mapped_column(Double, nullable=True)
    creativity_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())
