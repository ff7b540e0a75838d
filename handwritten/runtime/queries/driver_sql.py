"""Statements the generator rendered per backend (the fast paths, generated/fast/), run on the driver connection.

The connection is the one db.driver() gives: a driver connection of the autocommit pool that db.reading() and
db.autocommit() use, so the pool, the engine of this event loop, the replica choice and the facade's retry stay
SQLAlchemy's; only the statement goes past it: asyncpg's fetch (its prepared-statement cache), an aiomysql
cursor, or pysqlite on the SQLite worker thread. Every statement here is its own transaction (the driver's
autocommit), unless the connection is db.driver_transaction()'s, which began one (connecting/pooled_driver.py):
SQLAlchemy begins nothing it does not see.

When anyone watches the statements (an event listener, echo: contract/observed.py), db.driver() gives a SQLAlchemy
Connection and the same SQL text goes through its exec_driver_sql, so every observer sees every statement; that
costs 10-20 % of a call (measured with `make bench`), which is why it is not the default.

A driver error is raised as SQLAlchemy's DBAPIError around it, as SQLAlchemy would raise it
(connecting/pooled_driver.py's wrapped): the generated facade catches it as any other (log_failure, translate),
retried() sees a rolled-back transaction, and classify() reads the driver's code from `.orig`. A connection the
failure says is lost is invalidated, not put back in the pool.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.exc import NoResultFound
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.pooled_driver import wrapped
from sldb.handwritten.runtime.contract.database import DriverHandle, PooledDriver
from sldb.handwritten.runtime.contract.observed import statements_observed
from sldb.handwritten.runtime.contract.sqlite_thread import ThreadConnection

T = TypeVar("T")
Row = Sequence[Any]
Params = Sequence[Any]


@dataclass(frozen=True)
class Statement:
    """One statement's SQL text per backend, in its driver's paramstyle ($1, %s, ?)."""

    postgresql: str
    mysql: str
    sqlite: str


@dataclass(frozen=True)
class KeysStatement:
    """An UPDATE of the rows whose key is in a list: PostgreSQL's text takes the list as one array parameter (its
    last), MySQL's and SQLite's are the text before and after the list's placeholders (one per key, last)."""

    postgresql: str
    mysql: tuple[str, str]
    sqlite: tuple[str, str]


@functools.lru_cache(maxsize=256)
def _for_keys(statement: KeysStatement, count: int) -> Statement:
    """statement's text for count keys (the lengths a caller uses recur: one join each)."""
    mysql, sqlite = statement.mysql, statement.sqlite
    return Statement(
        postgresql=statement.postgresql,
        mysql=", ".join(["%s"] * count).join(mysql),
        sqlite=", ".join(["?"] * count).join(sqlite),
    )


def _observed(conn: AsyncConnection) -> bool:
    sync = conn.sync_connection
    return sync is None or statements_observed(sync)


async def _driver(conn: AsyncConnection | PooledDriver) -> Any:
    """The asyncpg or aiomysql connection SQLAlchemy's pool checked out for conn."""
    if isinstance(conn, PooledDriver):
        return conn.driver
    return (await conn.get_raw_connection()).driver_connection


async def _mysql_run(driver: Any, sql: str, params: Params, read: Callable[[Any], Awaitable[T]]) -> T:
    cursor = await driver.cursor()
    try:
        await cursor.execute(sql, tuple(params))
        return await read(cursor)
    finally:
        await cursor.close()


async def _all_rows(cursor: Any) -> list[Row]:
    return list(await cursor.fetchall())


async def _last_id(cursor: Any) -> int:
    return int(cursor.lastrowid or 0)


async def _rowcount(cursor: Any) -> int:
    return int(cursor.rowcount)


def _dialect(conn: AsyncConnection | PooledDriver) -> str:
    return conn.dialect if isinstance(conn, PooledDriver) else conn.dialect.name


def backend_of(conn: DriverHandle) -> str:
    """Which backend conn is a connection of ("sqlite", "postgresql" or "mysql"): a record's read rules differ."""
    if isinstance(conn, ThreadConnection):
        return "sqlite"
    return "mysql" if is_mysql(_dialect(conn)) else "postgresql"


