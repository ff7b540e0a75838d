# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""LibraryFacade: Lending books."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from generated.records.library import BookRecord
from generated.repositories.library import BookRepository
from generated.shapes.library import ShelfCount
from handwritten.facades import library as queries
from handwritten.runtime.failures import log_failure, translate
from handwritten.runtime.session import Database


class LibraryFacade:
    """Lending books."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_book(self, book_id: int) -> BookRecord | None:
        """One book by id."""
        try:
            async with self._db.reading() as conn:
                return await BookRepository.get(conn, book_id)
        except SQLAlchemyError as exc:
            raise translate("get_book", exc) from exc

    async def count_shelved(
        self,
    ) -> int:
        """Books on the shelf."""
        try:
            async with self._db.reading() as conn:
                return await BookRepository.count(
                    conn,
                    where={
                        "status": "shelved",
                    },
                )
        except SQLAlchemyError as exc:
            raise translate("count_shelved", exc) from exc

    async def shelf_counts(self, limit: int = 10) -> list[ShelfCount]:
        """Books per shelf."""
        try:
            return await queries.shelf_counts(self._db, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("shelf_counts", exc, limit=limit)
            return []
