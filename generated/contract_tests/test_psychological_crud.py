# Generated from schema/psychological.yaml by codegen. Do not edit.
"""Contract: each table of the psychological domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.psychological import (
    BotMoodRepository,
    CompositePsychologicalStateRepository,
    EmotionProfileRepository,
    PersonaAttributeWeightRepository,
    PersonaBackupRepository,
    PersonaDiversityScoreRepository,
    PersonaEvolutionSnapshotRepository,
    PsychologicalStateComponentRepository,
    PsychologicalStateHistoryRepository,
)


async def _add_composite_psychological_states(session: AsyncSession) -> int:
    values: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "overall_state": "overall_state 一 🙂",
        "state_intensity": 1735701000.25,
        "last_transition_time": 1735701000123,
        "triggering_events": "triggering_events 一 🙂",
        "context": "context 一 🙂",
        "created_at": 1735701000123,
        "last_updated": 1735701000123,
    }
    return await CompositePsychologicalStateRepository.add(session, values)


async def test_bot_mood_round_trip(session: AsyncSession) -> None:
    repo = BotMoodRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "mood_type": "mood_type 一 🙂",
        "mood_intensity": 1735701000.25,
        "mood_description": "mood_description 一 🙂",
        "timestamp": 1735701000.25,
        "start_time": 1735701000.25,
        "end_time": 1735701000.25,
        "is_active": 7,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "mood_type": "mood_type-2",
        "mood_intensity": 0.125,
        "mood_description": "mood_description-2",
        "timestamp": 0.125,
        "start_time": 0.125,
        "end_time": 0.125,
        "is_active": 11,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "mood_type": "mood_type 一 🙂",
        "mood_intensity": 1735701000.25,
        "mood_description": "mood_description 一 🙂",
        "timestamp": 1735701000.25,
        "start_time": 1735701000.25,
        "end_time": 1735701000.25,
        "is_active": 7,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "mood_type": "mood_type-2",
        "mood_intensity": 0.125,
        "mood_description": "mood_description-2",
        "timestamp": 0.125,
        "start_time": 0.125,
        "end_time": 0.125,
        "is_active": 11,
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


async def test_composite_psychological_states_round_trip(session: AsyncSession) -> None:
    repo = CompositePsychologicalStateRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "overall_state": "overall_state 一 🙂",
        "state_intensity": 1735701000.25,
        "last_transition_time": 1735701000123,
        "triggering_events": "triggering_events 一 🙂",
        "context": "context 一 🙂",
        "created_at": 1735701000123,
        "last_updated": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "state_id": "state_id-2",
        "overall_state": "overall_state-2",
        "state_intensity": 0.125,
        "last_transition_time": 1735701999456,
        "triggering_events": "triggering_events-2",
        "context": "context-2",
        "created_at": 1735701999456,
        "last_updated": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "overall_state": "overall_state 一 🙂",
        "state_intensity": 1735701000.25,
        "last_transition_time": 1735701000123,
        "triggering_events": "triggering_events 一 🙂",
        "context": "context 一 🙂",
        "created_at": 1735701000123,
        "last_updated": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "state_id": "state_id-2",
        "overall_state": "overall_state-2",
        "state_intensity": 0.125,
        "last_transition_time": 1735701999456,
        "triggering_events": "triggering_events-2",
        "context": "context-2",
        "created_at": 1735701999456,
        "last_updated": 1735701999456,
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


async def test_emotion_profiles_round_trip(session: AsyncSession) -> None:
    repo = EmotionProfileRepository
    first: Any = {
        "user_id": "user_id 一 🙂",
        "group_id": "group_id 一 🙂",
        "dominant_emotions": "dominant_emotions 一 🙂",
        "emotion_patterns": "emotion_patterns 一 🙂",
        "empathy_level": 1735701000.25,
        "emotional_stability": 1735701000.25,
        "last_updated": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "user_id": "user_id-2",
        "group_id": "group_id-2",
        "dominant_emotions": "dominant_emotions-2",
        "emotion_patterns": "emotion_patterns-2",
        "empathy_level": 0.125,
        "emotional_stability": 0.125,
        "last_updated": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "user_id": "user_id 一 🙂",
        "group_id": "group_id 一 🙂",
        "dominant_emotions": "dominant_emotions 一 🙂",
        "emotion_patterns": "emotion_patterns 一 🙂",
        "empathy_level": 1735701000.25,
        "emotional_stability": 1735701000.25,
        "last_updated": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "user_id": "user_id-2",
        "group_id": "group_id-2",
        "dominant_emotions": "dominant_emotions-2",
        "emotion_patterns": "emotion_patterns-2",
        "empathy_level": 0.125,
        "emotional_stability": 0.125,
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


async def test_persona_attribute_weights_round_trip(session: AsyncSession) -> None:
    repo = PersonaAttributeWeightRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "attribute_name": "attribute_name 一 🙂",
        "weight": 1735701000.25,
        "adjustment_reason": "adjustment_reason 一 🙂",
        "updated_at": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "attribute_name": "attribute_name-2",
        "weight": 0.125,
        "adjustment_reason": "adjustment_reason-2",
        "updated_at": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "attribute_name": "attribute_name 一 🙂",
        "weight": 1735701000.25,
        "adjustment_reason": "adjustment_reason 一 🙂",
        "updated_at": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "attribute_name": "attribute_name-2",
        "weight": 0.125,
        "adjustment_reason": "adjustment_reason-2",
        "updated_at": 0.125,
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


async def test_persona_backups_round_trip(session: AsyncSession) -> None:
    repo = PersonaBackupRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "backup_name": "backup_name 一 🙂",
        "timestamp": 1735701000.25,
        "reason": "reason 一 🙂",
        "persona_config": "persona_config 一 🙂",
        "original_persona": "original_persona 一 🙂",
        "imitation_dialogues": "imitation_dialogues 一 🙂",
        "backup_reason": "backup_reason 一 🙂",
        "backup_time": 1735701000.25,
        "persona_content": "persona_content 一 🙂",
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "backup_name": "backup_name-2",
        "timestamp": 0.125,
        "reason": "reason-2",
        "persona_config": "persona_config-2",
        "original_persona": "original_persona-2",
        "imitation_dialogues": "imitation_dialogues-2",
        "backup_reason": "backup_reason-2",
        "backup_time": 0.125,
        "persona_content": "persona_content-2",
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "backup_name": "backup_name 一 🙂",
        "timestamp": 1735701000.25,
        "reason": "reason 一 🙂",
        "persona_config": "persona_config 一 🙂",
        "original_persona": "original_persona 一 🙂",
        "imitation_dialogues": "imitation_dialogues 一 🙂",
        "backup_reason": "backup_reason 一 🙂",
        "backup_time": 1735701000.25,
        "persona_content": "persona_content 一 🙂",
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "backup_name": "backup_name-2",
        "timestamp": 0.125,
        "reason": "reason-2",
        "persona_config": "persona_config-2",
        "original_persona": "original_persona-2",
        "imitation_dialogues": "imitation_dialogues-2",
        "backup_reason": "backup_reason-2",
        "backup_time": 0.125,
        "persona_content": "persona_content-2",
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


async def test_persona_diversity_scores_round_trip(session: AsyncSession) -> None:
    repo = PersonaDiversityScoreRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "diversity_dimension": "diversity_dimension 一 🙂",
        "score": 1735701000.25,
        "calculated_at": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "diversity_dimension": "diversity_dimension-2",
        "score": 0.125,
        "calculated_at": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "diversity_dimension": "diversity_dimension 一 🙂",
        "score": 1735701000.25,
        "calculated_at": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "diversity_dimension": "diversity_dimension-2",
        "score": 0.125,
        "calculated_at": 0.125,
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


async def test_persona_evolution_snapshots_round_trip(session: AsyncSession) -> None:
    repo = PersonaEvolutionSnapshotRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "snapshot_data": "snapshot_data 一 🙂",
        "version": 7,
        "snapshot_timestamp": 1735701000.25,
        "trigger_event": "trigger_event 一 🙂",
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "snapshot_data": "snapshot_data-2",
        "version": 11,
        "snapshot_timestamp": 0.125,
        "trigger_event": "trigger_event-2",
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "persona_id": "persona_id 一 🙂",
        "snapshot_data": "snapshot_data 一 🙂",
        "version": 7,
        "snapshot_timestamp": 1735701000.25,
        "trigger_event": "trigger_event 一 🙂",
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "persona_id": "persona_id-2",
        "snapshot_data": "snapshot_data-2",
        "version": 11,
        "snapshot_timestamp": 0.125,
        "trigger_event": "trigger_event-2",
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


async def test_psychological_state_components_round_trip(session: AsyncSession) -> None:
    repo = PsychologicalStateComponentRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "category": "category 一 🙂",
        "state_type": "state_type 一 🙂",
        "value": 1735701000.25,
        "threshold": 1735701000.25,
        "description": "description 一 🙂",
        "start_time": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "state_id": "state_id-2",
        "category": "category-2",
        "state_type": "state_type-2",
        "value": 0.125,
        "threshold": 0.125,
        "description": "description-2",
        "start_time": 1735701999456,
    }
    first["composite_state_id"] = second["composite_state_id"] = await _add_composite_psychological_states(session)
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "category": "category 一 🙂",
        "state_type": "state_type 一 🙂",
        "value": 1735701000.25,
        "threshold": 1735701000.25,
        "description": "description 一 🙂",
        "start_time": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "state_id": "state_id-2",
        "category": "category-2",
        "state_type": "state_type-2",
        "value": 0.125,
        "threshold": 0.125,
        "description": "description-2",
        "start_time": 1735701999456,
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


async def test_psychological_state_history_round_trip(session: AsyncSession) -> None:
    repo = PsychologicalStateHistoryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "category": "category 一 🙂",
        "old_state_type": "old_state_type 一 🙂",
        "new_state_type": "new_state_type 一 🙂",
        "old_value": 1735701000.25,
        "new_value": 1735701000.25,
        "change_reason": "change_reason 一 🙂",
        "timestamp": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "state_id": "state_id-2",
        "category": "category-2",
        "old_state_type": "old_state_type-2",
        "new_state_type": "new_state_type-2",
        "old_value": 0.125,
        "new_value": 0.125,
        "change_reason": "change_reason-2",
        "timestamp": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "state_id": "state_id 一 🙂",
        "category": "category 一 🙂",
        "old_state_type": "old_state_type 一 🙂",
        "new_state_type": "new_state_type 一 🙂",
        "old_value": 1735701000.25,
        "new_value": 1735701000.25,
        "change_reason": "change_reason 一 🙂",
        "timestamp": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "state_id": "state_id-2",
        "category": "category-2",
        "old_state_type": "old_state_type-2",
        "new_state_type": "new_state_type-2",
        "old_value": 0.125,
        "new_value": 0.125,
        "change_reason": "change_reason-2",
        "timestamp": 1735701999456,
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
