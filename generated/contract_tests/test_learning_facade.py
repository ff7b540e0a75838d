# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""Contract of LearningFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import learning as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_add_persona_learning_review_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.add_persona_learning_review,
        params=[
            ("review_data", "dict[str, Any] | None"),
        ],
        returns="int",
    )


async def test_add_persona_learning_review_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_data: Any = None
    args: dict[str, Any] = {
        "review_data": review_data,
    }
    expected: Any = 0
    assert await manager.add_persona_learning_review(**args) == expected


async def test_add_persona_learning_review_delegates() -> None:
    await assert_delegates("learning", "add_persona_learning_review")


def test_save_persona_change_snapshot_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_persona_change_snapshot,
        params=[
            ("snapshot_data", "dict[str, Any]"),
        ],
        returns="int",
    )


async def test_save_persona_change_snapshot_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    snapshot_data: Any = None
    args: dict[str, Any] = {
        "snapshot_data": snapshot_data,
    }
    expected: Any = 0
    assert await manager.save_persona_change_snapshot(**args) == expected


async def test_save_persona_change_snapshot_delegates() -> None:
    await assert_delegates("learning", "save_persona_change_snapshot")


def test_get_persona_change_snapshot_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_change_snapshot,
        params=[
            ("review_source", "str"),
            ("review_id", "str"),
        ],
        returns="PersonaChangeSnapshotView | None",
    )


async def test_get_persona_change_snapshot_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_source: Any = None
    review_id: Any = None
    args: dict[str, Any] = {
        "review_source": review_source,
        "review_id": review_id,
    }
    expected: Any = None
    assert await manager.get_persona_change_snapshot(**args) == expected


async def test_get_persona_change_snapshot_delegates() -> None:
    await assert_delegates("learning", "get_persona_change_snapshot")


def test_get_pending_persona_update_records_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_pending_persona_update_records,
        params=[],
        returns="list[PersonaReviewView]",
    )


async def test_get_pending_persona_update_records_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = []
    assert await manager.get_pending_persona_update_records(**args) == expected


async def test_get_pending_persona_update_records_delegates() -> None:
    await assert_delegates("learning", "get_pending_persona_update_records")


def test_save_persona_update_record_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_persona_update_record,
        params=[
            ("record_data", "dict[str, Any]"),
        ],
        returns="int",
    )


async def test_save_persona_update_record_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    record_data: Any = None
    args: dict[str, Any] = {
        "record_data": record_data,
    }
    expected: Any = 0
    assert await manager.save_persona_update_record(**args) == expected


async def test_save_persona_update_record_delegates() -> None:
    await assert_delegates("learning", "save_persona_update_record")


async def test_delete_persona_update_record_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    record_id: Any = None
    args: dict[str, Any] = {
        "record_id": record_id,
    }
    expected: Any = False
    assert await manager.delete_persona_update_record(**args) == expected


async def test_delete_persona_update_record_delegates() -> None:
    await assert_delegates("learning", "delete_persona_update_record")


def test_get_persona_update_record_by_id_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_update_record_by_id,
        params=[
            ("record_id", "int"),
        ],
        returns="PersonaReviewView | None",
    )


async def test_get_persona_update_record_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    record_id: Any = None
    args: dict[str, Any] = {
        "record_id": record_id,
    }
    expected: Any = None
    assert await manager.get_persona_update_record_by_id(**args) == expected


async def test_get_persona_update_record_by_id_delegates() -> None:
    await assert_delegates("learning", "get_persona_update_record_by_id")


def test_get_reviewed_persona_update_records_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_reviewed_persona_update_records,
        params=[
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ],
        returns="list[PersonaReviewView]",
    )


async def test_get_reviewed_persona_update_records_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 50
    offset: Any = 0
    status_filter: Any = None
    args: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
        "status_filter": status_filter,
    }
    expected: Any = []
    assert await manager.get_reviewed_persona_update_records(**args) == expected


