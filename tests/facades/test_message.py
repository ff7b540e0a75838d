"""MessageFacade behaviour on every backend: raw, filtered and bot messages and their statistics."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.memory import MemoryRepository
from sldb.generated.repositories.message import RawMessageRepository
from sldb.generated.repositories.social_relation import SocialRelationRepository


def raw(group_id: str, sender_id: str, timestamp: int, message: str = "hi", **extra: Any) -> dict[str, Any]:
    return {"group_id": group_id, "sender_id": sender_id, "timestamp": timestamp, "message": message, **extra}


async def test_save_raw_message_round_trip_with_int_ids(db: Any) -> None:
    new_id = await db.save_raw_message(
        {
            "sender_id": 12345,
            "sender_name": "Alice",
            "sender_qq": 12345,
            "message": "hello",
            "group_id": 678,
            "timestamp": "1700000000",
            "platform": "qq",
            "message_id": 99,
            "reply_to": None,
        }
    )
    assert new_id > 0
    [row] = await db.get_recent_raw_messages("678")
    assert row["id"] == new_id
    assert row["sender_id"] == "12345"
    assert row["sender_qq"] == "12345"
    assert row["group_id"] == "678"
    assert row["message_id"] == "99"
    assert row["timestamp"] == 1700000000
    assert row["message"] == "hello"
    assert row["platform"] == "qq"
    assert row["reply_to"] is None
    assert row["processed"] is False


async def test_save_raw_message_accepts_objects_and_iso_times(db: Any) -> None:
    message = SimpleNamespace(sender_id="u1", message="from object", group_id="g", timestamp="2024-05-01T12:00:00Z")
    assert await db.save_raw_message(message) > 0
    [row] = await db.get_recent_raw_messages("g")
    assert row["message"] == "from object"
    assert row["timestamp"] == 1714564800
    assert row["sender_name"] == ""


async def test_save_raw_messages_returns_ids_in_input_order(db: Any) -> None:
    assert await db.save_raw_messages([]) == []
    batch = [raw("g", f"u{i}", 1000 + i, f"m{i}") for i in range(30)]
    ids = await db.save_raw_messages(batch)
    assert len(ids) == 30
    assert len(set(ids)) == 30
    table = RawMessageRepository.table
    async with db.transaction() as session:
        stored = dict((await session.execute(select(table.c.id, table.c.message))).all())
    assert [stored[i] for i in ids] == [f"m{i}" for i in range(30)]


async def test_recent_raw_messages_order_limit_and_group_filter(db: Any) -> None:
    first = await db.save_raw_message(raw("g", "u1", 100, "a"))
    second = await db.save_raw_message(raw("g", "u2", 100, "b"))
    newest = await db.save_raw_message(raw("g", "u1", 200, "c"))
    await db.save_raw_message(raw("other", "u1", 300, "d"))
    rows = await db.get_recent_raw_messages("g")
    assert [r["id"] for r in rows] == [newest, second, first]
    assert [r["id"] for r in await db.get_recent_raw_messages("g", limit=2)] == [newest, second]
    assert len(await db.get_recent_raw_messages("")) == 4
    assert await db.get_recent_raw_messages("missing") == []


async def test_unprocessed_and_mark_processed(db: Any) -> None:
    a = await db.save_raw_message(raw("g", "u1", 300))
    b = await db.save_raw_message(raw("g", "u1", 100))
    c = await db.save_raw_message(raw("h", "u2", 200))
    assert [m["id"] for m in await db.get_unprocessed_messages()] == [b, c, a]
    assert [m["id"] for m in await db.get_unprocessed_messages(group_id="g")] == [b, a]
    assert [m["id"] for m in await db.get_unprocessed_messages(limit=1)] == [b]
    [oldest, *_] = await db.get_unprocessed_messages()
    assert set(oldest) == {
        "id",
        "sender_id",
        "sender_name",
        "sender_qq",
        "message",
        "group_id",
        "platform",
        "timestamp",
    }
    assert await db.mark_messages_processed([]) is True
    assert await db.mark_messages_processed([a, b]) is True
    assert [m["id"] for m in await db.get_unprocessed_messages()] == [c]
    assert await db.mark_messages_processed([999999]) is False


async def test_messages_by_timerange_is_inclusive_and_ordered(db: Any) -> None:
    ids = [await db.save_raw_message(raw("g", "u", ts, f"m{ts}")) for ts in (50, 100, 150, 200, 250)]
    await db.save_raw_message(raw("h", "u", 150))
    rows = await db.get_messages_by_group_and_timerange("g", 100, 200)
    assert [r["id"] for r in rows] == ids[1:4]
    assert rows[0] == {
        "id": ids[1],
        "sender_id": "u",
        "sender_name": "",
        "message": "m100",
        "group_id": "g",
        "timestamp": 100,
    }
    assert [r["id"] for r in await db.get_messages_by_timerange("g", 100, 200, limit=2)] == ids[1:3]
    assert await db.get_messages_by_timerange("g", 300, 400) == []


async def test_messages_for_replay_only_recent_processed(db: Any) -> None:
    now = int(time.time())
    old = await db.save_raw_message(raw("g", "u", now - 40 * 86400))
    recent = await db.save_raw_message(raw("g", "u", now - 3600, "recent"))
    newer = await db.save_raw_message(raw("g", "u", now - 60, "newer"))
    unprocessed = await db.save_raw_message(raw("g", "u", now - 30))
    await db.mark_messages_processed([old, recent, newer])
    rows = await db.get_messages_for_replay("g")
    assert [r["message_id"] for r in rows] == [newer, recent]
    assert rows[0]["message"] == "newer"
    assert unprocessed not in [r["message_id"] for r in rows]
    assert len(await db.get_messages_for_replay("g", days=60)) == 3
    assert len(await db.get_messages_for_replay("g", limit=1)) == 1


async def test_filtered_messages_round_trip(db: Any) -> None:
    scores = {"clarity": 0.9, "note": "好"}
    first = await db.add_filtered_message(
        {
            "raw_message_id": 7,
            "message": "x",
            "sender_id": 42,
            "group_id": "g",
            "timestamp": 100.7,
            "confidence": 0.8,
            "quality_scores": scores,
            "filter_reason": "ok",
        }
    )
    second = await db.add_filtered_message({"message": "y", "sender_id": "s", "group_id": "g", "timestamp": 200})
    assert first > 0 and second > 0
    recent = await db.get_recent_filtered_messages("g")
    assert [r["id"] for r in recent] == [second, first]
    old = recent[1]
    assert old["sender_id"] == "42"
    assert old["raw_message_id"] == 7
    assert old["timestamp"] == 100
    assert old["confidence"] == 0.8
    assert old["quality_scores"] is not None and '"note": "好"' in old["quality_scores"]
    assert old["processed"] is False
    learning = await db.get_filtered_messages_for_learning()
    assert [r["id"] for r in learning] == [first, second]
    assert learning[0] == {
        "id": first,
        "message": "x",
        "sender_id": "42",
        "group_id": "g",
        "timestamp": 100,
        "confidence": 0.8,
    }
    assert len(await db.get_filtered_messages_for_learning(limit=1)) == 1
    assert len(await db.get_recent_filtered_messages("g", limit=1)) == 1


async def test_bot_messages_newest_first(db: Any) -> None:
    assert await db.get_recent_bot_responses("g") == []
    assert await db.save_bot_message("g", "old", 100) is True
    assert await db.save_bot_message("g", "same time, later", 100) is True
    assert await db.save_bot_message("g", "now") is True
    assert await db.save_bot_message("h", "elsewhere", 500) is True
    assert await db.get_recent_bot_responses("g") == ["now", "same time, later", "old"]
    assert await db.get_recent_bot_responses("g", limit=1) == ["now"]


async def test_save_manual_memory(db: Any) -> None:
    new_id = await db.save_manual_memory("g", "u", "remember this")
    async with db.transaction() as session:
        record = await MemoryRepository.get(session, new_id)
    assert record is not None
    assert record["content"] == "remember this"
    assert record["memory_type"] == "manual_remember"
    assert record["importance"] == 9
    assert record["access_count"] == 0


async def test_statistics(db: Any) -> None:
    empty = {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
    assert await db.get_messages_statistics() == empty
    assert await db.get_message_statistics() == empty
    a = await db.save_raw_message(raw("g", "u", 1))
    await db.save_raw_message(raw("g", "u", 2))
    await db.save_raw_message(raw("h", "u", 3))
    await db.mark_messages_processed([a])
    await db.add_filtered_message({"message": "f", "sender_id": "u", "group_id": "g"})
    await db.save_bot_message("g", "b")
    assert await db.get_messages_statistics() == {
        "total_messages": 3,
        "raw_messages": 3,
        "filtered_messages": 1,
        "bot_messages": 1,
    }
    group = {"total_messages": 2, "unprocessed_messages": 1, "filtered_messages": 1, "raw_messages": 2, "group_id": "g"}
    assert await db.get_message_statistics("g") == group
    assert await db.get_group_messages_statistics("g") == group
    assert (await db.get_group_messages_statistics("none"))["total_messages"] == 0


async def test_group_user_statistics_counts_per_sender(db: Any) -> None:
    assert await db.get_group_user_statistics("g") == {}
    await db.save_raw_message(raw("g", "u1", 1, sender_name="Old"))
    await db.save_raw_message(raw("g", "u1", 2, sender_name="Old"))
    await db.save_raw_message(raw("g", "u2", 3, sender_name="Bob"))
    await db.save_raw_message(raw("g", "u3", 4))
    await db.save_raw_message(raw("h", "u1", 5, sender_name="Old"))
    stats = await db.get_group_user_statistics("g")
    assert stats == {
        "u1": {"message_count": 2, "sender_name": "Old"},
        "u2": {"message_count": 1, "sender_name": "Bob"},
        "u3": {"message_count": 1, "sender_name": "u3"},
    }


async def test_groups_for_social_analysis(db: Any) -> None:
    assert await db.get_groups_for_social_analysis() == []
    for sender in ("a", "a", "b"):
        await db.save_raw_message(raw("busy", sender, 1))
    await db.save_raw_message(raw("quiet", "c", 1))
    async with db.transaction() as session:
        await SocialRelationRepository.add(session, {"group_id": "quiet", "from_user": "c", "to_user": "d"})
    assert await db.get_groups_for_social_analysis() == [
        {"group_id": "busy", "message_count": 3, "member_count": 2, "relation_count": 0},
        {"group_id": "quiet", "message_count": 1, "member_count": 1, "relation_count": 1},
    ]


async def test_message_statistics_before_start_has_the_shape_of_the_question() -> None:
    from sldb.generated.manager import SQLAlchemyDatabaseManager

    manager = SQLAlchemyDatabaseManager({})
    of_group = await manager.get_message_statistics("g7")
    assert of_group["group_id"] == "g7" and "unprocessed_messages" in of_group
    assert "group_id" not in await manager.get_message_statistics()
