# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""Fixed dict shapes the LearningFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.jsontext import loads_as, loads_or
from sldb.handwritten.runtime.values.records import iso_datetime

__all__ = [
    "PersonaChangeSnapshotView",
    "PersonaReviewView",
    "StyleLearningStatistics",
    "StylePendingReviewView",
    "StyleProgressPoint",
    "StyleReviewView",
    "persona_change_snapshot_view",
    "persona_review_view",
    "style_pending_review_view",
    "style_progress_point",
    "style_review_view",
]


class PersonaReviewView(TypedDict):
    """A persona learning review (persona_update_reviews) with its metadata decoded ({} when empty or not an object)."""

    id: int
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
    metadata: dict[str, Any]


def persona_review_view(row: Mapping[Any, Any]) -> PersonaReviewView:
    """The PersonaReviewView of one persona_update_reviews row (a result mapping or record keyed by column name)."""
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
        "metadata": loads_as(row["metadata"], {}),
    }


class StylePendingReviewView(TypedDict):
    """A pending style learning review; learned_patterns decoded ([] when empty), metadata decoded ({} when empty), created_at as ISO 8601 text."""

    id: int
    type: str
    group_id: str
    timestamp: float
    learned_patterns: Any
    few_shots_content: str | None
    status: str | None
    description: str | None
    reviewer_comment: str | None
    review_time: float | None
    created_at: str | None
    metadata: dict[str, Any]


def style_pending_review_view(row: Mapping[Any, Any]) -> StylePendingReviewView:
    """The StylePendingReviewView of one style_learning_reviews row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "type": row["type"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "learned_patterns": loads_or(row["learned_patterns"], []),
        "few_shots_content": row["few_shots_content"],
        "status": row["status"],
        "description": row["description"],
        "reviewer_comment": row["reviewer_comment"],
        "review_time": row["review_time"],
        "created_at": iso_datetime(row["created_at"]),
        "metadata": loads_as(row["metadata"], {}),
    }


class StyleReviewView(TypedDict):
    """A reviewed style learning review; learned_patterns decoded ([] when empty), metadata decoded ({} when empty)."""

    id: int
    type: str
    group_id: str
    timestamp: float
    learned_patterns: Any
    few_shots_content: str | None
    status: str | None
    description: str | None
    reviewer_comment: str | None
    review_time: float | None
    metadata: dict[str, Any]


def style_review_view(row: Mapping[Any, Any]) -> StyleReviewView:
    """The StyleReviewView of one style_learning_reviews row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "type": row["type"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "learned_patterns": loads_or(row["learned_patterns"], []),
        "few_shots_content": row["few_shots_content"],
        "status": row["status"],
        "description": row["description"],
        "reviewer_comment": row["reviewer_comment"],
        "review_time": row["review_time"],
        "metadata": loads_as(row["metadata"], {}),
    }


class PersonaChangeSnapshotView(TypedDict):
    """A persona change snapshot; prompts as text ('' when empty), dialog and field lists decoded ([] when empty or invalid)."""

    id: int
    review_id: str
    review_source: str
    applied_persona_id: str | None
    applied_at: float
    before_system_prompt: str
    after_system_prompt: str
    before_begin_dialogs: Any
    after_begin_dialogs: Any
    affected_fields: Any


def persona_change_snapshot_view(row: Mapping[Any, Any]) -> PersonaChangeSnapshotView:
    """The PersonaChangeSnapshotView of one persona_change_snapshots row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "review_id": row["review_id"],
        "review_source": row["review_source"],
        "applied_persona_id": row["applied_persona_id"],
        "applied_at": row["applied_at"],
        "before_system_prompt": row["before_system_prompt"] if row["before_system_prompt"] is not None else "",
        "after_system_prompt": row["after_system_prompt"] if row["after_system_prompt"] is not None else "",
        "before_begin_dialogs": loads_as(row["before_begin_dialogs"], []),
        "after_begin_dialogs": loads_as(row["after_begin_dialogs"], []),
        "affected_fields": loads_as(row["affected_fields"], []),
    }


class StyleLearningStatistics(TypedDict):
    """Counts of style learning reviews."""

    total_reviews: int
    pending_reviews: int
    approved_reviews: int


class StyleProgressPoint(TypedDict):
    """One scored learning batch as a point of the style progress chart (missing numbers as 0)."""

    group_id: str
    timestamp: float
    quality_score: float
    success: bool
    processed_messages: int
    filtered_count: int
    message_count: int
    batch_name: str


def style_progress_point(row: Mapping[Any, Any]) -> StyleProgressPoint:
    """The StyleProgressPoint of one learning_batches row (a result mapping or record keyed by column name)."""
    return {
        "group_id": row["group_id"],
        "timestamp": row["start_time"] if row["start_time"] is not None else 0,
        "quality_score": row["quality_score"] if row["quality_score"] is not None else 0,
        "success": row["success"] if row["success"] is not None else False,
        "processed_messages": row["processed_messages"] if row["processed_messages"] is not None else 0,
        "filtered_count": row["filtered_count"] if row["filtered_count"] is not None else 0,
        "message_count": row["message_count"] if row["message_count"] is not None else 0,
        "batch_name": row["batch_name"] if row["batch_name"] is not None else "",
    }
