# Generated from schema/facades/psychological.yaml by codegen. Do not edit.
"""Contract of PsychologicalFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import psychological as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "psychological"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "load_emotion_profile",
        params=(
            ("user_id", "str"),
            ("group_id", "str"),
        ),
        returns="EmotionProfileView | None",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_emotion_profile",
        params=(
            ("user_id", "str"),
            ("group_id", "str"),
            ("profile", "dict[str, Any]"),
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
