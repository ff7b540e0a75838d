# Generated from schema/shadow.yaml by codegen. Do not edit.
"""Contract: each table of the shadow domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.shadow import (
    ShadowProfileRecord,
)
from sldb.generated.repositories.shadow import (
    ShadowProfileRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        ShadowProfileRepository,
        ShadowProfileRecord,
        first={
            "target_group_id": "target_group_id 一 🙂",
            "source_type": "source_type 一 🙂",
            "source_group_id": "source_group_id 一 🙂",
            "sender_id": "sender_id 一 🙂",
            "sender_name": "sender_name 一 🙂",
            "sender_qq": "sender_qq 一 🙂",
            "profile_data": "profile_data 一 🙂",
            "sample_count": 7,
            "enabled": True,
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "target_group_id": "target_group_id-2",
            "source_type": "source_type-2",
            "source_group_id": "source_group_id-2",
            "sender_id": "sender_id-2",
            "sender_name": "sender_name-2",
            "sender_qq": "sender_qq-2",
            "profile_data": "profile_data-2",
            "sample_count": 11,
            "enabled": False,
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
