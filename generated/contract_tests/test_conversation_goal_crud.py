# Generated from schema/conversation_goal.yaml by codegen. Do not edit.
"""Contract: each table of the conversation_goal domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.conversation_goal import (
    ConversationGoalRecord,
)
from sldb.generated.repositories.conversation_goal import (
    ConversationGoalRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        ConversationGoalRepository,
        ConversationGoalRecord,
        first={
            "session_id": "session_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "final_goal": {"k": [1, "二"]},
            "current_stage": {"k": [1, "二"]},
            "stage_history": {"k": [1, "二"]},
            "planned_stages": {"k": [1, "二"]},
            "conversation_history": {"k": [1, "二"]},
            "goal_switches": {"k": [1, "二"]},
            "metrics": {"k": [1, "二"]},
            "status": "status 一 🙂",
            "created_at": 1735701000123,
            "last_updated": 1735701000123,
        },
        second={
            "session_id": "session_id-2",
            "user_id": "user_id-2",
            "group_id": "group_id-2",
            "final_goal": ["x", 2.5, None],
            "current_stage": ["x", 2.5, None],
            "stage_history": ["x", 2.5, None],
            "planned_stages": ["x", 2.5, None],
            "conversation_history": ["x", 2.5, None],
            "goal_switches": ["x", 2.5, None],
            "metrics": ["x", 2.5, None],
            "status": "status-2",
            "created_at": 1735701999456,
            "last_updated": 1735701999456,
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
