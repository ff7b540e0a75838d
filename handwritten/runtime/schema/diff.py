"""The one schema comparison: the models against the live catalog, as typed operations in the order they run.

Every view reads it: migrate() runs its migrated operations, plan_migration() and `sldb migrate --dry-run` list
them, `sldb doctor` and `sldb introspect` report it table by table.

A step on a table that already exists says whether the table's readers and writers go on while it runs
(Operation.online). PostgreSQL builds such an index CONCURRENTLY (an invalid one a failed build left is dropped
first) and adds a column with a moment's lock, without rewriting the table; MySQL/MariaDB adds a column with
ALGORITHM=INSTANT and builds an index with ALGORITHM=INPLACE LOCK=NONE, each with the forms to fall back to when
the server refuses (Operation.fallbacks); its widenings and conversions copy the table and hold writes. SQLite
migrates in one write transaction: every step there on an existing table holds writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from sqlalchemy import Column, Index, MetaData, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import ColumnCollectionConstraint, CreateColumn, CreateIndex, CreateTable
from sqlalchemy.types import JSON, LargeBinary, Text

from sldb.handwritten.runtime.backends.identity import exact_collation, is_mysql
from sldb.handwritten.runtime.schema.catalog import LAYER_TABLE_PREFIX, LiveSchema
from sldb.handwritten.runtime.schema.extras import extras_of
from sldb.handwritten.runtime.schema.hooks import BEFORE_CREATE


class OpKind(StrEnum):
    """What an operation is about. Migration runs the first eight; the last four are only reported."""

    CONVERT_DATABASE = "convert_database"  # MySQL: the database's default collation becomes the exact one
    CONVERT_TABLE = "convert_table"  # MySQL: an existing table's text columns get the exact collation
    CREATE_TABLE = "create_table"  # a table the database lacks (create_all, with its indexes)
    ADD_COLUMN = "add_column"  # a column an existing table lacks
    WIDEN_COLUMN = "widen_column"  # MySQL: FLOAT -> DOUBLE, TEXT -> LONGTEXT
    DROP_INVALID_INDEX = "drop_invalid_index"  # PostgreSQL: what a failed CREATE INDEX CONCURRENTLY left
    BEFORE_CREATE = "before_create"  # the preparation an index's spec names, run just before it is created
    CREATE_INDEX = "create_index"  # an index the database lacks
    TYPE_DIFFERENCE = "type_difference"  # a live column type migration leaves as it is
    EXTRA_TABLE = "extra_table"  # in the database, not in the models (never dropped)
    EXTRA_COLUMN = "extra_column"
    EXTRA_INDEX = "extra_index"

    @property
    def migrated(self) -> bool:
        return self not in _REPORTED_ONLY


_REPORTED_ONLY = frozenset({OpKind.TYPE_DIFFERENCE, OpKind.EXTRA_TABLE, OpKind.EXTRA_COLUMN, OpKind.EXTRA_INDEX})


@dataclass(frozen=True)
class TypeDifference:
    """A live column whose type differs from the model's in a way worth a person's attention."""

    column: str
    live: str
    expected: str
    note: str


@dataclass(frozen=True)
class Operation:
    """One difference between the live schema and the models, and for a migrated one the step that removes it."""

    kind: OpKind
    table: str  # "" for the database itself
    name: str  # the table, column, index or collation it is about
    sql: str = ""  # the statement migration runs ("-- ..." for a before_create step); "" when only reported
    type_difference: TypeDifference | None = None  # WIDEN_COLUMN and TYPE_DIFFERENCE
    hook: str | None = None  # BEFORE_CREATE: the registered preparation's name
    online: bool = True  # the table's readers and writers go on while it runs (at most a moment's lock)
    fallbacks: tuple[str, ...] = ()  # MySQL: the forms run, in order, when the server refuses the online sql


@dataclass(frozen=True)
class TableDiff:
    """How one table of the live database differs from the models (only tables that differ are reported)."""

    table: str
    state: Literal["missing", "extra", "differs"]  # missing: in the models, not live; extra: live, not in the models
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


@dataclass(frozen=True)
class SchemaDiff:
    """Every difference compare() found, in the order migration must remove them."""

    operations: tuple[Operation, ...]

    @property
    def migration(self) -> list[Operation]:
        """The steps that bring the database up to the models (plan_migration, sldb migrate --dry-run)."""
        return [op for op in self.operations if op.kind.migrated]

    @property
    def new_tables(self) -> frozenset[str]:
        return frozenset(op.table for op in self.operations if op.kind is OpKind.CREATE_TABLE)

    def creates_table(self, op: Operation) -> bool:
        """Whether op is part of creating a missing table (its CREATE TABLE or one of its indexes)."""
        return op.kind in (OpKind.CREATE_TABLE, OpKind.CREATE_INDEX) and op.table in self.new_tables

    def tables(self) -> list[TableDiff]:
        """Per table, what differs (sldb doctor, introspect): the models' tables by name, then the extra ones."""
        grouped: dict[str, list[Operation]] = {}
        for op in self.operations:
            if op.table:
                grouped.setdefault(op.table, []).append(op)
        found = (_table_diff(name, ops) for name, ops in grouped.items())
        return sorted((d for d in found if d is not None), key=lambda d: (d.state == "extra", d.table))