async def test_get_reviewed_persona_update_records_delegates() -> None:
    await assert_delegates("learning", "get_reviewed_persona_update_records")


def test_update_persona_update_record_status_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_persona_update_record_status,
        params=[
            ("record_id", "int"),
            ("status", "str"),
            ("comment", "str | None"),
            ("group_id", "str | None"),
        ],
        returns="bool",
    )


async def test_update_persona_update_record_status_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    record_id: Any = None
    status: Any = None
    comment: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "record_id": record_id,
        "status": status,
        "comment": comment,
        "group_id": group_id,
    }
    expected: Any = False
    assert await manager.update_persona_update_record_status(**args) == expected


async def test_update_persona_update_record_status_delegates() -> None:
    await assert_delegates("learning", "update_persona_update_record_status")


def test_create_style_learning_review_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.create_style_learning_review,
        params=[
            ("review_data", "dict[str, Any]"),
        ],
        returns="int",
    )


async def test_create_style_learning_review_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_data: Any = None
    args: dict[str, Any] = {
        "review_data": review_data,
    }
    expected: Any = 0
    assert await manager.create_style_learning_review(**args) == expected


async def test_create_style_learning_review_delegates() -> None:
    await assert_delegates("learning", "create_style_learning_review")


def test_get_pending_style_reviews_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_pending_style_reviews,
        params=[
            ("limit", "int"),
            ("offset", "int"),
        ],
        returns="list[StylePendingReviewView]",
    )


async def test_get_pending_style_reviews_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 50
    offset: Any = 0
    args: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
    }
    expected: Any = []
    assert await manager.get_pending_style_reviews(**args) == expected


async def test_get_pending_style_reviews_delegates() -> None:
    await assert_delegates("learning", "get_pending_style_reviews")


def test_get_reviewed_style_learning_updates_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_reviewed_style_learning_updates,
        params=[
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ],
        returns="list[StyleReviewView]",
    )


async def test_get_reviewed_style_learning_updates_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 50
    offset: Any = 0
    status_filter: Any = None
    args: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
        "status_filter": status_filter,
    }
    expected: Any = []
    assert await manager.get_reviewed_style_learning_updates(**args) == expected


async def test_get_reviewed_style_learning_updates_delegates() -> None:
    await assert_delegates("learning", "get_reviewed_style_learning_updates")


def test_update_style_review_status_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_style_review_status,
        params=[
            ("review_id", "int"),
            ("status", "str"),
            ("reviewer_comment", "str"),
            ("group_id", "str | None"),
        ],
        returns="bool",
    )


async def test_update_style_review_status_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    status: Any = None
    reviewer_comment: Any = ""
    group_id: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
        "status": status,
        "reviewer_comment": reviewer_comment,
        "group_id": group_id,
    }
    expected: Any = False
    assert await manager.update_style_review_status(**args) == expected


async def test_update_style_review_status_delegates() -> None:
    await assert_delegates("learning", "update_style_review_status")


def test_update_style_review_metadata_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_style_review_metadata,
        params=[
            ("review_id", "int"),
            ("metadata_patch", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_update_style_review_metadata_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    metadata_patch: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
        "metadata_patch": metadata_patch,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"update_style_review_metadata"):
        await manager.update_style_review_metadata(**args)


async def test_update_style_review_metadata_delegates() -> None:
    await assert_delegates("learning", "update_style_review_metadata")


async def test_delete_style_review_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
    }
    expected: Any = False
    assert await manager.delete_style_review_by_id(**args) == expected


async def test_delete_style_review_by_id_delegates() -> None:
    await assert_delegates("learning", "delete_style_review_by_id")


def test_get_approved_few_shots_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_approved_few_shots,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[str]",
    )


async def test_get_approved_few_shots_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 3
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    expected: Any = []
    assert await manager.get_approved_few_shots(**args) == expected


async def test_get_approved_few_shots_delegates() -> None:
    await assert_delegates("learning", "get_approved_few_shots")


