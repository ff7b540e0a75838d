# Generated from schema/facades/expression.yaml by codegen. Do not edit.
"""Contract of ExpressionFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import expression as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_get_all_expression_patterns_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_all_expression_patterns,
        params=[],
        returns="dict[str, list[ExpressionPatternRecord]]",
    )


async def test_get_all_expression_patterns_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"get_all_expression_patterns"):
        await manager.get_all_expression_patterns(**args)


async def test_get_all_expression_patterns_delegates() -> None:
    await assert_delegates("expression", "get_all_expression_patterns")


def test_get_expression_patterns_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_expression_patterns_statistics,
        params=[],
        returns="ExpressionPatternStatistics",
    )


async def test_get_expression_patterns_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = {"total_patterns": 0, "groups_with_patterns": 0}
    assert await manager.get_expression_patterns_statistics(**args) == expected


async def test_get_expression_patterns_statistics_delegates() -> None:
    await assert_delegates("expression", "get_expression_patterns_statistics")


def test_get_group_expression_patterns_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_group_expression_patterns,
        params=[
            ("group_id", "str"),
            ("limit", "int | None"),
            ("persona_id", "str"),
            ("user_id", "str | None"),
        ],
        returns="list[ExpressionPatternRecord]",
    )


async def test_get_group_expression_patterns_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = None
    persona_id: Any = "default"
    user_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
        "persona_id": persona_id,
        "user_id": user_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_group_expression_patterns"):
        await manager.get_group_expression_patterns(**args)


async def test_get_group_expression_patterns_delegates() -> None:
    await assert_delegates("expression", "get_group_expression_patterns")


def test_get_recent_week_expression_patterns_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_week_expression_patterns,
        params=[
            ("group_id", "str | None"),
            ("limit", "int"),
            ("hours", "int"),
            ("persona_id", "str"),
            ("user_id", "str | None"),
        ],
        returns="list[ExpressionPatternRecord]",
    )


async def test_get_recent_week_expression_patterns_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 50
    hours: Any = 168
    persona_id: Any = "default"
    user_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
        "hours": hours,
        "persona_id": persona_id,
        "user_id": user_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_recent_week_expression_patterns"):
        await manager.get_recent_week_expression_patterns(**args)


async def test_get_recent_week_expression_patterns_delegates() -> None:
    await assert_delegates("expression", "get_recent_week_expression_patterns")


def test_load_style_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.load_style_profile,
        params=[
            ("profile_name", "str"),
        ],
        returns="StyleProfileView | None",
    )


async def test_load_style_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    profile_name: Any = None
    args: dict[str, Any] = {
        "profile_name": profile_name,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"load_style_profile"):
        await manager.load_style_profile(**args)


async def test_load_style_profile_delegates() -> None:
    await assert_delegates("expression", "load_style_profile")


def test_save_style_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_style_profile,
        params=[
            ("profile_name", "str"),
            ("profile_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_style_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    profile_name: Any = None
    profile_data: Any = None
    args: dict[str, Any] = {
        "profile_name": profile_name,
        "profile_data": profile_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_style_profile"):
        await manager.save_style_profile(**args)


async def test_save_style_profile_delegates() -> None:
    await assert_delegates("expression", "save_style_profile")


def test_save_style_learning_record_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_style_learning_record,
        params=[
            ("record_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_style_learning_record_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    record_data: Any = None
    args: dict[str, Any] = {
        "record_data": record_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_style_learning_record"):
        await manager.save_style_learning_record(**args)


async def test_save_style_learning_record_delegates() -> None:
    await assert_delegates("expression", "save_style_learning_record")


def test_save_language_style_pattern_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_language_style_pattern,
        params=[
            ("language_style", "str"),
            ("pattern_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_language_style_pattern_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    language_style: Any = None
    pattern_data: Any = None
    args: dict[str, Any] = {
        "language_style": language_style,
        "pattern_data": pattern_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_language_style_pattern"):
        await manager.save_language_style_pattern(**args)


async def test_save_language_style_pattern_delegates() -> None:
    await assert_delegates("expression", "save_language_style_pattern")
