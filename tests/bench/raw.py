"""The raw side of the benchmark: each driver used directly on one long-lived connection, hand-written SQL.

SQL is written once with `?` placeholders and turned into the driver's style ($1 for asyncpg, %s for
aiomysql) on first use. Transaction control is the least that gives the manager's guarantees, and the
same as ours: a write that is one statement runs in the driver's autocommit (`single()`), so it is its
own transaction; a write of several rows is an explicit transaction (BEGIN ... COMMIT; BEGIN IMMEDIATE on
SQLite, like ours); a single read runs without one.
"""

from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import aiomysql
import aiosqlite
import asyncpg

from sldb.handwritten.runtime.connecting.pools import SQLITE_PRAGMAS

Args = Sequence[Any]


class RawTransaction(ABC):
    """Statements inside one transaction of a raw connection."""

    @abstractmethod
    async def execute(self, sql: str, args: Args = ()) -> None: ...

    @abstractmethod
    async def insert(self, sql: str, args: Args) -> int:
        """Run an INSERT of one row and return its new id."""

    @abstractmethod
    async def scalar(self, sql: str, args: Args = ()) -> Any: ...

    @abstractmethod
    async def executemany(self, sql: str, rows: Sequence[Args]) -> None: ...


class RawClient(ABC):
    """One connection of a driver, with the few operations the hot paths need."""

    backend: str
    true_literal = "true"  # how the backend spells a boolean in SQL text (SQLite: 1)
    false_literal = "false"

    def __init__(self) -> None:
        self._converted: dict[str, str] = {}

    def sql(self, text: str) -> str:
        """text with `?` placeholders in this driver's parameter style (converted once, then cached)."""
        found = self._converted.get(text)
        if found is None:
            found = self._convert(text)
            self._converted[text] = found
        return found

    def _convert(self, text: str) -> str:
        return text

    @abstractmethod
    async def rows(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        """A single read, as dicts keyed by column name."""

    @abstractmethod
    async def column(self, sql: str, args: Args = ()) -> list[Any]:
        """A single read, the first column of every row."""

    @abstractmethod
    def transaction(self, write: bool = True) -> Any:
        """An async context manager yielding a RawTransaction; committed on success."""

    @abstractmethod
    def single(self) -> RawTransaction:
        """For a write that is one statement: the driver's autocommit makes it its own transaction, as ours."""

    @abstractmethod
    async def explain(self, statement: str, params: Any) -> list[str]:
        """The plan of a statement captured from SQLAlchemy (already in the driver's parameter style)."""

    @abstractmethod
    async def server_version(self) -> str: ...

    @abstractmethod
    async def close(self) -> None: ...


# -------------------------------------------------------------------- PostgreSQL (asyncpg)


class _PgTransaction(RawTransaction):
    def __init__(self, client: PgClient) -> None:
        self._c = client

    async def execute(self, sql: str, args: Args = ()) -> None:
        await self._c.conn.execute(self._c.sql(sql), *args)

    async def insert(self, sql: str, args: Args) -> int:
        return int(await self._c.conn.fetchval(self._c.sql(sql + " RETURNING id"), *args))

    async def scalar(self, sql: str, args: Args = ()) -> Any:
        return await self._c.conn.fetchval(self._c.sql(sql), *args)

    async def executemany(self, sql: str, rows: Sequence[Args]) -> None:
        await self._c.conn.executemany(self._c.sql(sql), rows)


class PgClient(RawClient):
    backend = "postgresql"

    def __init__(self, conn: asyncpg.Connection) -> None:
        super().__init__()
        self.conn = conn

    @classmethod
    async def connect(cls, *, host: str, port: int, user: str, password: str, database: str, schema: str) -> PgClient:
        # The same search_path as the manager's engine (handwritten/runtime/connecting/engine.py): a quoted identifier.
        quoted = '"' + schema.replace('"', '""') + '"'
        conn = await asyncpg.connect(
            host=host,
            port=port,
            user=user,
            password=password or None,
            database=database,
            server_settings={"search_path": quoted},
        )
        return cls(conn)

    def _convert(self, text: str) -> str:
        counter = iter(range(1, 10_000))
        return re.sub(r"\?", lambda _: f"${next(counter)}", text)

    async def rows(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        return [dict(record) for record in await self.conn.fetch(self.sql(sql), *args)]

    async def column(self, sql: str, args: Args = ()) -> list[Any]:
        return [record[0] for record in await self.conn.fetch(self.sql(sql), *args)]

    @asynccontextmanager
    async def transaction(self, write: bool = True) -> AsyncIterator[RawTransaction]:
        async with self.conn.transaction():
            yield _PgTransaction(self)

    def single(self) -> RawTransaction:
        return _PgTransaction(self)

    async def explain(self, statement: str, params: Any) -> list[str]:
        records = await self.conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + statement, *(params or ()))
        return [str(record[0]) for record in records]

    async def server_version(self) -> str:
        return str(await self.conn.fetchval("SHOW server_version"))

    async def close(self) -> None:
        await self.conn.close()


# -------------------------------------------------------------------- SQLite (aiosqlite)


class _SqliteTransaction(RawTransaction):
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, args: Args = ()) -> None:
        await self._conn.execute(sql, args)

    async def insert(self, sql: str, args: Args) -> int:
        cursor = await self._conn.execute(sql, args)
        return int(cursor.lastrowid or 0)

    async def scalar(self, sql: str, args: Args = ()) -> Any:
        rows = list(await self._conn.execute_fetchall(sql, args))
        return rows[0][0] if rows else None

    async def executemany(self, sql: str, rows: Sequence[Args]) -> None:
        await self._conn.executemany(sql, rows)