def _table_diff(table: str, ops: list[Operation]) -> TableDiff | None:
    kinds = {op.kind for op in ops}
    if OpKind.CREATE_TABLE in kinds:
        return TableDiff(table, "missing")
    if OpKind.EXTRA_TABLE in kinds:
        return TableDiff(table, "extra")

    def names(kind: OpKind) -> tuple[str, ...]:
        return tuple(op.name for op in ops if op.kind is kind)

    found = TableDiff(
        table,
        "differs",
        missing_columns=names(OpKind.ADD_COLUMN),
        extra_columns=names(OpKind.EXTRA_COLUMN),
        type_differences=tuple(op.type_difference for op in ops if op.type_difference is not None),
        missing_indexes=names(OpKind.CREATE_INDEX),
        extra_indexes=names(OpKind.EXTRA_INDEX),
    )
    if any(
        (found.missing_columns, found.extra_columns, found.type_differences, found.missing_indexes, found.extra_indexes)
    ):
        return found
    return None  # only its collation differs: a migration step, not a difference of columns or indexes


def compare(metadata: MetaData, live: LiveSchema, dialect: Dialect) -> SchemaDiff:
    """How the live schema differs from the models, as operations in the order migration must run them.

    The database's collation and the tables' conversions come first: tables created or altered after them
    inherit them. Then per table (in dependency order) what it lacks, how its types differ, and what only the
    database has; last, the tables only the database has.
    """
    operations = [*_collations(metadata, live, dialect)]
    for table in metadata.sorted_tables:
        have = live.columns.get(table.name)
        if have is None:
            operations.extend(_new_table(table, dialect))
        else:
            indexes = live.indexes.get(table.name, set())
            invalid = live.invalid_indexes.get(table.name, set())
            operations.extend(_existing_table(table, have, indexes, invalid, dialect))
    extra = sorted(t for t in set(live.columns) - set(metadata.tables) if not t.startswith(LAYER_TABLE_PREFIX))
    operations.extend(Operation(OpKind.EXTRA_TABLE, name, name) for name in extra)
    return SchemaDiff(tuple(operations))


def _collations(metadata: MetaData, live: LiveSchema, dialect: Dialect) -> Iterator[Operation]:
    """MySQL only: the database's default collation, then each existing table whose text columns are not exact."""
    if not is_mysql(dialect):
        return
    exact = exact_collation(dialect)
    if live.database_collation is not None and live.database_collation != exact:
        sql = f"ALTER DATABASE CHARACTER SET utf8mb4 COLLATE {exact}"
        yield Operation(OpKind.CONVERT_DATABASE, "", exact, sql)
    prep = dialect.identifier_preparer
    for table in metadata.sorted_tables:
        if any(_inexact(column, live.collations.get(table.name, {}), exact) for column in table.columns):
            sql = f"ALTER TABLE {prep.format_table(table)} CONVERT TO CHARACTER SET utf8mb4 COLLATE {exact}"
            yield Operation(OpKind.CONVERT_TABLE, table.name, exact, sql, online=False)  # copies the table


def _inexact(column: Column[object], live: dict[str, str], exact: str) -> bool:
    """A live text column compares inexactly (JSON columns have their own fixed collation on MariaDB)."""
    collation = live.get(column.name)
    return collation is not None and collation != exact and not isinstance(column.type, JSON)


def _indexes(table: Table) -> list[Index]:
    return sorted(table.indexes, key=lambda i: str(i.name))


def _create_index(table: Table, index: Index, dialect: Dialect) -> Operation:
    return Operation(OpKind.CREATE_INDEX, table.name, str(index.name), str(CreateIndex(index).compile(dialect=dialect)))


def _build_index(table: Table, index: Index, dialect: Dialect) -> Operation:
    """An index an existing table lacks, built beside its readers and writers where the backend can."""
    plain = _create_index(table, index, dialect)
    if dialect.name == "postgresql":  # migrate() runs it outside a transaction, as PostgreSQL requires
        concurrent = re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX CONCURRENTLY ", plain.sql)
        return Operation(OpKind.CREATE_INDEX, table.name, plain.name, concurrent)
    if is_mysql(dialect):
        online = f"{plain.sql} ALGORITHM=INPLACE LOCK=NONE"
        return Operation(OpKind.CREATE_INDEX, table.name, plain.name, online, fallbacks=(plain.sql,))
    return Operation(OpKind.CREATE_INDEX, table.name, plain.name, plain.sql, online=False)


