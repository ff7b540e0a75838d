# Generated from schema/exemplar.yaml by codegen. Do not edit.
"""Contract: each table of the exemplar domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.exemplar import (
    ExemplarRecord,
)
from sldb.generated.repositories.exemplar import (
    ExemplarRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        ExemplarRepository,
        ExemplarRecord,
        first={
            "content": "content 一 🙂",
            "sender_id": "sender_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "embedding_json": "embedding_json 一 🙂",
            "weight": 1735701000.25,
            "dimensions": 7,
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "content": "content-2",
            "sender_id": "sender_id-2",
            "group_id": "group_id-2",
            "embedding_json": "embedding_json-2",
            "weight": 0.125,
            "dimensions": 11,
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
