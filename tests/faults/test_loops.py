"""A second event loop in another thread (as the WebUI runs it) and the main loop use one manager at once:
no "attached to a different loop" error, no lost write, and stop() leaves no connection open.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import db_name
from tests.faults.helpers import Writes, fresh_database, open_connections, settings_on, shared_server
from tests.fixtures import BACKENDS

T = TypeVar("T")
LOOPS_DATABASE = db_name("sldb_fault_loops")
SECONDS = 2.0
TASKS_PER_LOOP = 5
SESSION_END_SECONDS = 5.0  # far above the few milliseconds a server takes to end a closed session


class LoopThread:
    """An event loop running forever in its own thread, as the WebUI's server runs."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="webui-loop", daemon=True)
        self.thread.start()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run coro on the thread's loop; await its result from the caller's loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture(params=BACKENDS)
async def manager(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SQLAlchemyDatabaseManager]:
    backend = str(request.param)
    server = shared_server(backend)
    if server is not None:
        await fresh_database(backend, server, LOOPS_DATABASE)
    started = SQLAlchemyDatabaseManager(settings_on(backend, server, LOOPS_DATABASE, tmp_path))
    await started.start()
    yield started
    await started.stop()


async def mixed_traffic(manager: SQLAlchemyDatabaseManager, writes: Writes, seconds: float) -> int:
    """Reads and writes through the manager for `seconds` from TASKS_PER_LOOP tasks; returns the calls made."""
    deadline = time.monotonic() + seconds
    calls = 0

    async def worker(n: int) -> None:
        nonlocal calls
        i = 0
        while time.monotonic() < deadline:
            await writes.write(manager, f"{writes.group}-{n}-{i}")
            await manager.get_recent_raw_messages(writes.group, limit=5)
            assert await manager.save_bot_message(writes.group, f"bot-{n}-{i}")
            await manager.get_recent_bot_responses(writes.group, limit=3)
            await manager.get_message_statistics(writes.group)
            calls += 5
            i += 1

    await asyncio.gather(*(worker(n) for n in range(TASKS_PER_LOOP)))
    return calls


async def _assert_nothing_open(manager: SQLAlchemyDatabaseManager, tmp_path: Path) -> None:
    backend = manager.backend
    server = shared_server(backend)
    if server is not None:
        # A shut-down socket ends its server session a moment later: wait (bounded) for the server to see it.
        deadline = time.monotonic() + SESSION_END_SECONDS
        while (still := await open_connections(backend, server, LOOPS_DATABASE)) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert still == 0
    else:
        # SQLite removes the WAL file when the last connection to the database closes.
        assert not (tmp_path / f"{LOOPS_DATABASE}.db-wal").exists()


async def test_webui_loop_and_main_loop_at_once(
    manager: SQLAlchemyDatabaseManager, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    webui = LoopThread()
    try:
        main_writes, webui_writes = Writes(group="main"), Writes(group="webui")
        main_calls, webui_calls = await asyncio.gather(
            mixed_traffic(manager, main_writes, SECONDS),
            webui.run(mixed_traffic(manager, webui_writes, SECONDS)),
        )
        assert main_calls > 0 and webui_calls > 0
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
        for writes in (main_writes, webui_writes):
            assert writes.failed == 0
            assert await writes.missing(manager) == set()
            assert await webui.run(writes.missing(manager)) == set()  # the other loop reads the same rows
        engine = manager.engine
        assert engine is not None and engine.loop_count == 2
        await manager.stop()  # the WebUI loop still runs: its engine is closed on its own loop
        assert engine.loop_count == 0
    finally:
        webui.close()
    await _assert_nothing_open(manager, tmp_path)


async def test_stop_after_the_webui_loop_has_ended(manager: SQLAlchemyDatabaseManager, tmp_path: Path) -> None:
    writes = Writes(group="ended")

    def webui() -> None:
        asyncio.run(mixed_traffic(manager, writes, 0.5))

    thread = threading.Thread(target=webui)
    thread.start()
    await asyncio.to_thread(thread.join)
    assert writes.acknowledged and writes.failed == 0
    assert await writes.missing(manager) == set()
    await manager.stop()
    await _assert_nothing_open(manager, tmp_path)


async def test_loops_closed_without_asyncio_run_leave_no_connection_open(
    manager: SQLAlchemyDatabaseManager, tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    """A loop ended by loop.close() alone runs no shutdown_asyncgens: its engine is dropped when the next loop
    gets one (or at stop()), and its pooled connections' sockets are shut down then, not at garbage collection."""
    writes = Writes(group="closed")
    kept: list[asyncio.AbstractEventLoop] = []  # the closed loops stay referenced: nothing is left to the GC

    def one_loop() -> None:
        loop = asyncio.new_event_loop()
        kept.append(loop)
        loop.run_until_complete(mixed_traffic(manager, writes, 0.2))
        loop.close()

    for _ in range(4):
        thread = threading.Thread(target=one_loop)
        thread.start()
        await asyncio.to_thread(thread.join)
    assert writes.acknowledged and writes.failed == 0
    engine = manager.engine
    assert engine is not None and engine.loop_count <= 2  # this loop, and the last closed one not yet dropped
    await manager.stop()
    await _assert_nothing_open(manager, tmp_path)
    assert not [w for w in recwarn if "Event loop is closed" in str(w.message)]
