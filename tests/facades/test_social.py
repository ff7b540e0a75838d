"""SocialFacade through the manager: user profiles, preferences and social relations."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from sldb.generated.repositories.social_relation import UserProfileRepository, UserSocialProfileRepository
from sldb.handwritten.runtime.contract.errors import InvalidValueError


async def test_missing_profile_and_preferences(db: Any) -> None:
    assert await db.load_user_profile("10001") is None
    assert await db.load_user_preferences("u1", "g1") is None


async def test_profile_round_trip(db: Any) -> None:
    data = {
        "qq_name": "小明",
        "nicknames": ["明明", "xm"],
        "activity_pattern": {"peak": "night"},
        "communication_style": {"tone": "casual"},
        "topic_preferences": {"games": 0.9},
        "emotional_tendency": {"joy": 0.6},
        "last_active": 1700000000.5,
    }
    assert await db.save_user_profile("10001", data) is True
    got = await db.load_user_profile("10001")
    assert got == {"qq_id": "10001", **data}


async def test_profile_defaults_when_fields_are_missing(db: Any) -> None:
    before = time.time()
    await db.save_user_profile("10002", {})
    got = await db.load_user_profile("10002")
    assert got is not None
    assert got["qq_name"] == ""
    assert got["nicknames"] == []
    assert got["activity_pattern"] == {} and got["emotional_tendency"] == {}
    assert got["last_active"] is not None and got["last_active"] >= before - 1


async def test_profile_save_replaces_but_keeps_name_when_absent(db: Any) -> None:
    await db.save_user_profile("10003", {"qq_name": "alice", "nicknames": ["a"], "topic_preferences": {"x": 1}})
    await db.save_user_profile("10003", {"nicknames": ["b", "c"]})
    got = await db.load_user_profile("10003")
    assert got is not None
    assert got["qq_name"] == "alice"
    assert got["nicknames"] == ["b", "c"]
    assert got["topic_preferences"] == {}
    t = UserProfileRepository.table
    async with db.transaction() as session:
        assert (await session.execute(select(func.count()).select_from(t))).scalar_one() == 1


async def test_concurrent_first_profile_saves_both_succeed(db: Any) -> None:
    results = await asyncio.gather(
        db.save_user_profile("10004", {"qq_name": "one"}),
        db.save_user_profile("10004", {"qq_name": "two"}),
    )
    assert list(results) == [True, True]
    got = await db.load_user_profile("10004")
    assert got is not None and got["qq_name"] in ("one", "two")


async def test_preferences_round_trip_and_upsert(db: Any) -> None:
    prefs = {
        "favorite_topics": ["music"],
        "interaction_style": {"emoji": True},
        "learning_preferences": {"speed": "slow"},
        "adaptive_rate": 0.8,
    }
    assert await db.save_user_preferences("u1", "g1", prefs) is True
    assert await db.load_user_preferences("u1", "g1") == {"user_id": "u1", "group_id": "g1", **prefs}

    await db.save_user_preferences("u1", "g1", {"favorite_topics": ["art"]})
    got = await db.load_user_preferences("u1", "g1")
    assert got == {
        "user_id": "u1",
        "group_id": "g1",
        "favorite_topics": ["art"],
        "interaction_style": {},
        "learning_preferences": {},
        "adaptive_rate": 0.5,
    }
    assert await db.load_user_preferences("u1", "g2") is None


async def test_no_relations_in_an_empty_group(db: Any) -> None:
    assert await db.get_social_relations_by_group("g1") == []
    assert await db.get_social_relationships("g1") == []
    assert await db.load_social_graph("g1") == []
    assert await db.get_user_social_relations("g1", "u1") == {"user_id": "u1", "group_id": "g1", "relations": []}


async def test_relation_round_trip_in_both_key_styles(db: Any) -> None:
    ok = await db.save_social_relation(
        "g1",
        {
            "from_user": "a",
            "to_user": "b",
            "relation_type": "friend",
            "strength": 0.9,
            "frequency": 4,
            "last_interaction": 1700000000,
            "relation_name": "close friends",
        },
    )
    assert ok is True
    before = int(time.time())
    with pytest.raises(InvalidValueError, match=r"relation_data\.last_interaction"):
        await db.save_social_relation("g1", {"from_user_id": "b", "to_user_id": "c", "last_interaction": "yesterday"})
    await db.save_social_relation("g1", {"from_user_id": "b", "to_user_id": "c"})
    await db.save_social_relation("g2", {"from_user": "a", "to_user": "z"})

    relations = await db.get_social_relations_by_group("g1")
    assert relations[0] == {
        "from_user": "a",
        "to_user": "b",
        "relation_type": "friend",
        "strength": 0.9,
        "frequency": 4,
        "last_interaction": 1700000000,
        "description": "close friends",
    }
    second = relations[1]
    assert (second["from_user"], second["to_user"]) == ("b", "c")
    assert second["relation_type"] == "interaction" and second["strength"] == 0.5 and second["frequency"] == 1
    assert second["last_interaction"] >= before - 1 and second["description"] == ""
    assert len(relations) == 2
    assert await db.get_social_relationships("g1") == relations
    assert await db.load_social_graph("g1") == relations


async def test_relations_share_the_source_users_profile(db: Any) -> None:
    results = await asyncio.gather(
        db.save_social_relation("g1", {"from_user": "a", "to_user": "b"}),
        db.save_social_relation("g1", {"from_user": "a", "to_user": "c"}),
    )
    assert list(results) == [True, True]
    t = UserSocialProfileRepository.table
    async with db.transaction() as session:
        profiles = (await session.execute(select(t))).mappings().all()
    assert [(p["user_id"], p["group_id"]) for p in profiles] == [("a", "g1")]
    view = await db.get_user_social_relations("g1", "a")
    assert {r["profile_id"] for r in view["relations"]} == {profiles[0]["id"]}


async def test_user_relations_cover_both_directions(db: Any) -> None:
    await db.save_social_relation("g1", {"from_user": "a", "to_user": "b", "tags": ["work"]})
    await db.save_social_relation("g1", {"from_user": "c", "to_user": "a"})
    await db.save_social_relation("g1", {"from_user": "b", "to_user": "c"})
    await db.save_social_relation("g2", {"from_user": "a", "to_user": "b"})
    view = await db.get_user_social_relations("g1", "a")
    assert view["user_id"] == "a" and view["group_id"] == "g1"
    pairs = [(r["from_user_id"], r["to_user_id"]) for r in view["relations"]]
    assert pairs == [("a", "b"), ("c", "a")]
    first = view["relations"][0]
    assert first["group_id"] == "g1" and first["tags"] == '["work"]'
    assert first["value"] == 0.5 and isinstance(first["id"], int)
