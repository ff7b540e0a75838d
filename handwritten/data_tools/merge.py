"""Merging: appending another database's rows (a fallback file's) to this one, with new ids, the references
between them mapped through the sldb_merge_map table, so an interrupted merge resumes without duplicates.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, MetaData, String, Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.data_tools.copy import (
    DEFAULT_BATCH,
    CopyProgress,
    TableReport,
    for_target,
    key_of,
    layer_tables,
    plan_copy,
    read_batches,
    rows_after,
    whole_seconds_for,
)

MERGE_MAP_TABLE = "sldb_merge_map"


MERGE_MAP = Table(
    MERGE_MAP_TABLE,
    layer_tables,
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
            condition = rows_after(table, after)
            count = select(func.count()).select_from(table)
            report.source_rows = int(
                (await conn.execute(count if condition is None else count.where(condition))).scalar_one()
            )
            with progress.table(table.name, report.source_rows) as advance:
                async for rows in read_batches(conn, table, columns, batch, after):
                    async with target.begin() as out:
                        for row in for_target(rows, whole_seconds):
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
