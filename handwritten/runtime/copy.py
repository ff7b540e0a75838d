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
import hashlib
import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import BigInteger, Boolean, Column, MetaData, String, Table, Text, func, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.counters import kept_by_triggers
from sldb.handwritten.runtime.migrate import read_live_schema

DEFAULT_BATCH = 1000
_HASH_MODULUS = 2**64

PROGRESS_TABLE = "sldb_copy_progress"
_progress_metadata = MetaData()
PROGRESS = Table(
    PROGRESS_TABLE,
    _progress_metadata,
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
    maintains (counters.kept_by_triggers)."""
    remaining = [t for t in metadata.sorted_tables if not kept_by_triggers(t)]
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


def _after(table: Table, last: Sequence[Any] | None) -> Any:
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
        condition = _after(table, last)
        if condition is not None:
            stmt = stmt.where(condition)
        rows = [dict(row._mapping) for row in (await conn.execute(stmt)).all()]
        if not rows:
            return
        yield rows
        if len(rows) < batch:
            return
        last = [rows[-1][c.name] for c in key]


# -- canonical values and checksums ------------------------------------------------------------


def canonical(value: Any, whole_seconds: bool) -> Any:
    """A value as JSON that is the same whichever backend it was read from."""
    if isinstance(value, datetime.datetime):
        return (value.replace(microsecond=0) if whole_seconds else value).isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, float) and value.is_integer():
        return value  # json keeps 1.0 as 1.0; ints stay ints
    return value


def row_hash(row: dict[str, Any], columns: Sequence[str], whole_seconds: bool) -> int:
    document = json.dumps(
        [canonical(row[name], whole_seconds) for name in columns], ensure_ascii=False, sort_keys=True, default=str
    )
    return int.from_bytes(hashlib.blake2b(document.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


@dataclass
class Digest:
    rows: int = 0
    checksum: int = 0

    def add(self, value: int) -> None:
        self.rows += 1
        self.checksum = (self.checksum + value) % _HASH_MODULUS


async def digest_of(
    conn: AsyncConnection, table: Table, columns: Sequence[str], batch: int, whole_seconds: bool
) -> Digest:
    digest = Digest()
    async for rows in read_batches(conn, table, columns, batch):
        for row in rows:
            digest.add(row_hash(row, columns, whole_seconds))
    return digest


# -- the copy ----------------------------------------------------------------------------------


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
    return any(d in ("mysql", "mariadb") for d in dialects)


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


def _for_target(rows: list[dict[str, Any]], whole_seconds: bool) -> list[dict[str, Any]]:
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
                        await out.execute(table.insert(), _for_target(rows, whole_seconds))
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


# -- verification ------------------------------------------------------------------------------


@dataclass
class Mismatch:
    table: str
    detail: str


async def first_difference(
    source: AsyncConnection, target: AsyncConnection, table: Table, columns: Sequence[str], batch: int, whole: bool
) -> str:
    """Where the two sides of table first differ, in the source's key order (bounded memory: one batch)."""
    key = key_of(table)

    def key_text(row: dict[str, Any]) -> str:
        values = [row[c.name] for c in key]
        return ", ".join(f"{c.name} {v!r}" for c, v in zip(key, values, strict=True))

    async def matching(conn: AsyncConnection, rows: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
        keys = [tuple(r[c.name] for c in key) for r in rows]
        where = key[0].in_([k[0] for k in keys]) if len(key) == 1 else tuple_(*key).in_(keys)
        found = (await conn.execute(select(*[table.c[n] for n in columns]).where(where))).all()
        return {tuple(r._mapping[c.name] for c in key): dict(r._mapping) for r in found}

    async for rows in read_batches(source, table, columns, batch):
        other = await matching(target, rows)
        for row in rows:
            there = other.get(tuple(row[c.name] for c in key))
            if there is None:
                return f"row {key_text(row)} is missing on the target"
            if row_hash(row, columns, whole) != row_hash(there, columns, whole):
                changed = [n for n in columns if canonical(row[n], whole) != canonical(there[n], whole)]
                return f"row {key_text(row)} differs ({', '.join(changed)})"
    async for rows in read_batches(target, table, columns, batch):
        other = await matching(source, rows)
        for row in rows:
            if tuple(row[c.name] for c in key) not in other:
                return f"row {key_text(row)} is only on the target"
    return "the checksums differ"


async def verify(
    source: AsyncEngine,
    target: AsyncEngine,
    metadata: MetaData,
    reports: list[TableReport],
    batch: int = DEFAULT_BATCH,
) -> list[Mismatch]:
    """Row count and checksum of every copied table on both sides; the first differing row of each that differs."""
    whole = whole_seconds_for(source.dialect.name, target.dialect.name)
    async with source.connect() as src:
        plan = await plan_copy(src, metadata)
    mismatches: list[Mismatch] = []
    by_name = {r.table: r for r in reports}
    for table in plan.tables:
        columns = plan.source_columns[table.name]
        report = by_name.get(table.name)
        if columns is None or report is None:
            continue
        async with source.connect() as src, target.connect() as dst:
            mine = await digest_of(src, table, columns, batch, whole)
            theirs = await digest_of(dst, table, columns, batch, whole)
            report.source_rows = mine.rows
            report.checksum = f"{mine.checksum:016x}"
            report.verified = mine == theirs
            if mine != theirs:
                detail = await first_difference(src, dst, table, columns, batch, whole)
                counts = f"{mine.rows} rows on the source, {theirs.rows} on the target"
                mismatches.append(Mismatch(table.name, f"{detail}; {counts}"))
    return mismatches


# -- merge: appending another database's rows (a fallback file's) -----------------------------

MERGE_MAP_TABLE = "sldb_merge_map"
MERGE_MAP = Table(
    MERGE_MAP_TABLE,
    _progress_metadata,
    Column("source", String(255), primary_key=True),  # the merged database, as described (no password)
    Column("table_name", String(64), primary_key=True),
    Column("source_id", BigInteger, primary_key=True, autoincrement=False),
    Column("target_id", BigInteger, nullable=False),
)


def referenced_table(column: Column[Any]) -> str | None:
    """The table whose ids column holds: its foreign key's, or the spec's `references`."""
    for fk in column.foreign_keys:
        return str(fk.column.table.name)
    declared = column.info.get("references")
    return str(declared).split(".")[0] if declared else None


def merge_rule(table: Table) -> tuple[list[str], list[str]] | None:
    rule = table.info.get("merge")
    if not rule:
        return None
    return list(rule["key"]), list(rule.get("add", []))


class IdMaps:
    """Source id -> target id per table, from the target's merge ledger (loaded when first needed)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.maps: dict[str, dict[int, int]] = {}

    async def of(self, conn: AsyncConnection, table: str) -> dict[int, int]:
        if table not in self.maps:
            rows = await conn.execute(
                select(MERGE_MAP.c.source_id, MERGE_MAP.c.target_id).where(
                    MERGE_MAP.c.source == self.source, MERGE_MAP.c.table_name == table
                )
            )
            self.maps[table] = {int(s): int(t) for s, t in rows.all()}
        return self.maps[table]


async def merge_all(
    source: AsyncEngine,
    target: AsyncEngine,
    metadata: MetaData,
    source_name: str,
    *,
    since: dict[str, int] | None = None,
    batch: int = DEFAULT_BATCH,
    progress: CopyProgress,
) -> list[TableReport]:
    """Append source's rows (with ids above `since`, per table) to target: new ids, references rewritten.

    A table with a merge rule adds its `add` columns into the target row of the same natural key instead of
    inserting; a table without an integer id keeps the target's row of the same primary key. Every merged
    source id is recorded in the target (sldb_merge_map), in the batch's transaction: a second run, or one
    after an interruption, skips what was merged.
    """
    since = since or {}
    async with source.connect() as conn:
        plan = await plan_copy(conn, metadata)
    async with target.begin() as conn:
        await conn.run_sync(lambda sync: MERGE_MAP.create(sync, checkfirst=True))
    maps = IdMaps(source_name)
    whole_seconds = whole_seconds_for(target.dialect.name)
    reports: list[TableReport] = []
    for table in plan.tables:
        columns = plan.source_columns[table.name]
        report = TableReport(table.name)
        reports.append(report)
        if columns is None:
            report.skipped = "not in the source"
            continue
        identity = table.autoincrement_column
        after = [since[table.name]] if identity is not None and since.get(table.name) else None
        async with source.connect() as conn:
            condition = _after(table, after)
            count = select(func.count()).select_from(table)
            report.source_rows = int(
                (await conn.execute(count if condition is None else count.where(condition))).scalar_one()
            )
            with progress.table(table.name, report.source_rows) as advance:
                async for rows in read_batches(conn, table, columns, batch, after):
                    async with target.begin() as out:
                        for row in _for_target(rows, whole_seconds):
                            await _merge_row(out, table, row, maps, report)
                    advance(len(rows))
    return reports


async def _merge_row(
    conn: AsyncConnection, table: Table, row: dict[str, Any], maps: IdMaps, report: TableReport
) -> None:
    identity = table.autoincrement_column
    if identity is None:  # no id to renumber: the primary key is the natural key
        key = key_of(table)
        found = (await conn.execute(select(key[0]).where(*[c == row[c.name] for c in key]))).first()
        if found is not None:
            report.already += 1
        else:
            await conn.execute(table.insert().values(**row))
            report.merged += 1
        return
    source_id = int(row.pop(identity.name))
    mine = await maps.of(conn, table.name)
    if source_id in mine:
        report.already += 1
        return
    for name in list(row):
        parent = referenced_table(table.c[name])
        if parent is not None and row[name] is not None:
            row[name] = (await maps.of(conn, parent)).get(int(row[name]), row[name])
    target_id: int | None = None
    rule = merge_rule(table)
    if rule is not None:
        natural, add = rule
        found = (
            await conn.execute(
                select(identity, *[table.c[a] for a in add]).where(*[table.c[k] == row[k] for k in natural])
            )
        ).first()
        if found is not None:
            target_id = int(found[0])
            sums = {a: (found._mapping[a] or 0) + (row.get(a) or 0) for a in add}
            if sums:
                await conn.execute(table.update().where(identity == target_id).values(**sums))
            report.updated += 1
    if target_id is None:
        result = await conn.execute(table.insert().values(**row))
        inserted = result.inserted_primary_key
        assert inserted is not None
        target_id = int(inserted[0])
        report.merged += 1
    await conn.execute(
        MERGE_MAP.insert().values(source=maps.source, table_name=table.name, source_id=source_id, target_id=target_id)
    )
    mine[source_id] = target_id
