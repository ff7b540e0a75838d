# Generated from schema/memory.yaml by codegen. Do not edit.
"""Contract: each table of the memory domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.memory import (
    MemoryEmbeddingRecord,
    MemoryRecord,
    MemorySummaryRecord,
)
from sldb.generated.repositories.memory import (
    MemoryEmbeddingRepository,
    MemoryRepository,
    MemorySummaryRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        MemoryRepository,
        MemoryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "content": "content 一 🙂",
            "importance": 7,
            "memory_type": "memory_type 一 🙂",
            "created_at": 1735701000123,
            "last_accessed": 1735701000123,
            "access_count": 7,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "content": "content-2",
            "importance": 11,
            "memory_type": "memory_type-2",
            "created_at": 1735701999456,
            "last_accessed": 1735701999456,
            "access_count": 11,
        },
    ),
    RoundTrip(
        MemoryEmbeddingRepository,
        MemoryEmbeddingRecord,
        first={
            "memory_id": 7,
            "embedding_model": "embedding_model 一 🙂",
            "embedding_data": "embedding_data 一 🙂",
            "created_at": 1735701000123,
        },
        second={
            "memory_id": 11,
            "embedding_model": "embedding_model-2",
            "embedding_data": "embedding_data-2",
            "created_at": 1735701999456,
        },
    ),
    RoundTrip(
        MemorySummaryRepository,
        MemorySummaryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "summary_type": "summary_type 一 🙂",
            "summary_content": "summary_content 一 🙂",
            "memory_count": 7,
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "summary_type": "summary_type-2",
            "summary_content": "summary_content-2",
            "memory_count": 11,
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
