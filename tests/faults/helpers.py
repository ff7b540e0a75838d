"""What the fault tests share: managers on a given server, acknowledged writes and reading them back."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import TEST_SCHEMA, mysql_server, postgresql_server


def settings_on(
    backend: str, server: URL | None, database: str, tmp: Path, *, port: int | None = None, **extra: Any
) -> dict[str, Any]:
    """Database_Settings for database on the server at `server` (its port replaced by port, e.g. a proxy's)."""
    if backend == "sqlite" or server is None:
        return {"db_type": "sqlite", "messages_db_path": str(tmp / f"{database}.db"), **extra}
    prefix = "postgresql" if backend == "postgresql" else "mysql"
    settings = {
        "db_type": backend,
        f"{prefix}_host": server.host,
        f"{prefix}_port": port or server.port,
        f"{prefix}_user": server.username,
        f"{prefix}_password": server.password or "",
        f"{prefix}_database": database,
    }
    if backend == "postgresql":
        settings |= {"postgresql_schema": TEST_SCHEMA, "fallback_to_sqlite": False}
    return {**settings, **extra}


def shared_server(backend: str) -> URL | None:
    """The shared test server of backend (never restarted); None for SQLite."""
    if backend == "postgresql":
        return postgresql_server()
    if backend == "mysql":
        return mysql_server()
    return None


def message(group: str, key: str) -> dict[str, Any]:
    return {"sender_id": "42", "sender_name": "fault", "message": key, "group_id": group, "timestamp": time.time()}


@dataclass
class Writes:
    """The keys of writes the manager acknowledged (returned an id) and how many it refused."""

    group: str
    acknowledged: list[str] = field(default_factory=list)
    failed: int = 0

    async def write(self, manager: SQLAlchemyDatabaseManager, key: str) -> bool:
        if await manager.save_raw_message(message(self.group, key)) > 0:
            self.acknowledged.append(key)
            return True
        self.failed += 1
        return False

    async def missing(self, manager: SQLAlchemyDatabaseManager) -> set[str]:
        """Acknowledged keys that cannot be read back."""
        rows = await manager.get_recent_raw_messages(self.group, limit=-1)
        return set(self.acknowledged) - {row["message"] for row in rows}


async def write_until(manager: SQLAlchemyDatabaseManager, writes: Writes, stop: asyncio.Event) -> None:
    """Keep writing (acknowledged or not) until stop is set: the traffic a restart interrupts."""
    n = 0
    while not stop.is_set():
        await writes.write(manager, f"{writes.group}-{n}")
        n += 1
        await asyncio.sleep(0.01)


async def open_connections(backend: str, admin_url: Any, database: str) -> int:
    """Connections the server holds to database, not counting the one asking."""
    engine = create_async_engine(admin_url, poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            if backend == "postgresql":
                sql = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = :d AND pid <> pg_backend_pid()"
            else:
                sql = "SELECT COUNT(*) FROM information_schema.processlist WHERE db = :d AND id <> CONNECTION_ID()"
            return int((await conn.execute(text(sql), {"d": database})).scalar_one())
    finally:
        await engine.dispose()


_FRESH: set[tuple[str, str, int | None, str]] = set()


async def fresh_database(backend: str, admin_url: URL, database: str) -> None:
    """Drop database the first time this test run asks for it (an earlier run left it); later tests reuse it,
    so they start warm (each writes under its own group)."""
    key = (backend, str(admin_url.host), admin_url.port, database)
    if key not in _FRESH:
        await drop_database_on(backend, admin_url, database)
        _FRESH.add(key)


async def drop_database_on(backend: str, admin_url: Any, database: str) -> None:
    """Drop a database this test run created (names quoted by the dialect)."""
    engine = create_async_engine(admin_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        quoted = engine.dialect.identifier_preparer.quote_identifier(database)
        force = " WITH (FORCE)" if backend == "postgresql" else ""
        async with engine.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {quoted}{force}"))
    finally:
        await engine.dispose()
