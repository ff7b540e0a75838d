"""What facades need from the runtime: a transaction-scoped session on the current event loop."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

Backend = Literal["sqlite", "postgresql", "mysql"]


class Database(Protocol):
    """The handle every facade function receives as its first argument."""

    @property
    def backend(self) -> Backend:
        """Which backend is in use (after any fallback)."""
        ...

    def transaction(self) -> AbstractAsyncContextManager[AsyncSession]:
        """A session in a transaction on the current loop's engine: committed on success, rolled back on error."""
        ...
