# Generated from schema/library.yaml by codegen. Do not edit.
"""Contract: each table of the library domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.library import (
    BookRecord,
    LoanRecord,
)
from sldb.generated.repositories.library import (
    BookRepository,
    LoanRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        BookRepository,
        BookRecord,
        first={
            "title": "title 一 🙂",
            "shelf": "shelf 一 🙂",
            "tags": "tags 一 🙂",
            "rating": 1735701000.25,
            "status": "status 一 🙂",
            "metadata": "metadata 一 🙂",
            "added_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
            "title_key": "title_key 一 🙂",
        },
        second={
            "title": "title-2",
            "shelf": "shelf-2",
            "tags": "tags-2",
            "rating": 0.125,
            "status": "status-2",
            "metadata": "metadata-2",
            "added_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
            "title_key": "title_key-2",
        },
        internal=("title_key",),
        read_as={
            "added_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        LoanRepository,
        LoanRecord,
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
                    "title_key": "title_key 一 🙂",
                },
            ),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
