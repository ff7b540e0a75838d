# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""Contract of AffectionFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import affection as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "affection"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_user_affection",
        params=(
            ("group_id", "str"),
            ("user_id", "str"),
        ),
        returns="AffectionView | None",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "update_user_affection",
        params=(
            ("group_id", "str"),
            ("user_id", "str"),
            ("new_level", "int"),
            ("change_reason", "str"),
            ("bot_mood", "str"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_all_user_affections",
        params=(("group_id", "str"),),
        returns="list[AffectionView]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_total_affection",
        params=(("group_id", "str"),),
        returns="int",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_bot_mood",
        params=(
            ("group_id", "str"),
            ("mood_type", "str"),
            ("mood_intensity", "float"),
            ("mood_description", "str"),
            ("duration_hours", "int"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_current_bot_mood",
        params=(("group_id", "str"),),
        returns="BotMoodView | None",
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
