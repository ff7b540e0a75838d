# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""Contract of LearningFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import learning as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "learning"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "add_persona_learning_review",
        params=(
            ("review_data", "dict[str, Any] | None"),
            ("group_id", "str | None"),
            ("proposed_content", "str | None"),
            ("learning_source", "str"),
            ("confidence_score", "float"),
            ("raw_analysis", "str"),
            ("metadata", "dict[str, Any] | None"),
            ("original_content", "str"),
            ("new_content", "str"),
        ),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "save_persona_change_snapshot",
        params=(("snapshot_data", "dict[str, Any]"),),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "get_persona_change_snapshot",
        params=(
            ("review_source", "str"),
            ("review_id", "str"),
        ),
        returns="PersonaChangeSnapshotView | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "get_pending_persona_update_records",
        params=(),
        returns="list[PersonaReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "save_persona_update_record",
        params=(("record_data", "dict[str, Any]"),),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "delete_persona_update_record",
        params=(("record_id", "int"),),
        returns="bool",
        not_ready=False,
        handwritten=False,
    ),
    SpecMethod(
        "get_persona_update_record_by_id",
        params=(("record_id", "int"),),
        returns="PersonaReviewView | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "get_reviewed_persona_update_records",
        params=(
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ),
        returns="list[PersonaReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "update_persona_update_record_status",
        params=(
            ("record_id", "int"),
            ("status", "str"),
            ("comment", "str | None"),
            ("group_id", "str | None"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "create_style_learning_review",
        params=(("review_data", "dict[str, Any]"),),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "get_pending_style_reviews",
        params=(
            ("limit", "int"),
            ("offset", "int"),
        ),
        returns="list[StylePendingReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_reviewed_style_learning_updates",
        params=(
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ),
        returns="list[StyleReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "update_style_review_status",
        params=(
            ("review_id", "int"),
            ("status", "str"),
            ("reviewer_comment", "str"),
            ("group_id", "str | None"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "update_style_review_metadata",
        params=(
            ("review_id", "int"),
            ("metadata_patch", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "delete_style_review_by_id",
        params=(("review_id", "int"),),
        returns="bool",
        not_ready=False,
        handwritten=False,
    ),
    SpecMethod(
        "get_approved_few_shots",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[str]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_pending_persona_learning_reviews",
        params=(
            ("limit", "int"),
            ("offset", "int"),
        ),
        returns="list[PersonaReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_reviewed_persona_learning_updates",
        params=(
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ),
        returns="list[PersonaReviewView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "delete_persona_learning_review_by_id",
        params=(("review_id", "int"),),
        returns="bool",
        not_ready=False,
        handwritten=False,
    ),
    SpecMethod(
        "get_persona_learning_review_by_id",
        params=(("review_id", "int"),),
        returns="PersonaReviewView | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "update_persona_learning_review_status",
        params=(
            ("review_id", "int"),
            ("status", "str"),
            ("comment", "str | None"),
            ("modified_content", "str | None"),
            ("group_id", "str | None"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "update_persona_learning_review_metadata",
        params=(
            ("review_id", "int"),
            ("metadata_patch", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_learning_batch_history",
        params=(
            ("group_id", "str | None"),
            ("limit", "int"),
        ),
        returns="list[LearningBatchRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_learning_batches",
        params=(("limit", "int"),),
        returns="list[LearningBatchRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_learning_sessions",
        params=(("group_id", "str"),),
        returns="list[LearningSessionRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_learning_sessions",
        params=(("days", "int"),),
        returns="list[LearningSessionRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "save_learning_session_record",
        params=(
            ("group_id", "str"),
            ("session_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "save_learning_performance_record",
        params=(
            ("group_id", "str"),
            ("performance_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "count_pending_persona_updates",
        params=(),
        returns="int",
        not_ready=0,
        handwritten=False,
    ),
    SpecMethod(
        "count_style_learning_patterns",
        params=(),
        returns="int",
        not_ready=0,
        handwritten=False,
    ),
    SpecMethod(
        "count_refined_messages",
        params=(),
        returns="int",
        not_ready=0,
        handwritten=False,
    ),
    SpecMethod(
        "get_style_learning_statistics",
        params=(),
        returns="StyleLearningStatistics",
        not_ready={"total_reviews": 0, "pending_reviews": 0, "approved_reviews": 0},
        handwritten=True,
    ),
    SpecMethod(
        "get_style_progress_data",
        params=(("group_id", "str | None"),),
        returns="list[StyleProgressPoint]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_learning_patterns_data",
        params=(("group_id", "str | None"),),
        returns="dict[str, int]",
        not_ready={},
        handwritten=True,
    ),
)


@pytest.mark.parametrize("method", [m for m in METHODS if m.handwritten], ids=name_of)
def test_is_handwritten_as_declared(method: SpecMethod) -> None:
    assert_handwritten_signature(queries, method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_before_start(method: SpecMethod) -> None:
    await assert_before_start(method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_delegates(method: SpecMethod) -> None:
    await assert_delegates(FACADE, method.name)
