"""What single statements cost on the wire, and that skipping a round trip never leaves a transaction open.

Reads and one-statement writes run on an autocommit connection (PostgreSQL, MySQL); the transactions of
`db.transaction()` end with COMMIT and the pool sends no ROLLBACK after it. These tests check the effects
a caller could notice: every write is committed at once, every read sees the latest commits, and no
connection goes back to the pool with a transaction open.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import db_name, mysql_server, postgresql_server
from tests.fixtures import BACKENDS, drop_database, settings_for

pytestmark = pytest.mark.parametrize("backend", BACKENDS)


def _message(i: int) -> dict[str, Any]:
    return {"sender_id": f"u{i}", "message": f"m{i}", "group_id": "g", "platform": "qq", "timestamp": time.time()}


async def _one_connection_manager(backend: str, tmp_path: Path, name: str) -> SQLAlchemyDatabaseManager:
    database = db_name(name)
    await drop_database(backend, database)
    manager = SQLAlchemyDatabaseManager(
        {**settings_for(backend, tmp_path, database=database), "max_connections": 1, "min_connections": 0}
    )
    assert await manager.start()
    return manager


async def _mysql_counters(manager: SQLAlchemyDatabaseManager) -> dict[str, int]:
    """COMMIT and ROLLBACK statements the server has seen on the reader's (only) connection."""
    assert manager.engine is not None
    async with manager.engine.reading() as conn:
        rows = await conn.execute(
            text(
                "SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                " WHERE VARIABLE_NAME IN ('COM_COMMIT', 'COM_ROLLBACK')"
            )
        )
        return {str(name): int(value) for name, value in rows}


async def test_single_statements_send_no_commit_or_rollback_on_mysql(backend: str, tmp_path: Path) -> None:
    if backend != "mysql":
        pytest.skip("counts MySQL's per-connection statement counters")
    manager = await _one_connection_manager(backend, tmp_path, "sldb_rt_trips")
    try:
        before = await _mysql_counters(manager)
        for i in range(5):
            await manager.save_raw_message(_message(i))
            await manager.add_filtered_message({"message": f"f{i}", "group_id": "g", "confidence": 0.5})
            await manager.get_recent_raw_messages("g", 10)
            await manager.save_or_update_jargon("g", f"term{i}", {"meaning": "m", "count": 1})
        after = await _mysql_counters(manager)
        assert after == before, f"single statements sent {after} COMMIT/ROLLBACK statements, from {before}"
        assert len(await manager.get_recent_raw_messages("g", 10)) == 5
    finally:
        await manager.stop()


async def test_writes_are_committed_and_reads_see_the_latest_commits(backend: str, tmp_path: Path) -> None:
    """A second manager on the same database: what one writes, the other reads at once, both ways."""
    first = await _one_connection_manager(backend, tmp_path, "sldb_rt_visible")
    second = SQLAlchemyDatabaseManager(
        {
            **settings_for(backend, tmp_path, database=db_name("sldb_rt_visible")),
            "max_connections": 1,
            "min_connections": 0,
        }
    )
    assert await second.start()
    try:
        for i in range(3):
            # Each side reads before the other writes: a read that left its snapshot open would miss the row.
            seen_by_second = len(await second.get_recent_raw_messages("g", 100))
            seen_by_first = len(await first.get_recent_raw_messages("g", 100))
            assert seen_by_first == seen_by_second == 2 * i
            await first.save_raw_message(_message(i))
            assert len(await second.get_recent_raw_messages("g", 100)) == 2 * i + 1
            await second.save_raw_message(_message(100 + i))
            assert len(await first.get_recent_raw_messages("g", 100)) == 2 * i + 2
    finally:
        await second.stop()
        await first.stop()


async def _open_transactions(backend: str, tmp_path: Path, database: str) -> int:
    """How many of the database's connections the server sees inside a transaction, asked from outside the pools."""
    if backend == "sqlite":
        # A transaction left open (even a read) holds the WAL: a TRUNCATE checkpoint then reports busy.
        path = settings_for(backend, tmp_path, database=database)["messages_db_path"]
        with sqlite3.connect(path, timeout=0) as conn:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return int(busy)
    url = mysql_server() if backend == "mysql" else postgresql_server().set(database=database)
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            if backend == "mysql":
                # InnoDB refreshes the tables behind INNODB_TRX only when the last read is over 0.1 s old.
                await asyncio.sleep(0.2)
                sql = (
                    "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id IN"
                    " (SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :database)"
                )
            else:
                sql = (
                    "SELECT COUNT(*) FROM pg_stat_activity"
                    " WHERE datname = :database AND state LIKE 'idle in transaction%%' AND pid <> pg_backend_pid()"
                )
            return int((await conn.execute(text(sql), {"database": database})).scalar_one())
    finally:
        await engine.dispose()


async def test_no_connection_returns_to_the_pool_inside_a_transaction(backend: str, tmp_path: Path) -> None:
    """After reads, writes, a failed transaction and a failed statement, the server sees no transaction open."""
    manager = await _one_connection_manager(backend, tmp_path, "sldb_rt_clean")
    assert manager.engine is not None
    database = db_name("sldb_rt_clean")
    try:
        await manager.save_raw_message(_message(1))
        await manager.get_recent_raw_messages("g", 10)
        async with manager.engine.transaction() as conn:
            await conn.execute(text("SELECT COUNT(*) FROM raw_messages"))
            assert await _open_transactions(backend, tmp_path, database) == 1  # the check sees an open one
        with pytest.raises(RuntimeError):
            async with manager.engine.transaction() as conn:
                await conn.execute(text("UPDATE raw_messages SET processed = true"))
                raise RuntimeError("the caller fails inside the transaction")
        with pytest.raises(Exception, match="no_such_table"):
            async with manager.engine.transaction() as conn:
                await conn.execute(text("SELECT * FROM raw_messages"))
                await conn.execute(text("SELECT * FROM no_such_table"))
        assert await _open_transactions(backend, tmp_path, database) == 0
        # The failed transaction's UPDATE was rolled back.
        assert [row["processed"] for row in await manager.get_recent_raw_messages("g", 10)] == [False]
        assert await _open_transactions(backend, tmp_path, database) == 0
    finally:
        await manager.stop()
