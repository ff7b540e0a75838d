"""Database and schema names from settings are quoted as identifiers: a name holding a quote, a semicolon or a
space is created and used literally, or refused with a clear SettingsError; never executed as SQL.

Each odd name carries an injection aimed at a canary the test created; the canary must survive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import SettingsError
from tests.backends import db_name
from tests.faults.helpers import drop_database_on, settings_on, shared_server
from tests.fixtures import BACKENDS

SERVER_BACKENDS = [b for b in BACKENDS if b != "sqlite"]
CANARY = db_name("sldb_canary")
QUOTE = {"postgresql": '"', "mysql": "`"}


def injecting(backend: str, target: str, kind: str = "DATABASE") -> str:
    """A name that, pasted into SQL unquoted or naively quoted, would drop target."""
    q = QUOTE[backend]
    return f"s{q}; DROP {kind} {q}{target}{q}; --"


async def _scalar(url: URL, sql: str, **params: Any) -> Any:
    engine = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            result = await conn.execute(text(sql), params)
            return result.scalar() if result.returns_rows else None
    finally:
        await engine.dispose()


async def _database_exists(backend: str, admin: URL, name: str) -> bool:
    if backend == "postgresql":
        sql = "SELECT COUNT(*) FROM pg_database WHERE datname = :n"
    else:
        sql = "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :n"
    return bool(await _scalar(admin, sql, n=name))


async def _round_trip(manager: SQLAlchemyDatabaseManager) -> None:
    await manager.start()
    assert await manager.save_raw_message({"message": "odd name", "group_id": "g"}) > 0
    assert [r["message"] for r in await manager.get_recent_raw_messages("g")] == ["odd name"]
    await manager.stop()


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
@pytest.mark.parametrize("shape", ["injection", "space quote semicolon"])
async def test_odd_database_names_are_used_literally(backend: str, shape: str, tmp_path: Path) -> None:
    admin = shared_server(backend)
    assert admin is not None
    name = injecting(backend, CANARY) if shape == "injection" else db_name("sldb it's; odd")
    quote = create_async_engine(admin).dialect.identifier_preparer.quote_identifier
    await drop_database_on(backend, admin, name)
    await drop_database_on(backend, admin, CANARY)
    await _scalar(admin, f"CREATE DATABASE {quote(CANARY)}")
    try:
        await _round_trip(SQLAlchemyDatabaseManager(settings_on(backend, admin, name, tmp_path)))
        assert await _database_exists(backend, admin, name)  # created under exactly this name
        assert await _database_exists(backend, admin, CANARY)  # and nothing in it ran
    finally:
        await drop_database_on(backend, admin, name)
        await drop_database_on(backend, admin, CANARY)


@pytest.mark.skipif("postgresql" not in BACKENDS, reason="schemas are PostgreSQL's")
async def test_odd_postgresql_schema_names_are_used_literally(tmp_path: Path) -> None:
    admin = shared_server("postgresql")
    assert admin is not None
    database = db_name("sldb_odd_schema")
    canary_schema = "sldb_canary_schema"
    await drop_database_on("postgresql", admin, database)
    try:
        await _round_trip(SQLAlchemyDatabaseManager(settings_on("postgresql", admin, database, tmp_path)))
        inside = admin.set(database=database)
        await _scalar(inside, f'CREATE SCHEMA "{canary_schema}"')
        for schema in (injecting("postgresql", canary_schema, "SCHEMA"), "it's; a schema", "Mixed Case"):
            settings = settings_on("postgresql", admin, database, tmp_path, postgresql_schema=schema)
            await _round_trip(SQLAlchemyDatabaseManager(settings))
            sql = (
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :s AND table_name = 'raw_messages'"
            )
            assert await _scalar(inside, sql, s=schema) == 1
        assert await _scalar(inside, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = :s", s=canary_schema) == 1
    finally:
        await drop_database_on("postgresql", admin, database)


def test_a_mysql_database_name_ending_in_a_space_is_refused_before_connecting() -> None:
    with pytest.raises(SettingsError) as caught:
        SQLAlchemyDatabaseManager({"db_type": "mysql", "mysql_database": "trailing "})
    assert caught.value.field == "mysql_database" and "ends with a space" in str(caught.value)


@pytest.mark.parametrize(
    "config",
    [
        {"db_type": "postgresql", "postgresql_database": ""},
        {"db_type": "postgresql", "postgresql_schema": "nul\x00byte"},
        {"db_type": "mysql", "mysql_database": "x" * 64},
    ],
)
def test_names_no_server_can_hold_are_refused_with_the_field(config: dict[str, str]) -> None:
    with pytest.raises(SettingsError) as caught:
        SQLAlchemyDatabaseManager(config)
    assert caught.value.field in config


async def test_an_odd_sqlite_path_is_used_literally(tmp_path: Path) -> None:
    folder = tmp_path / 'odd dir; it\'s "quoted" #1 ?x=1 %20'
    path = folder / "messages; DROP TABLE raw_messages; --.db"
    await _round_trip(SQLAlchemyDatabaseManager({"db_type": "sqlite", "messages_db_path": str(path)}))
    assert path.is_file() and [p.name for p in folder.iterdir() if p.suffix == ".db"] == [path.name]