def test_get_pending_persona_learning_reviews_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_pending_persona_learning_reviews,
        params=[
            ("limit", "int"),
            ("offset", "int"),
        ],
        returns="list[PersonaReviewView]",
    )


async def test_get_pending_persona_learning_reviews_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 50
    offset: Any = 0
    args: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
    }
    expected: Any = []
    assert await manager.get_pending_persona_learning_reviews(**args) == expected


async def test_get_pending_persona_learning_reviews_delegates() -> None:
    await assert_delegates("learning", "get_pending_persona_learning_reviews")


def test_get_reviewed_persona_learning_updates_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_reviewed_persona_learning_updates,
        params=[
            ("limit", "int"),
            ("offset", "int"),
            ("status_filter", "str | None"),
        ],
        returns="list[PersonaReviewView]",
    )


async def test_get_reviewed_persona_learning_updates_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 50
    offset: Any = 0
    status_filter: Any = None
    args: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
        "status_filter": status_filter,
    }
    expected: Any = []
    assert await manager.get_reviewed_persona_learning_updates(**args) == expected


async def test_get_reviewed_persona_learning_updates_delegates() -> None:
    await assert_delegates("learning", "get_reviewed_persona_learning_updates")


async def test_delete_persona_learning_review_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
    }
    expected: Any = False
    assert await manager.delete_persona_learning_review_by_id(**args) == expected


async def test_delete_persona_learning_review_by_id_delegates() -> None:
    await assert_delegates("learning", "delete_persona_learning_review_by_id")


def test_get_persona_learning_review_by_id_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_learning_review_by_id,
        params=[
            ("review_id", "int"),
        ],
        returns="PersonaReviewView | None",
    )


async def test_get_persona_learning_review_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
    }
    expected: Any = None
    assert await manager.get_persona_learning_review_by_id(**args) == expected


async def test_get_persona_learning_review_by_id_delegates() -> None:
    await assert_delegates("learning", "get_persona_learning_review_by_id")


def test_update_persona_learning_review_status_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_persona_learning_review_status,
        params=[
            ("review_id", "int"),
            ("status", "str"),
            ("comment", "str | None"),
            ("modified_content", "str | None"),
            ("group_id", "str | None"),
        ],
        returns="bool",
    )


async def test_update_persona_learning_review_status_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    status: Any = None
    comment: Any = None
    modified_content: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
        "status": status,
        "comment": comment,
        "modified_content": modified_content,
        "group_id": group_id,
    }
    expected: Any = False
    assert await manager.update_persona_learning_review_status(**args) == expected


async def test_update_persona_learning_review_status_delegates() -> None:
    await assert_delegates("learning", "update_persona_learning_review_status")


def test_update_persona_learning_review_metadata_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_persona_learning_review_metadata,
        params=[
            ("review_id", "int"),
            ("metadata_patch", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_update_persona_learning_review_metadata_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    review_id: Any = None
    metadata_patch: Any = None
    args: dict[str, Any] = {
        "review_id": review_id,
        "metadata_patch": metadata_patch,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"update_persona_learning_review_metadata"):
        await manager.update_persona_learning_review_metadata(**args)


async def test_update_persona_learning_review_metadata_delegates() -> None:
    await assert_delegates("learning", "update_persona_learning_review_metadata")


def test_get_learning_batch_history_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_learning_batch_history,
        params=[
            ("group_id", "str | None"),
            ("limit", "int"),
        ],
        returns="list[LearningBatchRecord]",
    )


async def test_get_learning_batch_history_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 50
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    expected: Any = []
    assert await manager.get_learning_batch_history(**args) == expected


async def test_get_learning_batch_history_delegates() -> None:
    await assert_delegates("learning", "get_learning_batch_history")


def test_get_recent_learning_batches_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_learning_batches,
        params=[
            ("limit", "int"),
        ],
        returns="list[LearningBatchRecord]",
    )


