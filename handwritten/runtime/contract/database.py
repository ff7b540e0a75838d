"""What facades need from the runtime: a connection on the current event loop, for writing or for reading."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from sldb.handwritten.runtime.contract.sqlite_thread import ThreadConnection

Backend = Literal["sqlite", "postgresql", "mysql"]

# What the Database's connection methods give: a Core connection (PostgreSQL, MySQL) or, on SQLite, a
# pysqlite connection driven through a worker thread (see sqlite_thread).
Connection = AsyncConnection | ThreadConnection
# What generated repositories and hand-written queries execute statements on: one of those, or a session the
# plugin (or a test) already holds.
Executor = AsyncConnection | ThreadConnection | AsyncSession


class Database(Protocol):
    """The handle every facade function receives as its first argument.

    A facade takes the narrowest of its four ways to a connection that is correct for what it runs.
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

    def replica(self) -> Database:
        """For the reads a spec marks `replica: true` (answers up to max_replica_lag_s old): a Database whose
        reading() and snapshot() use a PostgreSQL read replica within the lag bound, else the primary; it
        cannot write. Without read replicas, this Database itself (see replicas.py)."""
        ...
