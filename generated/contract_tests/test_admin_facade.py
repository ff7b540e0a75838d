# Generated from schema/facades/admin.yaml by codegen. Do not edit.
"""Contract of AdminFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import admin as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "admin"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "clear_all_messages_data",
        params=(),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "export_messages_learning_data",
        params=(("group_id", "str | None"),),
        returns="MessagesLearningExport",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_messages_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_persona_reviews_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_style_learning_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_jargon_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_learning_history_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_memory_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_knowledge_graph_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_runtime_state_data",
        params=(),
        returns="ClearResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "clear_all_plugin_data",
        params=(),
        returns="ClearAllResult",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_data_statistics",
        params=(),
        returns="DataStatistics",
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
