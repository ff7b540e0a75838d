# Generated from schema/facades/metrics.yaml by codegen. Do not edit.
"""Contract of MetricsFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import metrics as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "metrics"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_group_statistics",
        params=(("group_id", "str | None"),),
        returns="GroupStatistics",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_detailed_metrics",
        params=(("group_id", "str | None"),),
        returns="DetailedMetrics",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_trends_data",
        params=(),
        returns="TrendsData",
        not_ready={"daily_messages": {}, "recent_batches": []},
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
