"""DatabaseEngine: one async engine per event loop, sessions bound to the caller's loop, health and info.

The WebUI runs its own event loop in another thread; an asyncpg or aiomysql connection belongs to the loop
that opened it, so every loop gets its own engine (created once, under a lock). An engine whose loop has
closed is disposed the next time any loop asks for an engine, and close() disposes them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import select
import socket
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import MetaData, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.runtime.backends import ASYNC_DRIVER, backend_named
from sldb.handwritten.runtime.failures import node_not_ready
from sldb.handwritten.runtime.logs import layer_logger
from sldb.handwritten.runtime.nodes import node_list
from sldb.handwritten.runtime.session import Backend, Connection
from sldb.handwritten.runtime.settings import parse_hosts
from sldb.handwritten.runtime.sqlite_thread import create_sqlite_sync_engine, thread_autocommit, thread_transaction

log = layer_logger("engine")

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
    "PRAGMA mmap_size=268435456",
    "PRAGMA cache_size=-16000",
    "PRAGMA temp_store=MEMORY",
)
CLOSE_TIMEOUT_SECONDS = 10.0
# A pooled connection idle for longer than this is pinged before use; a younger one only has its socket
# checked (a restarted server or a cut proxy has closed it), which costs no round trip.
IDLE_PING_SECONDS = 30.0
_IDLE_SINCE = "sldb_idle_since"
_NO_BEGIN = "sldb_no_begin"  # SQLite: a statement that runs in its own implicit transaction
# SQLite: a read-only transaction, begun with a plain (deferred) BEGIN: in WAL mode its reads see one snapshot,
# taken at its first read, and it never asks for the write lock.
_DEFERRED_BEGIN = "sldb_deferred_begin"
# MySQL/MariaDB: the snapshot's first statement; REPEATABLE READ (InnoDB's default) keeps that snapshot.
_MYSQL_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"


def backend_of(url: URL) -> Backend:
    backend = backend_named(url.get_backend_name())
    if backend is None:
        raise ValueError(f"unsupported database URL backend: {url.get_backend_name()}")
    return backend


def async_url(url: URL | str) -> URL:
    """url as an SQLAlchemy URL with an async driver: `postgresql://...` becomes `postgresql+asyncpg://...`."""
    parsed = make_url(url) if isinstance(url, str) else url
    # A plain scheme gets this layer's async driver (what settings.url() builds); a named driver is kept.
    backend = backend_named(parsed.drivername)
    return parsed.set(drivername=ASYNC_DRIVER[backend]) if backend is not None else parsed


def _models_metadata() -> MetaData:
    from sldb.generated.models import Base  # imported late: the runtime depends on the generated models only here

    return Base.metadata


@dataclass(frozen=True)
class PoolOptions:
    """How many connections an engine keeps: max_connections at most, min_connections opened at start.

    connect_timeout bounds opening a connection (a host that never answers); pool_timeout bounds waiting
    for a free connection of the pool.
    """

    max_connections: int = 10
    min_connections: int = 2
    sqlite_pool: str = "queue"
    echo: bool = False
    connect_timeout: float = 10.0
    pool_timeout: float = 30.0


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: transactions are begun explicitly below, as BEGIN IMMEDIATE,
    # so a writer waits for the lock (busy_timeout) instead of failing with "database is locked".
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    options = conn.get_execution_options()
    if options.get(_NO_BEGIN):
        return  # one statement in SQLite's own implicit transaction (a read then takes no write lock)
    conn.exec_driver_sql("BEGIN" if options.get(_DEFERRED_BEGIN) else "BEGIN IMMEDIATE")


def _transport_of(driver_connection: Any) -> Any:
    """The asyncio transport under an asyncpg or aiomysql connection (None when it has none)."""
    transport = getattr(driver_connection, "_transport", None)  # asyncpg
    if transport is None:
        writer = getattr(driver_connection, "_writer", None)  # aiomysql's asyncio StreamWriter
        transport = getattr(writer, "transport", None)
    return transport


def _closed_by_server(driver_connection: Any) -> bool:
    """Whether the driver already knows the server closed this connection (no round trip)."""
    is_closed = getattr(driver_connection, "is_closed", None)  # asyncpg
    if callable(is_closed):
        return bool(is_closed())
    transport = _transport_of(driver_connection)
    return transport is None or bool(transport.is_closing())


def _has_unread_input(driver_connection: Any) -> bool:
    """Whether an idle connection's socket has something to read: only a close or an error, between calls.

    The event loop may not have read it yet (a call right after the server went away), so the socket is
    asked directly; poll() with no wait is one system call.
    """
    transport = _transport_of(driver_connection)
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None:
        return False
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN | select.POLLERR | select.POLLHUP)
    return bool(poller.poll(0))


def _watch_liveness(engine: AsyncEngine) -> None:
    """Replace dead pooled connections at checkout: what pool_pre_ping does, without a ping on every call.

    pool_pre_ping costs one to three round trips per call (asyncpg pings with BEGIN; ;ROLLBACK). A server
    restart or a cut connection closes the socket: the driver has noticed it, or the socket has unread
    input. Only then, or after IDLE_PING_SECONDS idle (a silent network drop), is the connection pinged.
    """
    dialect = engine.sync_engine.dialect

    def checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    def checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if _closed_by_server(dbapi_conn.driver_connection):
            raise DisconnectionError("the server closed this pooled connection")
        idle_since = record.info.get(_IDLE_SINCE)
        long_idle = idle_since is not None and time.monotonic() - idle_since > IDLE_PING_SECONDS
        if long_idle or _has_unread_input(dbapi_conn.driver_connection):
            try:
                dialect.do_ping(dbapi_conn)
            except Exception as exc:
                raise DisconnectionError(f"a pooled connection failed its ping ({type(exc).__name__})") from exc

    event.listen(engine.sync_engine, "checkin", checkin)
    event.listen(engine.sync_engine, "checkout", checkout)


def _connect_or_dbapi_error(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
    """Open a driver connection; a socket error becomes the driver's OperationalError.

    asyncpg raises OSError (refused, reset, timed out) as is when it cannot connect, and SQLAlchemy wraps only
    DBAPI errors: unwrapped, a server that is down would reach the caller as a bare ConnectionRefusedError
    instead of the data layer's typed errors.
    """
    try:
        return dialect.connect(*cargs, **cparams)
    except OSError as exc:  # ConnectionError and TimeoutError are OSErrors
        detail = str(exc) or "no answer"
        raise dialect.loaded_dbapi.OperationalError(f"cannot connect: {type(exc).__name__}: {detail}") from exc


def _within(connect: Callable[..., Awaitable[Any]], seconds: float) -> Callable[..., Awaitable[Any]]:
    """connect, failing with TimeoutError after seconds, handshake included."""

    async def connect_within(*args: Any, **kwargs: Any) -> Any:
        return await asyncio.wait_for(connect(*args, **kwargs), seconds)

    return connect_within


def driver_connect_args(url: URL, connect_timeout: float) -> tuple[URL, dict[str, Any]]:
    """The URL and driver arguments for a PostgreSQL or MySQL connection that opens within connect_timeout."""
    if backend_of(url) == "mysql":
        import aiomysql

        # aiomysql's connect_timeout bounds only opening the socket: a host that accepts and never answers
        # (a hung server, a half-open proxy) would hold the call forever without the outer limit.
        creator = _within(aiomysql.connect, connect_timeout)
        nodes = url.query.get("host")  # several nodes (a Galera cluster): one at a time, nodes.py
        if nodes:
            listed = (nodes,) if isinstance(nodes, str) else tuple(nodes)
            creator = node_list(parse_hosts("mysql_host", ",".join(listed), url.port or 3306)).connector(
                connect_timeout
            )
            url = url.set(query={k: v for k, v in url.query.items() if k != "host"})
        return url, {"connect_timeout": connect_timeout, "charset": "utf8mb4", "async_creator_fn": creator}
    query = dict(url.query)
    search_path = query.pop("search_path", None)
    pg_args: dict[str, Any] = {"timeout": connect_timeout}  # asyncpg: socket and start-up messages
    if search_path:
        # Quoted as an identifier: the schema was created under exactly this (quoted) name.
        quoted = '"' + str(search_path).replace('"', '""') + '"'
        pg_args["server_settings"] = {"search_path": quoted}
    return url.set(query=query), pg_args


def create_engine_for(url: URL, options: PoolOptions, *, autocommit: bool = False) -> AsyncEngine:
    """An async engine for url with this data layer's settings for its backend (autocommit: PostgreSQL, MySQL)."""
    backend = backend_of(url)
    if backend == "sqlite":
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if options.sqlite_pool == "null":
            kwargs["poolclass"] = NullPool
        else:
            kwargs.update(pool_size=options.max_connections, max_overflow=0, pool_timeout=options.pool_timeout)
        engine = create_async_engine(url, echo=options.echo, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_on_begin)
        return engine
    pool: dict[str, Any] = {
        "pool_size": options.max_connections,
        "max_overflow": 0,
        "pool_recycle": 3600,
        "pool_timeout": options.pool_timeout,
    }
    if autocommit:
        pool["isolation_level"] = "AUTOCOMMIT"
        # SQLAlchemy ends each connection's implicit transaction with the DBAPI's rollback(); in autocommit mode
        # there is nothing to undo, and PyMySQL would still send ROLLBACK: one round trip per call.
        pool["skip_autocommit_rollback"] = True
    target, connect_args = driver_connect_args(url, options.connect_timeout)
    engine = create_async_engine(target, echo=options.echo, connect_args=connect_args, **pool)
    event.listen(engine.sync_engine, "do_connect", _connect_or_dbapi_error)
    event.listen(engine.sync_engine, "handle_error", _drop_connections_of_a_node_not_ready)
    _watch_liveness(engine)  # a connection the server dropped (restart, network) is replaced, not used
    return engine


