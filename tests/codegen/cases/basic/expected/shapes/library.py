# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""Fixed dict shapes the LibraryFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.jsontext import loads_as
from sldb.handwritten.runtime.values.records import iso_datetime

__all__ = [
    "BookView",
    "ShelfCount",
    "book_view",
]


class ShelfCount(TypedDict):
    """ShelfCount"""

    shelf: str
    books: int


class BookView(TypedDict):
    """A book as the shelf lists it."""

    id: int
    name: str
    tags: list[Any]
    rating: float
    added_at: str | None


def book_view(row: Mapping[Any, Any]) -> BookView:
    """The BookView of one books row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "name": row["title"],
        "tags": loads_as(row["tags"], []),
        "rating": row["rating"] if row["rating"] is not None else 0.0,
        "added_at": iso_datetime(row["added_at"]),
    }
