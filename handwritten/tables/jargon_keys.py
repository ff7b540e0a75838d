"""One text key for jargon: the form in which two contents count as one term, the same on every backend.

content_key(text) is NFKC-normalized, case-folded (Unicode: 'ß' -> 'ss', 'Ä' -> 'ä'), and stripped of
surrounding whitespace, computed here in Python, never by the database (SQLite's lower() folds only ASCII;
MySQL and PostgreSQL fold by their collations). The layer writes it into jargon.content_key on every write;
fill_content_keys() fills the rows an older version wrote, in batches, at start-up.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import MetaData, Table, bindparam, case, func, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

BATCH = 500


def content_key(text: str) -> str:
    """The key under which text counts as one content."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return folded.strip()


def like_pattern(keyword: str) -> str:
    """A LIKE pattern (escape character backslash) matching keys that contain keyword's key literally."""
    key = content_key(keyword)
    return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def fill_content_keys(engine: AsyncEngine, table: Table) -> int:
    """Write the key of every row whose content_key is NULL, BATCH rows per transaction; how many were filled.

    One scan finds the first such row (nothing more when there is none); from there the rows are read in key
    order, BATCH at a time, by the primary key alone: a filter on the NULL key would let the planner prefer
    reading the whole table for every batch (PostgreSQL did, after the column was added, without statistics).
    Safe to run from several instances at once: each writes the same key for the same content.
    """
    async with engine.connect() as conn:
        first = (await conn.execute(select(func.min(table.c.id)).where(table.c.content_key.is_(None)))).scalar()
    if first is None:
        return 0
    batch = (
        select(table.c.id, table.c.content, table.c.content_key)
        .where(table.c.id > bindparam("after"))
        .order_by(table.c.id)
        .limit(BATCH)
    )
    filled = 0
    last = int(first) - 1
    while True:
        async with engine.begin() as conn:
            rows = (await conn.execute(batch, {"after": last})).all()
            if not rows:
                return filled
            keys = {row.id: content_key(row.content or "") for row in rows if row.content_key is None}
            if keys:
                await _write_keys(conn, table, keys)
        filled += len(keys)
        last = rows[-1].id


async def _write_keys(conn: AsyncConnection, table: Table, keys: dict[int, str]) -> None:
    """Set content_key of the rows keys names (those still without one), in one statement.

    PostgreSQL: the keys as two arrays joined by id (unnest), a cost per row. MySQL and SQLite: the keys as a CASE
    on id, a comparison per row and key: on PostgreSQL that took 10 s for 100k jargon rows (at 10M messages)
    against 2 s joined; MySQL knows no unnest, and its batches of 500 stay short.
    """
    if conn.dialect.name == "postgresql":
        unnested = text(
            f"UPDATE {table.name} AS t SET content_key = v.content_key "
            "FROM unnest(CAST(:ids AS INTEGER[]), CAST(:keys AS TEXT[])) AS v(id, content_key) "
            "WHERE t.id = v.id AND t.content_key IS NULL"
        )
        await conn.execute(unnested, {"ids": list(keys), "keys": list(keys.values())})
        return
    by_case = case(keys, value=table.c.id)
    unkeyed = table.c.content_key.is_(None)
    await conn.execute(update(table).where(table.c.id.in_(list(keys)), unkeyed).values(content_key=by_case))


def _jargon_columns(sync: Connection) -> set[str] | None:
    """The jargon table's column names, or None when there is no jargon table."""
    found = inspect(sync)
    return {c["name"] for c in found.get_columns("jargon")} if found.has_table("jargon") else None


async def follow_up(conn: AsyncConnection, metadata: MetaData) -> list[tuple[str, str]]:
    """For `sldb migrate --dry-run` (SchemaExtras.follow_up): the jargon rows start-up would give a text key."""
    if "jargon" not in metadata.tables:
        return []
    columns = await conn.run_sync(_jargon_columns)
    if columns is None:
        return []
    table = metadata.tables["jargon"]
    if "content_key" in columns:
        rows = (await conn.execute(select(func.count()).where(table.c.content_key.is_(None)))).scalar_one()
    else:  # the migration adds the column: every row gets its key
        rows = (await conn.execute(select(func.count()).select_from(table))).scalar_one()
    if not rows:
        return []
    return [("jargon text keys", f"during start (start waits): {int(rows):,} rows, {BATCH} per transaction")]


async def fill_jargon_keys(engine: AsyncEngine, metadata: MetaData) -> int:
    """The start-up step (SchemaExtras.after_start): keys for the jargon rows an older version wrote."""
    if "jargon" not in metadata.tables:
        return 0
    return await fill_content_keys(engine, metadata.tables["jargon"])
