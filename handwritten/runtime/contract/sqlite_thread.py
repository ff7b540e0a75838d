"""SQLite for the facades: a synchronous SQLAlchemy connection driven from the event loop, one thread hop a step.

Through aiosqlite every statement costs four hops to its worker thread (cursor, execute, fetch, close), and
BEGIN IMMEDIATE, COMMIT and the pool's reset one or more each: a single-row insert made about ten, where the
raw driver makes three. Here a transaction's first statement checks out a pysqlite connection, begins and
executes in one hop, each later statement takes one hop, and COMMIT one; rows come back fully buffered. The
engine is the same file, pragmas and BEGIN IMMEDIATE (engine.py; a snapshot's read-only transaction begins with a
deferred BEGIN instead, chosen by an execution option); it is not bound to an event loop.
The plugin's get_session() and the migration keep using the aiosqlite engine.

The fast paths' single statements (driver_sql_rows on an autocommit connection) first try LoopSqlite: a pysqlite
connection of the event loop's own, on the loop's thread, that never waits (busy_timeout 0). A statement that
can run at once (SQLite's write lock free; a read in WAL mode almost always) takes no thread hop, which costs
more than the statement itself; one that would have to wait for a lock goes to a worker thread as before, and
waits there. The loop's connection never checkpoints the WAL (that writes and syncs the database file, too long
for the loop's thread): after every CHECKPOINT_EVERY writes it made, a worker thread does.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar, TypeVarTuple, overload

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, CursorResult, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import Executable
from sqlalchemy.sql.selectable import TypedReturnsRows

from sldb.handwritten.runtime.contract.observed import statements_observed

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

# A worker thread checkpoints the WAL after this many writes of a LoopSqlite (SQLite's own wal_autocheckpoint
# waits for 1,000 pages, which a message's insert, its indexes and counters fill in a few hundred writes).
CHECKPOINT_EVERY = 200


async def in_thread(work: Callable[[], T]) -> T:
    """work() in a worker thread; if the caller is cancelled meanwhile, wait for work to end, then re-raise.

    The connection must not be rolled back or returned to the pool while a thread still uses it.
    """
    future = asyncio.get_running_loop().run_in_executor(None, work)
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        await asyncio.wait([future])
        raise


def create_sqlite_sync_engine(
    url: URL,
    pool_size: int,
    null_pool: bool,
    on_connect: Callable[[Any, Any], None],
    on_begin: Callable[[Any], None],
) -> Engine:
    """A pysqlite engine on url's file, with the data layer's connect and begin hooks."""
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if null_pool:
        kwargs["poolclass"] = NullPool
    else:
        # Overflow unbounded: worker threads already bound how many connections are in use, and a thread
        # must never wait for a connection that a task waiting for a thread holds. A SQLite file's extra
        # connections cost a file open each and close on return.
        kwargs.update(pool_size=pool_size, max_overflow=-1)
    engine = create_engine(url.set(drivername="sqlite+pysqlite"), **kwargs)
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


class LoopSqlite:
    """A pysqlite connection of one event loop, for single statements that can run at once on the loop's thread.

    busy_timeout 0: a statement that would wait for another connection's lock fails at once with SQLITE_BUSY,
    having changed nothing, and rows() returns None for the caller to run it on a worker thread instead.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._driver_connection: sqlite3.Connection | None = None
        self._writes = 0  # since the last checkpoint
        self._held = False  # a driver transaction of this loop is open on it (begin() to end())

    def _driver(self) -> sqlite3.Connection:
        if self._driver_connection is None:
            raw = self._engine.raw_connection()  # the engine's connect hook: isolation_level None, the pragmas
            driver = raw.driver_connection
            raw.detach()  # its own from now on: the pool neither lends it out nor resets it
            assert isinstance(driver, sqlite3.Connection)
            driver.execute("PRAGMA busy_timeout = 0")
            driver.execute("PRAGMA wal_autocheckpoint = 0")
            self._driver_connection = driver
        return self._driver_connection

    def run(self, sql: str, parameters: tuple[Any, ...], read: Callable[[Any], T]) -> tuple[T] | None:
        """(what read takes from the statement's cursor,), run now; None when the statement would have to wait for
        a lock, or this loop's driver transaction holds the connection (then nothing was done)."""
        if self._held:
            return None  # else it would join that transaction
        driver = self._driver()
        changes = driver.total_changes
        try:
            done = _driver_run(driver, sql, parameters, read)
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return None
            raise
        if driver.total_changes != changes:
            self._writes += 1
        return (done,)

    def begin(self) -> bool:
        """BEGIN IMMEDIATE, when the connection is free and SQLite's write lock can be taken at once (then the
        connection is held until end()); False with nothing done otherwise."""
        if self._held:
            return False
        try:
            self._driver().execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return False
            raise
        self._held = True
        return True

    def run_held(self, sql: str, parameters: tuple[Any, ...], read: Callable[[Any], T]) -> T:
        """What read takes from the statement's cursor, run in the transaction begin() opened (it holds the write
        lock: nothing waits)."""
        assert self._held, "run_held outside begin() ... end()"
        return _driver_run(self._driver(), sql, parameters, read)

    def end(self, *, commit: bool) -> None:
        """COMMIT (or ROLLBACK) the transaction begin() opened, and free the connection; a COMMIT that fails is
        rolled back."""
        driver = self._driver()
        try:
            driver.execute("COMMIT" if commit else "ROLLBACK")
        finally:
            if driver.in_transaction:
                driver.execute("ROLLBACK")
            self._held = False
            self._writes += commit  # a write toward the next checkpoint only when committed, as run() counts changes

    def checkpoint_due(self) -> bool:
        """Whether this connection has written CHECKPOINT_EVERY times since the last checkpoint (then counted
        from zero again: the caller runs checkpoint() on a worker thread)."""
        if self._writes < CHECKPOINT_EVERY:
            return False
        self._writes = 0
        return True

    def close(self) -> None:
        if self._driver_connection is not None:
            self._driver_connection.close()
            self._driver_connection = None


