# Generated from schema/knowledge_graph.yaml by codegen. Do not edit.
"""Contract: each table of the knowledge_graph domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.knowledge_graph import (
    KGEntityRecord,
    KGParagraphHashRecord,
    KGRelationRecord,
)
from sldb.generated.repositories.knowledge_graph import (
    KGEntityRepository,
    KGParagraphHashRepository,
    KGRelationRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        KGEntityRepository,
        KGEntityRecord,
        first={
            "name": "name 一 🙂",
            "entity_type": "entity_type 一 🙂",
            "appear_count": 7,
            "last_active_time": 1735701000.25,
            "group_id": "group_id 一 🙂",
        },
        second={
            "name": "name-2",
            "entity_type": "entity_type-2",
            "appear_count": 11,
            "last_active_time": 0.125,
            "group_id": "group_id-2",
        },
    ),
    RoundTrip(
        KGParagraphHashRepository,
        KGParagraphHashRecord,
        first={
            "hash_value": "hash_value 一 🙂",
            "group_id": "group_id 一 🙂",
            "created_time": 1735701000.25,
        },
        second={
            "hash_value": "hash_value-2",
            "group_id": "group_id-2",
            "created_time": 0.125,
        },
    ),
    RoundTrip(
        KGRelationRepository,
        KGRelationRecord,
        first={
            "subject": "subject 一 🙂",
            "predicate": "predicate 一 🙂",
            "object": "object 一 🙂",
            "confidence": 1735701000.25,
            "created_time": 1735701000.25,
            "group_id": "group_id 一 🙂",
        },
        second={
            "subject": "subject-2",
            "predicate": "predicate-2",
            "object": "object-2",
            "confidence": 0.125,
            "created_time": 0.125,
            "group_id": "group_id-2",
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
