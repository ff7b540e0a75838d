"""AdminFacade behaviour on every backend: export, clearing of data categories and their counts."""

from __future__ import annotations

from typing import Any

from sldb.generated.repositories.jargon import JargonRepository, JargonUsageFrequencyRepository
from sldb.generated.repositories.knowledge_graph import KGEntityRepository
from sldb.generated.repositories.message import BotMessageRepository, ConversationQualityMetricsRepository

ZERO_STATISTICS = {
    "messages": 0,
    "persona_reviews": 0,
    "style_learning": 0,
    "jargon": 0,
    "learning_history": 0,
    "memory": 0,
    "knowledge_graph": 0,
    "runtime_state": 0,
}


async def add_messages(db: Any) -> tuple[int, int, int]:
    """Two raw messages in g, one in h, a filtered one in g, and a bot message with a quality metric."""
    g1 = await db.save_raw_message({"sender_id": "u1", "message": "one", "group_id": "g", "timestamp": 20})
    g2 = await db.save_raw_message({"sender_id": "u2", "message": "two", "group_id": "g", "timestamp": 10})
    h1 = await db.save_raw_message({"sender_id": "u3", "message": "three", "group_id": "h", "timestamp": 5})
    await db.add_filtered_message({"message": "kept", "sender_id": "u1", "group_id": "g", "confidence": 0.7})
    await db.save_bot_message("g", "reply", 30)
    async with db.transaction() as session:
        [bot] = await BotMessageRepository.list(session)
        await ConversationQualityMetricsRepository.add(
            session, {"group_id": "g", "message_id": bot["id"], "calculated_at": 1.0}
        )
    return g1, g2, h1


async def add_jargon(db: Any) -> None:
    async with db.transaction() as session:
        jargon_id = await JargonRepository.add(
            session, {"content": "yyds", "chat_id": "g", "created_at": 1, "updated_at": 1}
        )
        await JargonUsageFrequencyRepository.add(
            session, {"jargon_id": jargon_id, "group_id": "g", "last_used_at": 1.0}
        )


async def test_statistics_of_empty_tables(db: Any) -> None:
    assert await db.get_data_statistics() == ZERO_STATISTICS


async def test_export_is_ordered_by_id_and_filters_by_group(db: Any) -> None:
    assert await db.export_messages_learning_data() == {"raw_messages": [], "filtered_messages": []}
    g1, g2, h1 = await add_messages(db)
    everything = await db.export_messages_learning_data()
    assert [m["id"] for m in everything["raw_messages"]] == sorted([g1, g2, h1])
    assert everything["raw_messages"][0] == {
        "id": g1,
        "sender_id": "u1",
        "message": "one",
        "group_id": "g",
        "timestamp": 20,
    }
    [filtered] = everything["filtered_messages"]
    assert filtered["message"] == "kept"
    assert filtered["confidence"] == 0.7
    assert set(filtered) == {"id", "message", "group_id", "confidence", "timestamp"}
    only_h = await db.export_messages_learning_data("h")
    assert [m["id"] for m in only_h["raw_messages"]] == [h1]
    assert only_h["filtered_messages"] == []


async def test_clear_messages_data_counts_rows_and_respects_foreign_keys(db: Any) -> None:
    await add_messages(db)
    await add_jargon(db)
    statistics = await db.get_data_statistics()
    # 3 raw, 1 filtered, 1 bot message, 1 quality metric.
    assert statistics == {**ZERO_STATISTICS, "messages": 6, "jargon": 2}
    assert all(type(count) is int for count in statistics.values())
    assert await db.clear_messages_data() == {"success": True, "deleted": 6}
    assert await db.get_data_statistics() == {**ZERO_STATISTICS, "jargon": 2}
    assert await db.clear_messages_data() == {"success": True, "deleted": 0}


async def test_clear_jargon_and_other_categories(db: Any) -> None:
    await add_jargon(db)
    await db.save_manual_memory("g", "u", "remember")
    async with db.transaction() as session:
        await KGEntityRepository.add(session, {"name": "cat", "last_active_time": 1.0, "group_id": "g"})
    assert await db.clear_jargon_data() == {"success": True, "deleted": 2}
    assert await db.clear_memory_data() == {"success": True, "deleted": 1}
    assert await db.clear_knowledge_graph_data() == {"success": True, "deleted": 1}
    for clear in (
        db.clear_persona_reviews_data,
        db.clear_style_learning_data,
        db.clear_learning_history_data,
        db.clear_runtime_state_data,
    ):
        assert await clear() == {"success": True, "deleted": 0}
    assert await db.get_data_statistics() == ZERO_STATISTICS


async def test_clear_all_messages_data(db: Any) -> None:
    await add_messages(db)
    assert await db.clear_all_messages_data() is True
    exported = await db.export_messages_learning_data()
    assert exported == {"raw_messages": [], "filtered_messages": []}
    # Bot messages are not part of this clear.
    assert await db.get_recent_bot_responses("g") == ["reply"]


async def test_clear_all_plugin_data(db: Any) -> None:
    await add_messages(db)
    await add_jargon(db)
    await db.save_manual_memory("g", "u", "remember")
    result = await db.clear_all_plugin_data()
    assert result["success"] is True
    assert result["deleted"] == 9
    assert list(result["details"]) == list(ZERO_STATISTICS)
    assert result["details"]["messages"] == {"success": True, "deleted": 6}
    assert result["details"]["jargon"] == {"success": True, "deleted": 2}
    assert result["details"]["memory"] == {"success": True, "deleted": 1}
    assert result["details"]["runtime_state"] == {"success": True, "deleted": 0}
    assert await db.get_data_statistics() == ZERO_STATISTICS
