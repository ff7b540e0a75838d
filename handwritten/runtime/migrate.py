"""Additive auto-migration: compare the live database with the models, then create what is missing.

Only adds: missing tables (create_all on them), missing columns (ALTER TABLE ... ADD COLUMN), missing
indexes, and on MySQL/MariaDB the lossless widenings FLOAT -> DOUBLE and TEXT -> LONGTEXT. It never drops,
renames or narrows. The live schema is read in one or two catalog queries, whatever the number of tables.
Concurrent starters are serialized: PostgreSQL advisory lock, MySQL GET_LOCK, SQLite BEGIN EXCLUSIVE.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Column, MetaData, Table, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.schema import CreateColumn, CreateIndex, CreateTable
from sqlalchemy.types import JSON, LargeBinary, Text

from handwritten.runtime import jargon_dedupe

log = logging.getLogger("sldb.migrate")

ADVISORY_LOCK_KEY = 0x5D1B_0001  # one fixed key: "sldb migration"
MYSQL_LOCK_NAME = "sldb_migrate"
MYSQL_LOCK_TIMEOUT_SECONDS = 120


@dataclass
class LiveSchema:
    """What the database holds now: table -> column names (with their type), table -> index names."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    indexes: dict[str, set[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One DDL statement of a migration plan and why it is there."""

    kind: str  # create_table | add_column | create_index | widen_column | merge_duplicates
    table: str
    name: str
    sql: str


async def read_live_schema(conn: AsyncConnection) -> LiveSchema:
    """Every table, column and index of the current database/schema, in at most two queries."""
    dialect = conn.dialect.name
    live = LiveSchema()
    if dialect == "sqlite":
        rows = await conn.execute(
            text(
                "SELECT m.name, p.name, p.type FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            )
        )
        index_rows = await conn.execute(
            text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        )
    elif dialect in ("mysql", "mariadb"):
        rows = await conn.execute(
            text(
                "SELECT table_name, column_name, column_type FROM information_schema.columns "
                "WHERE table_schema = DATABASE()"
            )
        )
        index_rows = await conn.execute(
            text(
                "SELECT DISTINCT table_name, index_name FROM information_schema.statistics "
                "WHERE table_schema = DATABASE()"
            )
        )
    else:
        rows = await conn.execute(
            text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema()"
            )
        )
        index_rows = await conn.execute(
            text("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema()")
        )
    for table, column, type_ in rows:
        live.columns.setdefault(str(table), {})[str(column)] = str(type_).lower()
    for table, index in index_rows:
        live.indexes.setdefault(str(table), set()).add(str(index))
    return live


def _is_mysql(dialect: Dialect) -> bool:
    return dialect.name in ("mysql", "mariadb")


def add_column_sql(table: Table, column: Column[object], dialect: Dialect) -> str:
    """ALTER TABLE ... ADD COLUMN for a column an existing table lacks.

    A NOT NULL column without a server default is added as NULL-able: existing rows have no value for it,
    and refusing the column would block every later start. MySQL TEXT/BLOB/JSON columns carry no default.
    """
    copy = column._copy()
    if not copy.nullable and copy.server_default is None:
        copy.nullable = True
    if _is_mysql(dialect) and isinstance(copy.type, (Text, LargeBinary, JSON)):
        copy.server_default = None
    Table(table.name, MetaData(), copy)  # CreateColumn needs the column attached to a table
    prep = dialect.identifier_preparer
    return f"ALTER TABLE {prep.format_table(table)} ADD COLUMN {CreateColumn(copy).compile(dialect=dialect)}"


def _widenings(table: Table, live_columns: dict[str, str], dialect: Dialect) -> list[Step]:
    """MySQL only: FLOAT columns to DOUBLE and TEXT to LONGTEXT, both lossless."""
    if not _is_mysql(dialect):
        return []
    steps = []
    prep = dialect.identifier_preparer
    for column in table.columns:
        live_type = live_columns.get(column.name)
        if live_type is None:
            continue
        target = column.type.compile(dialect=dialect)
        if (live_type.startswith("float") and target.startswith("DOUBLE")) or (
            live_type == "text" and target == "LONGTEXT"
        ):
            null = "NULL" if column.nullable else "NOT NULL"
            sql = f"ALTER TABLE {prep.format_table(table)} MODIFY COLUMN {prep.format_column(column)} {target} {null}"
            steps.append(Step("widen_column", table.name, column.name, sql))
    return steps


