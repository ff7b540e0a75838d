"""JargonFacade through the manager, on every backend."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.jargon import JargonRepository

J = JargonRepository.table


async def _term(db: Any, chat_id: str, content: str, **fields: Any) -> int:
    data: dict[str, Any] = {"chat_id": chat_id, "content": content, **fields}
    jargon_id = await db.insert_jargon(data)
    assert isinstance(jargon_id, int)
    return jargon_id


async def _rows(db: Any, chat_id: str, content: str) -> list[dict[str, Any]]:
    async with db.transaction() as session:
        result = await session.execute(select(J).where(J.c.chat_id == chat_id, J.c.content == content))
        return [dict(r) for r in result.mappings().all()]


async def test_insert_then_get_round_trip(db: Any) -> None:
    jargon_id = await _term(db, "g1", "yyds", meaning="forever god", raw_content=["ctx a"], is_jargon=True, count=3)
    got = await db.get_jargon("g1", "yyds")
    assert got is not None
    assert got["id"] == jargon_id
    assert got["meaning"] == "forever god"
    assert got["raw_content"] == '["ctx a"]'
    assert got["is_jargon"] is True
    assert got["count"] == 3
    assert got["is_complete"] is False
    assert got["is_global"] is False
    assert isinstance(got["created_at"], int)
    assert await db.get_jargon_by_id(jargon_id) == got
    assert await db.get_jargon("g1", "missing") is None
    assert await db.get_jargon_by_id(jargon_id + 1000) is None


async def test_insert_duplicate_returns_existing_id(db: Any) -> None:
    first = await _term(db, "g1", "xswl", meaning="lol")
    second = await _term(db, "g1", "xswl", meaning="other")
    assert second == first
    rows = await _rows(db, "g1", "xswl")
    assert [r["meaning"] for r in rows] == ["lol"]


async def test_update_jargon_sets_given_fields(db: Any) -> None:
    jargon_id = await _term(db, "g1", "awsl", meaning="old", count=2)
    assert await db.update_jargon({"id": jargon_id, "meaning": {"a": 1}, "is_complete": True, "count": 7}) is True
    got = await db.get_jargon_by_id(jargon_id)
    assert got["meaning"] == '{"a": 1}'
    assert got["is_complete"] is True
    assert got["count"] == 7
    assert await db.update_jargon({"meaning": "no id"}) is False
    assert await db.update_jargon({"id": jargon_id + 1000, "meaning": "x"}) is False


async def test_save_or_update_inserts_then_replaces_incomplete(db: Any) -> None:
    first = await db.save_or_update_jargon("g1", "tql", {"meaning": "m1", "count": 2, "raw_content": '["a"]'})
    second = await db.save_or_update_jargon("g1", "tql", {"meaning": "m2", "count": 5, "is_jargon": False})
    assert first == second
    (row,) = await _rows(db, "g1", "tql")
    assert row["meaning"] == "m2"
    assert row["count"] == 5
    assert row["is_jargon"] is False
    assert row["raw_content"] == '["a"]'


async def test_save_or_update_keeps_completed_meaning_and_adds_counts(db: Any) -> None:
    first = await db.save_or_update_jargon(
        "g1",
        "打爆",
        {"raw_content": '["manual"]', "meaning": "manual", "is_jargon": True, "count": 5, "is_complete": True},
    )
    second = await db.save_or_update_jargon(
        "g1",
        "打爆",
        {"raw_content": '["auto"]', "meaning": "auto", "is_jargon": False, "count": 1, "is_complete": False},
    )
    assert first == second
    (row,) = await _rows(db, "g1", "打爆")
    assert row["meaning"] == "manual"
    assert row["raw_content"] == '["manual"]'
    assert row["is_jargon"] is True
    assert row["is_complete"] is True
    assert row["count"] == 6


async def test_a_repeat_that_changes_nothing_returns_the_term_id(db: Any) -> None:
    """MariaDB reports no key for an upsert that changed no column (the same data within one second): the id is
    then read by (chat_id, content), as for a repeated message."""
    first = await db.save_or_update_jargon("g1", "same", {"meaning": "m"})
    assert await db.save_or_update_jargon("g1", "same", {"meaning": "m"}) == first
    assert await db.save_or_update_jargon("g1", "same", {}) == first


async def test_manual_completion_locks_against_later_learning(db: Any) -> None:
    jargon_id = await db.save_or_update_jargon("g1", "上强度", {"meaning": "auto", "count": 4, "is_complete": False})
    assert await db.update_jargon({"id": jargon_id, "meaning": "edited", "is_complete": True})
    await db.save_or_update_jargon("g1", "上强度", {"meaning": "later", "count": 2, "is_complete": False})
    got = await db.get_jargon_by_id(jargon_id)
    assert got["meaning"] == "edited"
    assert got["is_complete"] is True
    assert got["count"] == 6


async def test_concurrent_saves_of_one_term_make_one_row(db: Any) -> None:
    data = {"meaning": "m", "is_jargon": True, "count": 1, "is_complete": True}
    ids = await asyncio.gather(*(db.save_or_update_jargon("race", "冲", dict(data)) for _ in range(10)))
    assert len(set(ids)) == 1 and ids[0] is not None
    (row,) = await _rows(db, "race", "冲")
    assert row["id"] == ids[0]
    assert row["count"] == 10


async def test_recent_list_filters_and_order(db: Any) -> None:
    a = await _term(db, "g1", "a", is_jargon=True, is_global=True, updated_at=100)
    b = await _term(db, "g1", "b", is_jargon=False, updated_at=300)
    c = await _term(db, "g1", "c", is_jargon=None, is_complete=True, updated_at=200)
    await _term(db, "g2", "d", is_jargon=True, updated_at=400)

    def ids(items: list[dict[str, Any]]) -> list[int]:
        return [item["id"] for item in items]

    assert ids(await db.get_recent_jargon_list(group_id="g1")) == [b, c, a]
    assert ids(await db.get_recent_jargon_list(chat_id="g1", limit=2, offset=1)) == [c, a]
    assert ids(await db.get_recent_jargon_list(group_id="g1", only_confirmed=True)) == [a]
    assert ids(await db.get_recent_jargon_list(group_id="g1", pending_only=True)) == [b]
    assert ids(await db.get_recent_jargon_list(group_id="g1", global_only=True)) == [a]
    assert ids(await db.get_recent_jargon_list(group_id="g1", local_only=True)) == [b, c]
    assert len(await db.get_recent_jargon_list()) == 4
    assert await db.get_recent_jargon_list(group_id="none") == []


async def test_lists_across_chats_show_a_content_once(db: Any) -> None:
    await _term(db, "g1", "猫娘", is_jargon=True, count=2, updated_at=100)
    newer = await _term(db, "g2", "猫娘", is_jargon=True, count=9, updated_at=200)
    await _term(db, "g3", "other", is_jargon=True, count=1, updated_at=50)
    recent = await db.get_recent_jargon_list(only_confirmed=True)
    assert recent[0]["id"] == newer
    assert [r["content"] for r in recent] == ["猫娘", "other"]
    assert await db.get_jargon_count(only_confirmed=True) == 2
    assert await db.get_jargon_count(chat_id="g1") == 1
    found = await db.search_jargon("猫", confirmed_only=True)
    assert [f["id"] for f in found] == [newer]


async def _shared_contents_in_three_chats(db: Any) -> None:
    """Terms of three chats sharing contents; a content's terms are updated one after another, so a page of
    rows in list order holds the same content several times ("Alpha " is alpha: trimmed, case-insensitive)."""
    chats = {
        "c1": ["alpha", "beta", "gamma", "delta", "epsilon"],
        "c2": ["alpha", "beta", "gamma", "delta"],
        "c3": ["Alpha ", "gamma", "epsilon", "zeta"],
    }
    order = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    for position, chat in enumerate(sorted(chats)):
        for content in chats[chat]:
            newest_first = 1000 - 10 * order.index(content.strip().lower()) - position
            await _term(db, chat, content, is_jargon=True, updated_at=newest_first)


async def test_pages_across_chats_hold_each_content_once_and_add_up_to_the_count(db: Any) -> None:
    await _shared_contents_in_three_chats(db)
    total = await db.get_jargon_count()
    assert total == 6
    pages: list[list[dict[str, Any]]] = []
    for offset in range(0, total + 2, 2):  # one page past the end
        pages.append(await db.get_recent_jargon_list(limit=2, offset=offset))
    assert [len(page) for page in pages] == [2, 2, 2, 0]  # no page short before the end
    listed = [(term["chat_id"], term["content"]) for page in pages for term in page]
    # each content once, as its newest term, newest first
    assert listed == [
        ("c1", "alpha"),
        ("c1", "beta"),
        ("c1", "gamma"),
        ("c1", "delta"),
        ("c1", "epsilon"),
        ("c3", "zeta"),
    ]
    assert await db.get_jargon_count(only_confirmed=True) == len(await db.get_recent_jargon_list(limit=100)) == total
    # search keeps one term per content before its limit too
    found = await db.search_jargon("a", limit=3)
    assert [(term["chat_id"], term["content"]) for term in found] == [("c1", "alpha"), ("c1", "beta"), ("c1", "gamma")]


async def test_count_filters(db: Any) -> None:
    await _term(db, "g1", "a", is_jargon=True, is_global=True)
    await _term(db, "g1", "b", is_jargon=False)
    await _term(db, "g1", "c", is_jargon=False, is_complete=True)
    assert await db.get_jargon_count() == 3
    assert await db.get_jargon_count(chat_id="g1", only_confirmed=True) == 1
    assert await db.get_jargon_count(chat_id="g1", pending_only=True) == 1
    assert await db.get_jargon_count(chat_id="g1", global_only=True) == 1
    assert await db.get_jargon_count(chat_id="g1", local_only=True) == 2
    assert await db.get_jargon_count(chat_id="g9") == 0


async def test_search_matches_substring_and_wildcards_literally(db: Any) -> None:
    low = await _term(db, "g1", "Hello World", count=1)
    high = await _term(db, "g1", "say hello", count=5)
    pct = await _term(db, "g2", "100%", count=1, is_global=True)
    assert [r["id"] for r in await db.search_jargon("HELLO")] == [high, low]
    assert [r["id"] for r in await db.search_jargon("hello", limit=1)] == [high]
    assert [r["id"] for r in await db.search_jargon("hello", chat_id="g2")] == []
    assert [r["id"] for r in await db.search_jargon("%")] == [pct]
    assert [r["id"] for r in await db.search_jargon("0", global_only=True)] == [pct]
    assert await db.search_jargon("_") == []


async def test_statistics(db: Any) -> None:
    empty = await db.get_jargon_statistics()
    assert empty == {
        "total_candidates": 0,
        "confirmed_jargon": 0,
        "completed_inference": 0,
        "total_occurrences": 0,
        "average_count": 0.0,
        "active_groups": 0,
    }
    await _term(db, "g1", "a", is_jargon=True, count=2, is_complete=True)
    await _term(db, "g1", "b", is_jargon=False, count=3)
    await _term(db, "g2", "c", is_jargon=True, count=4)
    stats = await db.get_jargon_statistics()
    assert stats == {
        "total_candidates": 3,
        "confirmed_jargon": 2,
        "completed_inference": 1,
        "total_occurrences": 9,
        "average_count": 3.0,
        "active_groups": 2,
    }
    one = await db.get_jargon_statistics(group_id="g1")
    assert one["total_candidates"] == 2
    assert one["average_count"] == 2.5
    assert one["active_groups"] == 1
    assert (await db.get_jargon_statistics(group_id="g9"))["active_groups"] == 0


async def test_set_global_delete_and_global_list(db: Any) -> None:
    a = await _term(db, "g1", "a", is_jargon=True, count=1)
    b = await _term(db, "g2", "b", is_jargon=True, count=5)
    c = await _term(db, "g2", "c", is_jargon=False, count=9)
    for jargon_id in (a, b, c):
        assert await db.set_jargon_global(jargon_id, True) is True
    assert await db.set_jargon_global(c + 1000, True) is False
    assert [r["id"] for r in await db.get_global_jargon_list()] == [b, a]
    assert [r["id"] for r in await db.get_global_jargon_list(limit=1)] == [b]
    assert await db.set_jargon_global(b, False) is True
    assert [r["id"] for r in await db.get_global_jargon_list()] == [a]
    assert await db.delete_jargon_by_id(a) is True
    assert await db.delete_jargon_by_id(a) is False
    assert await db.get_global_jargon_list() == []


async def test_sync_global_jargon_to_group(db: Any) -> None:
    await _term(db, "g1", "shared", meaning="less", is_jargon=True, is_global=True, count=1)
    await _term(db, "g2", "shared", meaning="more", is_jargon=True, is_global=True, count=7)
    await _term(db, "g1", "known", meaning="global", is_jargon=True, is_global=True)
    await _term(db, "target", "known", meaning="local")
    await _term(db, "g1", "unconfirmed", is_jargon=False, is_global=True)
    assert await db.sync_global_jargon_to_group("target") == 1
    copied = await db.get_jargon("target", "shared")
    assert copied is not None
    assert copied["meaning"] == "more"
    assert copied["is_jargon"] is True
    assert copied["is_global"] is False
    assert copied["count"] == 1
    assert (await db.get_jargon("target", "known"))["meaning"] == "local"
    assert await db.get_jargon("target", "unconfirmed") is None
    assert await db.sync_global_jargon_to_group("target") == 0


async def test_jargon_groups(db: Any) -> None:
    assert await db.get_jargon_groups() == []
    await _term(db, "g1", "a")
    await _term(db, "g2", "a")
    await _term(db, "g2", "b")
    await _term(db, "g0", "z")
    groups = await db.get_jargon_groups()
    assert groups[0] == {"group_id": "g2", "group_name": "g2", "id": "g2", "chat_id": "g2", "count": 2}
    assert [(g["chat_id"], g["count"]) for g in groups] == [("g2", 2), ("g0", 1), ("g1", 1)]