def _add_column(table: Table, column: Column[object], dialect: Dialect) -> Operation:
    """A column an existing table lacks: a change of the catalog only (no default is volatile, so PostgreSQL
    rewrites no row), whose moment's exclusive lock migrate() waits for only briefly."""
    plain = add_column_sql(table, column, dialect)
    if is_mysql(dialect):
        fallbacks = (f"{plain}, ALGORITHM=INPLACE, LOCK=NONE", plain)
        return Operation(OpKind.ADD_COLUMN, table.name, column.name, f"{plain}, ALGORITHM=INSTANT", fallbacks=fallbacks)
    return Operation(OpKind.ADD_COLUMN, table.name, column.name, plain, online=dialect.name != "sqlite")


def _new_table(table: Table, dialect: Dialect) -> Iterator[Operation]:
    """A table the database lacks: CREATE TABLE and its indexes (no preparation: the new table is empty)."""
    yield Operation(
        OpKind.CREATE_TABLE, table.name, table.name, str(CreateTable(table).compile(dialect=dialect)).strip()
    )
    for index in _indexes(table):
        yield _create_index(table, index, dialect)


def _existing_table(
    table: Table, have: dict[str, str], have_indexes: set[str], invalid: set[str], dialect: Dialect
) -> Iterator[Operation]:
    """An existing table: columns to add, then types to widen or report, then indexes to create (an invalid
    one dropped first), then extras."""
    for column in table.columns:
        if column.name not in have:
            yield _add_column(table, column, dialect)
    for column in table.columns:
        if column.name in have:
            retyped = _retype(table, column, have[column.name], dialect)
            if retyped is not None:
                yield retyped
    sqlite = dialect.name == "sqlite"
    for index in _indexes(table):
        name = str(index.name)
        if name in have_indexes and name not in invalid:
            continue
        if name in invalid:
            drop = f"DROP INDEX CONCURRENTLY IF EXISTS {dialect.identifier_preparer.quote(name)}"
            yield Operation(OpKind.DROP_INVALID_INDEX, table.name, name, drop)
        hook_name = index.info.get(BEFORE_CREATE)
        if hook_name is not None:
            hook = extras_of(table.metadata).hook_named(str(hook_name))
            about = f"-- {hook.description}"
            yield Operation(OpKind.BEFORE_CREATE, table.name, name, about, hook=hook.name, online=not sqlite)
        yield _build_index(table, index, dialect)
    for name in sorted(set(have) - {c.name for c in table.columns}):
        yield Operation(OpKind.EXTRA_COLUMN, table.name, name)
    wanted = {str(ix.name) for ix in table.indexes}
    for name in sorted(have_indexes - wanted - _constraint_index_names(table)):
        yield Operation(OpKind.EXTRA_INDEX, table.name, name)


def add_column_sql(table: Table, column: Column[object], dialect: Dialect) -> str:
    """ALTER TABLE ... ADD COLUMN for a column an existing table lacks.

    A NOT NULL column without a server default is added as NULL-able: existing rows have no value for it,
    and refusing the column would block every later start. MySQL TEXT/BLOB/JSON columns carry no default.
    """
    copy = column._copy()
    if not copy.nullable and copy.server_default is None:
        copy.nullable = True
    if is_mysql(dialect) and isinstance(copy.type, (Text, LargeBinary, JSON)):
        copy.server_default = None
    Table(table.name, MetaData(), copy)  # CreateColumn needs the column attached to a table
    prep = dialect.identifier_preparer
    return f"ALTER TABLE {prep.format_table(table)} ADD COLUMN {CreateColumn(copy).compile(dialect=dialect)}"


def _retype(table: Table, column: Column[object], live_type: str, dialect: Dialect) -> Operation | None:
    """A live type that differs from the model's: widened (MySQL, lossless), or reported and left as it is."""
    target = column.type.compile(dialect=dialect)
    expected = target.lower()
    if is_mysql(dialect) and (
        (live_type.startswith("float") and target.startswith("DOUBLE"))
        or (live_type == "text" and target == "LONGTEXT")
    ):
        prep = dialect.identifier_preparer
        null = "NULL" if column.nullable else "NOT NULL"
        sql = f"ALTER TABLE {prep.format_table(table)} MODIFY COLUMN {prep.format_column(column)} {target} {null}"
        widened = TypeDifference(column.name, live_type, expected, "narrower; migration widens it")
        return Operation(OpKind.WIDEN_COLUMN, table.name, column.name, sql, type_difference=widened, online=False)
    note = _left_as_it_is(live_type, expected, dialect)
    if note is None:
        return None
    left = TypeDifference(column.name, live_type, expected, note)
    return Operation(OpKind.TYPE_DIFFERENCE, table.name, column.name, type_difference=left)


def _left_as_it_is(live_type: str, expected: str, dialect: Dialect) -> str | None:
    """Why a live type migration does not widen deserves a person's attention; None when it does not."""
    if type_family(live_type) != type_family(expected):
        return "a different kind of value; migration leaves it"
    if dialect.name == "sqlite":
        return None  # SQLite stores by affinity: INTEGER and REAL values are 8 bytes whatever the declared type
    live_size, expected_size = _storage_bytes(live_type), _storage_bytes(expected)
    if live_size is not None and expected_size is not None and live_size < expected_size:
        return "narrower; migration leaves it"
    return None


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
