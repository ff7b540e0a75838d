"""AffectionFacade through the manager: affection levels, their history and the bot's mood."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.affection import AffectionInteractionRepository, UserAffectionRepository
from sldb.generated.repositories.psychological import BotMoodRepository


async def _interactions(db: Any) -> list[dict[str, Any]]:
    t = AffectionInteractionRepository.table
    async with db.transaction() as session:
        rows = (await session.execute(select(t).order_by(t.c.id))).mappings().all()
    return [dict(row) for row in rows]


async def test_missing_user_and_empty_group(db: Any) -> None:
    assert await db.get_user_affection("g1", "u1") is None
    assert await db.get_all_user_affections("g1") == []
    total = await db.get_total_affection("g1")
    assert total == 0 and type(total) is int


async def test_update_creates_then_changes_level(db: Any) -> None:
    before = int(time.time())
    assert await db.update_user_affection("g1", "u1", 30, "greeting", "happy") is True
    got = await db.get_user_affection("g1", "u1")
    assert got is not None
    assert got["group_id"] == "g1" and got["user_id"] == "u1"
    assert got["affection_level"] == 30 and got["max_affection"] == 100
    assert got["created_at"] >= before and got["updated_at"] >= before
    assert isinstance(got["created_at"], int)

    assert await db.update_user_affection("g1", "u1", 45, "compliment") is True
    again = await db.get_user_affection("g1", "u1")
    assert again is not None
    assert again["affection_level"] == 45
    assert again["created_at"] == got["created_at"]
    assert len(await db.get_all_user_affections("g1")) == 1


async def test_level_is_clamped_to_zero_and_max(db: Any) -> None:
    await db.update_user_affection("g1", "high", 250)
    await db.update_user_affection("g1", "low", -20)
    high = await db.get_user_affection("g1", "high")
    low = await db.get_user_affection("g1", "low")
    assert high is not None and high["affection_level"] == 100
    assert low is not None and low["affection_level"] == 0
    await db.update_user_affection("g1", "high", 500)
    high = await db.get_user_affection("g1", "high")
    assert high is not None and high["affection_level"] == 100


async def test_changes_are_recorded_as_interactions(db: Any) -> None:
    await db.update_user_affection("g1", "u1", 20, "gift", "cheerful")
    await db.update_user_affection("g1", "u1", 20, "no change")
    await db.update_user_affection("g1", "u1", 5, "insult", "annoyed")
    rows = await _interactions(db)
    assert [r["affection_delta"] for r in rows] == [20, -15]
    assert [r["interaction_type"] for r in rows] == ["gift", "insult"]
    details = json.loads(rows[1]["message_content"])
    assert details == {"change_reason": "insult", "bot_mood": "annoyed", "previous_level": 20, "new_level": 5}
    affection = UserAffectionRepository.table
    async with db.transaction() as session:
        affection_id = (await session.execute(select(affection.c.id))).scalar_one()
    assert {r["user_affection_id"] for r in rows} == {affection_id}


async def test_long_reason_is_kept_whole_in_the_interaction(db: Any) -> None:
    reason = "因为" * 40
    await db.update_user_affection("g1", "u1", 10, reason)
    (row,) = await _interactions(db)
    assert row["interaction_type"] == reason[:50]
    assert json.loads(row["message_content"])["change_reason"] == reason


async def test_all_affections_and_total_per_group(db: Any) -> None:
    await db.update_user_affection("g1", "a", 10)
    await db.update_user_affection("g1", "b", 25)
    await db.update_user_affection("g1", "c", 7)
    await db.update_user_affection("g2", "a", 90)
    listed = await db.get_all_user_affections("g1")
    assert [(x["user_id"], x["affection_level"]) for x in listed] == [("a", 10), ("b", 25), ("c", 7)]
    total = await db.get_total_affection("g1")
    assert total == 42 and type(total) is int
    assert await db.get_total_affection("g2") == 90


async def test_no_mood_until_one_is_saved(db: Any) -> None:
    assert await db.get_current_bot_mood("g1") is None


async def test_new_mood_replaces_the_active_one(db: Any) -> None:
    before = time.time()
    assert await db.save_bot_mood("g1", "happy", 0.8, "a good day") is True
    mood = await db.get_current_bot_mood("g1")
    assert mood is not None
    assert mood["mood_type"] == "happy" and mood["mood_intensity"] == 0.8
    assert mood["mood_description"] == "a good day"
    assert mood["start_time"] >= before
    assert mood["end_time"] is not None
    assert abs(mood["end_time"] - mood["start_time"] - 24 * 3600) < 1

    assert await db.save_bot_mood("g1", "sad", 0.3, "rain", 2) is True
    current = await db.get_current_bot_mood("g1")
    assert current is not None and current["mood_type"] == "sad"
    assert current["end_time"] is not None
    assert abs(current["end_time"] - current["start_time"] - 2 * 3600) < 1

    t = BotMoodRepository.table
    async with db.transaction() as session:
        rows = (await session.execute(select(t).order_by(t.c.id))).mappings().all()
    assert [(r["mood_type"], r["is_active"]) for r in rows] == [("happy", 0), ("sad", 1)]
    # The replaced mood ended when the new one began, not at its planned end.
    assert rows[0]["end_time"] <= rows[1]["start_time"] + 1


async def test_moods_are_per_group(db: Any) -> None:
    await db.save_bot_mood("g1", "calm", 0.5, "quiet")
    await db.save_bot_mood("g2", "excited", 0.9, "party")
    one = await db.get_current_bot_mood("g1")
    two = await db.get_current_bot_mood("g2")
    assert one is not None and one["mood_type"] == "calm"
    assert two is not None and two["mood_type"] == "excited"