def plan_steps(metadata: MetaData, live: LiveSchema, dialect: Dialect) -> list[Step]:
    """The DDL that brings the live schema up to the models, in the order it must run."""
    steps: list[Step] = []
    for table in metadata.sorted_tables:
        if table.name not in live.columns:
            steps.append(
                Step("create_table", table.name, table.name, str(CreateTable(table).compile(dialect=dialect)).strip())
            )
            steps.extend(
                Step("create_index", table.name, str(ix.name), str(CreateIndex(ix).compile(dialect=dialect)))
                for ix in sorted(table.indexes, key=lambda i: str(i.name))
            )
            continue
        have = live.columns[table.name]
        for column in table.columns:
            if column.name not in have:
                steps.append(Step("add_column", table.name, column.name, add_column_sql(table, column, dialect)))
        steps.extend(_widenings(table, have, dialect))
        have_indexes = live.indexes.get(table.name, set())
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if str(index.name) not in have_indexes:
                if table.name == "jargon" and index.name == jargon_dedupe.UNIQUE_INDEX:
                    steps.append(
                        Step(
                            "merge_duplicates",
                            "jargon",
                            jargon_dedupe.UNIQUE_INDEX,
                            "-- merge duplicate (chat_id, content) rows",
                        )
                    )
                steps.append(
                    Step("create_index", table.name, str(index.name), str(CreateIndex(index).compile(dialect=dialect)))
                )
    return steps


async def plan_migration(engine: AsyncEngine, metadata: MetaData) -> list[Step]:
    """What create_tables would run now, without running it."""
    async with engine.connect() as conn:
        return plan_steps(metadata, await read_live_schema(conn), conn.dialect)


async def _run_steps(conn: AsyncConnection, metadata: MetaData, steps: Sequence[Step]) -> list[Step]:
    """Run each step; a failing step is logged with its statement and skipped. Returns the failed ones."""
    failed: list[Step] = []
    missing_tables = [metadata.tables[s.table] for s in steps if s.kind == "create_table"]
    if missing_tables:
        # create_all on exactly the missing tables (with their indexes), in dependency order.
        await conn.run_sync(lambda sync: metadata.create_all(sync, tables=missing_tables, checkfirst=False))
    for step in steps:
        if step.kind == "create_table" or (
            step.kind == "create_index" and metadata.tables[step.table] in missing_tables
        ):
            continue
        try:
            if step.kind == "merge_duplicates":
                merged = await jargon_dedupe.merge_duplicate_jargon(conn)
                if merged:
                    log.info("merged %d duplicate jargon groups before creating %s", merged, step.name)
                continue
            if conn.dialect.name == "postgresql":
                async with conn.begin_nested():
                    await conn.execute(text(step.sql))
            else:
                await conn.execute(text(step.sql))
            log.info("migration: %s %s.%s", step.kind, step.table, step.name)
        except Exception as exc:
            log.warning("migration step failed and was skipped: %s (%s: %s)", step.sql, type(exc).__name__, exc)
            failed.append(step)
    return failed


async def migrate(engine: AsyncEngine, metadata: MetaData, enable_auto_migration: bool = True) -> list[Step]:
    """Create missing tables; with auto-migration, also add missing columns, indexes and widenings.

    Runs under a cross-process lock, so K starters at once on a fresh database all end with the schema.
    Returns the steps that ran (including failed ones, which were logged and skipped).
    """
    dialect = engine.dialect.name
    async with engine.connect() as conn:
        # The first statement begins the transaction; on SQLite that is BEGIN IMMEDIATE (see engine),
        # which admits one writer at a time, the others waiting up to busy_timeout.
        if dialect == "postgresql":
            await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK_KEY})
        elif dialect in ("mysql", "mariadb"):
            got = (
                await conn.execute(
                    text("SELECT GET_LOCK(:n, :t)"), {"n": MYSQL_LOCK_NAME, "t": MYSQL_LOCK_TIMEOUT_SECONDS}
                )
            ).scalar()
            if got != 1:
                log.warning(
                    "could not take the migration lock within %ds; migrating without it", MYSQL_LOCK_TIMEOUT_SECONDS
                )
        try:
            live = await read_live_schema(conn)
            steps = plan_steps(metadata, live, conn.dialect)
            if not enable_auto_migration:
                steps = [
                    s
                    for s in steps
                    if s.kind == "create_table" or (s.kind == "create_index" and s.table not in live.columns)
                ]
            failed = await _run_steps(conn, metadata, steps)
            await conn.commit()
            if failed:
                log.warning(
                    "auto-migration skipped %d of %d steps (each logged above); start-up goes on",
                    len(failed),
                    len(steps),
                )
        except BaseException:
            await conn.rollback()
            raise
        finally:
            if dialect in ("mysql", "mariadb"):
                await conn.execute(text("SELECT RELEASE_LOCK(:n)"), {"n": MYSQL_LOCK_NAME})
    return steps
