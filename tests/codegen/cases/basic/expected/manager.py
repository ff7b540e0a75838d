# Generated from schema/facades/*.yaml by codegen. Do not edit.
"""SQLAlchemyDatabaseManager: the plugin's entry point, delegating every domain method to its facade.

Start-up, shutdown and sessions come from ManagerRuntime; this module only delegates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData

from sldb.generated.facades.library import LibraryFacade
from sldb.generated.models import Base
from sldb.generated.records.library import BookRecord
from sldb.generated.shapes.library import ShelfCount
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.lifecycle.manager_runtime import ManagerRuntime

# The methods whose facade spec says access: read. They only read (db.reading() or db.snapshot()) and never take
# a write lock; tests/runtime/test_read_paths.py holds every one of them to that.
READ_ONLY_METHODS: frozenset[str] = frozenset(
    {
        "count_shelved",
        "get_book",
        "shelf_counts",
    }
)


@dataclass(frozen=True)
class Facades:
    """The facades of one started manager."""

    library: LibraryFacade

    @classmethod
    def over(cls, db: Database) -> Facades:
        return cls(
            library=LibraryFacade(db),
        )


class SQLAlchemyDatabaseManager(ManagerRuntime[Facades]):
    """Drop-in data layer of the self-learning plugin: start(), then call any domain method."""

    def _build_facades(self, db: Database) -> Facades:
        return Facades.over(db)

    def _metadata(self) -> MetaData:
        return Base.metadata

    async def get_book(self, book_id: int) -> BookRecord | None:
        """One book by id. Before start: None."""
        facades = self._facades
        if facades is None:
            return None
        return await facades.library.get_book(
            book_id=book_id,
        )

    async def count_shelved(
        self,
    ) -> int:
        """Books on the shelf."""
        facades = self._require("count_shelved")
        return await facades.library.count_shelved()

    async def shelf_counts(self, limit: int = 10) -> list[ShelfCount]:
        """Books per shelf."""
        facades = self._require("shelf_counts")
        return await facades.library.shelf_counts(
            limit=limit,
        )

    async def rate_book(self, book_id: int, review: dict[str, Any]) -> bool:
        """Set a book's rating and note; whether the book exists."""
        facades = self._require("rate_book")
        return await facades.library.rate_book(
            book_id=book_id,
            review=review,
        )
