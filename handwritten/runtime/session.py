"""What facades need from the runtime: a connection on the current event loop, for writing or for reading."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from handwritten.runtime.sqlite_thread import ThreadConnection

Backend = Literal["sqlite", "postgresql", "mysql"]

# What db.transaction() and db.reading() give: a Core connection (PostgreSQL, MySQL) or, on SQLite, a
# pysqlite connection driven through a worker thread (see sqlite_thread).
Connection = AsyncConnection | ThreadConnection
# What generated repositories and hand-written queries execute statements on: one of those, or a session the
# plugin (or a test) already holds.
Executor = AsyncConnection | ThreadConnection | AsyncSession


class Database(Protocol):
    """The handle every facade function receives as its first argument."""

    @property
    def backend(self) -> Backend:
        """Which backend is in use (after any fallback)."""
        ...

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        """A connection in a transaction on the current loop's engine: committed on success, rolled back on error."""
        ...

    def autocommit(self) -> AbstractAsyncContextManager[Connection]:
        """A connection for a write that is a single statement: that statement is its own transaction."""
        ...

    def reading(self) -> AbstractAsyncContextManager[Connection]:
        """A connection for one read statement: without BEGIN/COMMIT where the backend allows it cheaply."""
        ...
