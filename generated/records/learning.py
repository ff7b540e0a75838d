# Generated from schema/learning.yaml by codegen. Do not edit.
"""Typed records of the learning domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class InteractionRecordRecord(TypedDict):
    """A row of interaction_records; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    interaction_type: str | None
    content_preview: str | None
    timestamp: int | None


class InteractionRecordValues(TypedDict, total=False):
    """Column values to insert into or update in interaction_records."""

    id: int | None
    group_id: str
    user_id: str
    interaction_type: str
    content_preview: str | None
    timestamp: int


def interaction_record_record(row: Mapping[Any, Any]) -> InteractionRecordRecord:
    """The record of one interaction_records row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "interaction_type": row["interaction_type"],
        "content_preview": row["content_preview"],
        "timestamp": row["timestamp"],
    }


class LearningBatchRecord(TypedDict):
    """A row of learning_batches; date-times as ISO 8601 text."""

    id: int
    batch_id: str | None
    batch_name: str | None
    group_id: str | None
    start_time: float | None
    end_time: float | None
    quality_score: float | None
    processed_messages: int | None
    message_count: int | None
    filtered_count: int | None
    success: bool | None
    error_message: str | None
    status: str | None
    created_at: str | None


class LearningBatchValues(TypedDict, total=False):
    """Column values to insert into or update in learning_batches."""

    id: int | None
    batch_id: str | None
    batch_name: str
    group_id: str
    start_time: float
    end_time: float | None
    quality_score: float | None
    processed_messages: int | None
    message_count: int | None
    filtered_count: int | None
    success: bool | None
    error_message: str | None
    status: str | None
    created_at: datetime.datetime | None


def learning_batch_record(row: Mapping[Any, Any]) -> LearningBatchRecord:
    """The record of one learning_batches row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "batch_id": row["batch_id"],
        "batch_name": row["batch_name"],
        "group_id": row["group_id"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "quality_score": row["quality_score"],
        "processed_messages": row["processed_messages"],
        "message_count": row["message_count"],
        "filtered_count": row["filtered_count"],
        "success": row["success"],
        "error_message": row["error_message"],
        "status": row["status"],
        "created_at": iso_datetime(row["created_at"]),
    }


