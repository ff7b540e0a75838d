"""Copying this schema's rows from one database to another, on any pair of backends, and proving it arrived.

- Tables in dependency order (metadata.sorted_tables), except those whose rows triggers maintain
  (`Table.info["maintained_by"]`): the target's triggers rebuild them.
- Each table is read in batches by primary key (keyset: `WHERE pk > last ORDER BY pk LIMIT n`), so memory is
  bounded by one batch; each batch is written in one transaction, together with where it stopped (the
  sldb_copy_progress table in the target), so an interrupted copy leaves whole batches and resumes after them.
- Rows are read and written through the ORM's column types, so values pass the same text policy as every
  write; ids are kept, and sequences / AUTO_INCREMENT are moved past the highest id afterwards.
- The source may be older: only the columns it has are read; the target's defaults fill the rest.
- verify() streams both sides and compares per table the row count and an order-independent checksum (the sum
  of a hash of each row's canonical JSON); on a difference it finds the first row that differs.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import BigInteger, Boolean, Column, MetaData, String, Table, Text, func, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.schema.catalog import read_live_schema
from sldb.handwritten.runtime.schema.extras import maintained_by_database

DEFAULT_BATCH = 1000


PROGRESS_TABLE = "sldb_copy_progress"


layer_tables = MetaData()


PROGRESS = Table(
    PROGRESS_TABLE,
    layer_tables,
    Column("table_name", String(255), primary_key=True),
    Column("last_key", Text, nullable=False),  # JSON list: the primary key of the last row copied
    Column("rows_copied", BigInteger, nullable=False),
    Column("done", Boolean, nullable=False),
)


class CopyRefused(Exception):
    """The copy cannot start as asked (a non-empty target, an interrupted copy without --resume, ...)."""


def parents_of(table: Table) -> set[str]:
    """The tables whose ids table's columns hold: declared foreign keys and the specs' `references`."""
    found = {str(fk.column.table.name) for c in table.columns for fk in c.foreign_keys}
    found |= {str(c.info["references"]).split(".")[0] for c in table.columns if c.info.get("references")}
    return found - {table.name}


def copied_tables(metadata: MetaData) -> list[Table]:
    """The tables a copy moves, parents first (foreign keys and `references`): not those another mechanism
    maintains (extras.maintained_by_database)."""
    remaining = [t for t in metadata.sorted_tables if not maintained_by_database(t)]
    names = {t.name for t in remaining}
    ordered: list[Table] = []
    done: set[str] = set()
    while remaining:
        ready = next((t for t in remaining if (parents_of(t) & names) <= done), remaining[0])  # a cycle: as sorted
        ordered.append(ready)
        done.add(ready.name)
        remaining.remove(ready)
    return ordered


def key_of(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns)


def rows_after(table: Table, last: Sequence[Any] | None) -> Any:
    key = key_of(table)
    if last is None:
        return None
    if len(key) == 1:
        return key[0] > last[0]
    return tuple_(*key) > tuple_(*last)


async def read_batches(
    conn: AsyncConnection, table: Table, columns: Sequence[str], batch: int, after: Sequence[Any] | None = None
) -> AsyncIterator[list[dict[str, Any]]]:
    """The table's rows (these columns) in primary-key order, batch rows at a time, after the key `after`."""
    key = key_of(table)
    selected = [table.c[name] for name in columns]
    last = after
    while True:
        stmt = select(*selected).order_by(*key).limit(batch)
        condition = rows_after(table, last)
        if condition is not None:
            stmt = stmt.where(condition)
        rows = [dict(row._mapping) for row in (await conn.execute(stmt)).all()]
        if not rows:
            return
        yield rows
        if len(rows) < batch:
            return
        last = [rows[-1][c.name] for c in key]


class CopyProgress(Protocol):
    """Told as each table starts (with its row count) and as batches land (rows written)."""

    def table(self, name: str, total: int) -> AbstractContextManager[Callable[[int], None]]: ...


@dataclass
class TableReport:
    table: str
    source_rows: int = 0
    copied: int = 0
    skipped: str | None = None  # why the table was not copied
    checksum: str | None = None
    verified: bool | None = None
    merged: int = 0
    updated: int = 0
    already: int = 0

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class CopyPlan:
    """What both sides hold: each copied table's columns on the source (None: the source lacks the table)."""

    tables: list[Table]
    source_columns: dict[str, list[str] | None] = field(default_factory=dict)


def whole_seconds_for(*dialects: str) -> bool:
    """MySQL's DATETIME keeps whole seconds: times are compared (and written there) without microseconds."""
    return any(is_mysql(d) for d in dialects)


async def plan_copy(source: AsyncConnection, metadata: MetaData) -> CopyPlan:
    live = await read_live_schema(source)
    plan = CopyPlan(copied_tables(metadata))
    for table in plan.tables:
        found = live.columns.get(table.name)
        plan.source_columns[table.name] = None if found is None else [c.name for c in table.columns if c.name in found]
    return plan


