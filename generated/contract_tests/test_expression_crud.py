# Generated from schema/expression.yaml by codegen. Do not edit.
"""Contract: each table of the expression domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.expression import (
    AdaptiveResponseTemplateRecord,
    ExpressionGenerationResultRecord,
    ExpressionPatternRecord,
    LanguageStylePatternRecord,
    StyleLearningRecordRecord,
    StyleProfileRecord,
)
from sldb.generated.repositories.expression import (
    AdaptiveResponseTemplateRepository,
    ExpressionGenerationResultRepository,
    ExpressionPatternRepository,
    LanguageStylePatternRepository,
    StyleLearningRecordRepository,
    StyleProfileRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        AdaptiveResponseTemplateRepository,
        AdaptiveResponseTemplateRecord,
        first={
            "group_id": "group_id 一 🙂",
            "template_text": "template_text 一 🙂",
            "trigger_patterns": "trigger_patterns 一 🙂",
            "usage_count": 7,
            "success_rate": 1735701000.25,
            "last_adapted_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "template_text": "template_text-2",
            "trigger_patterns": "trigger_patterns-2",
            "usage_count": 11,
            "success_rate": 0.125,
            "last_adapted_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        ExpressionGenerationResultRepository,
        ExpressionGenerationResultRecord,
        first={
            "group_id": "group_id 一 🙂",
            "generated_text": "generated_text 一 🙂",
            "context": "context 一 🙂",
            "quality_score": 1735701000.25,
            "user_feedback": "user_feedback 一 🙂",
            "generated_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "generated_text": "generated_text-2",
            "context": "context-2",
            "quality_score": 0.125,
            "user_feedback": "user_feedback-2",
            "generated_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
        parents={
            "pattern_id": ParentRow(
                ExpressionPatternRepository,
                {
                    "group_id": "group_id 一 🙂",
                    "persona_id": "persona_id 一 🙂",
                    "user_id": "user_id 一 🙂",
                    "situation": "situation 一 🙂",
                    "expression": "expression 一 🙂",
                    "weight": 1735701000.25,
                    "last_active_time": 1735701000.25,
                    "create_time": 1735701000.25,
                },
            ),
        },
    ),
    RoundTrip(
        ExpressionPatternRepository,
        ExpressionPatternRecord,
        first={
            "group_id": "group_id 一 🙂",
            "persona_id": "persona_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "situation": "situation 一 🙂",
            "expression": "expression 一 🙂",
            "weight": 1735701000.25,
            "last_active_time": 1735701000.25,
            "create_time": 1735701000.25,
        },
        second={
            "group_id": "group_id-2",
            "persona_id": "persona_id-2",
            "user_id": "user_id-2",
            "situation": "situation-2",
            "expression": "expression-2",
            "weight": 0.125,
            "last_active_time": 0.125,
            "create_time": 0.125,
        },
    ),
    RoundTrip(
        LanguageStylePatternRepository,
        LanguageStylePatternRecord,
        first={
            "language_style": "language_style 一 🙂",
            "example_phrases": "example_phrases 一 🙂",
            "usage_frequency": 7,
            "context_type": "context_type 一 🙂",
            "confidence_score": 1735701000.25,
            "last_updated": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "language_style": "language_style-2",
            "example_phrases": "example_phrases-2",
            "usage_frequency": 11,
            "context_type": "context_type-2",
            "confidence_score": 0.125,
            "last_updated": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        StyleLearningRecordRepository,
        StyleLearningRecordRecord,
        first={
            "style_type": "style_type 一 🙂",
            "learned_patterns": "learned_patterns 一 🙂",
            "confidence_score": 1735701000.25,
            "sample_count": 7,
            "last_updated": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "style_type": "style_type-2",
            "learned_patterns": "learned_patterns-2",
            "confidence_score": 0.125,
            "sample_count": 11,
            "last_updated": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        StyleProfileRepository,
        StyleProfileRecord,
        first={
            "profile_name": "profile_name 一 🙂",
            "vocabulary_richness": 1735701000.25,
            "sentence_complexity": 1735701000.25,
            "emotional_expression": 1735701000.25,
            "interaction_tendency": 1735701000.25,
            "topic_diversity": 1735701000.25,
            "formality_level": 1735701000.25,
            "creativity_score": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "profile_name": "profile_name-2",
            "vocabulary_richness": 0.125,
            "sentence_complexity": 0.125,
            "emotional_expression": 0.125,
            "interaction_tendency": 0.125,
            "topic_diversity": 0.125,
            "formality_level": 0.125,
            "creativity_score": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
