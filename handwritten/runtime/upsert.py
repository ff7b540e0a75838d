"""Insert-or-update in one statement, the one place where the backends' upsert syntax differs.

PostgreSQL and SQLite: INSERT ... ON CONFLICT (key) DO UPDATE; MySQL/MariaDB: ON DUPLICATE KEY UPDATE.
The key columns must carry a unique index. Concurrent upserts of one key never fail with a duplicate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


async def upsert(
    session: AsyncSession,
    table: Table,
    key: Sequence[str],
    values: Mapping[str, Any],
    update: Mapping[str, Any] | None = None,
) -> None:
    """Insert values; if a row with the same key exists, set update (default: values less the key) on it."""
    changes = dict(update) if update is not None else {k: v for k, v in values.items() if k not in key}
    dialect = session.bind.dialect.name if session.bind is not None else ""
    if dialect in ("mysql", "mariadb"):
        my = mysql.insert(table).values(dict(values))
        await session.execute(my.on_duplicate_key_update(**changes) if changes else my.prefix_with("IGNORE"))
        return
    ins = (postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)).values(dict(values))
    stmt = (
        ins.on_conflict_do_update(index_elements=list(key), set_=changes)
        if changes
        else ins.on_conflict_do_nothing(index_elements=list(key))
    )
    await session.execute(stmt)
