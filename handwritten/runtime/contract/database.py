"""What facades need from the runtime: a connection on the current event loop, for writing or for reading."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from sldb.handwritten.runtime.contract.sqlite_thread import ThreadConnection

Backend = Literal["sqlite", "postgresql", "mysql"]

# What the Database's connection methods give: a Core connection (PostgreSQL, MySQL) or, on SQLite, a
# pysqlite connection driven through a worker thread (see sqlite_thread).
Connection = AsyncConnection | ThreadConnection
# What generated repositories and hand-written queries execute statements on: one of those, or a session the
# plugin (or a test) already holds.
Executor = AsyncConnection | ThreadConnection | AsyncSession


@dataclass
class PooledDriver:
    """An asyncpg or aiomysql connection checked out of an autocommit pool for one generated statement, with no
    SQLAlchemy Connection around it (Database.driver). Whoever finds it lost sets `lost`: it is then
    invalidated instead of going back to the pool."""

    dialect: str
    driver: Any
    lost: bool = False


# What Database.driver gives: that, or (SQLite; statements observed) one of the Connections.
DriverHandle = Connection | PooledDriver


class Database(Protocol):
    """The handle every facade function receives as its first argument.

    A facade takes the narrowest of its four ways to a connection that is correct for what it runs; driver() is
    reading() or autocommit(), and driver_transaction() is transaction(), for statements rendered at generation time.
    """

    @property
    def backend(self) -> Backend:
        """Which backend is in use (after any fallback)."""
        ...

    def reading(self) -> AbstractAsyncContextManager[Connection]:
        """One read statement: no BEGIN/COMMIT on PostgreSQL and MySQL, no write lock on SQLite."""
        ...

    def snapshot(self) -> AbstractAsyncContextManager[Connection]:
        """Several reads that must agree: a read-only transaction on one snapshot, no write lock on SQLite."""
        ...

    def autocommit(self) -> AbstractAsyncContextManager[Connection]:
        """A write that is one statement: that statement is its own transaction, no BEGIN/COMMIT."""
        ...

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        """Several statements that write: one transaction, committed on success, rolled back on error."""
        ...

    def driver(self, *, write: bool) -> AbstractAsyncContextManager[DriverHandle]:
        """One generated statement (a fast path, queries/driver_sql.py) where autocommit() (write) or reading()
        would run it: on PostgreSQL and MySQL the pooled driver connection itself, without the cost of a
        SQLAlchemy Connection; that Connection instead while anyone observes the statements (observed.py)."""
        ...

    def driver_transaction(self) -> AbstractAsyncContextManager[DriverHandle]:
        """Several generated statements that write (a fast_transaction method's), as transaction() would run them:
        one transaction on the driver connection itself (BEGIN ... COMMIT; SQLite: the event loop's own
        connection when the write lock is free), committed on success, rolled back on error; transaction()'s
        Connection instead while anyone observes the statements."""
        ...

    def replica(self) -> Database:
        """For the reads a spec marks `replica: true` (answers up to max_replica_lag_s old): a Database whose
        reading() and snapshot() use a PostgreSQL read replica within the lag bound, else the primary; it
        cannot write. Without read replicas, this Database itself (see replicas.py)."""
        ...
