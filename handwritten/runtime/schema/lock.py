"""The lock that lets one starter at a time migrate, across processes, machines and Galera nodes.

- PostgreSQL: a session-level advisory lock on the migration's connection, as the migration runs in several
  transactions (and CREATE INDEX CONCURRENTLY in none). It is taken by polling pg_try_advisory_lock, not by
  waiting in pg_advisory_lock: a starter waiting inside a statement holds a snapshot, CREATE INDEX CONCURRENTLY
  waits for every older snapshot to end, and holder and waiter would deadlock. It is released at the end, or
  the connection is closed (which releases it) rather than returned to the pool holding it.
- MySQL / MariaDB: GET_LOCK on the migration's connection.
- SQLite: nothing more; the migration's first statement begins with BEGIN IMMEDIATE (engine.py), one writer.
- MariaDB Galera: GET_LOCK is node-local (two starters on two nodes both hold it at once, as
  tests/cluster/test_galera.py shows), so there the lock is a row of sldb_locks, inserted through the cluster
  on a connection of its own. Of two concurrent inserts of the row, certification lets exactly one commit; the
  other fails with 1213, or with 1062 once the row has reached its node, and tries again. The holder renews the
  row's lease while it migrates; a row whose lease ran out (its holder died) is taken over. DDL under Galera
  is replicated in total order, so whoever takes the row next reads the schema the previous holder left.

A lock not taken within LOCK_TIMEOUT_SECONDS is given up with a warning and the migration runs anyway (its
steps are additive and each failure is logged and skipped), as a stuck lock must not keep the bot down.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.nodes import is_galera
from sldb.handwritten.runtime.contract.errors import SettingsError
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify
from sldb.handwritten.runtime.failures.retry import Backoff, keep_trying

log = layer_logger("migrate")

ADVISORY_LOCK_KEY = 0x5D1B_0001  # one fixed key: "sldb migration"
LOCK_NAME = "sldb_migrate"
LOCK_TIMEOUT_SECONDS = 120
LOCK_TABLE = "sldb_locks"
LEASE_SECONDS = 30
RENEW_SECONDS = 5.0
RETRY_SECONDS = 0.2

_CREATE_LOCK_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {LOCK_TABLE} (name VARCHAR(64) NOT NULL PRIMARY KEY, "
    "holder VARCHAR(255) NOT NULL, expires_at BIGINT NOT NULL) ENGINE=InnoDB"
)
_EXPIRED = text(f"DELETE FROM {LOCK_TABLE} WHERE name = :name AND expires_at < UNIX_TIMESTAMP()")
_TAKE = text(f"INSERT INTO {LOCK_TABLE} (name, holder, expires_at) VALUES (:name, :holder, UNIX_TIMESTAMP() + :lease)")
_RENEW = text(f"UPDATE {LOCK_TABLE} SET expires_at = UNIX_TIMESTAMP() + :lease WHERE name = :name AND holder = :holder")
_RELEASE = text(f"DELETE FROM {LOCK_TABLE} WHERE name = :name AND holder = :holder")


@contextlib.asynccontextmanager
async def migration_lock(conn: AsyncConnection) -> AsyncIterator[None]:
    """Hold the migration lock of conn's database while the block runs (the block commits or rolls back)."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        async with _advisory_lock(conn):
            yield
    elif is_mysql(dialect):
        if await is_galera(conn):
            async with _row_lock(conn, LOCK_NAME):
                yield
        else:
            async with _get_lock(conn, LOCK_NAME):
                yield
    else:
        yield


class _HeldByAnother(Exception):
    """pg_try_advisory_lock said no: another starter holds the lock."""


@contextlib.asynccontextmanager
async def _advisory_lock(conn: AsyncConnection) -> AsyncIterator[None]:
    """PostgreSQL's form: a session-level advisory lock, polled for (see the module's note)."""
    params = {"k": ADVISORY_LOCK_KEY}

    async def take() -> None:
        got = (await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), params)).scalar()
        await conn.commit()
        if not got:
            raise _HeldByAnother

    held = True
    try:
        await keep_trying(
            take,
            lambda exc: isinstance(exc, _HeldByAnother),
            Backoff(RETRY_SECONDS, doubling=False, within_seconds=LOCK_TIMEOUT_SECONDS),
        )
    except _HeldByAnother:
        held = False
        log.warning("could not take the migration lock within %ds; migrating without it", LOCK_TIMEOUT_SECONDS)
    try:
        yield
    finally:
        if held:
            await _advisory_unlock(conn, params)


