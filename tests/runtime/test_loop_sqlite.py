"""SQLite's fast statements on the event loop's own connection (LoopSqlite, contract/sqlite_thread.py): run at once
when they can, handed to a worker thread when they would wait for a lock, and the loop never waits meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sldb.generated.fast import message as fast
from sldb.handwritten.runtime.contract.sqlite_thread import CHECKPOINT_EVERY, LoopSqlite


@pytest.fixture
def sqlite_db(db: Any) -> Any:
    if db.backend != "sqlite":
        pytest.skip("LoopSqlite is SQLite's")
    return db


def _loop_sqlite(db: Any) -> LoopSqlite:
    found = db.engine._entry().sqlite_inline
    assert isinstance(found, LoopSqlite)
    return found


def _fetched(cursor: Any) -> list[Any]:
    return list(cursor.fetchall())


def _message(n: int) -> dict[str, Any]:
    return {"sender_id": "s", "message": f"m{n}", "group_id": "g-loop", "timestamp": 1_700_000_000 + n}


async def test_fast_statements_run_on_the_loops_connection_when_nothing_holds_a_lock(sqlite_db: Any) -> None:
    inline = _loop_sqlite(sqlite_db)
    before = inline._driver().total_changes
    ids = [await sqlite_db.save_raw_message(_message(n)) for n in range(CHECKPOINT_EVERY - 1)]
    # Each insert (and the rows its counter triggers change) went through the loop's connection, but for the
    # one statement in CHECKPOINT_EVERY that a worker thread runs (the ones before may have used part of it).
    assert inline._driver().total_changes - before >= len(ids) - 1
    assert sorted(ids) == ids and len(set(ids)) == len(ids)
    rows = await sqlite_db.get_recent_raw_messages("g-loop", limit=CHECKPOINT_EVERY)
    assert [row["id"] for row in rows] == ids[::-1]


async def test_a_statement_that_would_wait_for_the_write_lock_goes_to_a_worker_and_the_loop_goes_on(
    sqlite_db: Any,
) -> None:
    holder = sqlite3.connect(sqlite_db.settings.sqlite_path(), isolation_level=None)
    inline = _loop_sqlite(sqlite_db)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another connection holds the file's write lock
        # The loop's connection does not wait (busy_timeout 0): SQLITE_BUSY, nothing written, None (twice: at
        # most one of two statements in a row is a worker's turn).
        bot = fast._INSERT_BOT_MESSAGE.sqlite
        assert inline.run(bot, ("g-loop", "hello", 1, 1), _fetched) is None
        assert inline.run(bot, ("g-loop", "hello", 1, 1), _fetched) is None
        saving = asyncio.ensure_future(sqlite_db.save_raw_message(_message(1)))
        ticks = 0
        while ticks < 20:  # the loop keeps running while the insert waits for the lock in a worker thread
            await asyncio.sleep(0.005)
            ticks += 1
        assert not saving.done()
        holder.execute("COMMIT")
        new_id = await saving
    finally:
        holder.close()
    assert new_id > 0
    assert [row["id"] for row in await sqlite_db.get_recent_raw_messages("g-loop", limit=5)] == [new_id]
    assert await sqlite_db.get_recent_bot_responses("g-loop") == []  # the refused insert left no row


async def test_a_worker_checkpoints_the_wal_after_every_checkpoint_every_writes(tmp_path: Path) -> None:
    """The loop's connection never checkpoints the WAL (wal_autocheckpoint 0); its writes are counted, reads are
    not, and after CHECKPOINT_EVERY of them a checkpoint is due once."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.exec_driver_sql("CREATE TABLE t (n INTEGER)")
    inline = LoopSqlite(engine)
    due = []
    try:
        for n in range(1, 2 * CHECKPOINT_EVERY + 1):
            assert inline.run("SELECT count(*) FROM t", (), _fetched) is not None  # a read: not counted
            assert inline.run("INSERT INTO t VALUES (?)", (n,), _fetched) == ([],)
            if inline.checkpoint_due():
                due.append(n)
        assert inline._driver().execute("PRAGMA wal_autocheckpoint").fetchone() == (0,)
    finally:
        inline.close()
        engine.dispose()
    assert due == [CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY]


async def test_the_wal_stays_bounded_under_the_loops_writes(sqlite_db: Any) -> None:
    """Checkpointed by a worker, the WAL is reused from its start: it does not grow with the writes."""
    wal = Path(f"{sqlite_db.settings.sqlite_path()}-wal")
    for n in range(2 * CHECKPOINT_EVERY):
        await sqlite_db.save_raw_message(_message(n))
    settled = wal.stat().st_size
    for n in range(6 * CHECKPOINT_EVERY):
        await sqlite_db.save_raw_message(_message(n))
    assert wal.stat().st_size <= 1.5 * settled
