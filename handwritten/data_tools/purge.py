"""Removing chat messages by filter, with the rows that refer to them.

The filtered tables are those holding messages (a `message` and a `timestamp` column: raw, filtered and bot
messages). A row goes when it passes every filter given: group (group_id), sender (sender_id; a table without
one matches no --sender), time (timestamp, Unix seconds, `after <= t < before`) and a regular expression
searched in the message text with Python's `re` on every backend (applied while streaming the candidates,
so the semantics never depend on the backend's regex dialect). Then every row that refers to a removed row
(a foreign key or a spec's `references`, followed to any depth) goes too: the filtered messages of a purged
raw message, the quality metrics of a purged bot message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, Table, select
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.handwritten.data_tools.copy import copied_tables
from sldb.handwritten.data_tools.merge import referenced_table
from sldb.handwritten.runtime.schema.catalog import read_live_schema

_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Filters:
    group: str | None = None
    sender: str | None = None
    before: float | None = None
    after: float | None = None
    matching: re.Pattern[str] | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in (self.group, self.sender, self.before, self.after, self.matching))


def message_tables(metadata: MetaData) -> list[Table]:
    return [t for t in metadata.sorted_tables if "message" in t.c and "timestamp" in t.c and "id" in t.c]


def children_of(metadata: MetaData, parent: str) -> list[tuple[Table, str]]:
    """(table, column) pairs whose column holds ids of parent."""
    return [
        (t, c.name)
        for t in metadata.sorted_tables
        for c in t.columns
        if referenced_table(c) == parent and "id" in t.c and t.name != parent
    ]


def _chunks(ids: Sequence[int], size: int) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


async def plan_purge(engine: AsyncEngine, metadata: MetaData, filters: Filters, batch: int) -> dict[str, set[int]]:
    """The ids each table would lose (the tables a database lacks, or a filter's column, are left out)."""
    doomed: dict[str, set[int]] = {}
    async with engine.connect() as conn:
        live = await read_live_schema(conn)
        for table in message_tables(metadata):
            have = live.columns.get(table.name, {})
            if not have or (filters.group is not None and "group_id" not in have):
                continue
            if filters.sender is not None and "sender_id" not in have:
                continue
            conditions: list[Any] = []
            if filters.group is not None:
                conditions.append(table.c.group_id == filters.group)
            if filters.sender is not None:
                conditions.append(table.c.sender_id == filters.sender)
            if filters.after is not None:
                conditions.append(table.c.timestamp >= filters.after)
            if filters.before is not None:
                conditions.append(table.c.timestamp < filters.before)
            found = doomed.setdefault(table.name, set())
            last = 0
            while True:
                stmt = (
                    select(table.c.id, table.c.message)
                    .where(table.c.id > last, *conditions)
                    .order_by(table.c.id)
                    .limit(batch)
                )
                rows = (await conn.execute(stmt)).all()
                for row in rows:
                    if filters.matching is None or filters.matching.search(row.message or ""):
                        found.add(int(row.id))
                if len(rows) < batch:
                    break
                last = int(rows[-1].id)
        # the rows that refer to a doomed row, to any depth
        queue = [name for name, ids in doomed.items() if ids]
        while queue:
            parent = queue.pop()
            for child, column in children_of(metadata, parent):
                if child.name not in live.columns or column not in live.columns[child.name]:
                    continue
                found = doomed.setdefault(child.name, set())
                before = len(found)
                for chunk in _chunks(list(doomed[parent]), _CHUNK):
                    rows = (await conn.execute(select(child.c.id).where(child.c[column].in_(chunk)))).all()
                    found.update(int(r.id) for r in rows)
                if len(found) > before:
                    queue.append(child.name)
    return {name: ids for name, ids in doomed.items() if ids}


async def delete_rows(
    engine: AsyncEngine, metadata: MetaData, doomed: dict[str, set[int]], batch: int, advance: Callable[[int], None]
) -> dict[str, int]:
    """Delete the planned ids, the referring rows first, one transaction per batch; rows removed per table."""
    removed: dict[str, int] = {}
    for table in reversed(copied_tables(metadata)):
        ids = doomed.get(table.name)
        if not ids:
            continue
        for chunk in _chunks(list(ids), min(batch, _CHUNK)):
            async with engine.begin() as conn:
                result = await conn.execute(table.delete().where(table.c.id.in_(chunk)))
            removed[table.name] = removed.get(table.name, 0) + int(result.rowcount)
            advance(len(chunk))
    return removed
