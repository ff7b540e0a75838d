"""The mark a fallback to SQLite leaves in the SQLite file, and the rows written there since.

When start-up cannot reach PostgreSQL and falls back to SQLite, it records in the fallback file itself when
that happened, which server was unreachable, and each table's highest id at that moment (the sldb_fallback
table). Rows above those ids were written during the fallback. A later start that reaches the server again
counts them and warns once; `sldb doctor` shows them; `sldb copy --merge --from <file> --to <server>` appends
them to the server and then marks the file merged.
"""

from __future__ import annotations

import datetime
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, Text, func, select, update
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.schema.catalog import read_live_schema
from sldb.handwritten.runtime.schema.extras import maintained_by_database

log = layer_logger("fallback")

FALLBACK_TABLE = "sldb_fallback"
_metadata = MetaData()
MARKS = Table(
    FALLBACK_TABLE,
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fell_back_at", BigInteger, nullable=False),  # Unix seconds
    Column("unreachable", Text, nullable=False),  # the server start-up could not reach (no password)
    Column("high_water", Text, nullable=False),  # JSON: table -> highest id when the fallback began
    Column("merged_at", BigInteger, nullable=True),  # Unix seconds of the merge that took its rows
)
_warned: set[str] = set()


def _id_tables(metadata: MetaData) -> list[Table]:
    """Tables whose rows carry an integer autoincrement id (what 'written after' can be told by), and that
    callers write: not the counters, which the target's triggers rebuild."""
    return [t for t in metadata.sorted_tables if t.autoincrement_column is not None and not maintained_by_database(t)]


async def mark(engine: AsyncEngine, unreachable: str, metadata: MetaData) -> None:
    """Record in the (migrated) SQLite file that a fallback begins now."""
    async with engine.begin() as conn:
        await conn.run_sync(_metadata.create_all)
        high: dict[str, int] = {}
        for table in _id_tables(metadata):
            column = table.autoincrement_column
            assert column is not None
            high[table.name] = int((await conn.execute(select(func.coalesce(func.max(column), 0)))).scalar_one())
        await conn.execute(
            MARKS.insert().values(
                fell_back_at=int(time.time()), unreachable=unreachable, high_water=json.dumps(high), merged_at=None
            )
        )


@dataclass
class Pending:
    """Rows a fallback file holds that were written after its first mark not merged yet."""

    path: str
    fell_back_at: int | None = None
    unreachable: str = ""
    high_water: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written since, only tables with some

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def describe(self) -> str:
        when = (
            datetime.datetime.fromtimestamp(self.fell_back_at, datetime.UTC).isoformat(timespec="seconds")
            if self.fell_back_at
            else "?"
        )
        counts = ", ".join(f"{t} {n}" for t, n in sorted(self.rows.items()))
        return f"{self.total} rows written in {self.path} during a fallback since {when} ({counts})"

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "fell_back_at": self.fell_back_at,
            "unreachable": self.unreachable,
            "rows": self.rows,
            "total": self.total,
        }


async def open_marks(conn: Any, merged_too: bool = False) -> list[Any]:
    """The marks not merged yet (merged_too: every mark), oldest first ([] when the file has none)."""
    live = await read_live_schema(conn)
    if FALLBACK_TABLE not in live.columns:
        return []
    stmt = select(MARKS).order_by(MARKS.c.id)
    return list((await conn.execute(stmt if merged_too else stmt.where(MARKS.c.merged_at.is_(None)))).all())


async def pending_in(engine: AsyncEngine, path: str, metadata: MetaData) -> Pending:
    found = Pending(path)
    async with engine.connect() as conn:
        marks = await open_marks(conn)
        if not marks:
            return found
        first = marks[0]
        found.fell_back_at, found.unreachable = int(first.fell_back_at), str(first.unreachable)
        found.high_water = {str(k): int(v) for k, v in json.loads(first.high_water).items()}
        live = await read_live_schema(conn)
        for table in _id_tables(metadata):
            column = table.autoincrement_column
            if table.name not in live.columns or column is None:
                continue
            since = found.high_water.get(table.name, 0)
            count = int((await conn.execute(select(func.count()).where(column > since))).scalar_one())
            if count:
                found.rows[table.name] = count
    return found


async def pending(path: Path, metadata: MetaData) -> Pending:
    """The fallback file's rows written since its open mark (none when the file or a mark is missing)."""
    if not path.exists():
        return Pending(str(path))
    engine = create_async_engine(URL.create("sqlite+aiosqlite", database=str(path)), poolclass=NullPool)
    try:
        return await pending_in(engine, str(path), metadata)
    finally:
        await engine.dispose()


async def merged(engine: AsyncEngine) -> None:
    """Mark every open mark of the file merged (its rows have been appended to the server)."""
    async with engine.begin() as conn:
        await conn.run_sync(_metadata.create_all)
        await conn.execute(update(MARKS).where(MARKS.c.merged_at.is_(None)).values(merged_at=int(time.time())))


async def warn_if_pending(path: Path, metadata: MetaData) -> Pending | None:
    """Once per file and process: warn when the fallback file holds rows not merged into the server."""
    if str(path) in _warned:
        return None
    try:
        found = await pending(path, metadata)
    except Exception as exc:  # a warning must never stop start-up
        log.debug("could not read the fallback file %s: %s", path, type(exc).__name__)
        return None
    if found.total:
        _warned.add(str(path))
        log.warning(
            "%s; merge them with: sldb copy --merge --from sqlite:///%s --to <this database>", found.describe(), path
        )
    return found