async def _count(conn: AsyncConnection, table: Table) -> int:
    return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def non_empty_tables(conn: AsyncConnection, tables: Sequence[Table]) -> list[str]:
    return [t.name for t in tables if (await conn.execute(select(key_of(t)[0]).select_from(t).limit(1))).first()]


async def read_progress(engine: AsyncEngine) -> dict[str, tuple[list[Any], int, bool]] | None:
    """The interrupted copy's progress kept in the target, or None when there is none."""
    async with engine.connect() as conn:
        live = await read_live_schema(conn)
        if PROGRESS_TABLE not in live.columns:
            return None
        rows = (await conn.execute(select(PROGRESS))).all()
    return {r.table_name: (json.loads(r.last_key), int(r.rows_copied), bool(r.done)) for r in rows}


def for_target(rows: list[dict[str, Any]], whole_seconds: bool) -> list[dict[str, Any]]:
    if not whole_seconds:
        return rows
    for row in rows:
        for name, value in row.items():
            if isinstance(value, datetime.datetime) and value.microsecond:
                row[name] = value.replace(microsecond=0)  # MySQL would round, not cut
    return rows


async def _record(conn: AsyncConnection, table: str, last: list[Any], copied: int, done: bool) -> None:
    await conn.execute(PROGRESS.delete().where(PROGRESS.c.table_name == table))
    await conn.execute(
        PROGRESS.insert().values(table_name=table, last_key=json.dumps(last), rows_copied=copied, done=done)
    )


async def copy_all(
    source: AsyncEngine,
    target: AsyncEngine,
    metadata: MetaData,
    *,
    batch: int = DEFAULT_BATCH,
    resume: bool = False,
    progress: CopyProgress,
) -> list[TableReport]:
    """Copy every table from source into target (already migrated); raise CopyRefused when it must not start."""
    async with source.connect() as conn:
        plan = await plan_copy(conn, metadata)
    state = await read_progress(target)
    if state is not None and not resume:
        raise CopyRefused(f"the target holds an interrupted copy ({PROGRESS_TABLE}); continue it with --resume")
    state = state or {}
    async with target.connect() as conn:
        filled = [n for n in await non_empty_tables(conn, plan.tables) if n not in state]
    if filled:
        shown = ", ".join(filled[:5]) + (f" and {len(filled) - 5} more" if len(filled) > 5 else "")
        raise CopyRefused(f"the target is not empty ({shown}); copy into an empty database, or use --merge")
    async with target.begin() as conn:
        await conn.run_sync(lambda sync: PROGRESS.create(sync, checkfirst=True))
    whole_seconds = whole_seconds_for(target.dialect.name)
    reports: list[TableReport] = []
    for table in plan.tables:
        columns = plan.source_columns[table.name]
        report = TableReport(table.name)
        reports.append(report)
        if columns is None:
            report.skipped = "not in the source"
            continue
        last, copied, done = state.get(table.name, (None, 0, False))
        async with source.connect() as conn:
            report.source_rows = await _count(conn, table)
            if done:
                report.copied = copied
                continue
            with progress.table(table.name, report.source_rows) as advance:
                advance(copied)
                async for rows in read_batches(conn, table, columns, batch, last):
                    last = [rows[-1][c.name] for c in key_of(table)]
                    async with target.begin() as out:
                        await out.execute(table.insert(), for_target(rows, whole_seconds))
                        copied += len(rows)
                        await _record(out, table.name, last, copied, False)
                    advance(len(rows))
        async with target.begin() as out:
            await _record(out, table.name, last or [], copied, True)
        report.copied = copied
    await move_sequences(target, plan.tables)
    return reports


async def finish(target: AsyncEngine) -> None:
    """Forget the progress of a copy that has been verified."""
    async with target.begin() as conn:
        await conn.run_sync(lambda sync: PROGRESS.drop(sync, checkfirst=True))


async def move_sequences(engine: AsyncEngine, tables: Sequence[Table]) -> None:
    """PostgreSQL sequences and MySQL AUTO_INCREMENT past each table's highest id (SQLite follows max(rowid))."""
    dialect = engine.dialect.name
    if dialect == "sqlite":
        return
    async with engine.connect() as conn:
        quote = conn.dialect.identifier_preparer
        for table in tables:
            column = table.autoincrement_column
            if column is None:
                continue
            name, col = quote.format_table(table), quote.quote(column.name)
            if dialect == "postgresql":
                await conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX({col}), 1), "
                        f"MAX({col}) IS NOT NULL) FROM {name}"
                    ),
                    {"t": name, "c": column.name},
                )
            else:
                highest = (await conn.execute(text(f"SELECT COALESCE(MAX({col}), 0) FROM {name}"))).scalar_one()
                await conn.execute(text(f"ALTER TABLE {name} AUTO_INCREMENT = {int(highest) + 1}"))
        await conn.commit()
