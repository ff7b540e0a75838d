"""The migration's steps on tables that already exist, each run so that the table's readers and writers go on.

migrate() runs them one by one after the transaction that creates the new tables, still under the migration
lock (on PostgreSQL a session-level lock for that reason), each in a transaction of its own or in none:

- PostgreSQL: CREATE INDEX CONCURRENTLY outside any transaction, as PostgreSQL requires. When such a build
  fails it leaves an INVALID index (written by every insert, read by no query): it is dropped at once, and one
  left by a build that was cut off is found by the catalog read and dropped before the next build
  (DROP_INVALID_INDEX). ADD COLUMN changes only the catalog (no default is volatile, so no row is rewritten) but
  needs the table's exclusive lock for a moment; waiting for it behind a long transaction would queue every
  later reader and writer of the table behind the ALTER, so it waits at most DDL_LOCK_TIMEOUT_MS
  (SET LOCAL lock_timeout), then gives way and tries again later (DDL_RETRY).
- MySQL / MariaDB: each step's online form first (ADD COLUMN ... ALGORITHM=INSTANT, CREATE INDEX ...
  ALGORITHM=INPLACE LOCK=NONE); when the server refuses it (failures.online_form_refused, by error code) the
  step's fallbacks in order, each logged. The metadata lock every ALTER needs for a moment is waited for at
  most DDL_LOCK_WAIT_SECONDS (lock_wait_timeout, set for these steps and put back after), then tried again.
- A before_create preparation runs in a transaction of its own, just before its index is built.

SQLite migrates in one write transaction (one writer by design) and does not come here.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from sqlalchemy import MetaData, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify, online_form_refused
from sldb.handwritten.runtime.failures.retry import Backoff, keep_trying
from sldb.handwritten.runtime.schema.diff import Operation, OpKind
from sldb.handwritten.runtime.schema.extras import extras_of

log = layer_logger("migrate")

DDL_LOCK_TIMEOUT_MS = 2000  # PostgreSQL: an ALTER's longest wait for its table's lock, per try
DDL_LOCK_WAIT_SECONDS = 5  # MySQL / MariaDB: an ALTER's longest wait for its metadata lock, per try
DDL_RETRY = Backoff(0.25, within_seconds=60)  # then the step is logged and skipped; the next start tries again

_NO_TRANSACTION = (OpKind.CREATE_INDEX, OpKind.DROP_INVALID_INDEX)


async def run_on_its_own(conn: AsyncConnection, metadata: MetaData, step: Operation) -> None:
    """Run one step on an existing table; conn holds no transaction before or after."""
    if step.hook is not None:
        async with conn.begin():
            await extras_of(metadata).hook_named(step.hook).run(conn, step.name)
        return
    if is_mysql(conn.dialect):
        await _first_form_accepted(conn, step)
    elif step.kind in _NO_TRANSACTION:
        await _outside_transaction(conn, step)
    else:
        await _retried(step, lambda: _with_lock_timeout(conn, step.sql))
    log.info("migration: %s %s.%s", step.kind, step.table, step.name)


@contextlib.asynccontextmanager
async def lock_waits_bounded(conn: AsyncConnection) -> AsyncIterator[None]:
    """MySQL / MariaDB: the session's lock_wait_timeout is DDL_LOCK_WAIT_SECONDS while the block runs."""
    if not is_mysql(conn.dialect):
        yield
        return
    async with conn.begin():
        before = (await conn.execute(text("SELECT @@SESSION.lock_wait_timeout"))).scalar()
        await conn.execute(text(f"SET SESSION lock_wait_timeout = {DDL_LOCK_WAIT_SECONDS}"))
    try:
        yield
    finally:
        if conn.in_transaction():
            await conn.rollback()
        async with conn.begin():
            await conn.execute(text("SET SESSION lock_wait_timeout = :before"), {"before": before})


def _lock_wait_ran_out(exc: Exception) -> bool:
    return isinstance(exc, DBAPIError) and classify(exc) is FailureClass.RETRYABLE


async def _retried(step: Operation, attempt: Callable[[], Awaitable[None]]) -> None:
    """attempt() again, after a pause, while its lock wait runs out (each retry logged)."""
    await keep_trying(attempt, _lock_wait_ran_out, DDL_RETRY, what=f"migration {step.kind} {step.table}.{step.name}")


async def _with_lock_timeout(conn: AsyncConnection, sql: str) -> None:
    async with conn.begin():
        await conn.execute(text(f"SET LOCAL lock_timeout = {DDL_LOCK_TIMEOUT_MS}"))
        await conn.execute(text(sql))


async def _first_form_accepted(conn: AsyncConnection, step: Operation) -> None:
    """MySQL: the step's sql, else each fallback in turn while the server refuses the form before it."""
    forms = (step.sql, *step.fallbacks)
    for sql, instead in zip(forms, (*forms[1:], None), strict=True):

        async def attempt(sql: str = sql) -> None:
            async with conn.begin():
                await conn.execute(text(sql))

        try:
            await _retried(step, attempt)
            return
        except DBAPIError as exc:
            if instead is None or not online_form_refused(exc):
                raise
            log.warning("migration: the server refused %s (%s); running %s", sql, cause_text(exc), instead)


async def _outside_transaction(conn: AsyncConnection, step: Operation) -> None:
    """PostgreSQL: a CONCURRENTLY statement, in autocommit mode; a failed build's INVALID index dropped."""
    level = await conn.get_isolation_level()  # put back after: the connection returns to the pool
    await conn.execution_options(isolation_level="AUTOCOMMIT")
    try:
        await conn.execute(text(step.sql))
    except DBAPIError:
        if step.kind is OpKind.CREATE_INDEX:
            await _drop_if_invalid(conn, step.name)
        raise
    finally:
        await conn.rollback()  # nothing to undo in autocommit; SQLAlchemy ends its transaction marker
        await conn.execution_options(isolation_level=level)


async def _drop_if_invalid(conn: AsyncConnection, index: str) -> None:
    quoted = conn.dialect.identifier_preparer.quote(index)
    try:
        invalid = await conn.execute(
            text("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass(:name)"), {"name": quoted}
        )
        if invalid.scalar():
            await conn.execute(text(f"DROP INDEX CONCURRENTLY IF EXISTS {quoted}"))
            log.info("migration: dropped the invalid index %s its failed build left", index)
    except DBAPIError as exc:  # the next start finds it in the catalog and drops it then
        log.warning("migration: could not drop the invalid index %s (%s)", index, cause_text(exc))