def _drop_connections_of_a_node_not_ready(context: Any) -> None:
    """A Galera node that left the primary component answers every statement with 1047 on connections that are
    still open: treated as a disconnect, the pool drops them and the next checkout opens on a ready node."""
    if node_not_ready(context.original_exception):
        context.is_disconnect = True


def reader_of(engine: AsyncEngine, url: URL, options: PoolOptions) -> AsyncEngine:
    """The engine that reading() and autocommit() connections come from.

    PostgreSQL and MySQL: an autocommit engine with its own pool (up to max_connections), so a single
    statement sends no BEGIN/COMMIT (PostgreSQL) or no COMMIT and ROLLBACK (MySQL); a pool of its own rather
    than switching engine's connections back and forth, which costs a round trip on MySQL and about a
    quarter of a small read on PostgreSQL. SQLite: engine's pool, without BEGIN IMMEDIATE, so readers
    never wait for the write lock.
    """
    if backend_of(url) == "sqlite":
        return engine.execution_options(**{_NO_BEGIN: True})
    return create_engine_for(url, options, autocommit=True)


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
        for engine in (self.engine, self.reader) if self.reader is not self.engine else (self.engine,):
            _shut_pooled_sockets(engine)
            engine.sync_engine.dispose(close=False)


def _idle_records(engine: AsyncEngine) -> list[Any]:
    """The connection records waiting in an engine's pool (SQLAlchemy's AsyncAdaptedQueue keeps them in an
    asyncio.Queue it creates on first use; the threaded Queue in a deque)."""
    waiting = getattr(engine.sync_engine.pool, "_pool", None)
    inner = vars(waiting).get("_queue") if waiting is not None else None
    items = getattr(inner, "_queue", None) if inner is not None else getattr(waiting, "queue", None)
    return list(items or ())


