# Generated from schema/facades/metrics.yaml by codegen. Do not edit.
"""Contract of MetricsFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import metrics as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_get_group_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_group_statistics,
        params=[
            ("group_id", "str | None"),
        ],
        returns="GroupStatistics",
    )


async def test_get_group_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_group_statistics"):
        await manager.get_group_statistics(**args)


async def test_get_group_statistics_delegates() -> None:
    await assert_delegates("metrics", "get_group_statistics")


def test_get_detailed_metrics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_detailed_metrics,
        params=[
            ("group_id", "str | None"),
        ],
        returns="DetailedMetrics",
    )


async def test_get_detailed_metrics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_detailed_metrics"):
        await manager.get_detailed_metrics(**args)


async def test_get_detailed_metrics_delegates() -> None:
    await assert_delegates("metrics", "get_detailed_metrics")


def test_get_trends_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_trends_data,
        params=[],
        returns="TrendsData",
    )


async def test_get_trends_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = {"daily_messages": {}, "recent_batches": []}
    assert await manager.get_trends_data(**args) == expected


async def test_get_trends_data_delegates() -> None:
    await assert_delegates("metrics", "get_trends_data")
