# Generated from schema/facades/psychological.yaml by codegen. Do not edit.
"""Contract of PsychologicalFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import psychological as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_load_emotion_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.load_emotion_profile,
        params=[
            ("user_id", "str"),
            ("group_id", "str"),
        ],
        returns="EmotionProfileView | None",
    )


async def test_load_emotion_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    user_id: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "user_id": user_id,
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"load_emotion_profile"):
        await manager.load_emotion_profile(**args)


async def test_load_emotion_profile_delegates() -> None:
    await assert_delegates("psychological", "load_emotion_profile")


def test_save_emotion_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_emotion_profile,
        params=[
            ("user_id", "str"),
            ("group_id", "str"),
            ("profile", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_emotion_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    user_id: Any = None
    group_id: Any = None
    profile: Any = None
    args: dict[str, Any] = {
        "user_id": user_id,
        "group_id": group_id,
        "profile": profile,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_emotion_profile"):
        await manager.save_emotion_profile(**args)


async def test_save_emotion_profile_delegates() -> None:
    await assert_delegates("psychological", "save_emotion_profile")
