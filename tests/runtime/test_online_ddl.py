"""Growing the schema under traffic: the migration's steps on a table that already exists let its readers and
writers go on. PostgreSQL builds the index CONCURRENTLY outside a transaction, rebuilds an INVALID one a failed
build left, and adds the column without rewriting the table; MariaDB asks for ALGORITHM=INSTANT and
LOCK=NONE; on both an ALTER that waits behind another transaction gives way after a short lock wait and tries
again. What ran is read from the statements sent and the catalog, never from a clock."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Index, Integer, MetaData, Table, Text, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import DropIndex

from sldb.generated.models import Base
from sldb.handwritten.runtime.schema.catalog import read_live_schema
from sldb.handwritten.runtime.schema.diff import Operation, OpKind, compare
from sldb.handwritten.runtime.schema.migrate import migrate, plan_migration
from tests.backends import db_name
from tests.cli.run import ok
from tests.fixtures import BACKENDS, drop_database, fresh_database

SERVERS = [b for b in BACKENDS if b != "sqlite"]  # SQLite migrates in its one write transaction, as before
TABLE, COLUMN, INDEX = "raw_messages", "reply_to", "idx_raw_timestamp"
ROWS = [{"sender_id": f"u{i}", "message": f"m{i}", "timestamp": i % 3, "created_at": i} for i in range(30)]


class Older:
    """A migrated database whose raw_messages (holding rows) lacks a column and an index of the specs."""

    def __init__(self, config: dict[str, Any], engine: AsyncEngine) -> None:
        self.config = config
        self.engine = engine
        self.sent: list[tuple[str, str | None]] = []  # (statement, the connection's isolation_level option)

    def record(self, conn: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        self.sent.append((statement, conn.get_execution_options().get("isolation_level")))

    def statements(self, start: str) -> list[tuple[str, str | None]]:
        return [(s, level) for s, level in self.sent if s.startswith(start)]


@pytest.fixture
async def older(backend: str, tmp_path: Path) -> AsyncIterator[Older]:
    database = db_name("sldb_rt_online")
    config, engine = await fresh_database(backend, tmp_path, database)
    await migrate(engine, Base.metadata)
    table = Base.metadata.tables[TABLE]
    async with engine.begin() as conn:
        await conn.execute(table.insert(), ROWS)
        await conn.execute(DropIndex(next(i for i in table.indexes if i.name == INDEX)))
        await conn.execute(text(f"ALTER TABLE {TABLE} DROP COLUMN {COLUMN}"))
    found = Older(config, engine)
    event.listen(engine.sync_engine, "before_cursor_execute", found.record)
    yield found
    await engine.dispose()
    await drop_database(backend, database)


async def _differences(engine: AsyncEngine) -> tuple[Operation, ...]:
    async with engine.connect() as conn:
        return compare(Base.metadata, await read_live_schema(conn), conn.dialect).operations


async def _file_node(engine: AsyncEngine) -> int:
    """PostgreSQL: the file raw_messages' rows are in (a rewrite of the table gives it a new one)."""
    async with engine.connect() as conn:
        return int((await conn.execute(text(f"SELECT relfilenode FROM pg_class WHERE relname = '{TABLE}'"))).scalar())


