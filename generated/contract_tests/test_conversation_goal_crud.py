# Generated from schema/conversation_goal.yaml by codegen. Do not edit.
"""Contract: each table of the conversation_goal domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.conversation_goal import (
    ConversationGoalRepository,
)


async def test_conversation_goals_round_trip(session: AsyncSession) -> None:
    repo = ConversationGoalRepository
    first: Any = {
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
    }
    second: Any = {
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
    }
    expected_first: Any = {
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
    }
    expected_second: Any = {
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
