# Generated from schema/expression.yaml by codegen. Do not edit.
"""Typed records of the expression domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class AdaptiveResponseTemplateRecord(TypedDict):
    """A row of adaptive_response_templates; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    template_text: str | None
    trigger_patterns: str | None
    usage_count: int | None
    success_rate: float | None
    last_adapted_at: float | None
    created_at: str | None


class AdaptiveResponseTemplateValues(TypedDict, total=False):
    """Column values to insert into or update in adaptive_response_templates."""

    id: int | None
    group_id: str
    template_text: str
    trigger_patterns: str
    usage_count: int | None
    success_rate: float | None
    last_adapted_at: float
    created_at: datetime.datetime | None


def adaptive_response_template_record(row: Mapping[Any, Any]) -> AdaptiveResponseTemplateRecord:
    """The record of one adaptive_response_templates row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "template_text": row["template_text"],
        "trigger_patterns": row["trigger_patterns"],
        "usage_count": row["usage_count"],
        "success_rate": row["success_rate"],
        "last_adapted_at": row["last_adapted_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ExpressionGenerationResultRecord(TypedDict):
    """A row of expression_generation_results; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    pattern_id: int | None
    generated_text: str | None
    context: str | None
    quality_score: float | None
    user_feedback: str | None
    generated_at: float | None
    created_at: str | None


class ExpressionGenerationResultValues(TypedDict, total=False):
    """Column values to insert into or update in expression_generation_results."""

    id: int | None
    group_id: str
    pattern_id: int
    generated_text: str
    context: str | None
    quality_score: float | None
    user_feedback: str | None
    generated_at: float
    created_at: datetime.datetime | None


def expression_generation_result_record(row: Mapping[Any, Any]) -> ExpressionGenerationResultRecord:
    """The record of one expression_generation_results row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "pattern_id": row["pattern_id"],
        "generated_text": row["generated_text"],
        "context": row["context"],
        "quality_score": row["quality_score"],
        "user_feedback": row["user_feedback"],
        "generated_at": row["generated_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ExpressionPatternRecord(TypedDict):
    """A row of expression_patterns; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    persona_id: str
    user_id: str | None
    situation: str | None
    expression: str | None
    weight: float | None
    last_active_time: float | None
    create_time: float | None


class ExpressionPatternValues(TypedDict, total=False):
    """Column values to insert into or update in expression_patterns."""

    id: int | None
    group_id: str
    persona_id: str
    user_id: str | None
    situation: str
    expression: str
    weight: float
    last_active_time: float
    create_time: float


def expression_pattern_record(row: Mapping[Any, Any]) -> ExpressionPatternRecord:
    """The record of one expression_patterns row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "persona_id": row["persona_id"],
        "user_id": row["user_id"],
        "situation": row["situation"],
        "expression": row["expression"],
        "weight": row["weight"],
        "last_active_time": row["last_active_time"],
        "create_time": row["create_time"],
    }


class LanguageStylePatternRecord(TypedDict):
    """A row of language_style_patterns; date-times as ISO 8601 text."""

    id: int
    language_style: str | None
    example_phrases: str | None
    usage_frequency: int | None
    context_type: str | None
    confidence_score: float | None
    last_updated: float | None
    created_at: str | None


class LanguageStylePatternValues(TypedDict, total=False):
    """Column values to insert into or update in language_style_patterns."""

    id: int | None
    language_style: str
    example_phrases: str | None
    usage_frequency: int | None
    context_type: str | None
    confidence_score: float | None
    last_updated: float | None
    created_at: datetime.datetime | None


def language_style_pattern_record(row: Mapping[Any, Any]) -> LanguageStylePatternRecord:
    """The record of one language_style_patterns row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "language_style": row["language_style"],
        "example_phrases": row["example_phrases"],
        "usage_frequency": row["usage_frequency"],
        "context_type": row["context_type"],
        "confidence_score": row["confidence_score"],
        "last_updated": row["last_updated"],
        "created_at": iso_datetime(row["created_at"]),
    }


class StyleLearningRecordRecord(TypedDict):
    """A row of style_learning_records; date-times as ISO 8601 text."""

    id: int
    style_type: str | None
    learned_patterns: str | None
    confidence_score: float | None
    sample_count: int | None
    last_updated: float | None
    created_at: str | None


class StyleLearningRecordValues(TypedDict, total=False):
    """Column values to insert into or update in style_learning_records."""

    id: int | None
    style_type: str
    learned_patterns: str | None
    confidence_score: float | None
    sample_count: int | None
    last_updated: float | None
    created_at: datetime.datetime | None


def style_learning_record_record(row: Mapping[Any, Any]) -> StyleLearningRecordRecord:
    """The record of one style_learning_records row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "style_type": row["style_type"],
        "learned_patterns": row["learned_patterns"],
        "confidence_score": row["confidence_score"],
        "sample_count": row["sample_count"],
        "last_updated": row["last_updated"],
        "created_at": iso_datetime(row["created_at"]),
    }


class StyleProfileRecord(TypedDict):
    """A row of style_profiles; date-times as ISO 8601 text."""

    id: int
    profile_name: str | None
    vocabulary_richness: float | None
    sentence_complexity: float | None
    emotional_expression: float | None
    interaction_tendency: float | None
    topic_diversity: float | None
    formality_level: float | None
    creativity_score: float | None
    created_at: str | None


class StyleProfileValues(TypedDict, total=False):
    """Column values to insert into or update in style_profiles."""

    id: int | None
    profile_name: str
    vocabulary_richness: float | None
    sentence_complexity: float | None
    emotional_expression: float | None
    interaction_tendency: float | None
    topic_diversity: float | None
    formality_level: float | None
    creativity_score: float | None
    created_at: datetime.datetime | None


def style_profile_record(row: Mapping[Any, Any]) -> StyleProfileRecord:
    """The record of one style_profiles row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "profile_name": row["profile_name"],
        "vocabulary_richness": row["vocabulary_richness"],
        "sentence_complexity": row["sentence_complexity"],
        "emotional_expression": row["emotional_expression"],
        "interaction_tendency": row["interaction_tendency"],
        "topic_diversity": row["topic_diversity"],
        "formality_level": row["formality_level"],
        "creativity_score": row["creativity_score"],
        "created_at": iso_datetime(row["created_at"]),
    }
