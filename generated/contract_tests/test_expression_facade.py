# Generated from schema/facades/expression.yaml by codegen. Do not edit.
"""Contract of ExpressionFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import expression as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "expression"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_all_expression_patterns",
        params=(),
        returns="dict[str, list[ExpressionPatternRecord]]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_expression_patterns_statistics",
        params=(),
        returns="ExpressionPatternStatistics",
        not_ready={"total_patterns": 0, "groups_with_patterns": 0},
        handwritten=True,
    ),
    SpecMethod(
        "get_group_expression_patterns",
        params=(
            ("group_id", "str"),
            ("limit", "int | None"),
            ("persona_id", "str"),
            ("user_id", "str | None"),
        ),
        returns="list[ExpressionPatternRecord]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_week_expression_patterns",
        params=(
            ("group_id", "str | None"),
            ("limit", "int"),
            ("hours", "int"),
            ("persona_id", "str"),
            ("user_id", "str | None"),
        ),
        returns="list[ExpressionPatternRecord]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "load_style_profile",
        params=(("profile_name", "str"),),
        returns="StyleProfileView | None",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_style_profile",
        params=(
            ("profile_name", "str"),
            ("profile_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_style_learning_record",
        params=(("record_data", "dict[str, Any]"),),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_language_style_pattern",
        params=(
            ("language_style", "str"),
            ("pattern_data", "dict[str, Any]"),
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
