# Generated from schema/learning.yaml by codegen. Do not edit.
"""Contract: each table of the learning domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.learning import (
    InteractionRecordRecord,
    LearningBatchRecord,
    LearningOptimizationLogRecord,
    LearningReinforcementFeedbackRecord,
    LearningSessionRecord,
    PersonaChangeSnapshotRecord,
    PersonaLearningReviewRecord,
    StyleLearningPatternRecord,
    StyleLearningReviewRecord,
)
from sldb.generated.repositories.learning import (
    InteractionRecordRepository,
    LearningBatchRepository,
    LearningOptimizationLogRepository,
    LearningReinforcementFeedbackRepository,
    LearningSessionRepository,
    PersonaChangeSnapshotRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        InteractionRecordRepository,
        InteractionRecordRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "interaction_type": "interaction_type 一 🙂",
            "content_preview": "content_preview 一 🙂",
            "timestamp": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "interaction_type": "interaction_type-2",
            "content_preview": "content_preview-2",
            "timestamp": 1735701999456,
        },
    ),
    RoundTrip(
        LearningBatchRepository,
        LearningBatchRecord,
        first={
            "batch_id": "batch_id 一 🙂",
            "batch_name": "batch_name 一 🙂",
            "group_id": "group_id 一 🙂",
            "start_time": 1735701000.25,
            "end_time": 1735701000.25,
            "quality_score": 1735701000.25,
            "processed_messages": 7,
            "message_count": 7,
            "filtered_count": 7,
            "success": True,
            "error_message": "error_message 一 🙂",
            "status": "status 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "batch_id": "batch_id-2",
            "batch_name": "batch_name-2",
            "group_id": "group_id-2",
            "start_time": 0.125,
            "end_time": 0.125,
            "quality_score": 0.125,
            "processed_messages": 11,
            "message_count": 11,
            "filtered_count": 11,
            "success": False,
            "error_message": "error_message-2",
            "status": "status-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        LearningOptimizationLogRepository,
        LearningOptimizationLogRecord,
        first={
            "group_id": "group_id 一 🙂",
            "optimization_type": "optimization_type 一 🙂",
            "parameters": "parameters 一 🙂",
            "before_metrics": "before_metrics 一 🙂",
            "after_metrics": "after_metrics 一 🙂",
            "improvement_rate": 1735701000.25,
            "applied_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "optimization_type": "optimization_type-2",
            "parameters": "parameters-2",
            "before_metrics": "before_metrics-2",
            "after_metrics": "after_metrics-2",
            "improvement_rate": 0.125,
            "applied_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        LearningReinforcementFeedbackRepository,
        LearningReinforcementFeedbackRecord,
        first={
            "group_id": "group_id 一 🙂",
            "feedback_type": "feedback_type 一 🙂",
            "feedback_content": "feedback_content 一 🙂",
            "effectiveness_score": 1735701000.25,
            "applied_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "feedback_type": "feedback_type-2",
            "feedback_content": "feedback_content-2",
            "effectiveness_score": 0.125,
            "applied_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        LearningSessionRepository,
        LearningSessionRecord,
        first={
            "session_id": "session_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "batch_id": "batch_id 一 🙂",
            "start_time": 1735701000.25,
            "end_time": 1735701000.25,
            "message_count": 7,
            "learning_quality": 1735701000.25,
            "status": "status 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "session_id": "session_id-2",
            "group_id": "group_id-2",
            "batch_id": "batch_id-2",
            "start_time": 0.125,
            "end_time": 0.125,
            "message_count": 11,
            "learning_quality": 0.125,
            "status": "status-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PersonaChangeSnapshotRepository,
        PersonaChangeSnapshotRecord,
        first={
            "review_id": "review_id 一 🙂",
            "review_source": "review_source 一 🙂",
            "applied_persona_id": "applied_persona_id 一 🙂",
            "applied_at": 1735701000.25,
            "before_system_prompt": "before_system_prompt 一 🙂",
            "after_system_prompt": "after_system_prompt 一 🙂",
            "before_begin_dialogs": "before_begin_dialogs 一 🙂",
            "after_begin_dialogs": "after_begin_dialogs 一 🙂",
            "affected_fields": "affected_fields 一 🙂",
        },
        second={
            "review_id": "review_id-2",
            "review_source": "review_source-2",
            "applied_persona_id": "applied_persona_id-2",
            "applied_at": 0.125,
            "before_system_prompt": "before_system_prompt-2",
            "after_system_prompt": "after_system_prompt-2",
            "before_begin_dialogs": "before_begin_dialogs-2",
            "after_begin_dialogs": "after_begin_dialogs-2",
            "affected_fields": "affected_fields-2",
        },
    ),
    RoundTrip(
        PersonaLearningReviewRepository,
        PersonaLearningReviewRecord,
        first={
            "timestamp": 1735701000.25,
            "group_id": "group_id 一 🙂",
            "update_type": "update_type 一 🙂",
            "original_content": "original_content 一 🙂",
            "new_content": "new_content 一 🙂",
            "proposed_content": "proposed_content 一 🙂",
            "confidence_score": 1735701000.25,
            "reason": "reason 一 🙂",
            "status": "status 一 🙂",
            "reviewer_comment": "reviewer_comment 一 🙂",
            "review_time": 1735701000.25,
            "metadata": "metadata 一 🙂",
        },
        second={
            "timestamp": 0.125,
            "group_id": "group_id-2",
            "update_type": "update_type-2",
            "original_content": "original_content-2",
            "new_content": "new_content-2",
            "proposed_content": "proposed_content-2",
            "confidence_score": 0.125,
            "reason": "reason-2",
            "status": "status-2",
            "reviewer_comment": "reviewer_comment-2",
            "review_time": 0.125,
            "metadata": "metadata-2",
        },
    ),
    RoundTrip(
        StyleLearningPatternRepository,
        StyleLearningPatternRecord,
        first={
            "group_id": "group_id 一 🙂",
            "pattern_type": "pattern_type 一 🙂",
            "pattern": "pattern 一 🙂",
            "usage_count": 7,
            "confidence": 1735701000.25,
            "last_used": 1735701000123,
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "pattern_type": "pattern_type-2",
            "pattern": "pattern-2",
            "usage_count": 11,
            "confidence": 0.125,
            "last_used": 1735701999456,
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
    RoundTrip(
        StyleLearningReviewRepository,
        StyleLearningReviewRecord,
        first={
            "type": "type 一 🙂",
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000.25,
            "learned_patterns": "learned_patterns 一 🙂",
            "few_shots_content": "few_shots_content 一 🙂",
            "status": "status 一 🙂",
            "description": "description 一 🙂",
            "reviewer_comment": "reviewer_comment 一 🙂",
            "review_time": 1735701000.25,
            "metadata": "metadata 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
            "updated_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "type": "type-2",
            "group_id": "group_id-2",
            "timestamp": 0.125,
            "learned_patterns": "learned_patterns-2",
            "few_shots_content": "few_shots_content-2",
            "status": "status-2",
            "description": "description-2",
            "reviewer_comment": "reviewer_comment-2",
            "review_time": 0.125,
            "metadata": "metadata-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
            "updated_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
            "updated_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
