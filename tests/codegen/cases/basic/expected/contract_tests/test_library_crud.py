# Generated from schema/library.yaml by codegen. Do not edit.
"""Contract: each table of the library domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.library import (
    BookRepository,
    LoanRepository,
)


async def _add_books(session: AsyncSession) -> int:
    values: Any = {
        "title": "title 一 🙂",
        "shelf": "shelf 一 🙂",
        "tags": "tags 一 🙂",
        "rating": 1735701000.25,
        "status": "status 一 🙂",
        "metadata": "metadata 一 🙂",
        "added_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    return await BookRepository.add(session, values)


async def test_books_round_trip(session: AsyncSession) -> None:
    repo = BookRepository
    first: Any = {
        "title": "title 一 🙂",
        "shelf": "shelf 一 🙂",
        "tags": "tags 一 🙂",
        "rating": 1735701000.25,
        "status": "status 一 🙂",
        "metadata": "metadata 一 🙂",
        "added_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "title": "title-2",
        "shelf": "shelf-2",
        "tags": "tags-2",
        "rating": 0.125,
        "status": "status-2",
        "metadata": "metadata-2",
        "added_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    expected_first: Any = {
        "title": "title 一 🙂",
        "shelf": "shelf 一 🙂",
        "tags": "tags 一 🙂",
        "rating": 1735701000.25,
        "status": "status 一 🙂",
        "metadata": "metadata 一 🙂",
        "added_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "title": "title-2",
        "shelf": "shelf-2",
        "tags": "tags-2",
        "rating": 0.125,
        "status": "status-2",
        "metadata": "metadata-2",
        "added_at": "2025-06-07T08:09:10",
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_loans_round_trip(session: AsyncSession) -> None:
    repo = LoanRepository
    first: Any = {
        "reader": "reader 一 🙂",
        "due": 1735701000123,
        "extra": {"k": [1, "二"]},
    }
    second: Any = {
        "reader": "reader-2",
        "due": 1735701999456,
        "extra": ["x", 2.5, None],
    }
    first["book_id"] = second["book_id"] = await _add_books(session)
    expected_first: Any = {
        "reader": "reader 一 🙂",
        "due": 1735701000123,
        "extra": {"k": [1, "二"]},
    }
    expected_second: Any = {
        "reader": "reader-2",
        "due": 1735701999456,
        "extra": ["x", 2.5, None],
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)