@pytest.mark.parametrize("backend", SERVERS)
async def test_an_index_and_a_column_are_added_beside_readers_and_writers(
    backend: str, older: Older, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    planned = await plan_migration(older.engine, Base.metadata)
    assert [(s.kind, s.name, s.online) for s in planned] == [
        (OpKind.ADD_COLUMN, COLUMN, True),
        (OpKind.CREATE_INDEX, INDEX, True),
    ]
    config_file = tmp_path / "plugin_config.json"
    config_file.write_text(json.dumps({"Database_Settings": older.config}), encoding="utf-8")
    dry = ok("migrate", "--config", str(config_file), "--dry-run")
    marked = [line for line in dry.out.splitlines() if "  -- online" in line]
    assert [line.split(";  -- ")[0] for line in marked] == [s.sql for s in planned]
    assert [s["online"] for s in ok("migrate", "--config", str(config_file), "--dry-run", "--json").json()["plan"]] == [
        True,
        True,
    ]

    node = await _file_node(older.engine) if backend == "postgresql" else 0
    with caplog.at_level(logging.INFO, logger="sldb"):
        assert await migrate(older.engine, Base.metadata) == planned
    assert await _differences(older.engine) == ()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # no step failed, no form refused
    [(create, level)] = older.statements("CREATE INDEX")
    [(alter, _)] = older.statements("ALTER TABLE")
    if backend == "postgresql":
        assert create.startswith(f"CREATE INDEX CONCURRENTLY {INDEX} ON")
        assert level == "AUTOCOMMIT"  # PostgreSQL refuses CONCURRENTLY inside a transaction block anyway
        before_alter = older.sent[[s for s, _ in older.sent].index(alter) - 1][0]
        assert before_alter.startswith("SET LOCAL lock_timeout")  # in the ALTER's own transaction
        assert await _file_node(older.engine) == node  # the column was added without rewriting the rows
    else:
        assert create.endswith("ALGORITHM=INPLACE LOCK=NONE")
        assert alter.endswith(", ALGORITHM=INSTANT")  # MariaDB 10.11 accepts it: no fallback ran
        assert older.statements("SET SESSION lock_wait_timeout = 5")


@pytest.mark.parametrize("backend", [b for b in SERVERS if b == "postgresql"])  # INVALID indexes are PostgreSQL's
async def test_an_invalid_index_a_failed_build_left_is_dropped_and_built_again(backend: str, older: Older) -> None:
    async with older.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        with pytest.raises(Exception, match="could not create unique index"):  # timestamps repeat: it fails
            await conn.execute(text(f"CREATE UNIQUE INDEX CONCURRENTLY {INDEX} ON {TABLE} (timestamp)"))
    valid = text(f"SELECT indisvalid, indisunique FROM pg_index WHERE indexrelid = '{INDEX}'::regclass")
    async with older.engine.connect() as conn:
        assert (await conn.execute(valid)).one() == (False, True)  # left behind, as a cut-off build leaves it

    planned = await plan_migration(older.engine, Base.metadata)
    assert [(s.kind, s.name) for s in planned] == [
        (OpKind.ADD_COLUMN, COLUMN),
        (OpKind.DROP_INVALID_INDEX, INDEX),
        (OpKind.CREATE_INDEX, INDEX),
    ]
    older.sent.clear()
    assert await migrate(older.engine, Base.metadata) == planned
    assert [(s, level) for s, level in older.sent if INDEX in s] == [
        (f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}", "AUTOCOMMIT"),
        (planned[2].sql, "AUTOCOMMIT"),
    ]
    async with older.engine.connect() as conn:
        assert (await conn.execute(valid)).one() == (True, False)  # the specs' index, valid
    assert await _differences(older.engine) == ()


@pytest.mark.parametrize("backend", SERVERS)
async def test_an_alter_behind_a_long_transaction_gives_way_and_tries_again(
    backend: str, older: Older, caplog: pytest.LogCaptureFixture
) -> None:
    retry_said = asyncio.Event()

    class Watch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name == "sldb.retry" and f"{OpKind.ADD_COLUMN} {TABLE}.{COLUMN}" in record.getMessage():
                retry_said.set()

    blocker_engine = create_async_engine(older.engine.url, poolclass=NullPool)
    watch = Watch()
    logging.getLogger("sldb.retry").addHandler(watch)
    try:
        async with blocker_engine.connect() as blocker:
            # A reader in a long transaction: it holds a lock on the table that the ALTER must wait for.
            if backend == "postgresql":
                await blocker.execute(text(f"LOCK TABLE {TABLE} IN ACCESS SHARE MODE"))
            else:
                await blocker.execute(text(f"SELECT COUNT(*) FROM {TABLE}"))  # its metadata lock lasts till commit

            async def finish_reading() -> None:
                await retry_said.wait()  # the ALTER gave way and will try again: the reader ends now
                await blocker.commit()

            with caplog.at_level(logging.INFO, logger="sldb"):
                both = asyncio.gather(migrate(older.engine, Base.metadata), finish_reading())
                ran, _ = await asyncio.wait_for(both, 120)  # without the lock wait bound, it would wait forever
    finally:
        logging.getLogger("sldb.retry").removeHandler(watch)
        await blocker_engine.dispose()

    retries = [r.getMessage() for r in caplog.records if r.name == "sldb.retry"]
    assert retries and all(f"migration {OpKind.ADD_COLUMN} {TABLE}.{COLUMN} failed" in m for m in retries)
    assert ("lock timeout" if backend == "postgresql" else "1205") in retries[0]
    assert [s.kind for s in ran] == [OpKind.ADD_COLUMN, OpKind.CREATE_INDEX]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # nothing skipped
    assert await _differences(older.engine) == ()


@pytest.mark.parametrize("backend", [b for b in SERVERS if b == "mysql"])
async def test_a_refused_online_form_falls_back_to_the_plain_statement_with_a_warning(
    backend: str, older: Older, caplog: pytest.LogCaptureFixture
) -> None:
    metadata = MetaData()
    notes = Table("online_notes", metadata, Column("id", Integer, primary_key=True), Column("body", Text))
    async with older.engine.begin() as conn:  # an existing table lacking its full-text index
        await conn.run_sync(lambda sync: notes.create(sync))
    Index("ft_notes_body", notes.c.body, mysql_prefix="FULLTEXT")  # InnoDB builds it only with LOCK=SHARED
    [step] = await plan_migration(older.engine, metadata)
    assert step.sql.endswith("ALGORITHM=INPLACE LOCK=NONE") and step.fallbacks[-1].startswith("CREATE FULLTEXT")

    with caplog.at_level(logging.INFO, logger="sldb"):
        assert await migrate(older.engine, metadata) == [step]
    [refused] = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert refused.startswith(f"migration: the server refused {step.sql} (OperationalError: (1846) ")
    assert refused.endswith(f"; running {step.fallbacks[0]}")
    assert [s for s, _ in older.statements("CREATE FULLTEXT")] == [step.sql, *step.fallbacks]
    async with older.engine.connect() as conn:
        assert compare(metadata, await read_live_schema(conn), conn.dialect).migration == []  # the index is there
