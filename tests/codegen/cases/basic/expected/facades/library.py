# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""LibraryFacade: Lending books."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.library import BookRecord
from sldb.generated.repositories.library import BookRepository
from sldb.generated.shapes.library import ShelfCount
from sldb.handwritten.facades import library as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure, translate
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_GET_BOOK_BOOK_ID = Rule("id")
_RATE_BOOK_BOOK_ID = Rule("id")
_RATE_BOOK_REVIEW = {
    "rating": Rule("float"),
    "stars": Rule("int", 0, 5, clamp=True),
    "shelf": Rule("text", max_chars=32),
    "pinned": Rule("bool", nullable=True),
}


class LibraryFacade:
    """Lending books."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_book(self, book_id: int) -> BookRecord | None:
        """One book by id."""
        book_id = accept("get_book", "book_id", book_id, _GET_BOOK_BOOK_ID)
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

    async def rate_book(self, book_id: int, review: dict[str, Any]) -> bool:
        """Set a book's rating and note; whether the book exists."""
        book_id = accept("rate_book", "book_id", book_id, _RATE_BOOK_BOOK_ID)
        review = accept_payload("rate_book", "review", review, _RATE_BOOK_REVIEW)
        try:
            return await queries.rate_book(self._db, book_id=book_id, review=review)
        except SQLAlchemyError as exc:
            log_failure("rate_book", exc, book_id=book_id, review=review)
            return False