async def fetch_rows(conn: DriverHandle, statement: Statement, params: Params) -> list[Row]:
    """Every row the statement returns, as the driver gives it (indexed by position)."""
    if isinstance(conn, ThreadConnection):
        sql = statement.sqlite
        return await wrapped(conn, sql, params, conn.driver_sql_rows(sql, tuple(params)))
    sql = statement.mysql if is_mysql(_dialect(conn)) else statement.postgresql
    if isinstance(conn, AsyncConnection) and _observed(conn):
        result = await conn.exec_driver_sql(sql, tuple(params))
        return list(result.all()) if result.returns_rows else []
    driver = await _driver(conn)
    if is_mysql(_dialect(conn)):
        return await wrapped(conn, sql, params, _mysql_run(driver, sql, params, _all_rows))
    return list(await wrapped(conn, sql, params, driver.fetch(sql, *params)))


async def inserted_id(conn: DriverHandle, statement: Statement, params: Params) -> int:
    """The primary key of the row an INSERT made (RETURNING on PostgreSQL and SQLite; MySQL: lastrowid), 0 when
    MySQL reports none."""
    if isinstance(conn, ThreadConnection) or not is_mysql(_dialect(conn)):
        (row,) = await fetch_rows(conn, statement, params)
        return int(row[0])
    sql = statement.mysql
    if isinstance(conn, AsyncConnection) and _observed(conn):
        return int((await conn.exec_driver_sql(sql, tuple(params))).lastrowid or 0)
    return await wrapped(conn, sql, params, _mysql_run(await _driver(conn), sql, params, _last_id))


async def inserted_or_existing_id(
    conn: DriverHandle, statement: Statement, params: Params, by_key: Statement, key: Params
) -> int:
    """inserted_id() of an insert that, for a key already stored, returns that row's key instead (left as it is,
    or changed by an upsert's assignments).

    On MySQL MariaDB may report 0 for LAST_INSERT_ID(pk) on a duplicate (a row trigger on the table; an upsert
    that changed nothing): the row is there, and by_key (a locking read: it may be another transaction's, just
    committed) finds it.
    """
    found = await inserted_id(conn, statement, params)
    if found == 0 and not isinstance(conn, ThreadConnection) and is_mysql(_dialect(conn)):
        rows = await fetch_rows(conn, by_key, key)
        if not rows:  # MySQL's unique key was a prefix of a longer text: as run_insert_or_existing_key's read
            raise NoResultFound("No row was found when one was required")
        found = int(rows[0][0])
    return found


async def affected_rows(conn: DriverHandle, statement: Statement, params: Params) -> int:
    """How many rows an UPDATE or DELETE matched (MySQL counts matched rows: SQLAlchemy's pool sets FOUND_ROWS;
    PostgreSQL: the count in asyncpg's status, "UPDATE 3")."""
    if isinstance(conn, ThreadConnection):
        sql = statement.sqlite
        return await wrapped(conn, sql, params, conn.driver_sql_rowcount(sql, tuple(params)))
    sql = statement.mysql if is_mysql(_dialect(conn)) else statement.postgresql
    if isinstance(conn, AsyncConnection) and _observed(conn):
        return int((await conn.exec_driver_sql(sql, tuple(params))).rowcount)
    driver = await _driver(conn)
    if is_mysql(_dialect(conn)):
        return await wrapped(conn, sql, params, _mysql_run(driver, sql, params, _rowcount))
    status = await wrapped(conn, sql, params, driver.execute(sql, *params))
    return int(status.rsplit(" ", 1)[-1])


async def affected_rows_by_keys(
    conn: DriverHandle, statement: KeysStatement, params: Params, keys: Sequence[int]
) -> int:
    """affected_rows() of an UPDATE of the rows whose key is in keys (not empty): params, then the keys."""
    if not isinstance(conn, ThreadConnection) and not is_mysql(_dialect(conn)):  # one array: any count's text
        return await affected_rows(conn, _for_keys(statement, 1), (*params, list(keys)))
    return await affected_rows(conn, _for_keys(statement, len(keys)), (*params, *keys))
