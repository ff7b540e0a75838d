"""start() leaves the counters' backfill to a task of the manager; until it ends the statistics count the tables
themselves (handwritten/facades/uncounted.py) and say exactly what they say once the counters are ready."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import pytest
from sqlalchemy import insert, text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base, RawMessage
from sldb.handwritten.cli.live import background_status
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.tables import counter_backfill, counters
from sldb.handwritten.tables.counter_readiness import counters_ready
from sldb.handwritten.tables.counter_tallies import COUNTER_TABLES, PROGRESS
from tests.growth.test_counter_backfill import _seed_without_counters
from tests.growth.test_counters import assert_exact

_RAW = RawMessage.__table__
_GROUPS = (None, "", "g0", "g1", "g3", "g7", "nobody")


async def _seed(manager: Any) -> None:
    """Rows no counter counts yet (the backfill unmeasured), some of them in the trends' last 7 days."""
    await _seed_without_counters(manager)
    now = int(time.time())
    recent = [
        {
            "sender_id": f"s{i % 5}",
            "sender_name": f"R{i % 3}",
            "message": f"r{i}",
            "group_id": None if i % 9 == 0 else f"g{i % 3}",
            "timestamp": now - 3 * 86400 + 2003 * i,
            "created_at": 0,
            "processed": i % 2 == 0,
        }
        for i in range(120)
    ]
    async with manager.transaction() as conn:
        await conn.execute(insert(_RAW), recent)


async def _statistics(manager: Any) -> dict[str, Any]:
    """What every statistics method that reads the counters answers now."""
    found: dict[str, Any] = {
        "messages": await manager.get_messages_statistics(),
        "social": await manager.get_groups_for_social_analysis(),
        "data": await manager.get_data_statistics(),
        "trends": (await manager.get_trends_data())["daily_messages"],
    }
    for group in _GROUPS:
        found[f"message {group}"] = await manager.get_message_statistics(group)
        found[f"group {group}"] = await manager.get_group_statistics(group)
        found[f"detailed {group}"] = await manager.get_detailed_metrics(group)
        found[f"jargon {group}"] = await manager.get_jargon_statistics(group)
        if group is not None:
            found[f"group messages {group}"] = await manager.get_group_messages_statistics(group)
            found[f"senders {group}"] = await manager.get_group_user_statistics(group)
    return found


async def _counter_rows(manager: Any) -> int:
    rows = 0
    async with manager.transaction() as conn:
        for table in COUNTER_TABLES:
            rows += int((await conn.execute(text(f"SELECT COUNT(*) FROM {table}"))).scalar_one())
    return rows


async def _unfinished(manager: Any) -> int:
    async with manager.transaction() as conn:
        return int((await conn.execute(text(f"SELECT COUNT(*) FROM {PROGRESS} WHERE NOT finished"))).scalar_one())


async def test_statistics_before_during_and_after_the_backfill_agree(manager: Any) -> None:
    await _seed(manager)
    assert not await counters_ready(manager)
    before = await _statistics(manager)
    assert before["messages"]["raw_messages"] > 1500 and before["trends"]

    class Paused(Exception):
        pass

    during: list[dict[str, Any]] = []

    async def pause_in_raw_messages(batch: counter_backfill.Batch) -> None:
        if batch.table == "raw_messages" and batch.low > 0:  # some of raw_messages counted, the rest owed
            during.append(await _statistics(manager))
            raise Paused

    with contextlib.suppress(Paused):
        await counter_backfill.run_backfill(manager.engine.engine, batch=200, after_batch=pause_in_raw_messages)
    assert during and await _counter_rows(manager) > 0 and await _unfinished(manager) > 0
    assert not await counters_ready(manager)
    settings = DatabaseSettings.from_config(manager.config)
    status = dict(await background_status(settings))  # what `sldb doctor` shows
    assert "rows owed" in status["counters' backfill: raw_messages"]
    assert "counters' backfill: bot_messages" not in status  # finished before raw_messages began

    await counter_backfill.run_backfill(manager.engine.engine, batch=200)
    assert await counters_ready(manager)
    assert [what for what, _ in await background_status(settings)] == ["counter triggers"]  # still to settle
    assert await counters.settle_counters(manager.engine.engine, Base.metadata) is True
    assert await background_status(settings) == []
    after = await _statistics(manager)
    await assert_exact(manager)
    assert before == after
    assert during[0] == after


async def test_start_leaves_the_backfill_to_a_task_that_stop_cancels(
    manager: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _seed(manager)
    expected = await _statistics(manager)  # the slow way: nothing is counted yet
    monkeypatch.setattr(counter_backfill, "BATCH", 50)
    other = SQLAlchemyDatabaseManager(manager.config)
    await other.start()
    task = other._background
    assert task is not None and not task.done()  # start() returned before its backfill ran at all
    assert await _statistics(other) == expected  # exact while the task runs
    await other.stop()
    assert task.done() and other._background is None

    again = SQLAlchemyDatabaseManager(manager.config)
    await again.start()
    try:
        await again.background_finished()
        assert await _unfinished(again) == 0
        assert await counters_ready(again)
        assert await _statistics(again) == expected
        await assert_exact(again)
    finally:
        await again.stop()


async def test_stop_from_another_event_loop_ends_the_background_task(
    manager: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _seed(manager)
    monkeypatch.setattr(counter_backfill, "BATCH", 50)
    other = SQLAlchemyDatabaseManager(manager.config)
    await other.start()
    task = other._background
    assert task is not None
    await asyncio.to_thread(asyncio.run, other.stop())  # the WebUI's loop, in its own thread
    assert task.done() and other.engine is None
    await counter_backfill.run_backfill(manager.engine.engine)
    await assert_exact(manager)