class ThreadConnection:
    """What a facade runs statements on (like AsyncConnection.execute), backed by a pysqlite connection."""

    def __init__(
        self,
        engine: Engine,
        options: dict[str, Any],
        *,
        autocommit: bool = False,
        inline: LoopSqlite | None = None,
        held: bool = False,
    ) -> None:
        self._engine = engine
        self._options = options
        self._autocommit = autocommit  # each statement its own transaction: nothing to hold between them
        self._inline = inline
        self._held = held  # inline's transaction (begin() done): every statement runs there
        self._conn: Connection | None = None

    @property
    def dialect(self) -> Dialect:
        return self._engine.dialect

    @property
    def engine(self) -> Engine:
        """The pysqlite engine this connection comes from (like AsyncConnection.sync_engine)."""
        return self._engine

    def _connection(self) -> Connection:
        if self._conn is None:  # in the worker thread: a full pool waits there, not on the event loop
            self._conn = self._engine.connect().execution_options(prebuffer_rows=True, **self._options)
        return self._conn

    @overload
    async def execute(self, statement: TypedReturnsRows[*Ts], parameters: Any = None) -> CursorResult[*Ts]: ...
    @overload
    async def execute(self, statement: Executable, parameters: Any = None) -> CursorResult[*tuple[Any, ...]]: ...
    async def execute(self, statement: Executable, parameters: Any = None) -> CursorResult[*tuple[Any, ...]]:
        """Run statement in the worker thread (the first one also checks out and begins); rows come buffered."""
        if self._held:
            raise TypeError("a driver transaction runs generated statements only (queries/driver_sql.py)")
        return await in_thread(lambda: self._connection().execute(statement, parameters))

    async def driver_sql_rows(self, sql: str, parameters: tuple[Any, ...]) -> list[Any]:
        """Every row of SQL text in pysqlite's paramstyle (a statement of the generated fast paths), run in the
        worker thread and read to its end (a RETURNING insert commits only then): on the pysqlite connection
        itself, or through exec_driver_sql when the statements are observed (observed.py).
        No BEGIN is sent for it: run it on a reading() or autocommit() connection."""
        return await self._driver_sql(sql, parameters, _all_rows, lambda result: list(result.all()))

    async def driver_sql_rowcount(self, sql: str, parameters: tuple[Any, ...]) -> int:
        """How many rows SQL text (an UPDATE of the generated fast paths) matched, run as driver_sql_rows runs."""
        return await self._driver_sql(sql, parameters, _rowcount, lambda result: int(result.rowcount))

    async def _driver_sql(
        self,
        sql: str,
        parameters: tuple[Any, ...],
        read: Callable[[Any], T],
        read_observed: Callable[[CursorResult[Any]], T],
    ) -> T:
        if self._held:
            assert self._inline is not None
            return self._inline.run_held(sql, parameters, read)
        if self._inline is not None and self._conn is None and not statements_observed(self._engine):
            done = self._inline.run(sql, parameters, read)
            if done is not None:
                if self._inline.checkpoint_due():
                    await in_thread(lambda: checkpoint(self._engine))
                return done[0]

        def work() -> T:
            if self._autocommit and self._conn is None and not statements_observed(self._engine):
                return _pooled(self._engine, sql, parameters, read)
            conn = self._connection()
            if not self._autocommit and not conn.in_transaction():
                conn.begin()  # the engine's begin hook: BEGIN IMMEDIATE (a driver statement would not autobegin)
            if statements_observed(conn):
                return read_observed(conn.exec_driver_sql(sql, parameters))
            return _driver_run(conn.connection.driver_connection, sql, parameters, read)

        return await in_thread(work)

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        """A savepoint: released when the block ends, rolled back to if it raises."""
        savepoint = await in_thread(lambda: self._connection().begin_nested())
        try:
            yield
        except BaseException:
            await in_thread(savepoint.rollback)
            raise
        await in_thread(savepoint.commit)

    async def commit(self) -> None:
        if self._conn is not None:
            await in_thread(self._conn.commit)

    async def rollback(self) -> None:
        if self._conn is not None:
            await in_thread(self._conn.rollback)

    def close(self) -> None:
        """Return the connection to the pool (its transaction has ended: the reset has nothing to undo)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused at once because another connection holds the lock (nothing was done)."""
    return exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY


