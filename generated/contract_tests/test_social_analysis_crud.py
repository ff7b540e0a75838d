# Generated from schema/social_analysis.yaml by codegen. Do not edit.
"""Contract: each table of the social_analysis domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.social_analysis import (
    SocialNetworkEdgeRecord,
    SocialNetworkNodeRecord,
    SocialRelationAnalysisResultRecord,
)
from sldb.generated.repositories.social_analysis import (
    SocialNetworkEdgeRepository,
    SocialNetworkNodeRepository,
    SocialRelationAnalysisResultRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        SocialNetworkEdgeRepository,
        SocialNetworkEdgeRecord,
        first={
            "group_id": "group_id 一 🙂",
            "from_user_id": "from_user_id 一 🙂",
            "to_user_id": "to_user_id 一 🙂",
            "edge_type": "edge_type 一 🙂",
            "weight": 1735701000.25,
            "properties": "properties 一 🙂",
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "from_user_id": "from_user_id-2",
            "to_user_id": "to_user_id-2",
            "edge_type": "edge_type-2",
            "weight": 0.125,
            "properties": "properties-2",
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
    RoundTrip(
        SocialNetworkNodeRepository,
        SocialNetworkNodeRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "node_type": "node_type 一 🙂",
            "display_name": "display_name 一 🙂",
            "properties": "properties 一 🙂",
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "node_type": "node_type-2",
            "display_name": "display_name-2",
            "properties": "properties-2",
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
    RoundTrip(
        SocialRelationAnalysisResultRepository,
        SocialRelationAnalysisResultRecord,
        first={
            "group_id": "group_id 一 🙂",
            "analysis_type": "analysis_type 一 🙂",
            "result_data": "result_data 一 🙂",
            "created_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "analysis_type": "analysis_type-2",
            "result_data": "result_data-2",
            "created_at": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