class SqliteClient(RawClient):
    backend = "sqlite"
    true_literal = "1"
    false_literal = "0"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        super().__init__()
        self.conn = conn

    @classmethod
    async def connect(cls, path: str) -> SqliteClient:
        # The manager's connection settings (engine.py): driver-level autocommit, 30 s busy wait, same pragmas.
        conn = await aiosqlite.connect(path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        for pragma in SQLITE_PRAGMAS:
            await conn.execute(pragma)
        return cls(conn)

    async def rows(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in await self.conn.execute_fetchall(sql, args)]

    async def column(self, sql: str, args: Args = ()) -> list[Any]:
        return [row[0] for row in await self.conn.execute_fetchall(sql, args)]

    @asynccontextmanager
    async def transaction(self, write: bool = True) -> AsyncIterator[RawTransaction]:
        # Writers take the lock up front like ours (BEGIN IMMEDIATE); a read-only transaction needs no lock.
        await self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield _SqliteTransaction(self.conn)
        except BaseException:
            await self.conn.execute("ROLLBACK")
            raise
        await self.conn.execute("COMMIT")

    def single(self) -> RawTransaction:
        return _SqliteTransaction(self.conn)

    async def explain(self, statement: str, params: Any) -> list[str]:
        rows = await self.conn.execute_fetchall("EXPLAIN QUERY PLAN " + statement, params or ())
        depth: dict[int, int] = {0: 0}
        lines = []
        for node, parent, _unused, detail in rows:
            depth[node] = depth.get(parent, 0) + 1
            lines.append("  " * (depth[node] - 1) + str(detail))
        return lines

    async def server_version(self) -> str:
        return sqlite3.sqlite_version

    async def close(self) -> None:
        await self.conn.close()


# -------------------------------------------------------------------- MySQL / MariaDB (aiomysql)


class _MysqlTransaction(RawTransaction):
    def __init__(self, client: MysqlClient) -> None:
        self._c = client

    async def execute(self, sql: str, args: Args = ()) -> None:
        async with self._c.conn.cursor() as cursor:
            await cursor.execute(self._c.sql(sql), args)

    async def insert(self, sql: str, args: Args) -> int:
        async with self._c.conn.cursor() as cursor:
            await cursor.execute(self._c.sql(sql), args)
            return int(cursor.lastrowid)

    async def scalar(self, sql: str, args: Args = ()) -> Any:
        async with self._c.conn.cursor() as cursor:
            await cursor.execute(self._c.sql(sql), args)
            row = await cursor.fetchone()
            return row[0] if row else None

    async def executemany(self, sql: str, rows: Sequence[Args]) -> None:
        async with self._c.conn.cursor() as cursor:
            await cursor.executemany(self._c.sql(sql), rows)


class MysqlClient(RawClient):
    backend = "mysql"

    def __init__(self, conn: Any) -> None:
        super().__init__()
        self.conn = conn

    @classmethod
    async def connect(cls, *, host: str, port: int, user: str, password: str, database: str) -> MysqlClient:
        # Autocommit on, so a single read sees the latest commits without a COMMIT of its own;
        # writes open their transaction explicitly (BEGIN), as asyncpg does.
        conn = await aiomysql.connect(
            host=host, port=port, user=user, password=password, db=database, charset="utf8mb4", autocommit=True
        )
        return cls(conn)

    def _convert(self, text: str) -> str:
        return text.replace("%", "%%").replace("?", "%s")

    async def rows(self, sql: str, args: Args = ()) -> list[dict[str, Any]]:
        async with self.conn.cursor(aiomysql.DictCursor) as cursor:
            await cursor.execute(self.sql(sql), args)
            return list(await cursor.fetchall())

    async def column(self, sql: str, args: Args = ()) -> list[Any]:
        async with self.conn.cursor() as cursor:
            await cursor.execute(self.sql(sql), args)
            return [row[0] for row in await cursor.fetchall()]

    @asynccontextmanager
    async def transaction(self, write: bool = True) -> AsyncIterator[RawTransaction]:
        await self.conn.begin()
        try:
            yield _MysqlTransaction(self)
        except BaseException:
            await self.conn.rollback()
            raise
        await self.conn.commit()

    def single(self) -> RawTransaction:
        return _MysqlTransaction(self)

    async def explain(self, statement: str, params: Any) -> list[str]:
        async with self.conn.cursor(aiomysql.DictCursor) as cursor:
            await cursor.execute("EXPLAIN " + statement, params or None)
            rows = await cursor.fetchall()
        return [
            f"table={row.get('table')} type={row.get('type')} key={row.get('key')} "
            f"rows={row.get('rows')} extra={row.get('Extra')}"
            for row in rows
        ]

    async def server_version(self) -> str:
        async with self.conn.cursor() as cursor:
            await cursor.execute("SELECT VERSION()")
            row = await cursor.fetchone()
        return str(row[0])

    async def close(self) -> None:
        self.conn.close()
