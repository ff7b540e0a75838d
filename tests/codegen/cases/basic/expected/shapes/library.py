# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""Fixed dict shapes the LibraryFacade returns."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "ShelfCount",
]


class ShelfCount(TypedDict):
    """ShelfCount"""

    shelf: str
    books: int
