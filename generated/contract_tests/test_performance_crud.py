# Generated from schema/performance.yaml by codegen. Do not edit.
"""Contract: each table of the performance domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.performance import (
    LearningPerformanceHistoryRecord,
)
from sldb.generated.repositories.performance import (
    LearningPerformanceHistoryRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        LearningPerformanceHistoryRepository,
        LearningPerformanceHistoryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "session_id": "session_id 一 🙂",
            "timestamp": 1735701000123,
            "quality_score": 1735701000.25,
            "learning_time": 1735701000.25,
            "success": True,
            "successful_pattern": "successful_pattern 一 🙂",
            "failed_pattern": "failed_pattern 一 🙂",
            "created_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "session_id": "session_id-2",
            "timestamp": 1735701999456,
            "quality_score": 0.125,
            "learning_time": 0.125,
            "success": False,
            "successful_pattern": "successful_pattern-2",
            "failed_pattern": "failed_pattern-2",
            "created_at": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
