"""A record's types tell the truth for databases an older version created.

Migration adds a NOT NULL column without a server default NULL-able (add_column_sql: existing rows have no
value), so the older rows of such a table read None in it: the generated record must type it `T | None`.
"""

from __future__ import annotations

import importlib
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import Column, DateTime, Table, text
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import create_async_engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import DOMAIN_OF_TABLE, Base
from sldb.generated.records.message import BotMessageRecord
from sldb.generated.repositories.message import BotMessageRepository
from sldb.handwritten.runtime.connecting.bootstrap import ensure_database
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.schema.diff import add_column_sql
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for

DIALECTS: tuple[Dialect, ...] = (sqlite.dialect(), postgresql.dialect(), mysql.dialect())
TABLES = sorted(Base.metadata.tables.values(), key=lambda t: t.name)


CLASS_OF_TABLE = {mapper.local_table.name: mapper.class_.__name__ for mapper in Base.registry.mappers}


def _record_class(table: Table) -> Any:
    module = importlib.import_module(f"sldb.generated.records.{DOMAIN_OF_TABLE[table.name]}")
    return getattr(module, f"{CLASS_OF_TABLE[table.name]}Record")


def _admits_none(annotation: Any) -> bool:
    if annotation is Any:
        return True
    return get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)


def _added_nullable(table: Table, column: Column[Any]) -> bool:
    """Whether migration, adding this column to an older table, leaves it NULL-able on some backend."""
    return any("NOT NULL" not in add_column_sql(table, column, dialect) for dialect in DIALECTS)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_record_admits_none_exactly_where_a_live_row_may_hold_null(table: Table) -> None:
    hints = get_type_hints(_record_class(table))
    for column in table.columns:
        if column.info.get("internal"):
            continue  # held by no record (generated/contract_tests check that)
        if column.primary_key:
            assert not _admits_none(hints[column.name]), f"{table.name}.{column.name}: a key is never NULL"
            continue
        may_be_null = column.nullable or _added_nullable(table, column)
        read_as_text = isinstance(column.type, DateTime)  # iso_datetime, whose result may be None
        if may_be_null or read_as_text:
            assert _admits_none(hints[column.name]), (
                f"{table.name}.{column.name}: migration can leave NULL in it, the record types it {hints[column.name]}"
            )
        else:
            assert not _admits_none(hints[column.name]), f"{table.name}.{column.name} is never NULL"


OLD_BOT_MESSAGES = "CREATE TABLE bot_messages (id {key}, group_id VARCHAR(255) NOT NULL, message TEXT NOT NULL, timestamp BIGINT NOT NULL)"
KEY = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "SERIAL PRIMARY KEY",
    "mysql": "INTEGER AUTO_INCREMENT PRIMARY KEY",
}


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_migrated_older_row_reads_none_where_its_record_says_so(backend: str, tmp_path: Path) -> None:
    # An older bot_messages without created_at (NOT NULL, no server default), holding one row.
    database = db_name("sldb_old_records")
    await drop_database(backend, database)
    config = settings_for(backend, tmp_path, database=database, schema="public")
    settings = DatabaseSettings.from_config(config)
    await ensure_database(settings)
    engine = create_async_engine(settings.url())
    async with engine.begin() as conn:
        await conn.execute(text(OLD_BOT_MESSAGES.format(key=KEY[backend])))
        await conn.execute(text("INSERT INTO bot_messages (group_id, message, timestamp) VALUES ('g1', '早', 100)"))
    await engine.dispose()

    manager = SQLAlchemyDatabaseManager(config)
    assert await manager.start()
    try:
        async with manager.transaction() as session:
            record = await BotMessageRepository.get(session, 1)
    finally:
        await manager.stop()
        await drop_database(backend, database)
    assert record is not None
    assert record["created_at"] is None
    assert _admits_none(get_type_hints(BotMessageRecord)["created_at"])
