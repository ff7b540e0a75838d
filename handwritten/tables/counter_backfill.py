"""Filling the counters for rows written before their triggers, in bounded batches, exact while others write.

The progress table (``sldb_counter_backfill``, one row per counted table) holds the range of ids the backfill
still owes: (done_upto, high_id]. The triggers count a row change only outside that range; rows inside it are
left to the backfill, which adds them to the counters a batch at a time and moves done_upto past them.

- Install (counters.py, in the migration) writes each table's row unmeasured (high_id NULL, done_upto the
  lowest BIGINT): the new triggers then count nothing, since every id is owed.
- The first batch measures, under the lock of every progress row: it empties the counter tables, and sets each
  table's range to its ids now, (MIN(id) - 1, MAX(id)]. A row written by a writer whose trigger read the bounds
  before that lock was taken is committed before it (the writer holds its share lock until commit), so it is
  inside the range; one written after reads the measured bounds.
- Each batch, one short transaction: lock every progress row (FOR UPDATE; the triggers read their table's
  under a share lock, so the batch waits for writers that decided before it and writers that decide after it
  wait for its commit), read the next at most `batch` rows of one table from done_upto on, add what they
  contribute to the counters (one aggregated upsert per tally), move done_upto, commit. PostgreSQL and MariaDB
  run it at READ COMMITTED, so the batch's reads see every writer that decided before the lock (and none after).
  Killed, the transaction rolls back and the next run resumes at done_upto: no row counted twice, none left out.
- A writer's change to a row the backfill has not reached yet is skipped by the trigger and read by the batch
  as it then is; once the batch passed it, the trigger counts the change as a difference.

Every row is thus counted once, by exactly one of the two. Concurrent runs (several instances starting) take
turns on the progress rows. A new VERSION of the triggers writes the rows unmeasured again: a backfill of the
older version left unfinished is abandoned (its runner stops at the version check) and everything is counted
again. SQLite admits one writer at a time (BEGIN IMMEDIATE): each batch is one short write transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.pools import NO_BEGIN
from sldb.handwritten.runtime.contract.database import Connection
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.retry import Backoff, keep_trying, run_again
from sldb.handwritten.tables.counter_readiness import forget_ready
from sldb.handwritten.tables.counter_tallies import COUNTED, COUNTER_TABLES, PROGRESS, VERSION, range_statements

log = layer_logger("counters")

BATCH = 5000
# SQLite's writers in other connections poll for the write lock (its busy handler sleeps up to 100 ms between
# tries): batches back to back would starve them for the whole backfill. The pause after each batch lets one in.
SQLITE_PAUSE_S = 0.1
_LOWEST = -9223372036854775807


# A batch that loses to writers again and again (Galera: every change left to it conflicts with it) keeps trying
# for this long; after that the backfill stops, and the next start resumes it.
BATCH_RETRIES = Backoff(0.05, doubling=False, within_seconds=300)


@dataclass(frozen=True)
class Batch:
    """One committed batch: the rows of table with id in (low, high], rows of them."""

    table: str
    low: int
    high: int
    rows: int


AfterBatch = Callable[[Batch], Awaitable[None]]
T = TypeVar("T")


def progress_ddl(dialect: str) -> str:
    engine = " ENGINE=InnoDB" if is_mysql(dialect) else ""
    # touches: written by Galera's triggers for a change they leave to the backfill (counter_triggers.py).
    return (
        f"CREATE TABLE IF NOT EXISTS {PROGRESS} (table_name VARCHAR(64) NOT NULL PRIMARY KEY, "
        "version INTEGER NOT NULL, high_id BIGINT NULL, done_upto BIGINT NOT NULL, finished BOOLEAN NOT NULL, "
        f"touches BIGINT NOT NULL DEFAULT 0){engine}"
    )


async def write_unmeasured(conn: Connection, fresh: bool = False, galera: bool = False) -> None:
    """Every counted table's row unmeasured (all its ids owed to the backfill), in the caller's transaction; or,
    fresh (this migration created the counted and the counter tables: all empty, the counters exact), finished.
    galera: a MariaDB Galera node, whose triggers write the touches column (a progress table made before it
    existed gets it)."""
    forget_ready()  # this process reads the tables again until the backfill has finished
    await conn.execute(text(progress_ddl(conn.dialect.name)))
    if galera:
        await conn.execute(text(f"ALTER TABLE {PROGRESS} ADD COLUMN IF NOT EXISTS touches BIGINT NOT NULL DEFAULT 0"))
    await conn.execute(text(f"DELETE FROM {PROGRESS}"))
    values = "0, 0, true" if fresh else f"NULL, {_LOWEST}, false"
    for table in COUNTED:
        await conn.execute(
            text(
                f"INSERT INTO {PROGRESS} (table_name, version, high_id, done_upto, finished) "
                f"VALUES (:t, {VERSION}, {values})"
            ),
            {"t": table},
        )


async def unfinished(conn: Connection) -> int:
    """How many counted tables' backfills are unfinished (a plain read; 0 when there is no progress table)."""
    return int((await conn.execute(text(f"SELECT COUNT(*) FROM {PROGRESS} WHERE NOT finished"))).scalar_one())


