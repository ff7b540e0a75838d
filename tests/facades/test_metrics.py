"""MetricsFacade through the manager: counts per group and overall, and trends."""

from __future__ import annotations

import time
from typing import Any

from sldb.generated.repositories.learning import (
    LearningBatchRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.message import BotMessageRepository, FilteredMessageRepository, RawMessageRepository


async def add_raw(db: Any, group_id: str | None, timestamp: int) -> None:
    async with db.transaction() as session:
        await RawMessageRepository.add(
            session,
            {"sender_id": "u", "message": "hi", "group_id": group_id, "timestamp": timestamp, "created_at": timestamp},
        )


async def fill(db: Any) -> None:
    """g1: 2 raw, 1 filtered, 1 bot, 1 persona review, 2 style reviews, 1 batch, 1 style pattern; g2: one of each."""
    now = int(time.time())
    for group in ("g1", "g1", "g2"):
        await add_raw(db, group, now)
    async with db.transaction() as session:
        for group in ("g1", "g2"):
            await FilteredMessageRepository.add(
                session, {"message": "m", "sender_id": "u", "group_id": group, "timestamp": now, "created_at": now}
            )
            await BotMessageRepository.add(
                session, {"group_id": group, "message": "m", "timestamp": now, "created_at": now}
            )
            await PersonaLearningReviewRepository.add(
                session, {"timestamp": float(now), "group_id": group, "update_type": "t"}
            )
            await LearningBatchRepository.add(
                session, {"batch_name": f"b-{group}", "group_id": group, "start_time": float(now)}
            )
            await StyleLearningPatternRepository.add(
                session,
                {"group_id": group, "pattern_type": "t", "pattern": "p", "created_at": now, "updated_at": now},
            )
        for group in ("g1", "g1", "g2"):
            await StyleLearningReviewRepository.add(session, {"type": "t", "group_id": group, "timestamp": float(now)})


async def test_group_statistics_empty(db: Any) -> None:
    expected = {"raw_messages": 0, "filtered_messages": 0, "persona_reviews": 0, "style_reviews": 0}
    assert await db.get_group_statistics() == {**expected, "group_id": None}
    assert await db.get_group_statistics("g1") == {**expected, "group_id": "g1"}


async def test_group_statistics_per_group_and_overall(db: Any) -> None:
    await fill(db)
    assert await db.get_group_statistics("g1") == {
        "raw_messages": 2,
        "filtered_messages": 1,
        "persona_reviews": 1,
        "style_reviews": 2,
        "group_id": "g1",
    }
    overall = await db.get_group_statistics()
    assert overall == {
        "raw_messages": 3,
        "filtered_messages": 2,
        "persona_reviews": 2,
        "style_reviews": 3,
        "group_id": None,
    }
    assert all(type(overall[k]) is int for k in ("raw_messages", "filtered_messages"))
    # An empty group id counts every group, as the plugin does.
    assert (await db.get_group_statistics(""))["raw_messages"] == 3


async def test_detailed_metrics(db: Any) -> None:
    assert await db.get_detailed_metrics("g9") == {
        "messages": {"raw": 0, "filtered": 0, "bot": 0},
        "learning": {"persona_reviews": 0, "style_reviews": 0, "batches": 0, "style_patterns": 0},
        "group_id": "g9",
    }
    await fill(db)
    assert await db.get_detailed_metrics("g1") == {
        "messages": {"raw": 2, "filtered": 1, "bot": 1},
        "learning": {"persona_reviews": 1, "style_reviews": 2, "batches": 1, "style_patterns": 1},
        "group_id": "g1",
    }
    assert await db.get_detailed_metrics() == {
        "messages": {"raw": 3, "filtered": 2, "bot": 2},
        "learning": {"persona_reviews": 2, "style_reviews": 3, "batches": 2, "style_patterns": 2},
        "group_id": None,
    }


async def test_trends_empty(db: Any) -> None:
    assert await db.get_trends_data() == {"daily_messages": {}, "recent_batches": []}


async def test_trends_count_days_in_last_week(db: Any) -> None:
    now = int(time.time())
    two_days_ago = now - 2 * 86400
    await add_raw(db, "g1", now)
    await add_raw(db, None, now)
    await add_raw(db, "g2", two_days_ago)
    await add_raw(db, "g1", now - 10 * 86400)  # outside the week
    trends = await db.get_trends_data()
    today = time.strftime("%Y-%m-%d", time.localtime(now))
    earlier = time.strftime("%Y-%m-%d", time.localtime(two_days_ago))
    assert trends["daily_messages"] == {earlier: 1, today: 2}
    assert list(trends["daily_messages"]) == [earlier, today]


async def test_trends_recent_batches_latest_ten_with_id_tie_break(db: Any) -> None:
    async with db.transaction() as session:
        for i in range(12):
            await LearningBatchRepository.add(
                session,
                {"batch_id": f"id{i}", "batch_name": f"b{i}", "group_id": "g", "start_time": float(i // 2)},
            )
    batches = (await db.get_trends_data())["recent_batches"]
    assert [b["batch_name"] for b in batches] == ["b11", "b10", "b9", "b8", "b7", "b6", "b5", "b4", "b3", "b2"]
    first = batches[0]
    assert first["batch_id"] == "id11" and first["start_time"] == 5.0 and first["status"] == "pending"
    assert first["success"] is True and first["message_count"] == 0
    assert isinstance(first["created_at"], str)
