# Generated from schema/facades/reinforcement.yaml by codegen. Do not edit.
"""Contract of ReinforcementFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import reinforcement as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_get_learning_history_for_reinforcement_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_learning_history_for_reinforcement,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[ReinforcementHistoryItem]",
    )


async def test_get_learning_history_for_reinforcement_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 50
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_learning_history_for_reinforcement"):
        await manager.get_learning_history_for_reinforcement(**args)


async def test_get_learning_history_for_reinforcement_delegates() -> None:
    await assert_delegates("reinforcement", "get_learning_history_for_reinforcement")


def test_save_reinforcement_learning_result_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_reinforcement_learning_result,
        params=[
            ("group_id", "str"),
            ("result_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_reinforcement_learning_result_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    result_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "result_data": result_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_reinforcement_learning_result"):
        await manager.save_reinforcement_learning_result(**args)


async def test_save_reinforcement_learning_result_delegates() -> None:
    await assert_delegates("reinforcement", "save_reinforcement_learning_result")


def test_get_persona_fusion_history_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_fusion_history,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[PersonaFusionHistoryRecord]",
    )


async def test_get_persona_fusion_history_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 10
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_persona_fusion_history"):
        await manager.get_persona_fusion_history(**args)


async def test_get_persona_fusion_history_delegates() -> None:
    await assert_delegates("reinforcement", "get_persona_fusion_history")


def test_save_persona_fusion_result_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_persona_fusion_result,
        params=[
            ("group_id", "str"),
            ("fusion_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_persona_fusion_result_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    fusion_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "fusion_data": fusion_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_persona_fusion_result"):
        await manager.save_persona_fusion_result(**args)


async def test_save_persona_fusion_result_delegates() -> None:
    await assert_delegates("reinforcement", "save_persona_fusion_result")


def test_get_learning_performance_history_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_learning_performance_history,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[LearningPerformanceItem]",
    )


async def test_get_learning_performance_history_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 30
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    expected: Any = []
    assert await manager.get_learning_performance_history(**args) == expected


async def test_get_learning_performance_history_delegates() -> None:
    await assert_delegates("reinforcement", "get_learning_performance_history")


def test_save_strategy_optimization_result_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_strategy_optimization_result,
        params=[
            ("group_id", "str"),
            ("optimization_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_strategy_optimization_result_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    optimization_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "optimization_data": optimization_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_strategy_optimization_result"):
        await manager.save_strategy_optimization_result(**args)


async def test_save_strategy_optimization_result_delegates() -> None:
    await assert_delegates("reinforcement", "save_strategy_optimization_result")
