# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""Contract of LibraryFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import library as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


async def test_get_book_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    book_id: Any = None
    args: dict[str, Any] = {
        "book_id": book_id,
    }
    expected: Any = None
    assert await manager.get_book(**args) == expected


async def test_get_book_delegates() -> None:
    await assert_delegates("library", "get_book")


async def test_count_shelved_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"count_shelved"):
        await manager.count_shelved(**args)


async def test_count_shelved_delegates() -> None:
    await assert_delegates("library", "count_shelved")


def test_shelf_counts_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.shelf_counts,
        params=[
            ("limit", "int"),
        ],
        returns="list[ShelfCount]",
    )


async def test_shelf_counts_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 10
    args: dict[str, Any] = {
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"shelf_counts"):
        await manager.shelf_counts(**args)


async def test_shelf_counts_delegates() -> None:
    await assert_delegates("library", "shelf_counts")
