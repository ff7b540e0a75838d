"""Engines and their pools, set up per backend: SQLite's pragmas and BEGIN, connect timeouts, autocommit readers.

One async engine per (database, event loop) is created here; engine.py keeps them per loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.runtime.backends.identity import ASYNC_DRIVER, backend_named
from sldb.handwritten.runtime.connecting.hosts import hosts_in_query, without_hosts_in_query
from sldb.handwritten.runtime.connecting.liveness import watch_liveness
from sldb.handwritten.runtime.connecting.nodes import node_list
from sldb.handwritten.runtime.contract.database import Backend
from sldb.handwritten.runtime.failures.classify import node_not_ready

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
    "PRAGMA mmap_size=268435456",
    "PRAGMA cache_size=-16000",
    "PRAGMA temp_store=MEMORY",
)


NO_BEGIN = "sldb_no_begin"  # SQLite: a statement that runs in its own implicit transaction


# SQLite: a read-only transaction, begun with a plain (deferred) BEGIN: in WAL mode its reads see one snapshot,
# taken at its first read, and it never asks for the write lock.
DEFERRED_BEGIN = "sldb_deferred_begin"


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


def sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: transactions are begun explicitly below, as BEGIN IMMEDIATE,
    # so a writer waits for the lock (busy_timeout) instead of failing with "database is locked".
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def sqlite_on_begin(conn: Any) -> None:
    options = conn.get_execution_options()
    if options.get(NO_BEGIN):
        return  # one statement in SQLite's own implicit transaction (a read then takes no write lock)
    conn.exec_driver_sql("BEGIN" if options.get(DEFERRED_BEGIN) else "BEGIN IMMEDIATE")


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
        nodes = hosts_in_query(url, "mysql_host", url.port or 3306)  # a Galera cluster: one at a time (nodes.py)
        if nodes:
            creator = node_list(nodes).connector(connect_timeout)
            url = without_hosts_in_query(url)
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
        event.listen(engine.sync_engine, "connect", sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", sqlite_on_begin)
        return engine
    pool: dict[str, Any] = {
        "pool_size": options.max_connections,
        "max_overflow": 0,
        "pool_recycle": 3600,
        "pool_timeout": options.pool_timeout,
        "pool_use_lifo": True,
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
    watch_liveness(engine)  # a connection the server dropped (restart, network) is replaced, not used
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
        return engine.execution_options(**{NO_BEGIN: True})
    return create_engine_for(url, options, autocommit=True)
