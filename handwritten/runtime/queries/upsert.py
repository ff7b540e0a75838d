"""Insert-or-update in one statement, the one place where the backends' upsert syntax differs.

PostgreSQL and SQLite: INSERT ... ON CONFLICT (key) DO UPDATE; MySQL/MariaDB: ON DUPLICATE KEY UPDATE.
The key columns must carry a unique index. Concurrent upserts of one key never fail with a duplicate.
upsert_returning_key_statement also returns the row's integer primary key in the same statement (RETURNING on
PostgreSQL and SQLite; on MySQL the key is handed back through LAST_INSERT_ID(id), its documented idiom).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Insert, Select, Table, func, select
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.base import ReadOnlyColumnCollection

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.contract.sqlite_thread import ThreadConnection


def dialect_name(conn: Executor) -> str:
    """The backend's dialect name of a connection or a session."""
    if isinstance(conn, (AsyncConnection, ThreadConnection)):
        return conn.dialect.name
    return conn.bind.dialect.name if conn.bind is not None else ""


async def upsert(
    conn: Executor,
    table: Table,
    key: Sequence[str],
    values: Mapping[str, Any],
    update: Mapping[str, Any] | None = None,
) -> None:
    """Insert values; if a row with the same key exists, set update (default: values less the key) on it."""
    changes = dict(update) if update is not None else {k: v for k, v in values.items() if k not in key}
    dialect = dialect_name(conn)
    if is_mysql(dialect):
        my = mysql.insert(table).values(dict(values))
        await conn.execute(my.on_duplicate_key_update(**changes) if changes else my.prefix_with("IGNORE"))
        return
    ins = (postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)).values(dict(values))
    stmt = (
        ins.on_conflict_do_update(index_elements=list(key), set_=changes)
        if changes
        else ins.on_conflict_do_nothing(index_elements=list(key))
    )
    await conn.execute(stmt)


def upsert_returning_key_statement(
    dialect: str,
    table: Table,
    key: Sequence[str],
    changes: Callable[[ReadOnlyColumnCollection[str, Any]], Sequence[tuple[str, Any]]],
) -> Insert:
    """An upsert to execute with the row's values as parameters, returning its primary key in one round trip.

    changes is given the proposed row (PostgreSQL/SQLite `excluded`, MySQL `VALUES()`) and returns the
    assignments for an existing row, in order (MySQL applies them in order, each seeing the ones before).
    The statement holds no values, so callers can build it once and reuse it.
    """
    (pk,) = table.primary_key.columns
    if is_mysql(dialect):
        my = mysql.insert(table)
        # LAST_INSERT_ID(pk) makes the updated row's key what the driver reports as lastrowid.
        return my.on_duplicate_key_update([*changes(my.inserted), (pk.name, func.last_insert_id(pk))])
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    return ins.on_conflict_do_update(index_elements=list(key), set_=dict(changes(ins.excluded))).returning(pk)


async def run_upsert_returning_key(conn: Executor, statement: Insert, values: Mapping[str, Any]) -> int:
    """Execute an upsert_returning_key_statement with values; the row's primary key."""
    result = await conn.execute(statement, dict(values))
    if is_mysql(dialect_name(conn)):
        return int(cast("CursorResult[Any]", result).lastrowid)
    return int(result.scalar_one())


async def run_insert_or_existing_key(
    conn: Executor, statement: Insert, values: Mapping[str, Any], key: Sequence[str]
) -> int:
    """Execute an insert_or_existing_key_statement (or an upsert_returning_key_statement on key); the new or the
    existing row's primary key."""
    found = await run_upsert_returning_key(conn, statement, values)
    if found == 0 and is_mysql(dialect_name(conn)):
        # MariaDB reports 0 for LAST_INSERT_ID(pk) on a duplicate when a row trigger is on the table (the message
        # counters) or when an upsert changed nothing; the row is there, so read its key.
        table = cast("Table", statement.table)
        (pk,) = table.primary_key.columns
        # A locking read: the row may be another transaction's, committed after this one's snapshot was taken.
        match = select(pk).where(*(table.c[name] == values[name] for name in key)).with_for_update(read=True)
        found = int((await conn.execute(match)).scalar_one())
    return found


async def insert_missing(
    conn: Executor, table: Table, key: Sequence[str], names: Sequence[str], rows: Select[Any]
) -> int:
    """INSERT ... SELECT rows into table's columns names, skipping those whose key exists; how many were inserted.

    One statement whatever the number of rows: ON CONFLICT (key) DO NOTHING on PostgreSQL and SQLite, INSERT
    IGNORE on MySQL (whose only other failures, with strict mode, are errors either way).
    """
    dialect = dialect_name(conn)
    if is_mysql(dialect):
        stmt: Insert = mysql.insert(table).from_select(list(names), rows).prefix_with("IGNORE")
    elif dialect == "postgresql":
        stmt = postgresql.insert(table).from_select(list(names), rows).on_conflict_do_nothing(index_elements=list(key))
    else:
        stmt = sqlite.insert(table).from_select(list(names), rows).on_conflict_do_nothing(index_elements=list(key))
    result = cast("CursorResult[Any]", await conn.execute(stmt))
    return int(result.rowcount or 0)


def insert_new_keys_statement(dialect: str, table: Table, key: Sequence[str]) -> Insert:
    """An insert to execute with many rows at once that leaves a row whose unique key is stored as it is: no
    error, no change. PostgreSQL/SQLite: ON CONFLICT (key) DO NOTHING; MySQL: ON DUPLICATE KEY UPDATE pk = pk
    (not INSERT IGNORE, which would also turn a refused value into a warning)."""
    (pk,) = table.primary_key.columns
    if is_mysql(dialect):
        return mysql.insert(table).on_duplicate_key_update([(pk.name, table.c[pk.name])])
    ins = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    return ins.on_conflict_do_nothing(index_elements=list(key))


def insert_or_existing_key_statement(dialect: str, table: Table, key: Sequence[str]) -> Insert:
    """An insert that, when a row with the same unique key exists, changes nothing and returns that row's
    primary key instead (run it with run_upsert_returning_key): one atomic statement, safe under concurrent
    repeats. PostgreSQL/SQLite: ON CONFLICT (key) DO UPDATE SET pk = pk RETURNING pk; MySQL: ON DUPLICATE KEY
    UPDATE pk = LAST_INSERT_ID(pk)."""
    (pk,) = table.primary_key.columns
    if is_mysql(dialect):
        return upsert_returning_key_statement(dialect, table, key, lambda proposed: [])
    return upsert_returning_key_statement(dialect, table, key, lambda proposed: [(pk.name, table.c[pk.name])])
