# Generated from schema/reinforcement.yaml by codegen. Do not edit.
"""Contract: each table of the reinforcement domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.reinforcement import (
    PersonaFusionHistoryRepository,
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)


async def test_persona_fusion_history_round_trip(session: AsyncSession) -> None:
    repo = PersonaFusionHistoryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "base_persona_hash": 1735701000123,
        "incremental_hash": 1735701000123,
        "fusion_result": "fusion_result 一 🙂",
        "compatibility_score": 1735701000.25,
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "base_persona_hash": 1735701999456,
        "incremental_hash": 1735701999456,
        "fusion_result": "fusion_result-2",
        "compatibility_score": 0.125,
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "base_persona_hash": 1735701000123,
        "incremental_hash": 1735701000123,
        "fusion_result": "fusion_result 一 🙂",
        "compatibility_score": 1735701000.25,
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "base_persona_hash": 1735701999456,
        "incremental_hash": 1735701999456,
        "fusion_result": "fusion_result-2",
        "compatibility_score": 0.125,
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


async def test_reinforcement_learning_results_round_trip(session: AsyncSession) -> None:
    repo = ReinforcementLearningResultRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "replay_analysis": "replay_analysis 一 🙂",
        "optimization_strategy": "optimization_strategy 一 🙂",
        "reinforcement_feedback": "reinforcement_feedback 一 🙂",
        "next_action": "next_action 一 🙂",
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "replay_analysis": "replay_analysis-2",
        "optimization_strategy": "optimization_strategy-2",
        "reinforcement_feedback": "reinforcement_feedback-2",
        "next_action": "next_action-2",
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "replay_analysis": "replay_analysis 一 🙂",
        "optimization_strategy": "optimization_strategy 一 🙂",
        "reinforcement_feedback": "reinforcement_feedback 一 🙂",
        "next_action": "next_action 一 🙂",
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "replay_analysis": "replay_analysis-2",
        "optimization_strategy": "optimization_strategy-2",
        "reinforcement_feedback": "reinforcement_feedback-2",
        "next_action": "next_action-2",
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


async def test_strategy_optimization_results_round_trip(session: AsyncSession) -> None:
    repo = StrategyOptimizationResultRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "strategy_type": "strategy_type 一 🙂",
        "optimization_details": "optimization_details 一 🙂",
        "performance_metrics": "performance_metrics 一 🙂",
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "strategy_type": "strategy_type-2",
        "optimization_details": "optimization_details-2",
        "performance_metrics": "performance_metrics-2",
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "timestamp": 1735701000.25,
        "strategy_type": "strategy_type 一 🙂",
        "optimization_details": "optimization_details 一 🙂",
        "performance_metrics": "performance_metrics 一 🙂",
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "timestamp": 0.125,
        "strategy_type": "strategy_type-2",
        "optimization_details": "optimization_details-2",
        "performance_metrics": "performance_metrics-2",
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
