# Generated from schema/library.yaml by codegen. Do not edit.
"""Contract: each table of the library domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.repositories.library import (
    BookRepository,
    LoanRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_round_trip, table_of

# Per table: the row first inserted, the values it is then updated with, and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        BookRepository,
        first={
            "title": "title 一 🙂",
            "shelf": "shelf 一 🙂",
            "tags": "tags 一 🙂",
            "rating": 1735701000.25,
            "status": "status 一 🙂",
            "metadata": "metadata 一 🙂",
            "added_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "title": "title-2",
            "shelf": "shelf-2",
            "tags": "tags-2",
            "rating": 0.125,
            "status": "status-2",
            "metadata": "metadata-2",
            "added_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "added_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        LoanRepository,
        first={
            "reader": "reader 一 🙂",
            "due": 1735701000123,
            "extra": {"k": [1, "二"]},
        },
        second={
            "reader": "reader-2",
            "due": 1735701999456,
            "extra": ["x", 2.5, None],
        },
        parents={
            "book_id": ParentRow(
                BookRepository,
                {
                    "title": "title 一 🙂",
                    "shelf": "shelf 一 🙂",
                    "tags": "tags 一 🙂",
                    "rating": 1735701000.25,
                    "status": "status 一 🙂",
                    "metadata": "metadata 一 🙂",
                    "added_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
                },
            ),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)