async def _measure(conn: AsyncConnection) -> None:
    """Empty the counters and set each table's owed range to the ids it holds now (progress rows locked)."""
    for counter in COUNTER_TABLES:
        await conn.execute(text(f"DELETE FROM {counter}"))
    for table in COUNTED:
        low, high = (await conn.execute(text(f"SELECT MIN(id), MAX(id) FROM {table}"))).one()
        await conn.execute(
            text(f"UPDATE {PROGRESS} SET high_id = :h, done_upto = :d, finished = :f WHERE table_name = :t"),
            {"h": int(high or 0), "d": int(low or 1) - 1, "f": high is None, "t": table},
        )
    log.info("counter backfill measured: the counters are filled from the tables in batches")


async def _upper(conn: AsyncConnection, table: str, low: int, high: int, batch: int) -> tuple[int, int]:
    """The end of the next batch of table after low (at most batch rows, at most high), and its rows."""
    found = (
        await conn.execute(
            text(
                f"SELECT COUNT(*), MAX(id) FROM (SELECT id FROM {table} WHERE id > :low AND id <= :high "
                "ORDER BY id LIMIT :n) AS b"
            ),
            {"low": low, "high": high, "n": batch},
        )
    ).one()
    rows = int(found[0])
    return (int(found[1]) if rows == batch else high), rows


async def _one_batch(conn: AsyncConnection, batch: int) -> Batch | bool | None:
    """One batch in conn's transaction: the Batch done, True when it measured, None when nothing is left (or
    the progress rows belong to another version)."""
    lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE"
    rows = (
        await conn.execute(
            text(f"SELECT table_name, version, high_id, done_upto, finished FROM {PROGRESS} ORDER BY table_name{lock}")
        )
    ).all()
    if not rows or any(int(r.version) != VERSION for r in rows):
        return None
    if any(r.high_id is None for r in rows):
        await _measure(conn)
        return True
    todo = [r for r in rows if not r.finished]
    if not todo:
        return None
    table, low, high = str(todo[0].table_name), int(todo[0].done_upto), int(todo[0].high_id)
    upper, count = await _upper(conn, table, low, high, batch)
    for statement in range_statements(conn.dialect.name, table):
        await conn.execute(text(statement), {"lo": low, "hi": upper})
    await conn.execute(
        text(f"UPDATE {PROGRESS} SET done_upto = :u, finished = :f WHERE table_name = :t"),
        {"u": upper, "f": upper >= high, "t": table},
    )
    return Batch(table, low, upper, count)


async def _in_a_transaction(conn: AsyncConnection, batch: int) -> Batch | bool | None:
    async with conn.begin():
        return await _one_batch(conn, batch)


async def _uncancelled(work: Coroutine[Any, Any, T]) -> T:
    """work's result; cancelled meanwhile, work still ends (commits or rolls back) before the cancellation goes
    on, so a connection is never left inside a transaction (SQLite's would hold the write lock)."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait([task])
        raise


async def run_backfill(engine: AsyncEngine, batch: int = BATCH, after_batch: AfterBatch | None = None) -> int:
    """Run batches until every counted table's backfill is finished; the number of batches committed.

    after_batch, when given, is awaited after each committed batch (tests interrupt the backfill there).
    Cancelled, it stops after the batch in flight. Killed, that batch rolls back; either way the next run goes on
    from the last batch committed.
    """
    done = 0
    async with engine.connect() as look:  # a plain read: on SQLite without BEGIN IMMEDIATE (the write lock)
        look = await look.execution_options(**{NO_BEGIN: True})
        if not await unfinished(look):
            return 0
    async with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            # A statement's reads see every writer committed before it (not the transaction's first snapshot).
            conn = await conn.execution_options(isolation_level="READ COMMITTED")
        while True:
            # A batch rolled back by the server (a deadlock, Galera's certification against a writer's change it
            # raced: see counter_triggers.py) changed nothing and is run again.
            outcome = await keep_trying(
                lambda: _uncancelled(_in_a_transaction(conn, batch)), run_again, BATCH_RETRIES, "counter batch"
            )
            if outcome is None:
                break
            if conn.dialect.name == "sqlite":
                await asyncio.sleep(SQLITE_PAUSE_S)
            if isinstance(outcome, Batch):
                done += 1
                if after_batch is not None:
                    await after_batch(outcome)
    if done:
        log.info("counter backfill finished (%d batches)", done)
    return done
