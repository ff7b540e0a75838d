# Generated from schema/expression.yaml by codegen. Do not edit.
"""Contract: each table of the expression domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.expression import (
    AdaptiveResponseTemplateRepository,
    ExpressionGenerationResultRepository,
    ExpressionPatternRepository,
    LanguageStylePatternRepository,
    StyleLearningRecordRepository,
    StyleProfileRepository,
)


async def _add_expression_patterns(session: AsyncSession) -> int:
    values: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "situation": "situation 一 🙂",
        "expression": "expression 一 🙂",
        "weight": 1735701000.25,
        "last_active_time": 1735701000.25,
        "create_time": 1735701000.25,
    }
    return await ExpressionPatternRepository.add(session, values)


async def test_adaptive_response_templates_round_trip(session: AsyncSession) -> None:
    repo = AdaptiveResponseTemplateRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "template_text": "template_text 一 🙂",
        "trigger_patterns": "trigger_patterns 一 🙂",
        "usage_count": 7,
        "success_rate": 1735701000.25,
        "last_adapted_at": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "template_text": "template_text-2",
        "trigger_patterns": "trigger_patterns-2",
        "usage_count": 11,
        "success_rate": 0.125,
        "last_adapted_at": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "template_text": "template_text 一 🙂",
        "trigger_patterns": "trigger_patterns 一 🙂",
        "usage_count": 7,
        "success_rate": 1735701000.25,
        "last_adapted_at": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "template_text": "template_text-2",
        "trigger_patterns": "trigger_patterns-2",
        "usage_count": 11,
        "success_rate": 0.125,
        "last_adapted_at": 0.125,
        "created_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_expression_generation_results_round_trip(session: AsyncSession) -> None:
    repo = ExpressionGenerationResultRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "generated_text": "generated_text 一 🙂",
        "context": "context 一 🙂",
        "quality_score": 1735701000.25,
        "user_feedback": "user_feedback 一 🙂",
        "generated_at": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "generated_text": "generated_text-2",
        "context": "context-2",
        "quality_score": 0.125,
        "user_feedback": "user_feedback-2",
        "generated_at": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    first["pattern_id"] = second["pattern_id"] = await _add_expression_patterns(session)
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "generated_text": "generated_text 一 🙂",
        "context": "context 一 🙂",
        "quality_score": 1735701000.25,
        "user_feedback": "user_feedback 一 🙂",
        "generated_at": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "generated_text": "generated_text-2",
        "context": "context-2",
        "quality_score": 0.125,
        "user_feedback": "user_feedback-2",
        "generated_at": 0.125,
        "created_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_expression_patterns_round_trip(session: AsyncSession) -> None:
    repo = ExpressionPatternRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "situation": "situation 一 🙂",
        "expression": "expression 一 🙂",
        "weight": 1735701000.25,
        "last_active_time": 1735701000.25,
        "create_time": 1735701000.25,
    }
    second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "user_id": "user_id-2",
        "situation": "situation-2",
        "expression": "expression-2",
        "weight": 0.125,
        "last_active_time": 0.125,
        "create_time": 0.125,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "situation": "situation 一 🙂",
        "expression": "expression 一 🙂",
        "weight": 1735701000.25,
        "last_active_time": 1735701000.25,
        "create_time": 1735701000.25,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "user_id": "user_id-2",
        "situation": "situation-2",
        "expression": "expression-2",
        "weight": 0.125,
        "last_active_time": 0.125,
        "create_time": 0.125,
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_language_style_patterns_round_trip(session: AsyncSession) -> None:
    repo = LanguageStylePatternRepository
    first: Any = {
        "language_style": "language_style 一 🙂",
        "example_phrases": "example_phrases 一 🙂",
        "usage_frequency": 7,
        "context_type": "context_type 一 🙂",
        "confidence_score": 1735701000.25,
        "last_updated": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "language_style": "language_style-2",
        "example_phrases": "example_phrases-2",
        "usage_frequency": 11,
        "context_type": "context_type-2",
        "confidence_score": 0.125,
        "last_updated": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "language_style": "language_style 一 🙂",
        "example_phrases": "example_phrases 一 🙂",
        "usage_frequency": 7,
        "context_type": "context_type 一 🙂",
        "confidence_score": 1735701000.25,
        "last_updated": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "language_style": "language_style-2",
        "example_phrases": "example_phrases-2",
        "usage_frequency": 11,
        "context_type": "context_type-2",
        "confidence_score": 0.125,
        "last_updated": 0.125,
        "created_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_style_learning_records_round_trip(session: AsyncSession) -> None:
    repo = StyleLearningRecordRepository
    first: Any = {
        "style_type": "style_type 一 🙂",
        "learned_patterns": "learned_patterns 一 🙂",
        "confidence_score": 1735701000.25,
        "sample_count": 7,
        "last_updated": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "style_type": "style_type-2",
        "learned_patterns": "learned_patterns-2",
        "confidence_score": 0.125,
        "sample_count": 11,
        "last_updated": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "style_type": "style_type 一 🙂",
        "learned_patterns": "learned_patterns 一 🙂",
        "confidence_score": 1735701000.25,
        "sample_count": 7,
        "last_updated": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "style_type": "style_type-2",
        "learned_patterns": "learned_patterns-2",
        "confidence_score": 0.125,
        "sample_count": 11,
        "last_updated": 0.125,
        "created_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_style_profiles_round_trip(session: AsyncSession) -> None:
    repo = StyleProfileRepository
    first: Any = {
        "profile_name": "profile_name 一 🙂",
        "vocabulary_richness": 1735701000.25,
        "sentence_complexity": 1735701000.25,
        "emotional_expression": 1735701000.25,
        "interaction_tendency": 1735701000.25,
        "topic_diversity": 1735701000.25,
        "formality_level": 1735701000.25,
        "creativity_score": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "profile_name": "profile_name-2",
        "vocabulary_richness": 0.125,
        "sentence_complexity": 0.125,
        "emotional_expression": 0.125,
        "interaction_tendency": 0.125,
        "topic_diversity": 0.125,
        "formality_level": 0.125,
        "creativity_score": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "profile_name": "profile_name 一 🙂",
        "vocabulary_richness": 1735701000.25,
        "sentence_complexity": 1735701000.25,
        "emotional_expression": 1735701000.25,
        "interaction_tendency": 1735701000.25,
        "topic_diversity": 1735701000.25,
        "formality_level": 1735701000.25,
        "creativity_score": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "profile_name": "profile_name-2",
        "vocabulary_richness": 0.125,
        "sentence_complexity": 0.125,
        "emotional_expression": 0.125,
        "interaction_tendency": 0.125,
        "topic_diversity": 0.125,
        "formality_level": 0.125,
        "creativity_score": 0.125,
        "created_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)
