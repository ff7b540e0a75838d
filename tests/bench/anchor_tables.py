"""The anchors' tables: a copy of raw_messages per contender, and the check that each copy is the same table.

A copy is ours's Table under another name (Table.to_metadata), so it has the same columns, types and indexes
(renamed: index names are per schema on PostgreSQL and SQLite), and on MySQL/MariaDB the database's exact
collation, as ours. It has none of the counter triggers ours's raw_messages has: those are installed by our
start-up, not by the table's definition.
"""

from __future__ import annotations

import re

from sqlalchemy import MetaData, Table

from sldb.generated.models import Base
from tests.bench.anchor_contenders import Target, stock_engine
from tests.bench.raw import RawClient

SOURCE = "raw_messages"


def copy_of_raw_messages(name: str, metadata: MetaData) -> Table:
    table = Base.metadata.tables[SOURCE].to_metadata(metadata, name=name)
    suffix = name.removeprefix(SOURCE + "_")
    for index in table.indexes:
        if index.name and name not in index.name:  # names derived from the table's (index=True) follow it already
            index.name = f"{index.name}_{suffix}"
    return table


async def make_copies(target: Target, names: list[str]) -> None:
    """Create the copies (dropping any left by an earlier run) through SQLAlchemy's DDL of our Table."""
    metadata = MetaData()
    for name in names:
        copy_of_raw_messages(name, metadata)
    engine = stock_engine(target, autocommit=False)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(metadata.drop_all)
            await conn.run_sync(metadata.create_all)
    finally:
        await engine.dispose()


async def shape(raw: RawClient, table: str) -> list[str]:
    """The table as the database describes it (columns, types, collations, indexes), its own and its indexes'
    names left out, so that two tables of the same definition have the same shape."""
    if raw.backend == "sqlite":
        rows = await raw.rows(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index')", (table,)
        )
        lines = [str(row["sql"]) for row in rows if row["sql"]]
    elif raw.backend == "postgresql":
        columns = await raw.rows(
            "SELECT column_name, data_type, character_maximum_length, collation_name, is_nullable, column_default"
            " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
            " ORDER BY ordinal_position",
            (table,),
        )
        indexes = await raw.rows(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?", (table,)
        )
        lines = [str(tuple(row.values())) for row in columns] + [str(row["indexdef"]) for row in indexes]
    else:
        created = await raw.rows(f"SHOW CREATE TABLE {table}")
        lines = str(created[0]["Create Table"]).splitlines()
        lines = [re.sub(r" AUTO_INCREMENT=\d+", "", line) for line in lines]
    lines = [re.sub(r"(INDEX|KEY) `?\w+`? (ON|\()", r"\1 \2", line).rstrip(",") for line in lines]
    # The table's name, also where a name is made of it (PostgreSQL's raw_messages_id_seq).
    own_name = re.compile(rf"(?<![A-Za-z0-9]){re.escape(table)}(?![A-Za-z0-9])")
    return sorted(own_name.sub("T", line) for line in lines)


async def trigger_count(raw: RawClient, table: str) -> int:
    if raw.backend == "sqlite":
        sql = "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
    elif raw.backend == "postgresql":
        sql = (
            "SELECT count(DISTINCT trigger_name) AS n FROM information_schema.triggers"
            " WHERE event_object_schema = current_schema() AND event_object_table = ?"
        )
    else:
        sql = (
            "SELECT count(*) AS n FROM information_schema.triggers"
            " WHERE event_object_schema = DATABASE() AND event_object_table = ?"
        )
    return int((await raw.rows(sql, (table,)))[0]["n"])


async def check_copies(raw: RawClient, names: list[str]) -> int:
    """Fail unless every copy has the shape of raw_messages; the number of triggers on raw_messages."""
    ours = await shape(raw, SOURCE)
    for name in names:
        theirs = await shape(raw, name)
        if theirs != ours:
            differ = sorted(set(theirs).symmetric_difference(ours))
            raise RuntimeError(f"{name} is not the same table as {SOURCE}: {differ}")
        if await trigger_count(raw, name):
            raise RuntimeError(f"{name} has triggers")
    return await trigger_count(raw, SOURCE)
