"""Additive auto-migration: compare the live database with the models, then create what is missing.

Only adds: missing tables (create_all on them), missing columns (ALTER TABLE ... ADD COLUMN), missing
indexes, and on MySQL/MariaDB the lossless widenings FLOAT -> DOUBLE and TEXT -> LONGTEXT and the conversion
of the database and its tables to utf8mb4 with an exact (binary, no-pad) collation. It never drops, renames or
narrows. The live schema is read in two catalog queries (three on MySQL), whatever the number of tables.
Concurrent starters are serialized: PostgreSQL advisory lock, MySQL GET_LOCK, SQLite BEGIN EXCLUSIVE.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Column, MetaData, Table, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.schema import ColumnCollectionConstraint, CreateColumn, CreateIndex, CreateTable
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
    # MySQL only: table -> text column -> its collation, and the database's default collation.
    collations: dict[str, dict[str, str]] = field(default_factory=dict)
    database_collation: str | None = None


@dataclass(frozen=True)
class Step:
    """One DDL statement of a migration plan and why it is there."""

    kind: str  # convert_database | create_table | add_column | create_index | widen_column | convert_table | merge_duplicates
    table: str
    name: str
    sql: str


class MigrationProgress(Protocol):
    """Told about each step as migrate() runs it (sldb migrate draws its progress bar from this)."""

    def started(self, step: Step) -> None: ...

    def finished(self, step: Step, ok: bool) -> None: ...


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
                "SELECT table_name, column_name, column_type, collation_name FROM information_schema.columns "
                "WHERE table_schema = DATABASE()"
            )
        )
        # From the catalog, not @@collation_database: that is the connection's copy from when it selected the
        # database, so a starter that waited for the lock would miss another's ALTER DATABASE and repeat it.
        collation_sql = text(
            "SELECT default_collation_name FROM information_schema.schemata WHERE schema_name = DATABASE()"
        )
        live.database_collation = str((await conn.execute(collation_sql)).scalar())
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
    for table, column, type_, *collation in rows:
        live.columns.setdefault(str(table), {})[str(column)] = str(type_).lower()
        if collation and collation[0] is not None:
            live.collations.setdefault(str(table), {})[str(column)] = str(collation[0])
    for table, index in index_rows:
        live.indexes.setdefault(str(table), set()).add(str(index))
    return live


def _is_mysql(dialect: Dialect) -> bool:
    return dialect.name in ("mysql", "mariadb")


def exact_collation(dialect: Dialect) -> str:
    """The utf8mb4 collation under which texts are equal only when identical, as on PostgreSQL and SQLite.

    The default ones (utf8mb4_general_ci, _unicode_ci) make "YYDS" = "yyds", "cafe" = "café", "a" = "a " and
    every emoji equal to every other: distinct jargon terms would collide on the unique index.
    """
    if getattr(dialect, "is_mariadb", False):
        return "utf8mb4_nopad_bin"
    version = getattr(dialect, "server_version_info", None) or (0,)
    return "utf8mb4_0900_bin" if tuple(version) >= (8, 0, 17) else "utf8mb4_bin"


def _conversions(metadata: MetaData, live: LiveSchema, dialect: Dialect) -> tuple[list[Step], list[Step]]:
    """MySQL only: (the database's default collation, existing tables whose text columns are not exact)."""
    if not _is_mysql(dialect):
        return [], []
    exact = exact_collation(dialect)
    database = []
    if live.database_collation is not None and live.database_collation != exact:
        sql = f"ALTER DATABASE CHARACTER SET utf8mb4 COLLATE {exact}"
        database.append(Step("convert_database", "", exact, sql))
    prep = dialect.identifier_preparer
    tables = [
        Step(
            "convert_table",
            table.name,
            exact,
            f"ALTER TABLE {prep.format_table(table)} CONVERT TO CHARACTER SET utf8mb4 COLLATE {exact}",
        )
        for table in metadata.sorted_tables
        if any(_inexact(column, live.collations.get(table.name, {}), exact) for column in table.columns)
    ]
    return database, tables


def _inexact(column: Column[object], live: dict[str, str], exact: str) -> bool:
    """A live text column compares inexactly (JSON columns have their own fixed collation on MariaDB)."""
    collation = live.get(column.name)
    return collation is not None and collation != exact and not isinstance(column.type, JSON)


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
    database, conversions = _conversions(metadata, live, dialect)
    steps: list[Step] = [*database, *conversions]  # first: tables created or altered below inherit them
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


async def _run_steps(
    conn: AsyncConnection, metadata: MetaData, steps: Sequence[Step], progress: MigrationProgress | None = None
) -> list[Step]:
    """Run each step; a failing step is logged with its statement and skipped. Returns the failed ones."""
    failed: list[Step] = []
    missing_tables = [metadata.tables[s.table] for s in steps if s.kind == "create_table"]
    created = [
        s
        for s in steps
        if s.kind == "create_table" or (s.kind == "create_index" and metadata.tables[s.table] in missing_tables)
    ]
    # The database's default collation first, so that the tables create_all makes inherit it.
    first = [s for s in steps if s.kind == "convert_database"]
    for step in first:
        if progress is not None:
            progress.started(step)
        ok = await _run_step(conn, step)
        if not ok:
            failed.append(step)
        if progress is not None:
            progress.finished(step, ok)
    if missing_tables:
        for step in created:
            if progress is not None:
                progress.started(step)
        # create_all on exactly the missing tables (with their indexes), in dependency order.
        await conn.run_sync(lambda sync: metadata.create_all(sync, tables=missing_tables, checkfirst=False))
        for step in created:
            if progress is not None:
                progress.finished(step, True)
    for step in steps:
        if step in created or step in first:
            continue
        if progress is not None:
            progress.started(step)
        ok = await _run_step(conn, step)
        if not ok:
            failed.append(step)
        if progress is not None:
            progress.finished(step, ok)
    return failed


async def _run_step(conn: AsyncConnection, step: Step) -> bool:
    """Run one step that is not part of create_all; False (logged) when it failed."""
    try:
        if step.kind == "merge_duplicates":
            merged = await jargon_dedupe.merge_duplicate_jargon(conn)
            if merged:
                log.info("merged %d duplicate jargon groups before creating %s", merged, step.name)
            return True
        if conn.dialect.name == "postgresql":
            async with conn.begin_nested():
                await conn.execute(text(step.sql))
        else:
            await conn.execute(text(step.sql))
        log.info("migration: %s %s.%s", step.kind, step.table, step.name)
        return True
    except Exception as exc:
        log.warning("migration step failed and was skipped: %s (%s: %s)", step.sql, type(exc).__name__, exc)
        return False


async def migrate(
    engine: AsyncEngine,
    metadata: MetaData,
    enable_auto_migration: bool = True,
    progress: MigrationProgress | None = None,
) -> list[Step]:
    """Create missing tables; with auto-migration, also add missing columns, indexes and widenings.

    Runs under a cross-process lock, so K starters at once on a fresh database all end with the schema.
    Returns the steps that ran (including failed ones, which were logged and skipped); progress, when
    given, is told as each step starts and ends.
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
            failed = await _run_steps(conn, metadata, steps, progress)
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


# -- schema diff (sldb doctor / introspect) ----------------------------------------------------------


@dataclass(frozen=True)
class TypeDifference:
    """A live column whose type differs from the model's in a way worth a person's attention."""

    column: str
    live: str
    expected: str
    note: str


@dataclass(frozen=True)
class TableDiff:
    """How one table of the live database differs from the models (only tables that differ are reported)."""

    table: str
    state: str  # missing (in the models, not live) | extra (live, not in the models) | differs
    missing_columns: tuple[str, ...] = ()
    extra_columns: tuple[str, ...] = ()
    type_differences: tuple[TypeDifference, ...] = ()
    missing_indexes: tuple[str, ...] = ()
    extra_indexes: tuple[str, ...] = ()

    @property
    def missing_items(self) -> int:
        """What start-up would add for this table: 1 for a missing table, else its missing columns and indexes."""
        if self.state == "missing":
            return 1
        return len(self.missing_columns) + len(self.missing_indexes)


def type_family(type_name: str) -> str:
    """The kind of value a column type holds, however a backend spells it: integer, float, text, ..."""
    name = type_name.lower()
    if name.startswith(("tinyint(1)", "bool")):
        return "boolean"
    if "int" in name:
        return "integer"
    if any(word in name for word in ("double", "float", "real", "numeric", "decimal")):
        return "float"
    if any(word in name for word in ("char", "text", "clob", "json")):
        return "text"  # MariaDB stores JSON as LONGTEXT; the models store JSON documents in text columns too
    if any(word in name for word in ("blob", "bytea", "binary")):
        return "binary"
    if "date" in name or "time" in name:
        return "datetime"
    return name


def _storage_bytes(type_name: str) -> int | None:
    """How much one value of an integer, float or text type can hold, where backends differ; else None."""
    name = type_name.lower()
    family = type_family(name)
    if family == "integer":
        for word, size in (("bigint", 8), ("smallint", 2), ("tinyint", 1)):
            if word in name:
                return size
        return 4
    if family == "float":
        return 4 if name.startswith("float") or name in ("real", "float4") else 8
    if family == "text":
        for word, size in (("tinytext", 255), ("mediumtext", 2**24), ("longtext", 2**32)):
            if word in name:
                return size
        return 2**16 if name == "text" else None
    return None


def _type_difference(column: Column[object], live_type: str, dialect: Dialect) -> TypeDifference | None:
    expected = column.type.compile(dialect=dialect).lower()
    if type_family(live_type) != type_family(expected):
        return TypeDifference(column.name, live_type, expected, "a different kind of value; migration leaves it")
    if dialect.name == "sqlite":
        return None  # SQLite stores by affinity: INTEGER and REAL values are 8 bytes whatever the declared type
    live_size, expected_size = _storage_bytes(live_type), _storage_bytes(expected)
    if live_size is not None and expected_size is not None and live_size < expected_size:
        widened = _is_mysql(dialect) and type_family(expected) in ("float", "text")
        note = "narrower; migration widens it" if widened else "narrower; migration leaves it"
        return TypeDifference(column.name, live_type, expected, note)
    return None


def _constraint_index_names(table: Table) -> set[str]:
    """Index names a backend creates by itself for the table's primary key and unique constraints."""
    names = {"PRIMARY", f"{table.name}_pkey"}
    for constraint in table.constraints:
        if not isinstance(constraint, ColumnCollectionConstraint):
            continue
        columns = [c.name for c in constraint.columns]
        if constraint.name:
            names.add(str(constraint.name))
        if columns:
            names.add(f"{table.name}_{'_'.join(columns)}_key")  # PostgreSQL's name for an unnamed UNIQUE
            names.add(columns[0])  # MySQL's
    return names


def diff_schema(metadata: MetaData, live: LiveSchema, dialect: Dialect) -> list[TableDiff]:
    """Per table, how the live schema differs from the models: what is missing, extra, or typed differently."""
    diffs: list[TableDiff] = []
    for table in sorted(metadata.tables.values(), key=lambda t: t.name):
        have = live.columns.get(table.name)
        if have is None:
            diffs.append(TableDiff(table.name, "missing"))
            continue
        wanted_indexes = {str(ix.name) for ix in table.indexes}
        live_indexes = live.indexes.get(table.name, set())
        types = (
            _type_difference(column, have[column.name], dialect) for column in table.columns if column.name in have
        )
        found = TableDiff(
            table.name,
            "differs",
            missing_columns=tuple(c.name for c in table.columns if c.name not in have),
            extra_columns=tuple(sorted(set(have) - {c.name for c in table.columns})),
            type_differences=tuple(t for t in types if t is not None),
            missing_indexes=tuple(sorted(wanted_indexes - live_indexes)),
            extra_indexes=tuple(sorted(live_indexes - wanted_indexes - _constraint_index_names(table))),
        )
        if any(
            (
                found.missing_columns,
                found.extra_columns,
                found.type_differences,
                found.missing_indexes,
                found.extra_indexes,
            )
        ):
            diffs.append(found)
    extra_tables = sorted(set(live.columns) - set(metadata.tables))
    diffs.extend(TableDiff(name, "extra") for name in extra_tables)
    return diffs
