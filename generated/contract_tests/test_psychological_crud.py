# Generated from schema/psychological.yaml by codegen. Do not edit.
"""Contract: each table of the psychological domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.psychological import (
    BotMoodRecord,
    CompositePsychologicalStateRecord,
    EmotionProfileRecord,
    PersonaAttributeWeightRecord,
    PersonaBackupRecord,
    PersonaDiversityScoreRecord,
    PersonaEvolutionSnapshotRecord,
    PsychologicalStateComponentRecord,
    PsychologicalStateHistoryRecord,
)
from sldb.generated.repositories.psychological import (
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
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        BotMoodRepository,
        BotMoodRecord,
        first={
            "group_id": "group_id 一 🙂",
            "mood_type": "mood_type 一 🙂",
            "mood_intensity": 1735701000.25,
            "mood_description": "mood_description 一 🙂",
            "timestamp": 1735701000.25,
            "start_time": 1735701000.25,
            "end_time": 1735701000.25,
            "is_active": 7,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "mood_type": "mood_type-2",
            "mood_intensity": 0.125,
            "mood_description": "mood_description-2",
            "timestamp": 0.125,
            "start_time": 0.125,
            "end_time": 0.125,
            "is_active": 11,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        CompositePsychologicalStateRepository,
        CompositePsychologicalStateRecord,
        first={
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
        },
        second={
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
        },
    ),
    RoundTrip(
        EmotionProfileRepository,
        EmotionProfileRecord,
        first={
            "user_id": "user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "dominant_emotions": "dominant_emotions 一 🙂",
            "emotion_patterns": "emotion_patterns 一 🙂",
            "empathy_level": 1735701000.25,
            "emotional_stability": 1735701000.25,
            "last_updated": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "user_id": "user_id-2",
            "group_id": "group_id-2",
            "dominant_emotions": "dominant_emotions-2",
            "emotion_patterns": "emotion_patterns-2",
            "empathy_level": 0.125,
            "emotional_stability": 0.125,
            "last_updated": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PersonaAttributeWeightRepository,
        PersonaAttributeWeightRecord,
        first={
            "group_id": "group_id 一 🙂",
            "persona_id": "persona_id 一 🙂",
            "attribute_name": "attribute_name 一 🙂",
            "weight": 1735701000.25,
            "adjustment_reason": "adjustment_reason 一 🙂",
            "updated_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "persona_id": "persona_id-2",
            "attribute_name": "attribute_name-2",
            "weight": 0.125,
            "adjustment_reason": "adjustment_reason-2",
            "updated_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PersonaBackupRepository,
        PersonaBackupRecord,
        first={
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
        },
        second={
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
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PersonaDiversityScoreRepository,
        PersonaDiversityScoreRecord,
        first={
            "group_id": "group_id 一 🙂",
            "persona_id": "persona_id 一 🙂",
            "diversity_dimension": "diversity_dimension 一 🙂",
            "score": 1735701000.25,
            "calculated_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "persona_id": "persona_id-2",
            "diversity_dimension": "diversity_dimension-2",
            "score": 0.125,
            "calculated_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PersonaEvolutionSnapshotRepository,
        PersonaEvolutionSnapshotRecord,
        first={
            "group_id": "group_id 一 🙂",
            "persona_id": "persona_id 一 🙂",
            "snapshot_data": "snapshot_data 一 🙂",
            "version": 7,
            "snapshot_timestamp": 1735701000.25,
            "trigger_event": "trigger_event 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "persona_id": "persona_id-2",
            "snapshot_data": "snapshot_data-2",
            "version": 11,
            "snapshot_timestamp": 0.125,
            "trigger_event": "trigger_event-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        PsychologicalStateComponentRepository,
        PsychologicalStateComponentRecord,
        first={
            "group_id": "group_id 一 🙂",
            "state_id": "state_id 一 🙂",
            "category": "category 一 🙂",
            "state_type": "state_type 一 🙂",
            "value": 1735701000.25,
            "threshold": 1735701000.25,
            "description": "description 一 🙂",
            "start_time": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "state_id": "state_id-2",
            "category": "category-2",
            "state_type": "state_type-2",
            "value": 0.125,
            "threshold": 0.125,
            "description": "description-2",
            "start_time": 1735701999456,
        },
        parents={
            "composite_state_id": ParentRow(
                CompositePsychologicalStateRepository,
                {
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
                },
            ),
        },
    ),
    RoundTrip(
        PsychologicalStateHistoryRepository,
        PsychologicalStateHistoryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "state_id": "state_id 一 🙂",
            "category": "category 一 🙂",
            "old_state_type": "old_state_type 一 🙂",
            "new_state_type": "new_state_type 一 🙂",
            "old_value": 1735701000.25,
            "new_value": 1735701000.25,
            "change_reason": "change_reason 一 🙂",
            "timestamp": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "state_id": "state_id-2",
            "category": "category-2",
            "old_state_type": "old_state_type-2",
            "new_state_type": "new_state_type-2",
            "old_value": 0.125,
            "new_value": 0.125,
            "change_reason": "change_reason-2",
            "timestamp": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
