"""Proving a copy arrived: per table the row count and an order-independent checksum (the sum of a hash of each
row's canonical JSON) on both sides, streamed; on a difference, the first row that differs.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import MetaData, Table, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.data_tools.copy import (
    DEFAULT_BATCH,
    TableReport,
    key_of,
    plan_copy,
    read_batches,
    whole_seconds_for,
)

_HASH_MODULUS = 2**64


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