def _shut_pooled_sockets(engine: AsyncEngine) -> None:
    """Shut down the socket of every idle pooled connection of an engine whose loop has closed (asyncpg,
    aiomysql; SQLite has none). aiomysql's connection forgets its writer, whose __del__ would otherwise try
    to close it on the closed loop ("Event loop is closed")."""
    for record in _idle_records(engine):
        raw: Any = getattr(getattr(record, "dbapi_connection", None), "_connection", None)
        writer = getattr(raw, "_writer", None)
        transport = getattr(raw, "_transport", None) or getattr(writer, "transport", None)
        sock = transport.get_extra_info("socket") if transport is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if writer is not None:
            raw._writer = None
            raw._reader = None


class DatabaseEngine:
    """The engines of one database, one per event loop, and their session factories.

    Also built as the plugin's own DatabaseEngine is (its training data exporter does so):
    `DatabaseEngine(database_url, echo=False)`, a URL as text (a plain scheme gets the async driver) and the
    specs' tables.
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
        self.metadata = metadata if metadata is not None else _models_metadata()
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
                _sqlite_on_connect,
                _sqlite_on_begin,
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
            async with thread_autocommit(self._sqlite, {_NO_BEGIN: True}) as thread_conn:
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
            async with thread_transaction(self._sqlite, {_DEFERRED_BEGIN: True}) as thread_conn:
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
            async with self._entry().sqlite_writers, thread_autocommit(self._sqlite, {_NO_BEGIN: True}) as thread_conn:
                yield thread_conn
            return
        async with self._entry().reader.connect() as conn:
            yield conn

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