class LearningOptimizationLogRecord(TypedDict):
    """A row of learning_optimization_log; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    optimization_type: str | None
    parameters: str | None
    before_metrics: str | None
    after_metrics: str | None
    improvement_rate: float | None
    applied_at: float | None
    created_at: str | None


class LearningOptimizationLogValues(TypedDict, total=False):
    """Column values to insert into or update in learning_optimization_log."""

    id: int | None
    group_id: str
    optimization_type: str
    parameters: str | None
    before_metrics: str | None
    after_metrics: str | None
    improvement_rate: float | None
    applied_at: float
    created_at: datetime.datetime | None


def learning_optimization_log_record(row: Mapping[Any, Any]) -> LearningOptimizationLogRecord:
    """The record of one learning_optimization_log row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "optimization_type": row["optimization_type"],
        "parameters": row["parameters"],
        "before_metrics": row["before_metrics"],
        "after_metrics": row["after_metrics"],
        "improvement_rate": row["improvement_rate"],
        "applied_at": row["applied_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class LearningReinforcementFeedbackRecord(TypedDict):
    """A row of learning_reinforcement_feedback; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    feedback_type: str | None
    feedback_content: str | None
    effectiveness_score: float | None
    applied_at: float | None
    created_at: str | None


class LearningReinforcementFeedbackValues(TypedDict, total=False):
    """Column values to insert into or update in learning_reinforcement_feedback."""

    id: int | None
    group_id: str
    feedback_type: str
    feedback_content: str | None
    effectiveness_score: float | None
    applied_at: float
    created_at: datetime.datetime | None


def learning_reinforcement_feedback_record(row: Mapping[Any, Any]) -> LearningReinforcementFeedbackRecord:
    """The record of one learning_reinforcement_feedback row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "feedback_type": row["feedback_type"],
        "feedback_content": row["feedback_content"],
        "effectiveness_score": row["effectiveness_score"],
        "applied_at": row["applied_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class LearningSessionRecord(TypedDict):
    """A row of learning_sessions; date-times as ISO 8601 text."""

    id: int
    session_id: str | None
    group_id: str | None
    batch_id: str | None
    start_time: float | None
    end_time: float | None
    message_count: int | None
    learning_quality: float | None
    status: str | None
    created_at: str | None


class LearningSessionValues(TypedDict, total=False):
    """Column values to insert into or update in learning_sessions."""

    id: int | None
    session_id: str
    group_id: str
    batch_id: str | None
    start_time: float
    end_time: float | None
    message_count: int | None
    learning_quality: float | None
    status: str | None
    created_at: datetime.datetime | None


def learning_session_record(row: Mapping[Any, Any]) -> LearningSessionRecord:
    """The record of one learning_sessions row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "session_id": row["session_id"],
        "group_id": row["group_id"],
        "batch_id": row["batch_id"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "message_count": row["message_count"],
        "learning_quality": row["learning_quality"],
        "status": row["status"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaChangeSnapshotRecord(TypedDict):
    """A row of persona_change_snapshots; date-times as ISO 8601 text."""

    id: int
    review_id: str | None
    review_source: str | None
    applied_persona_id: str | None
    applied_at: float | None
    before_system_prompt: str | None
    after_system_prompt: str | None
    before_begin_dialogs: str | None
    after_begin_dialogs: str | None
    affected_fields: str | None


class PersonaChangeSnapshotValues(TypedDict, total=False):
    """Column values to insert into or update in persona_change_snapshots."""

    id: int | None
    review_id: str
    review_source: str
    applied_persona_id: str | None
    applied_at: float
    before_system_prompt: str | None
    after_system_prompt: str | None
    before_begin_dialogs: str | None
    after_begin_dialogs: str | None
    affected_fields: str | None


def persona_change_snapshot_record(row: Mapping[Any, Any]) -> PersonaChangeSnapshotRecord:
    """The record of one persona_change_snapshots row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "review_id": row["review_id"],
        "review_source": row["review_source"],
        "applied_persona_id": row["applied_persona_id"],
        "applied_at": row["applied_at"],
        "before_system_prompt": row["before_system_prompt"],
        "after_system_prompt": row["after_system_prompt"],
        "before_begin_dialogs": row["before_begin_dialogs"],
        "after_begin_dialogs": row["after_begin_dialogs"],
        "affected_fields": row["affected_fields"],
    }


class PersonaLearningReviewRecord(TypedDict):
    """A row of persona_update_reviews; date-times as ISO 8601 text."""

    id: int
    timestamp: float | None
    group_id: str | None
    update_type: str | None
    original_content: str | None
    new_content: str | None
    proposed_content: str | None
    confidence_score: float | None
    reason: str | None
    status: str | None
    reviewer_comment: str | None
    review_time: float | None
    metadata: str | None


class PersonaLearningReviewValues(TypedDict, total=False):
    """Column values to insert into or update in persona_update_reviews."""

    id: int | None
    timestamp: float
    group_id: str
    update_type: str
    original_content: str | None
    new_content: str | None
    proposed_content: str | None
    confidence_score: float | None
    reason: str | None
    status: str
    reviewer_comment: str | None
    review_time: float | None
    metadata: str | None


def persona_learning_review_record(row: Mapping[Any, Any]) -> PersonaLearningReviewRecord:
    """The record of one persona_update_reviews row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "timestamp": row["timestamp"],
        "group_id": row["group_id"],
        "update_type": row["update_type"],
        "original_content": row["original_content"],
        "new_content": row["new_content"],
        "proposed_content": row["proposed_content"],
        "confidence_score": row["confidence_score"],
        "reason": row["reason"],
        "status": row["status"],
        "reviewer_comment": row["reviewer_comment"],
        "review_time": row["review_time"],
        "metadata": row["metadata"],
    }


class StyleLearningPatternRecord(TypedDict):
    """A row of style_learning_patterns; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    pattern_type: str | None
    pattern: str | None
    usage_count: int | None
    confidence: float | None
    last_used: int | None
    created_at: int | None
    updated_at: int | None


class StyleLearningPatternValues(TypedDict, total=False):
    """Column values to insert into or update in style_learning_patterns."""

    id: int | None
    group_id: str
    pattern_type: str
    pattern: str
    usage_count: int | None
    confidence: float | None
    last_used: int | None
    created_at: int
    updated_at: int


def style_learning_pattern_record(row: Mapping[Any, Any]) -> StyleLearningPatternRecord:
    """The record of one style_learning_patterns row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "pattern_type": row["pattern_type"],
        "pattern": row["pattern"],
        "usage_count": row["usage_count"],
        "confidence": row["confidence"],
        "last_used": row["last_used"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class StyleLearningReviewRecord(TypedDict):
    """A row of style_learning_reviews; date-times as ISO 8601 text."""

    id: int
    type: str | None
    group_id: str | None
    timestamp: float | None
    learned_patterns: str | None
    few_shots_content: str | None
    status: str | None
    description: str | None
    reviewer_comment: str | None
    review_time: float | None
    metadata: str | None
    created_at: str | None
    updated_at: str | None


class StyleLearningReviewValues(TypedDict, total=False):
    """Column values to insert into or update in style_learning_reviews."""

    id: int | None
    type: str
    group_id: str
    timestamp: float
    learned_patterns: str | None
    few_shots_content: str | None
    status: str | None
    description: str | None
    reviewer_comment: str | None
    review_time: float | None
    metadata: str | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None


def style_learning_review_record(row: Mapping[Any, Any]) -> StyleLearningReviewRecord:
    """The record of one style_learning_reviews row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "type": row["type"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "learned_patterns": row["learned_patterns"],
        "few_shots_content": row["few_shots_content"],
        "status": row["status"],
        "description": row["description"],
        "reviewer_comment": row["reviewer_comment"],
        "review_time": row["review_time"],
        "metadata": row["metadata"],
        "created_at": iso_datetime(row["created_at"]),
        "updated_at": iso_datetime(row["updated_at"]),
    }