def _driver_error(sql: str, work: Callable[[], T]) -> T:
    """work(); a pysqlite error raised as SQLAlchemy's DBAPIError around it, as for any statement."""
    try:
        return work()
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, [], exc, sqlite3.Error) from exc


def _all_rows(cursor: Any) -> list[Any]:
    return list(cursor.fetchall())


def _rowcount(cursor: Any) -> int:
    return int(cursor.rowcount)


def _driver_run(driver: Any, sql: str, parameters: tuple[Any, ...], read: Callable[[Any], T]) -> T:
    cursor = driver.execute(sql, parameters)
    try:
        return read(cursor)
    finally:
        cursor.close()


def _pooled(engine: Engine, sql: str, parameters: tuple[Any, ...], read: Callable[[Any], T]) -> T:
    """_driver_run on a pysqlite connection checked out of the pool and returned in the same thread hop: an
    autocommit statement needs no SQLAlchemy Connection around it (its checkout, options and the return to the
    pool on the event loop cost more than the statement's insert)."""
    raw = engine.raw_connection()
    try:
        return _driver_run(raw.driver_connection, sql, parameters, read)
    finally:
        raw.close()


def checkpoint(engine: Engine) -> list[Any]:
    """A passive checkpoint of the WAL on one of engine's pooled connections: (busy, frames, checkpointed)."""
    return _pooled(engine, "PRAGMA wal_checkpoint(PASSIVE)", (), _all_rows)


@asynccontextmanager
async def thread_transaction(engine: Engine, options: dict[str, Any] | None = None) -> AsyncIterator[ThreadConnection]:
    """A ThreadConnection in a transaction: committed when the block ends, rolled back if it raises."""
    conn = ThreadConnection(engine, options or {})
    try:
        yield conn
        await conn.commit()
    except BaseException:
        await conn.rollback()
        raise
    finally:
        conn.close()


@asynccontextmanager
async def thread_driver_transaction(engine: Engine, inline: LoopSqlite) -> AsyncIterator[ThreadConnection]:
    """A ThreadConnection for the generated statements of one write transaction, committed when the block ends,
    rolled back if it raises: on inline, the loop's own connection, when it is free and its BEGIN IMMEDIATE takes
    the write lock at once (no thread hop at all); else as thread_transaction, waiting for the lock in a worker.
    """
    if statements_observed(engine) or not _driver_error("BEGIN IMMEDIATE", inline.begin):
        async with thread_transaction(engine) as conn:
            yield conn
        return
    try:
        yield ThreadConnection(engine, {}, inline=inline, held=True)
    except BaseException:
        inline.end(commit=False)
        raise
    _driver_error("COMMIT", lambda: inline.end(commit=True))
    if inline.checkpoint_due():
        await in_thread(lambda: checkpoint(engine))


@asynccontextmanager
async def thread_autocommit(
    engine: Engine, options: dict[str, Any] | None = None, inline: LoopSqlite | None = None
) -> AsyncIterator[ThreadConnection]:
    """A ThreadConnection for one statement in SQLite's implicit transaction: no hop beyond the statement's own
    (none for a driver statement that inline, the loop's LoopSqlite, can run at once).

    The caller's options hold the engine's no-BEGIN flag; the statement commits (or fails) on its own.
    """
    conn = ThreadConnection(engine, options or {}, autocommit=True, inline=inline)
    try:
        yield conn
    finally:
        conn.close()