async def _advisory_unlock(conn: AsyncConnection, params: dict[str, int]) -> None:
    try:
        if conn.in_transaction():
            await conn.rollback()
        await conn.execute(text("SELECT pg_advisory_unlock(:k)"), params)
        await conn.commit()
    except Exception as exc:
        # Back in the pool the lock would keep every later starter waiting: its session ends instead.
        log.warning("could not release the migration lock (%s); closing its connection", cause_text(exc))
        await conn.invalidate()


@contextlib.asynccontextmanager
async def _get_lock(conn: AsyncConnection, name: str) -> AsyncIterator[None]:
    got = (await conn.execute(text("SELECT GET_LOCK(:n, :t)"), {"n": name, "t": LOCK_TIMEOUT_SECONDS})).scalar()
    if got != 1:
        log.warning("could not take the migration lock within %ds; migrating without it", LOCK_TIMEOUT_SECONDS)
    try:
        yield
    finally:
        await conn.execute(text("SELECT RELEASE_LOCK(:n)"), {"n": name})


@contextlib.asynccontextmanager
async def _row_lock(conn: AsyncConnection, name: str) -> AsyncIterator[None]:
    """The Galera form: the row `name` of sldb_locks, held through a connection of its own (autocommit)."""
    size = getattr(conn.engine.pool, "size", None)
    if callable(size) and size() < 2:
        # The pool would wait pool_timeout for a second connection that never comes: say so at once.
        raise SettingsError(
            "max_connections",
            f"{size()} is too few on a Galera cluster: start-up holds the migration lock on a second connection",
        )
    holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
    params = {"name": name, "holder": holder, "lease": LEASE_SECONDS}
    async with conn.engine.connect() as plain:
        lock = await plain.execution_options(isolation_level="AUTOCOMMIT")
        if not await _lock_table_exists(lock):  # CREATE ... IF NOT EXISTS checks the CREATE privilege even so
            await lock.execute(text(_CREATE_LOCK_TABLE))
        held = await _take(lock, params)
        done = asyncio.Event()
        renewing = asyncio.create_task(_renew(lock, params, done)) if held else None
        try:
            yield
        finally:
            if renewing is not None:
                done.set()  # not cancel(): a renewal cut off mid-statement would leave the connection unusable
                try:
                    await renewing
                    await lock.execute(_RELEASE, params)
                except DBAPIError as exc:
                    # The lease runs out by itself within LEASE_SECONDS; the migration itself is done.
                    log.warning("could not release the migration lock row (%s)", cause_text(exc))


async def _lock_table_exists(lock: AsyncConnection) -> bool:
    found = await lock.execute(
        text("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = :t"),
        {"t": LOCK_TABLE},
    )
    return found.scalar() is not None


async def _take(lock: AsyncConnection, params: dict[str, object]) -> bool:
    """Insert the lock row, waiting while another holder has it; False when LOCK_TIMEOUT_SECONDS ran out."""

    async def take() -> None:
        await lock.execute(_EXPIRED, params)
        await lock.execute(_TAKE, params)

    def held_by_another(exc: Exception) -> bool:
        return isinstance(exc, DBAPIError) and classify(exc) in (FailureClass.DUPLICATE_KEY, FailureClass.RETRYABLE)

    try:
        await keep_trying(
            take, held_by_another, Backoff(RETRY_SECONDS, doubling=False, within_seconds=LOCK_TIMEOUT_SECONDS)
        )
        return True
    except DBAPIError as exc:
        if not held_by_another(exc):
            raise
    log.warning("could not take the cluster-wide migration lock within %ds; migrating without it", LOCK_TIMEOUT_SECONDS)
    return False


async def _renew(lock: AsyncConnection, params: dict[str, object], done: asyncio.Event) -> None:
    """Keep the lease of the held row from running out until done is set."""
    while not done.is_set():
        try:
            await asyncio.wait_for(done.wait(), RENEW_SECONDS)
        except TimeoutError:
            await lock.execute(_RENEW, params)
