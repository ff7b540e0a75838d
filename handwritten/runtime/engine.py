"""DatabaseEngine: one async engine per event loop, sessions bound to the caller's loop, health and info.

The WebUI runs its own event loop in another thread; an asyncpg or aiomysql connection belongs to the loop
that opened it, so every loop gets its own engine (created once, under a lock). An engine whose loop has
closed is disposed the next time any loop asks for an engine, and close() disposes them all.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, event, text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from handwritten.runtime.session import Backend

log = logging.getLogger("sldb.engine")

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


def backend_of(url: URL) -> Backend:
    name = url.get_backend_name()
    if name == "sqlite":
        return "sqlite"
    if name in ("mysql", "mariadb"):
        return "mysql"
    if name in ("postgresql", "postgres"):
        return "postgresql"
    raise ValueError(f"unsupported database URL backend: {name}")


@dataclass(frozen=True)
class PoolOptions:
    """How many connections an engine keeps: max_connections at most, min_connections opened at start."""

    max_connections: int = 10
    min_connections: int = 2
    sqlite_pool: str = "queue"
    echo: bool = False


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit at the driver level: transactions are begun explicitly below, as BEGIN IMMEDIATE,
    # so a writer waits for the lock (busy_timeout) instead of failing with "database is locked".
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine_for(url: URL, options: PoolOptions) -> AsyncEngine:
    """An async engine for url with this data layer's settings for its backend."""
    backend = backend_of(url)
    if backend == "sqlite":
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if options.sqlite_pool == "null":
            kwargs["poolclass"] = NullPool
        else:
            kwargs.update(pool_size=options.max_connections, max_overflow=0)
        engine = create_async_engine(url, echo=options.echo, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_on_begin)
        return engine
    pool = {
        "pool_size": options.max_connections,
        "max_overflow": 0,
        "pool_recycle": 3600,
        "pool_pre_ping": True,
        "pool_timeout": 30,
    }
    if backend == "mysql":
        connect_args: dict[str, Any] = {"connect_timeout": 10, "charset": "utf8mb4"}
        return create_async_engine(url, echo=options.echo, connect_args=connect_args, **pool)
    query = dict(url.query)
    search_path = query.pop("search_path", None)
    pg_args: dict[str, Any] = {"timeout": 10}
    if search_path:
        # Quoted as an identifier: the schema was created under exactly this (quoted) name.
        quoted = '"' + str(search_path).replace('"', '""') + '"'
        pg_args["server_settings"] = {"search_path": quoted}
    return create_async_engine(url.set(query=query), echo=options.echo, connect_args=pg_args, **pool)


class DatabaseEngine:
    """The engines of one database, one per event loop, and their session factories."""

    def __init__(self, url: URL, metadata: MetaData, options: PoolOptions | None = None) -> None:
        self.url = url
        self.metadata = metadata
        self.options = options or PoolOptions()
        self.backend: Backend = backend_of(url)
        self._lock = threading.Lock()
        self._engines: dict[int, tuple[asyncio.AbstractEventLoop, AsyncEngine, async_sessionmaker[AsyncSession]]] = {}
        self._main_loop: asyncio.AbstractEventLoop | None = None

    # -- engines per loop ----------------------------------------------------------------------

    def _entry(self) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession]]:
        loop = asyncio.get_running_loop()
        found = self._engines.get(id(loop))
        if found is not None and found[0] is loop:
            return found[1], found[2]
        with self._lock:
            self._drop_closed_loops()
            found = self._engines.get(id(loop))
            if found is None or found[0] is not loop:
                engine = create_engine_for(self.url, self.options)
                factory = async_sessionmaker(engine, expire_on_commit=False)
                found = (loop, engine, factory)
                self._engines[id(loop)] = found
                if self._main_loop is None:
                    self._main_loop = loop
                else:
                    log.debug("created an engine for another event loop (%d loops)", len(self._engines))
            return found[1], found[2]

    def _drop_closed_loops(self) -> None:
        for key, (loop, engine, _) in list(self._engines.items()):
            if loop.is_closed():
                # Its connections cannot be closed politely without their loop; drop the pool so
                # nothing reuses them and the sockets close as the objects go.
                engine.sync_engine.dispose(close=False)
                del self._engines[key]

    @property
    def engine(self) -> AsyncEngine:
        """The current loop's engine."""
        return self._entry()[0]

    def get_session(self) -> AsyncSession:
        """A new session on the current loop's engine (use as `async with`)."""
        return self._entry()[1]()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction: committed when the block ends, rolled back if it raises."""
        async with self._entry()[1]() as session, session.begin():
            yield session

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
            pool = self._engines[id(self._main_loop)][1].pool
            info["pool"] = pool.status()
            info["pool_class"] = type(pool).__name__
        return info

    async def close(self) -> None:
        """Dispose every engine: this loop's politely (with a time limit), other loops' on their own loop."""
        with self._lock:
            entries = list(self._engines.values())
            self._engines.clear()
            self._main_loop = None
        current = asyncio.get_running_loop()
        for loop, engine, _ in entries:
            try:
                if loop is current:
                    await asyncio.wait_for(engine.dispose(), CLOSE_TIMEOUT_SECONDS)
                elif not loop.is_closed() and loop.is_running():
                    future = asyncio.run_coroutine_threadsafe(engine.dispose(), loop)
                    await asyncio.wait_for(asyncio.wrap_future(future), CLOSE_TIMEOUT_SECONDS)
                else:
                    engine.sync_engine.dispose(close=False)
            except Exception as exc:  # closing must go on for the other engines
                log.warning("closing an engine failed: %s", type(exc).__name__)
                engine.sync_engine.dispose(close=False)
