# Generated from schema/performance.yaml by codegen. Do not edit.
"""Contract: each table of the performance domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.repositories.performance import (
    LearningPerformanceHistoryRepository,
)
from tests.contract import RoundTrip, assert_round_trip, table_of

# Per table: the row first inserted, the values it is then updated with, and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        LearningPerformanceHistoryRepository,
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
