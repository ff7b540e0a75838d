"""ManagerRuntime: settings -> URL -> database/schema -> engine -> tables -> health -> facades.

The generated SQLAlchemyDatabaseManager inherits this and adds the delegating domain methods.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from contextlib import AbstractAsyncContextManager
from typing import Any, Generic, TypeVar

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.handwritten.runtime.cluster.replicas import Replica, ReplicaReads, ReplicaSet, wal_position
from sldb.handwritten.runtime.connecting import bootstrap
from sldb.handwritten.runtime.connecting.engine import DatabaseEngine
from sldb.handwritten.runtime.connecting.pools import PoolOptions
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.database import Backend, Connection, Database, DriverHandle
from sldb.handwritten.runtime.contract.errors import DatabaseNotReadyError, DatabaseUnavailableError
from sldb.handwritten.runtime.contract.logs import layer_logger, log_to
from sldb.handwritten.runtime.lifecycle import fallback
from sldb.handwritten.runtime.lifecycle.background import start_background, stop_background
from sldb.handwritten.runtime.schema.diff import Operation
from sldb.handwritten.runtime.schema.extras import extras_of
from sldb.handwritten.runtime.schema.migrate import migrate, plan_migration

log = layer_logger("manager")

FacadesT = TypeVar("FacadesT")


class ManagerRuntime(ABC, Generic[FacadesT]):
    """Lifecycle of the data layer: start(), stop(), is_ready(), get_session()."""

    def __init__(self, config: Any = None, context: Any = None, *, logger: logging.Logger | None = None) -> None:
        self.config = config
        self.context = context
        self.settings = DatabaseSettings.from_config(config)
        # The layer's records go to the host's logger when one is named (see logs.py); else they propagate.
        if logger is not None or self.settings.log_to:
            log_to(logger or self.settings.log_to)
        self.engine: DatabaseEngine | None = None
        self._facades: FacadesT | None = None
        self._start_lock: asyncio.Lock | None = None
        self.backend_in_use: Backend | None = None
        self.migration_steps: list[Operation] = []
        self._replicas: ReplicaSet | None = None
        self._background: asyncio.Task[None] | None = None

    @abstractmethod
    def _build_facades(self, db: Any) -> FacadesT: ...

    @abstractmethod
    def _metadata(self) -> MetaData:
        """The tables this manager serves (the generated manager's: every spec's, with their SchemaExtras)."""

    # -- Database protocol (what facades use) -----------------------------------------------------

    @property
    def backend(self) -> Backend:
        return self.backend_in_use or self.settings.db_type

    def _started_engine(self, what: str) -> DatabaseEngine:
        if self.engine is None:
            raise DatabaseNotReadyError(what)
        return self.engine

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        return self._started_engine("transaction").transaction()

    def autocommit(self) -> AbstractAsyncContextManager[Connection]:
        return self._started_engine("autocommit").autocommit()

    def reading(self) -> AbstractAsyncContextManager[Connection]:
        return self._started_engine("reading").reading()

    def driver(self, *, write: bool) -> AbstractAsyncContextManager[DriverHandle]:
        return self._started_engine("driver").driver(write=write)

    def driver_transaction(self) -> AbstractAsyncContextManager[DriverHandle]:
        return self._started_engine("driver_transaction").driver_transaction()

    def snapshot(self) -> AbstractAsyncContextManager[Connection]:
        return self._started_engine("snapshot").snapshot()

    def replica(self) -> Database:
        """What replica-marked methods read through: the read replicas when configured, else this manager."""
        return ReplicaReads(self, self._replicas) if self._replicas is not None else self

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """Whether start() has finished and the facades are up (a property, as in the plugin)."""
        return self._facades is not None and self.engine is not None

    @property
    def _started(self) -> bool:
        """is_ready under the plugin's own attribute name: its WebUI and learning services read it to decide
        whether to call start() (read-only here; start() and stop() change it)."""
        return self.is_ready

    def _require(self, method: str) -> FacadesT:
        facades = self._facades
        if facades is None:
            raise DatabaseNotReadyError(method)
        return facades

    def get_session(self) -> AsyncSession:
        """A session on the current event loop's engine, for the plugin's own queries (`async with`)."""
        return self._started_engine("get_session").get_session()

    async def start(self) -> bool:
        """Start once; concurrent and repeated calls wait for and share the first start's outcome."""
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if self.is_ready:
                return True
            await self._start()
            return True

    async def _start(self) -> None:
        settings = self.settings
        backend: Backend = settings.db_type
        fell_back = False
        try:
            await bootstrap.ensure_database(settings)
        except DatabaseUnavailableError:
            if backend != "postgresql" or not settings.fallback_to_sqlite:
                raise
            log.warning(
                "PostgreSQL at %s is unreachable; FALLING BACK TO SQLITE at %s (fallback_to_sqlite=true)",
                settings.where(),
                settings.sqlite_path(),
            )
            backend = "sqlite"
            fell_back = True
        url = settings.url(backend)
        if backend == "sqlite":
            settings.sqlite_path().parent.mkdir(parents=True, exist_ok=True)
        options = PoolOptions(
            settings.max_connections,
            settings.min_connections,
            settings.sqlite_pool,
            settings.echo,
            connect_timeout=settings.connect_timeout,
        )
        engine = DatabaseEngine(url, self._metadata(), options)
        try:
            self.migration_steps = await self.create_tables(engine, enable_auto_migration=True)
            for after in extras_of(engine.metadata).after_start:  # what the tables register (jargon keys)
                await after(engine.engine, engine.metadata)
            if fell_back:
                await fallback.mark(engine.engine, settings.where(), engine.metadata)
            elif backend == "postgresql" and settings.fallback_to_sqlite:
                await fallback.warn_if_pending(settings.sqlite_path(), engine.metadata)
            if not await engine.health_check():
                raise DatabaseUnavailableError(f"health check (SELECT 1) failed on {engine.masked_url()}")
            await engine.warm_up()
        except BaseException:
            await engine.close()
            raise
        self.engine = engine
        self.backend_in_use = backend
        if backend == "postgresql" and settings.read_hosts():
            # Connections open on first use; a standby that is down is skipped then, not at start.
            replicas = [
                Replica(host, DatabaseEngine(settings.replica_url(host), engine.metadata, options))
                for host in settings.read_hosts()
            ]
            self._replicas = ReplicaSet(replicas, settings.max_replica_lag_s, await wal_position(engine))
        self._facades = self._build_facades(self)
        # What the tables leave to the background (the counters' backfill): start() does not wait for it.
        self._background = start_background(engine.engine, engine.metadata)
        log.info("data layer started on %s (%s)", backend, engine.masked_url())

    async def background_finished(self) -> None:
        """Wait until the background steps of the last start() have ended (tests, benchmarks, tools)."""
        task = self._background
        if task is not None:
            await asyncio.shield(task)

    @staticmethod
    async def create_tables(engine: DatabaseEngine, enable_auto_migration: bool = True) -> list[Operation]:
        return await migrate(engine.engine, engine.metadata, enable_auto_migration)

    async def plan_migration(self) -> list[Operation]:
        """The DDL start-up would run now, without running it (needs start() or a reachable database)."""
        if self.engine is not None:
            return await plan_migration(self.engine.engine, self.engine.metadata)
        engine = DatabaseEngine(self.settings.url(), self._metadata())
        try:
            return await plan_migration(engine.engine, engine.metadata)
        finally:
            await engine.close()

    async def stop(self) -> bool:
        """Close every engine; the manager can be started again."""
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            self._facades = None
            background, self._background = self._background, None
            await stop_background(background)  # before its engine is closed
            engine, self.engine = self.engine, None
            replicas, self._replicas = self._replicas, None
            if replicas is not None:
                await replicas.close()
            if engine is not None:
                await engine.close()
            return True

    def get_engine_info(self) -> dict[str, Any]:
        if self.engine is None:
            return {"backend": self.backend, "started": False}
        return {**self.engine.get_engine_info(), "started": True}
