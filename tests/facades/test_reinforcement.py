"""ReinforcementFacade through the manager: learning history, fusion history and saved results."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import insert, select

from sldb.generated.repositories.performance import LearningPerformanceHistoryRepository
from sldb.generated.repositories.reinforcement import (
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)


async def _add_sessions(db: Any, rows: list[dict[str, Any]]) -> None:
    t = LearningPerformanceHistoryRepository.table
    async with db.transaction() as session:
        for row in rows:
            await session.execute(insert(t).values(created_at=int(time.time()), **row))


async def _all(db: Any, repository: Any) -> list[dict[str, Any]]:
    t = repository.table
    async with db.transaction() as session:
        rows = (await session.execute(select(t).order_by(t.c.id))).mappings().all()
    return [dict(row) for row in rows]


async def test_histories_are_empty_for_an_unknown_group(db: Any) -> None:
    assert await db.get_learning_history_for_reinforcement("g1") == []
    assert await db.get_learning_performance_history("g1") == []
    assert await db.get_persona_fusion_history("g1") == []


async def test_learning_history_newest_first_with_defaults(db: Any) -> None:
    await _add_sessions(
        db,
        [
            {
                "group_id": "g1",
                "session_id": "s1",
                "timestamp": 100,
                "quality_score": 0.7,
                "success": True,
                "successful_pattern": "short replies",
                "learning_time": 1.5,
            },
            {"group_id": "g1", "session_id": "s2", "timestamp": 300, "success": False, "failed_pattern": "too long"},
            {"group_id": "g1", "session_id": "s3", "timestamp": 200, "quality_score": 0.4},
            {"group_id": "g2", "session_id": "s4", "timestamp": 400, "quality_score": 0.9},
        ],
    )
    history = await db.get_learning_history_for_reinforcement("g1")
    assert history == [
        {
            "timestamp": 300,
            "quality_score": 0.0,
            "success": False,
            "successful_pattern": "",
            "failed_pattern": "too long",
        },
        {"timestamp": 200, "quality_score": 0.4, "success": False, "successful_pattern": "", "failed_pattern": ""},
        {
            "timestamp": 100,
            "quality_score": 0.7,
            "success": True,
            "successful_pattern": "short replies",
            "failed_pattern": "",
        },
    ]
    performance = await db.get_learning_performance_history("g1", 2)
    assert performance == [
        {"session_id": "s2", "timestamp": 300, "quality_score": 0.0, "learning_time": 0.0, "success": False},
        {"session_id": "s3", "timestamp": 200, "quality_score": 0.4, "learning_time": 0.0, "success": False},
    ]
    assert [p["session_id"] for p in await db.get_learning_performance_history("g1")] == ["s2", "s3", "s1"]


async def test_equal_timestamps_are_ordered_by_newest_row(db: Any) -> None:
    await _add_sessions(db, [{"group_id": "g1", "session_id": f"s{i}", "timestamp": 50} for i in range(3)])
    got = await db.get_learning_performance_history("g1", 3)
    assert [p["session_id"] for p in got] == ["s2", "s1", "s0"]
    assert len(await db.get_learning_history_for_reinforcement("g1", 1)) == 1
    assert await db.get_learning_history_for_reinforcement("g1", 0) == []


async def test_reinforcement_result_keeps_structures_as_json(db: Any) -> None:
    data = {
        "timestamp": 1234.5,
        "replay_analysis": {"hits": 3, "note": "好"},
        "optimization_strategy": ["a", "b"],
        "reinforcement_feedback": "plain text",
        "next_action": 7,
    }
    assert await db.save_reinforcement_learning_result("g1", data) is True
    (row,) = await _all(db, ReinforcementLearningResultRepository)
    assert row["group_id"] == "g1" and row["timestamp"] == 1234.5
    assert json.loads(row["replay_analysis"]) == {"hits": 3, "note": "好"}
    assert json.loads(row["optimization_strategy"]) == ["a", "b"]
    assert row["reinforcement_feedback"] == "plain text"
    assert row["next_action"] == "7"


async def test_reinforcement_result_defaults_timestamp_to_now(db: Any) -> None:
    before = time.time()
    assert await db.save_reinforcement_learning_result("g1", {}) is True
    (row,) = await _all(db, ReinforcementLearningResultRepository)
    assert row["timestamp"] >= before - 1
    assert row["replay_analysis"] is None and row["next_action"] is None


async def test_persona_fusion_round_trip_newest_first(db: Any) -> None:
    big_hash = 2**62 + 5
    await db.save_persona_fusion_result(
        "g1",
        {
            "timestamp": 10.0,
            "base_persona_hash": big_hash,
            "incremental_hash": -3,
            "fusion_result": {"merged": True},
            "compatibility_score": 0.75,
        },
    )
    await db.save_persona_fusion_result("g1", {"timestamp": 20.0, "fusion_result": "text result"})
    await db.save_persona_fusion_result("g2", {"timestamp": 30.0})
    history = await db.get_persona_fusion_history("g1")
    assert [h["timestamp"] for h in history] == [20.0, 10.0]
    older = history[1]
    assert older["group_id"] == "g1"
    assert older["base_persona_hash"] == big_hash and older["incremental_hash"] == -3
    assert json.loads(older["fusion_result"]) == {"merged": True}
    assert older["compatibility_score"] == 0.75
    assert isinstance(older["id"], int)
    assert older["created_at"] is None or isinstance(older["created_at"], str)
    assert history[0]["fusion_result"] == "text result"
    assert len(await db.get_persona_fusion_history("g1", 1)) == 1


async def test_strategy_optimization_result_is_stored(db: Any) -> None:
    data = {
        "timestamp": 99.0,
        "strategy_type": "temperature",
        "optimization_details": {"from": 0.7, "to": 0.5},
        "performance_metrics": [0.1, 0.2],
    }
    assert await db.save_strategy_optimization_result("g1", data) is True
    (row,) = await _all(db, StrategyOptimizationResultRepository)
    assert row["group_id"] == "g1" and row["timestamp"] == 99.0
    assert row["strategy_type"] == "temperature"
    assert json.loads(row["optimization_details"]) == {"from": 0.7, "to": 0.5}
    assert json.loads(row["performance_metrics"]) == [0.1, 0.2]
