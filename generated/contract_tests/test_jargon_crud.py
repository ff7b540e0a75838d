# Generated from schema/jargon.yaml by codegen. Do not edit.
"""Contract: each table of the jargon domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.jargon import (
    JargonChatCounterRecord,
    JargonRecord,
    JargonUsageFrequencyRecord,
)
from sldb.generated.repositories.jargon import (
    JargonChatCounterRepository,
    JargonRepository,
    JargonUsageFrequencyRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        JargonRepository,
        JargonRecord,
        first={
            "content": "content 一 🙂",
            "raw_content": "raw_content 一 🙂",
            "meaning": "meaning 一 🙂",
            "is_jargon": True,
            "count": 7,
            "last_inference_count": 7,
            "is_complete": True,
            "is_global": True,
            "chat_id": "chat_id 一 🙂",
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
            "content_key": "content_key 一 🙂",
        },
        second={
            "content": "content-2",
            "raw_content": "raw_content-2",
            "meaning": "meaning-2",
            "is_jargon": False,
            "count": 11,
            "last_inference_count": 11,
            "is_complete": False,
            "is_global": False,
            "chat_id": "chat_id-2",
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
            "content_key": "content_key-2",
        },
        internal=("content_key",),
    ),
    RoundTrip(
        JargonChatCounterRepository,
        JargonChatCounterRecord,
        first={
            "chat_id": "chat_id 一 🙂",
            "term_count": 1735701000123,
            "confirmed_count": 1735701000123,
            "complete_count": 1735701000123,
            "occurrence_sum": 1735701000123,
            "counted_terms": 1735701000123,
        },
        second={
            "chat_id": "chat_id-2",
            "term_count": 1735701999456,
            "confirmed_count": 1735701999456,
            "complete_count": 1735701999456,
            "occurrence_sum": 1735701999456,
            "counted_terms": 1735701999456,
        },
    ),
    RoundTrip(
        JargonUsageFrequencyRepository,
        JargonUsageFrequencyRecord,
        first={
            "group_id": "group_id 一 🙂",
            "usage_count": 7,
            "last_used_at": 1735701000.25,
            "success_rate": 1735701000.25,
            "context_types": "context_types 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "usage_count": 11,
            "last_used_at": 0.125,
            "success_rate": 0.125,
            "context_types": "context_types-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
        parents={
            "jargon_id": ParentRow(
                JargonRepository,
                {
                    "content": "content 一 🙂",
                    "raw_content": "raw_content 一 🙂",
                    "meaning": "meaning 一 🙂",
                    "is_jargon": True,
                    "count": 7,
                    "last_inference_count": 7,
                    "is_complete": True,
                    "is_global": True,
                    "chat_id": "chat_id 一 🙂",
                    "created_at": 1735701000123,
                    "updated_at": 1735701000123,
                    "content_key": "content_key 一 🙂",
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
