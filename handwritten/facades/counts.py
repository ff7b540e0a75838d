"""Row counts of the counted tables, read from the counters their triggers keep (handwritten/tables/counters.py).

One place says which counter column counts which table, for every facade that counts rows: a count is a scalar
subquery, so that a call's counts are one statement and one moment.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, false, func, select

from sldb.generated.repositories.jargon import JargonChatCounterRepository
from sldb.generated.repositories.message import MessageGroupCounterRepository
from sldb.handwritten.tables.counter_tallies import ROW_COUNTS

GROUP_COUNTS = MessageGroupCounterRepository.table
CHAT_COUNTS = JargonChatCounterRepository.table
_COUNTERS = {GROUP_COUNTS.name: GROUP_COUNTS, CHAT_COUNTS.name: CHAT_COUNTS}


def _of_group(counter: Table, group_id: str) -> list[ColumnElement[bool]]:
    if counter is CHAT_COUNTS:
        return [counter.c.chat_id == group_id]
    return [counter.c.group_id == group_id, counter.c.null_group == false()]  # NULL groups are kept as ''


def count_rows(table: Table, group_id: str | None = None, *, counters: bool = True) -> Any:
    """The rows of table, only those of group_id when one is given (an empty id counts all, as the plugin does),
    as a scalar subquery: a counted table from its counter when counters (they are ready:
    counter_readiness.counters_ready), any other table, or any while the counters are not, with COUNT(*)."""
    if counters and table.name in ROW_COUNTS:
        counter_name, column = ROW_COUNTS[table.name]
        counter = _COUNTERS[counter_name]
        stmt = select(func.coalesce(func.sum(counter.c[column]), 0))
        if group_id:
            stmt = stmt.where(*_of_group(counter, group_id))
        return stmt.scalar_subquery()
    stmt = select(func.count()).select_from(table)
    if group_id:
        # jargon's group is its chat, as in its counter
        stmt = stmt.where((table.c.chat_id if table.name == "jargon" else table.c.group_id) == group_id)
    return stmt.scalar_subquery()
