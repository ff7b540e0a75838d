# Generated from schema/facades/reinforcement.yaml by codegen. Do not edit.
"""Contract of ReinforcementFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import reinforcement as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "reinforcement"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_learning_history_for_reinforcement",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[ReinforcementHistoryItem]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_reinforcement_learning_result",
        params=(
            ("group_id", "str"),
            ("result_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_persona_fusion_history",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[PersonaFusionHistoryRecord]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_persona_fusion_result",
        params=(
            ("group_id", "str"),
            ("fusion_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_learning_performance_history",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[LearningPerformanceItem]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "save_strategy_optimization_result",
        params=(
            ("group_id", "str"),
            ("optimization_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
)


@pytest.mark.parametrize("method", [m for m in METHODS if m.handwritten], ids=name_of)
def test_is_handwritten_as_declared(method: SpecMethod) -> None:
    assert_handwritten_signature(queries, method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_before_start(method: SpecMethod) -> None:
    await assert_before_start(method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_delegates(method: SpecMethod) -> None:
    await assert_delegates(FACADE, method.name)
