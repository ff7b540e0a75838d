"""SQLite with several writers at once: tasks on the main loop, threads each with its own loop, and another
connection holding the write lock for a while. No "database is locked" reaches the caller; every write lands.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.faults.helpers import Writes

THREADS = 3
TASKS = 6
WRITES_PER_WRITER = 15
LOCK_HELD_SECONDS = 1.5


async def _writer(manager: SQLAlchemyDatabaseManager, writes: Writes, name: str) -> None:
    for i in range(WRITES_PER_WRITER):
        await writes.write(manager, f"{name}-{i}")
        assert await manager.save_bot_message(writes.group, f"bot-{name}-{i}")
        # read, then write, in one transaction, on one row every writer shares
        assert await manager.update_user_affection(writes.group, "shared-user", i % 7, "writers")
        if i % 10 == 9:
            ids = [m["id"] for m in await manager.get_unprocessed_messages(limit=5, group_id=writes.group)]
            assert await manager.mark_messages_processed(ids)


def _thread_writers(manager: SQLAlchemyDatabaseManager, writes: Writes, n: int, errors: list[BaseException]) -> None:
    async def run() -> None:
        async with manager.get_session() as session:  # this loop's own engine has the same pragmas
            assert (await session.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        await asyncio.gather(*(_writer(manager, writes, f"t{n}-{k}") for k in range(2)))

    try:
        asyncio.run(run())
    except BaseException as exc:  # reported to the test
        errors.append(exc)


def _hold_write_lock(path: Path, seconds: float, held: threading.Event) -> None:
    """Another connection (another process would do the same) keeping the write lock for a while."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES ('lock', 'x', 0, 0)")
        held.set()
        threading.Event().wait(seconds)
        conn.execute("COMMIT")
    finally:
        conn.close()


@pytest.mark.parametrize("pool", ["queue", "null"])
async def test_many_writers_never_see_database_is_locked(
    pool: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    path = tmp_path / "writers.db"
    manager = SQLAlchemyDatabaseManager({"db_type": "sqlite", "messages_db_path": str(path), "sqlite_pool": pool})
    await manager.start()
    writes = Writes(group="writers")
    errors: list[BaseException] = []
    held = threading.Event()
    locker = threading.Thread(target=_hold_write_lock, args=(path, LOCK_HELD_SECONDS, held))
    locker.start()
    await asyncio.to_thread(held.wait, 10)
    threads = [threading.Thread(target=_thread_writers, args=(manager, writes, n, errors)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        await asyncio.gather(*(_writer(manager, writes, f"main-{k}") for k in range(TASKS)))
    finally:
        for thread in [locker, *threads]:
            await asyncio.to_thread(thread.join)
    try:
        assert errors == []
        locked = [r.getMessage() for r in caplog.records if "locked" in r.getMessage().lower()]
        assert locked == [] and [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
        writers = TASKS + 2 * THREADS
        assert writes.failed == 0 and len(writes.acknowledged) == writers * WRITES_PER_WRITER
        assert await writes.missing(manager) == set()
        assert len(await manager.get_recent_bot_responses(writes.group, limit=-1)) == writers * WRITES_PER_WRITER
    finally:
        await manager.stop()
