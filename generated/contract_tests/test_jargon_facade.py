# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""Contract of JargonFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import jargon as queries
from tests.contract import (
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "jargon"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_jargon",
        params=(
            ("chat_id", "str"),
            ("content", "str"),
        ),
        returns="JargonRecord | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "insert_jargon",
        params=(("jargon_data", "dict[str, Any]"),),
        returns="int | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "update_jargon",
        params=(("jargon_data", "dict[str, Any]"),),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "get_jargon_statistics",
        params=(("group_id", "str | None"),),
        returns="JargonStatistics",
        not_ready={
            "total_candidates": 0,
            "confirmed_jargon": 0,
            "completed_inference": 0,
            "total_occurrences": 0,
            "average_count": 0.0,
            "active_groups": 0,
        },
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_jargon_list",
        params=(
            ("group_id", "str | None"),
            ("chat_id", "str | None"),
            ("limit", "int"),
            ("offset", "int"),
            ("only_confirmed", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
        ),
        returns="list[JargonRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_jargon_count",
        params=(
            ("chat_id", "str | None"),
            ("only_confirmed", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
        ),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "search_jargon",
        params=(
            ("keyword", "str"),
            ("chat_id", "str | None"),
            ("confirmed_only", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
            ("limit", "int"),
        ),
        returns="list[JargonRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_jargon_by_id",
        params=(("jargon_id", "int"),),
        returns="JargonRecord | None",
        not_ready=None,
        handwritten=False,
    ),
    SpecMethod(
        "delete_jargon_by_id",
        params=(("jargon_id", "int"),),
        returns="bool",
        not_ready=False,
        handwritten=False,
    ),
    SpecMethod(
        "set_jargon_global",
        params=(
            ("jargon_id", "int"),
            ("is_global", "bool"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "sync_global_jargon_to_group",
        params=(("target_chat_id", "str"),),
        returns="int",
        not_ready=0,
        handwritten=True,
    ),
    SpecMethod(
        "save_or_update_jargon",
        params=(
            ("chat_id", "str"),
            ("content", "str"),
            ("jargon_data", "dict[str, Any]"),
        ),
        returns="int | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "get_global_jargon_list",
        params=(("limit", "int"),),
        returns="list[JargonRecord]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "get_jargon_groups",
        params=(),
        returns="list[JargonGroup]",
        not_ready=[],
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
