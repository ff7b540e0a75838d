"""Bounded load: 50 concurrent tasks doing mixed reads and writes through one manager for 20 s on each backend
(SLDB_LOAD_SECONDS shortens it locally); every acknowledged write is read back at the end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import db_name
from tests.faults.helpers import Writes, drop_database_on, settings_on, shared_server
from tests.fixtures import BACKENDS

TASKS = 50
SECONDS = float(os.environ.get("SLDB_LOAD_SECONDS", "20"))
LOAD_DATABASE = db_name("sldb_fault_load")


@pytest.fixture(params=BACKENDS)
async def manager(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SQLAlchemyDatabaseManager]:
    backend = str(request.param)
    server = shared_server(backend)
    if server is not None:
        await drop_database_on(backend, server, LOAD_DATABASE)
    started = SQLAlchemyDatabaseManager(settings_on(backend, server, LOAD_DATABASE, tmp_path))
    await started.start()
    yield started
    await started.stop()
    if server is not None:
        await drop_database_on(backend, server, LOAD_DATABASE)


class Load:
    """What one run did: calls per kind, their latencies, and the writes to read back."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.latencies: list[float] = []
        self.raw = [Writes(group=f"load-{n}") for n in range(TASKS)]
        self.bot: list[list[str]] = [[] for _ in range(TASKS)]
        self.affection: dict[int, int] = {}

    async def task(self, manager: SQLAlchemyDatabaseManager, n: int, deadline: float) -> None:
        group = self.raw[n].group
        i = 0
        while time.monotonic() < deadline:
            started = time.monotonic()
            kind = i % 10
            if kind < 4:
                await self.raw[n].write(manager, f"{group}-{i}")
                self.calls["save_raw_message"] += 1
            elif kind < 6:
                if await manager.save_bot_message(group, f"{group}-bot-{i}"):
                    self.bot[n].append(f"{group}-bot-{i}")
                self.calls["save_bot_message"] += 1
            elif kind == 6:
                await manager.get_recent_raw_messages(group, limit=20)
                self.calls["get_recent_raw_messages"] += 1
            elif kind == 7:
                await manager.get_message_statistics(group)
                self.calls["get_message_statistics"] += 1
            elif kind == 8:
                await manager.get_recent_bot_responses(group, limit=10)
                self.calls["get_recent_bot_responses"] += 1
            else:
                level = i % 100
                if await manager.update_user_affection(group, "user", level, "load"):
                    self.affection[n] = level
                self.calls["update_user_affection"] += 1
            self.latencies.append(time.monotonic() - started)
            i += 1


@pytest.mark.slow
async def test_fifty_tasks_of_mixed_calls_lose_no_acknowledged_write(
    manager: SQLAlchemyDatabaseManager, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    load = Load()
    started = time.monotonic()
    await asyncio.gather(*(load.task(manager, n, started + SECONDS) for n in range(TASKS)))
    elapsed = time.monotonic() - started

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert sum(w.failed for w in load.raw) == 0
    assert load.calls["save_bot_message"] == sum(len(b) for b in load.bot)
    for n in range(TASKS):
        assert await load.raw[n].missing(manager) == set()
        assert sorted(await manager.get_recent_bot_responses(load.raw[n].group, limit=-1)) == sorted(load.bot[n])
        if n in load.affection:
            found = await manager.get_user_affection(load.raw[n].group, "user")
            assert found is not None and found["affection_level"] == load.affection[n]
    total = sum(load.calls.values())
    assert total > TASKS
    quantiles = statistics.quantiles(load.latencies, n=100)
    logging.getLogger("tests.faults").warning(
        "load on %s: %d tasks, %.1f s, %d calls (%.0f/s), %d writes read back; latency p50 %.1f ms, p95 %.1f ms, "
        "max %.1f ms; %s",
        manager.backend,
        TASKS,
        elapsed,
        total,
        total / elapsed,
        sum(len(w.acknowledged) for w in load.raw) + sum(len(b) for b in load.bot) + len(load.affection),
        quantiles[49] * 1000,
        quantiles[94] * 1000,
        max(load.latencies) * 1000,
        dict(load.calls),
    )
