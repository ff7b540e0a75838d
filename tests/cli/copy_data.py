"""Small data for the copy tests: a few rows in every table, every column type, the fidelity tests' hostile text."""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Integer, LargeBinary, Table
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.generated.models import Base
from sldb.handwritten.data_tools import copy as copying
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString
from tests.fidelity.test_text_inputs import TEXTS

ROWS_PER_TABLE = 3
HOSTILE = [v for k, v in TEXTS.items() if k != "one_mebibyte"]
BIG_TEXT = TEXTS["one_mebibyte"]


def value_for(table: Table, column: Any, i: int) -> Any:
    """Row i's value of column: distinct per row (unique indexes), hostile where the type allows."""
    kind = column.type
    if column.foreign_keys:
        return 1
    if isinstance(kind, SafeString):
        hostile = HOSTILE[i % len(HOSTILE)]
        return (f"{i}:{hostile}" if kind.length >= 64 else f"{i}:s")[: kind.length]
    if isinstance(kind, LongText):
        if table.name == "raw_messages" and column.name == "message" and i == 0:
            return BIG_TEXT
        return f"{i}:{HOSTILE[(i + 1) % len(HOSTILE)]} 长文本"
    if isinstance(kind, BigInteger):
        return 2**62 + i
    if isinstance(kind, Integer):
        return 2**31 - 1 - i
    if isinstance(kind, Double):
        return [1 / 3, -1.5e300, 2.5e-300][i % 3] + i
    if isinstance(kind, Boolean):
        return i % 2 == 0
    if isinstance(kind, DateTime):
        return datetime.datetime(2024, 2, 29, 23, 59, 58, 654321) + datetime.timedelta(days=i)
    if isinstance(kind, JSON):
        return {"text": "笑死 🤣 'quote' \"dq\"", "n": [i, 2.5, None], "nested": {"ok": True}}
    if isinstance(kind, LargeBinary):
        return bytes(range(256)) + bytes([i])
    raise AssertionError(f"no test value for {table.name}.{column.name}: {kind!r}")


def rows_for(table: Table) -> list[dict[str, Any]]:
    rows = []
    for i in range(ROWS_PER_TABLE):
        row = {c.name: value_for(table, c, i) for c in table.columns}
        key = copying.key_of(table)[0]
        if isinstance(key.type, Integer):
            row[key.name] = i + 1
        rows.append(row)
    return rows


async def seed(engine: AsyncEngine) -> dict[str, int]:
    """Fill every copied table of a migrated database; the rows per table."""
    counts: dict[str, int] = {}
    async with engine.begin() as conn:
        for table in copying.copied_tables(Base.metadata):
            rows = rows_for(table)
            await conn.execute(table.insert(), rows)
            counts[table.name] = len(rows)
    await copying.move_sequences(engine, copying.copied_tables(Base.metadata))
    return counts
