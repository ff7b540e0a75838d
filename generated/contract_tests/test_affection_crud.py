# Generated from schema/affection.yaml by codegen. Do not edit.
"""Contract: each table of the affection domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.affection import (
    AffectionInteractionRecord,
    UserAffectionRecord,
    UserConversationHistoryRecord,
    UserDiversityRecord,
)
from sldb.generated.repositories.affection import (
    AffectionInteractionRepository,
    UserAffectionRepository,
    UserConversationHistoryRepository,
    UserDiversityRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        AffectionInteractionRepository,
        AffectionInteractionRecord,
        first={
            "interaction_type": "interaction_type 一 🙂",
            "affection_delta": 7,
            "message_content": "message_content 一 🙂",
            "timestamp": 1735701000123,
        },
        second={
            "interaction_type": "interaction_type-2",
            "affection_delta": 11,
            "message_content": "message_content-2",
            "timestamp": 1735701999456,
        },
        parents={
            "user_affection_id": ParentRow(
                UserAffectionRepository,
                {
                    "group_id": "group_id 一 🙂",
                    "user_id": "user_id 一 🙂",
                    "affection_level": 7,
                    "max_affection": 7,
                    "created_at": 1735701000123,
                    "updated_at": 1735701000123,
                },
            ),
        },
    ),
    RoundTrip(
        UserAffectionRepository,
        UserAffectionRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "affection_level": 7,
            "max_affection": 7,
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "affection_level": 11,
            "max_affection": 11,
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
    RoundTrip(
        UserConversationHistoryRepository,
        UserConversationHistoryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "role": "role 一 🙂",
            "content": "content 一 🙂",
            "timestamp": 1735701000123,
            "turn_index": 7,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "role": "role-2",
            "content": "content-2",
            "timestamp": 1735701999456,
            "turn_index": 11,
        },
    ),
    RoundTrip(
        UserDiversityRepository,
        UserDiversityRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "response_hash": "response_hash 一 🙂",
            "response_preview": "response_preview 一 🙂",
            "timestamp": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "response_hash": "response_hash-2",
            "response_preview": "response_preview-2",
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