async def test_get_recent_learning_batches_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 10
    args: dict[str, Any] = {
        "limit": limit,
    }
    expected: Any = []
    assert await manager.get_recent_learning_batches(**args) == expected


async def test_get_recent_learning_batches_delegates() -> None:
    await assert_delegates("learning", "get_recent_learning_batches")


def test_get_learning_sessions_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_learning_sessions,
        params=[
            ("group_id", "str"),
        ],
        returns="list[LearningSessionRecord]",
    )


async def test_get_learning_sessions_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    expected: Any = []
    assert await manager.get_learning_sessions(**args) == expected


async def test_get_learning_sessions_delegates() -> None:
    await assert_delegates("learning", "get_learning_sessions")


def test_get_recent_learning_sessions_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_learning_sessions,
        params=[
            ("days", "int"),
        ],
        returns="list[LearningSessionRecord]",
    )


async def test_get_recent_learning_sessions_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    days: Any = 7
    args: dict[str, Any] = {
        "days": days,
    }
    expected: Any = []
    assert await manager.get_recent_learning_sessions(**args) == expected


async def test_get_recent_learning_sessions_delegates() -> None:
    await assert_delegates("learning", "get_recent_learning_sessions")


def test_save_learning_session_record_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_learning_session_record,
        params=[
            ("group_id", "str"),
            ("session_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_learning_session_record_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    session_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "session_data": session_data,
    }
    expected: Any = False
    assert await manager.save_learning_session_record(**args) == expected


async def test_save_learning_session_record_delegates() -> None:
    await assert_delegates("learning", "save_learning_session_record")


def test_save_learning_performance_record_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_learning_performance_record,
        params=[
            ("group_id", "str"),
            ("performance_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_learning_performance_record_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    performance_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "performance_data": performance_data,
    }
    expected: Any = False
    assert await manager.save_learning_performance_record(**args) == expected


async def test_save_learning_performance_record_delegates() -> None:
    await assert_delegates("learning", "save_learning_performance_record")


async def test_count_pending_persona_updates_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = 0
    assert await manager.count_pending_persona_updates(**args) == expected


async def test_count_pending_persona_updates_delegates() -> None:
    await assert_delegates("learning", "count_pending_persona_updates")


async def test_count_style_learning_patterns_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = 0
    assert await manager.count_style_learning_patterns(**args) == expected


async def test_count_style_learning_patterns_delegates() -> None:
    await assert_delegates("learning", "count_style_learning_patterns")


async def test_count_refined_messages_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = 0
    assert await manager.count_refined_messages(**args) == expected


async def test_count_refined_messages_delegates() -> None:
    await assert_delegates("learning", "count_refined_messages")


def test_get_style_learning_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_style_learning_statistics,
        params=[],
        returns="StyleLearningStatistics",
    )


async def test_get_style_learning_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = {"total_reviews": 0, "pending_reviews": 0, "approved_reviews": 0}
    assert await manager.get_style_learning_statistics(**args) == expected


async def test_get_style_learning_statistics_delegates() -> None:
    await assert_delegates("learning", "get_style_learning_statistics")


def test_get_style_progress_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_style_progress_data,
        params=[
            ("group_id", "str | None"),
        ],
        returns="list[StyleProgressPoint]",
    )


async def test_get_style_progress_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    expected: Any = []
    assert await manager.get_style_progress_data(**args) == expected


async def test_get_style_progress_data_delegates() -> None:
    await assert_delegates("learning", "get_style_progress_data")


def test_get_learning_patterns_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_learning_patterns_data,
        params=[
            ("group_id", "str | None"),
        ],
        returns="dict[str, int]",
    )


async def test_get_learning_patterns_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    expected: Any = {}
    assert await manager.get_learning_patterns_data(**args) == expected


async def test_get_learning_patterns_data_delegates() -> None:
    await assert_delegates("learning", "get_learning_patterns_data")
