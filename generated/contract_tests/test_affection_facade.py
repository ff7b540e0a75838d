# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""Contract of AffectionFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import affection as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_get_user_affection_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_user_affection,
        params=[
            ("group_id", "str"),
            ("user_id", "str"),
        ],
        returns="AffectionView | None",
    )


async def test_get_user_affection_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    user_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "user_id": user_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_user_affection"):
        await manager.get_user_affection(**args)


async def test_get_user_affection_delegates() -> None:
    await assert_delegates("affection", "get_user_affection")


def test_update_user_affection_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_user_affection,
        params=[
            ("group_id", "str"),
            ("user_id", "str"),
            ("new_level", "int"),
            ("change_reason", "str"),
            ("bot_mood", "str"),
        ],
        returns="bool",
    )


async def test_update_user_affection_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    user_id: Any = None
    new_level: Any = None
    change_reason: Any = ""
    bot_mood: Any = ""
    args: dict[str, Any] = {
        "group_id": group_id,
        "user_id": user_id,
        "new_level": new_level,
        "change_reason": change_reason,
        "bot_mood": bot_mood,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"update_user_affection"):
        await manager.update_user_affection(**args)


async def test_update_user_affection_delegates() -> None:
    await assert_delegates("affection", "update_user_affection")


def test_get_all_user_affections_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_all_user_affections,
        params=[
            ("group_id", "str"),
        ],
        returns="list[AffectionView]",
    )


async def test_get_all_user_affections_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_all_user_affections"):
        await manager.get_all_user_affections(**args)


async def test_get_all_user_affections_delegates() -> None:
    await assert_delegates("affection", "get_all_user_affections")


def test_get_total_affection_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_total_affection,
        params=[
            ("group_id", "str"),
        ],
        returns="int",
    )


async def test_get_total_affection_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_total_affection"):
        await manager.get_total_affection(**args)


async def test_get_total_affection_delegates() -> None:
    await assert_delegates("affection", "get_total_affection")


def test_save_bot_mood_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_bot_mood,
        params=[
            ("group_id", "str"),
            ("mood_type", "str"),
            ("mood_intensity", "float"),
            ("mood_description", "str"),
            ("duration_hours", "int"),
        ],
        returns="bool",
    )


async def test_save_bot_mood_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    mood_type: Any = None
    mood_intensity: Any = None
    mood_description: Any = None
    duration_hours: Any = 24
    args: dict[str, Any] = {
        "group_id": group_id,
        "mood_type": mood_type,
        "mood_intensity": mood_intensity,
        "mood_description": mood_description,
        "duration_hours": duration_hours,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_bot_mood"):
        await manager.save_bot_mood(**args)


async def test_save_bot_mood_delegates() -> None:
    await assert_delegates("affection", "save_bot_mood")


def test_get_current_bot_mood_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_current_bot_mood,
        params=[
            ("group_id", "str"),
        ],
        returns="BotMoodView | None",
    )


async def test_get_current_bot_mood_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_current_bot_mood"):
        await manager.get_current_bot_mood(**args)


async def test_get_current_bot_mood_delegates() -> None:
    await assert_delegates("affection", "get_current_bot_mood")
