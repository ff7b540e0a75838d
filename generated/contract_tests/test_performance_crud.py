# Generated from schema/performance.yaml by codegen. Do not edit.
"""Contract: each table of the performance domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.performance import (
    LearningPerformanceHistoryRepository,
)


async def test_learning_performance_history_round_trip(session: AsyncSession) -> None:
    repo = LearningPerformanceHistoryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "session_id": "session_id 一 🙂",
        "timestamp": 1735701000123,
        "quality_score": 1735701000.25,
        "learning_time": 1735701000.25,
        "success": True,
        "successful_pattern": "successful_pattern 一 🙂",
        "failed_pattern": "failed_pattern 一 🙂",
        "created_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "session_id": "session_id-2",
        "timestamp": 1735701999456,
        "quality_score": 0.125,
        "learning_time": 0.125,
        "success": False,
        "successful_pattern": "successful_pattern-2",
        "failed_pattern": "failed_pattern-2",
        "created_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "session_id": "session_id 一 🙂",
        "timestamp": 1735701000123,
        "quality_score": 1735701000.25,
        "learning_time": 1735701000.25,
        "success": True,
        "successful_pattern": "successful_pattern 一 🙂",
        "failed_pattern": "failed_pattern 一 🙂",
        "created_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "session_id": "session_id-2",
        "timestamp": 1735701999456,
        "quality_score": 0.125,
        "learning_time": 0.125,
        "success": False,
        "successful_pattern": "successful_pattern-2",
        "failed_pattern": "failed_pattern-2",
        "created_at": 1735701999456,
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
