"""DatabaseEngine: one async engine per event loop, sessions bound to the caller's loop, health and info.

The WebUI runs its own event loop in another thread; an asyncpg or aiomysql connection belongs to the loop
that opened it, so every loop gets its own engine (created once, under a lock). An engine whose loop has
closed is disposed the next time any loop asks for an engine, and close() disposes them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import MetaData, text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from sldb.handwritten.runtime.connecting.liveness import shut_pooled_sockets
from sldb.handwritten.runtime.connecting.pooled_driver import checked_out, driver_transaction
from sldb.handwritten.runtime.connecting.pools import (
    DEFERRED_BEGIN,
    NO_BEGIN,
    PoolOptions,
    async_url,
    backend_of,
    create_engine_for,
    reader_of,
    sqlite_on_begin,
    sqlite_on_connect,
)
from sldb.handwritten.runtime.contract.database import Backend, Connection, DriverHandle
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.contract.observed import statements_observed
from sldb.handwritten.runtime.contract.sqlite_thread import (
    LoopSqlite,
    create_sqlite_sync_engine,
    thread_autocommit,
    thread_driver_transaction,
    thread_transaction,
)

log = layer_logger("engine")

CLOSE_TIMEOUT_SECONDS = 10.0


# MySQL/MariaDB: the snapshot's first statement; REPEATABLE READ (InnoDB's default) keeps that snapshot.
_MYSQL_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"


async def _dispose_with_loop(
    engines: tuple[AsyncEngine, ...], loop: asyncio.AbstractEventLoop
) -> AsyncGenerator[None, None]:
    """Suspended for as long as its loop runs; closing it disposes the engine while the loop still can.

    asyncio.run() closes every async generator of its loop before closing the loop (shutdown_asyncgens):
    so when the WebUI's loop ends, its engine's connections are closed politely instead of being left
    open until garbage collection (PostgreSQL, MySQL) or for good (aiosqlite's worker threads).
    """
    try:
        yield
    finally:
        if _running_loop() is loop:  # elsewhere (a closed or stopped loop) its connections cannot be awaited
            for engine in engines:
                await engine.dispose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _step(coroutine: Coroutine[Any, Any, Any]) -> None:
    """Run coroutine up to its first suspension, now; used where it cannot suspend (see callers)."""
    with contextlib.suppress(StopIteration):
        coroutine.send(None)


@dataclass
class _LoopEngine:
    """The engine of one event loop and what closes it with the loop."""

    loop: asyncio.AbstractEventLoop
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    closer: AsyncGenerator[None, None]
    reader: AsyncEngine
    # SQLite through worker threads: this loop's writers take turns before they ask a thread for the file's
    # write lock. Writers blocked in BEGIN IMMEDIATE would otherwise hold every worker thread while the one
    # holding the lock waits for a thread to COMMIT. SQLite admits one writer at a time anyway.
    sqlite_writers: asyncio.Lock = field(default_factory=asyncio.Lock)
    # SQLite: this loop's connection for the fast paths' statements that can run at once (sqlite_thread.py).
    sqlite_inline: LoopSqlite | None = None

    @classmethod
    def on(cls, loop: asyncio.AbstractEventLoop, url: URL, options: PoolOptions) -> _LoopEngine:
        engine = create_engine_for(url, options)
        reader = reader_of(engine, url, options)
        closer = _dispose_with_loop((engine, reader) if reader is not engine else (engine,), loop)
        _step(closer.asend(None))  # first iteration, on the loop's thread: the loop now tracks it
        return cls(loop, engine, async_sessionmaker(engine, expire_on_commit=False), closer, reader)

    def forget(self) -> None:
        """Drop the engine of a loop that no longer runs: its connections cannot be closed politely without it,
        so their sockets are shut down now (the server ends those sessions at once, not at garbage collection)."""
        _step(self.closer.aclose())  # ends at once: not on its loop, so it skips dispose
        if self.sqlite_inline is not None:
            self.sqlite_inline.close()
        for engine in (self.engine, self.reader) if self.reader is not self.engine else (self.engine,):
            shut_pooled_sockets(engine)
            engine.sync_engine.dispose(close=False)


class DatabaseEngine:
    """The engines of one database, one per event loop, and their session factories.

    Also built as the plugin's own DatabaseEngine is: `DatabaseEngine(database_url, echo=False)`, a URL as text
    (a plain scheme gets the async driver). Its tables are those of the metadata given; the manager gives the
    specs'.
    """

    def __init__(
        self,
        url: URL | str,
        metadata: MetaData | None = None,
        options: PoolOptions | None = None,
        *,
        echo: bool = False,
    ) -> None:
        self.url = async_url(url)
        self.metadata = metadata if metadata is not None else MetaData()
        self.options = options or PoolOptions()
        if echo and not self.options.echo:
            self.options = dataclasses.replace(self.options, echo=True)
        self.backend: Backend = backend_of(self.url)
        self._lock = threading.Lock()
        self._engines: dict[int, _LoopEngine] = {}
        self._main_loop: asyncio.AbstractEventLoop | None = None
        self._sqlite = (
            create_sqlite_sync_engine(
                self.url,
                self.options.max_connections,
                self.options.sqlite_pool == "null",
                sqlite_on_connect,
                sqlite_on_begin,
            )
            if self.backend == "sqlite"
            else None
        )

    # -- engines per loop ----------------------------------------------------------------------

    def _entry(self) -> _LoopEngine:
        loop = asyncio.get_running_loop()
        found = self._engines.get(id(loop))
        if found is not None and found.loop is loop:
            return found
        with self._lock:
            self._drop_closed_loops()
            found = self._engines.get(id(loop))
            if found is None or found.loop is not loop:
                found = _LoopEngine.on(loop, self.url, self.options)
                if self._sqlite is not None:
                    found.sqlite_inline = LoopSqlite(self._sqlite)
                self._engines[id(loop)] = found
                if self._main_loop is None:
                    self._main_loop = loop
                else:
                    log.debug("created an engine for another event loop (%d loops)", len(self._engines))
            return found

    def _drop_closed_loops(self) -> None:
        for key, entry in list(self._engines.items()):
            if entry.loop.is_closed():
                entry.forget()
                del self._engines[key]

    @property
    def engine(self) -> AsyncEngine:
        """The current loop's engine."""
        return self._entry().engine

    def get_session(self) -> AsyncSession:
        """A new session on the current loop's engine (use as `async with`)."""
        return self._entry().sessions()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """A Core connection in a transaction: committed when the block ends, rolled back if it raises.

        Core, not an ORM session: the facades run Core statements, and a session only adds work per call.
        SQLite: a pysqlite connection through a worker thread (see sqlite_thread), shared by every loop.
        """
        if self._sqlite is not None:
            async with self._entry().sqlite_writers, thread_transaction(self._sqlite) as thread_conn:
                yield thread_conn
            return
        async with self._entry().engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Connection]:
        """A connection for a single read statement (see reader_of)."""
        if self._sqlite is not None:
            async with thread_autocommit(self._sqlite, {NO_BEGIN: True}) as thread_conn:
                yield thread_conn
            return
        async with self._entry().reader.connect() as conn:
            yield conn

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Connection]:
        """A read-only transaction for several reads that must agree: they all see one snapshot.

        PostgreSQL: REPEATABLE READ, READ ONLY (set on the driver connection, no extra round trip). MySQL:
        START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY. SQLite: a deferred BEGIN, outside this loop's
        writers' turn: in WAL mode it reads one snapshot and never waits for the write lock.
        """
        if self._sqlite is not None:
            async with thread_transaction(self._sqlite, {DEFERRED_BEGIN: True}) as thread_conn:
                yield thread_conn
            return
        async with self._entry().engine.connect() as conn:
            if self.backend == "postgresql":
                await conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            async with conn.begin():
                if self.backend == "mysql":
                    if conn.dialect.default_isolation_level != "REPEATABLE READ":
                        # For the next transaction only: nothing to reset when the connection goes back.
                        await conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    await conn.exec_driver_sql(_MYSQL_SNAPSHOT)
                yield conn

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[Connection]:
        """A connection for a write that is one statement, which commits on its own (its own transaction).

        PostgreSQL and MySQL: the server's autocommit, no BEGIN/COMMIT round trips. SQLite: one thread hop,
        no BEGIN, the statement takes the write lock itself (waiting up to busy_timeout), after this loop's
        other writers.
        """
        if self._sqlite is not None:
            async with self._entry().sqlite_writers, thread_autocommit(self._sqlite, {NO_BEGIN: True}) as thread_conn:
                yield thread_conn
            return
        async with self._entry().reader.connect() as conn:
            yield conn

    @asynccontextmanager
    async def driver(self, *, write: bool) -> AsyncIterator[DriverHandle]:
        """One generated statement, as autocommit() (write) or reading() would run it (see Database.driver).

        PostgreSQL and MySQL: a driver connection of the autocommit engine's pool, checked out and returned
        without a SQLAlchemy Connection (the pool's events, liveness checks and reset still apply). SQLite: the
        connection autocommit() or reading() would give, which runs the statement on this loop's own thread when
        it can run at once (LoopSqlite), else in one thread hop.
        """
        entry = self._entry()
        if self._sqlite is not None:
            options = {NO_BEGIN: True}
            if write:
                async with entry.sqlite_writers, thread_autocommit(self._sqlite, options, entry.sqlite_inline) as conn:
                    yield conn
            else:
                async with thread_autocommit(self._sqlite, options, entry.sqlite_inline) as conn:
                    yield conn
            return
        reader = entry.reader
        if statements_observed(reader.sync_engine):
            async with self.autocommit() if write else self.reading() as conn:
                yield conn
            return
        async with checked_out(reader, self.backend) as handle:
            yield handle

    @asynccontextmanager
    async def driver_transaction(self) -> AsyncIterator[DriverHandle]:
        """Several generated statements in one transaction, as transaction() would run them (see
        Database.driver_transaction).

        PostgreSQL and MySQL: BEGIN ... COMMIT on a driver connection of the autocommit engine's pool, checked out
        as driver() does. SQLite: this loop's own connection when its BEGIN IMMEDIATE takes the write lock at
        once, else a worker's, after this loop's other writers.
        """
        entry = self._entry()
        if self._sqlite is not None:
            assert entry.sqlite_inline is not None
            async with entry.sqlite_writers, thread_driver_transaction(self._sqlite, entry.sqlite_inline) as conn:
                yield conn
            return
        if statements_observed(entry.engine.sync_engine) or statements_observed(entry.reader.sync_engine):
            async with self.transaction() as conn:
                yield conn
            return
        async with checked_out(entry.reader, self.backend) as handle, driver_transaction(handle):
            yield handle

    @property
    def loop_count(self) -> int:
        return len(self._engines)

    # -- health, info, close -------------------------------------------------------------------

    async def health_check(self) -> bool:
        """Whether SELECT 1 succeeds on the current loop's engine."""
        try:
            async with self.engine.connect() as conn:
                return (await conn.execute(text("SELECT 1"))).scalar() == 1
        except Exception as exc:
            log.warning("health check failed on %s: %s", self.masked_url(), type(exc).__name__)
            return False

    async def warm_up(self) -> None:
        """Open min_connections connections now, so the first calls do not wait for them."""
        count = min(self.options.min_connections, self.options.max_connections)
        if self.backend == "sqlite" and self.options.sqlite_pool == "null":
            return
        conns = [await self.engine.connect() for _ in range(count)]
        for conn in conns:
            await conn.close()

    def masked_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def get_engine_info(self) -> dict[str, Any]:
        """Backend, URL without password, pool figures and how many loops have an engine."""
        info: dict[str, Any] = {
            "backend": self.backend,
            "url": self.masked_url(),
            "loops": len(self._engines),
            "max_connections": self.options.max_connections,
            "min_connections": self.options.min_connections,
        }
        if self._main_loop is not None and id(self._main_loop) in self._engines:
            pool = self._engines[id(self._main_loop)].engine.pool
            info["pool"] = pool.status()
            info["pool_class"] = type(pool).__name__
        return info

    async def close(self) -> None:
        """Dispose every engine: this loop's politely (with a time limit), other loops' on their own loop."""
        with self._lock:
            entries = list(self._engines.values())
            self._engines.clear()
            self._main_loop = None
        if self._sqlite is not None:
            for entry in entries:
                if entry.sqlite_inline is not None:
                    entry.sqlite_inline.close()
            self._sqlite.dispose()  # pysqlite connections close at once, without I/O to wait for
        current = asyncio.get_running_loop()
        for entry in entries:
            try:
                if entry.loop is current:
                    await asyncio.wait_for(entry.closer.aclose(), CLOSE_TIMEOUT_SECONDS)
                elif not entry.loop.is_closed() and entry.loop.is_running():
                    future = asyncio.run_coroutine_threadsafe(entry.closer.aclose(), entry.loop)
                    await asyncio.wait_for(asyncio.wrap_future(future), CLOSE_TIMEOUT_SECONDS)
                else:
                    entry.forget()
            except Exception as exc:  # closing must go on for the other engines
                log.warning("closing an engine failed: %s", type(exc).__name__)
                entry.engine.sync_engine.dispose(close=False)
                entry.reader.sync_engine.dispose(close=False)
