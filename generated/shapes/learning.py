# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""Fixed dict shapes the LearningFacade returns."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = [
    "PersonaChangeSnapshotView",
    "PersonaReviewView",
    "StyleLearningStatistics",
    "StylePendingReviewView",
    "StyleProgressPoint",
    "StyleReviewView",
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
