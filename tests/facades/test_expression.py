"""ExpressionFacade through the manager: pattern queries, statistics, style profiles and style patterns."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.expression import (
    ExpressionPatternRepository,
    LanguageStylePatternRepository,
    StyleLearningRecordRepository,
    StyleProfileRepository,
)


async def add_pattern(
    db: Any,
    expression: str,
    *,
    group_id: str = "g1",
    weight: float = 1.0,
    persona_id: str = "default",
    user_id: str | None = None,
    active: float | None = None,
) -> int:
    now = time.time()
    async with db.transaction() as session:
        return await ExpressionPatternRepository.add(
            session,
            {
                "group_id": group_id,
                "persona_id": persona_id,
                "user_id": user_id,
                "situation": f"when {expression}",
                "expression": expression,
                "weight": weight,
                "last_active_time": now if active is None else active,
                "create_time": now,
            },
        )


def expressions(records: list[Any]) -> list[str]:
    return [r["expression"] for r in records]


async def test_group_patterns_heaviest_first_with_id_tie_break(db: Any) -> None:
    await add_pattern(db, "b", weight=2.0)
    await add_pattern(db, "c", weight=1.0)
    await add_pattern(db, "d", weight=1.0)
    await add_pattern(db, "a", weight=3.0)
    got = await db.get_group_expression_patterns("g1")
    assert expressions(got) == ["a", "b", "c", "d"]
    assert got[0]["weight"] == 3.0 and got[0]["group_id"] == "g1" and got[0]["user_id"] is None
    assert set(got[0]) == {
        "id",
        "group_id",
        "persona_id",
        "user_id",
        "situation",
        "expression",
        "weight",
        "last_active_time",
        "create_time",
    }
    assert expressions(await db.get_group_expression_patterns("g1", limit=2)) == ["a", "b"]


async def test_group_patterns_filter_group_persona_and_user(db: Any) -> None:
    await add_pattern(db, "shared")
    await add_pattern(db, "other-group", group_id="g2")
    await add_pattern(db, "other-persona", persona_id="bot2")
    await add_pattern(db, "alice", user_id="alice")
    assert expressions(await db.get_group_expression_patterns("g1")) == ["shared"]
    assert expressions(await db.get_group_expression_patterns("g1", user_id="alice")) == ["alice"]
    assert expressions(await db.get_group_expression_patterns("g1", persona_id="bot2")) == ["other-persona"]
    # A blank persona is the default persona.
    assert expressions(await db.get_group_expression_patterns("g1", persona_id="  ")) == ["shared"]
    assert await db.get_group_expression_patterns("missing") == []


async def test_group_patterns_default_limit_is_100(db: Any) -> None:
    async with db.transaction() as session:
        for i in range(105):
            await ExpressionPatternRepository.add(
                session,
                {
                    "group_id": "g1",
                    "situation": "s",
                    "expression": f"e{i}",
                    "weight": float(i),
                    "last_active_time": 1.0,
                    "create_time": 1.0,
                },
            )
    got = await db.get_group_expression_patterns("g1")
    assert len(got) == 100
    assert got[0]["expression"] == "e104"
    assert len(await db.get_group_expression_patterns("g1", limit=0)) == 100


async def test_recent_patterns_respect_hours_group_and_limit(db: Any) -> None:
    now = time.time()
    await add_pattern(db, "fresh", weight=1.0, active=now - 60)
    await add_pattern(db, "heavy", weight=5.0, active=now - 3600 * 2)
    await add_pattern(db, "stale", weight=9.0, active=now - 3600 * 200)
    await add_pattern(db, "elsewhere", group_id="g2", weight=2.0, active=now)
    await add_pattern(db, "bob", user_id="bob", active=now)
    assert expressions(await db.get_recent_week_expression_patterns()) == ["heavy", "elsewhere", "fresh"]
    assert expressions(await db.get_recent_week_expression_patterns("g1")) == ["heavy", "fresh"]
    assert expressions(await db.get_recent_week_expression_patterns("g1", hours=1)) == ["fresh"]
    assert expressions(await db.get_recent_week_expression_patterns(limit=1)) == ["heavy"]
    assert expressions(await db.get_recent_week_expression_patterns(user_id="bob")) == ["bob"]
    assert await db.get_recent_week_expression_patterns(persona_id="nobody") == []


async def test_all_patterns_grouped_and_empty_group_is_global(db: Any) -> None:
    assert await db.get_all_expression_patterns() == {}
    await add_pattern(db, "g1-light", weight=1.0)
    await add_pattern(db, "g1-heavy", weight=4.0)
    await add_pattern(db, "g2", group_id="g2", user_id="u", persona_id="p")
    await add_pattern(db, "nameless", group_id="")
    grouped = await db.get_all_expression_patterns()
    assert set(grouped) == {"g1", "g2", "global"}
    assert expressions(grouped["g1"]) == ["g1-heavy", "g1-light"]
    assert expressions(grouped["global"]) == ["nameless"]
    assert grouped["g2"][0]["user_id"] == "u" and grouped["g2"][0]["persona_id"] == "p"


async def test_statistics_count_patterns_and_groups(db: Any) -> None:
    assert await db.get_expression_patterns_statistics() == {"total_patterns": 0, "groups_with_patterns": 0}
    await add_pattern(db, "a")
    await add_pattern(db, "b")
    await add_pattern(db, "c", group_id="g2")
    stats = await db.get_expression_patterns_statistics()
    assert stats == {"total_patterns": 3, "groups_with_patterns": 2}
    assert type(stats["total_patterns"]) is int and type(stats["groups_with_patterns"]) is int


async def test_style_profile_round_trip_and_partial_update(db: Any) -> None:
    assert await db.load_style_profile("p") is None
    assert await db.save_style_profile("p", {"vocabulary_richness": 0.7, "formality_level": 0.2})
    assert await db.load_style_profile("p") == {
        "profile_name": "p",
        "vocabulary_richness": 0.7,
        "sentence_complexity": None,
        "emotional_expression": None,
        "interaction_tendency": None,
        "topic_diversity": None,
        "formality_level": 0.2,
        "creativity_score": None,
    }
    assert await db.save_style_profile("p", {"creativity_score": 0.9, "unknown_key": 1})
    loaded = await db.load_style_profile("p")
    assert loaded is not None
    assert (loaded["vocabulary_richness"], loaded["formality_level"], loaded["creativity_score"]) == (0.7, 0.2, 0.9)
    # Saving nothing keeps the one profile.
    assert await db.save_style_profile("p", {})
    async with db.transaction() as session:
        assert await StyleProfileRepository.count(session, where={"profile_name": "p"}) == 1


async def test_style_profile_with_duplicate_names_updates_all_and_loads_oldest(db: Any) -> None:
    async with db.transaction() as session:
        await StyleProfileRepository.add(session, {"profile_name": "dup", "topic_diversity": 0.1})
        await StyleProfileRepository.add(session, {"profile_name": "dup", "topic_diversity": 0.5})
    loaded = await db.load_style_profile("dup")
    assert loaded is not None and loaded["topic_diversity"] == 0.1
    assert await db.save_style_profile("dup", {"topic_diversity": 0.3})
    async with db.transaction() as session:
        rows = await StyleProfileRepository.list(session, where={"profile_name": "dup"})
    assert [r["topic_diversity"] for r in rows] == [0.3, 0.3]


async def test_style_learning_record_is_stored_with_json_patterns(db: Any) -> None:
    before = time.time()
    assert await db.save_style_learning_record(
        {"style_type": "humor", "learned_patterns": ["哈哈", {"k": 1}], "confidence_score": 0.8, "sample_count": 12}
    )
    assert await db.save_style_learning_record({})
    async with db.transaction() as session:
        rows = await StyleLearningRecordRepository.list(session)
    assert len(rows) == 2
    first, second = rows
    assert first["style_type"] == "humor"
    assert json.loads(first["learned_patterns"] or "") == ["哈哈", {"k": 1}]
    assert (first["confidence_score"], first["sample_count"]) == (0.8, 12)
    assert first["last_updated"] is not None and first["last_updated"] >= before - 1
    assert (second["style_type"], second["learned_patterns"], second["confidence_score"], second["sample_count"]) == (
        "unknown",
        "[]",
        0.0,
        0,
    )


async def test_language_style_pattern_inserts_then_counts_uses(db: Any) -> None:
    assert await db.save_language_style_pattern("casual", {"example_phrases": ["嗯嗯"], "confidence_score": 0.4})
    async with db.transaction() as session:
        (row,) = await LanguageStylePatternRepository.list(session)
    assert row["usage_frequency"] == 1 and row["context_type"] == "general" and row["confidence_score"] == 0.4
    assert json.loads(row["example_phrases"] or "") == ["嗯嗯"]

    assert await db.save_language_style_pattern("casual", {"example_phrases": ["ok"], "context_type": "chat"})
    assert await db.save_language_style_pattern("formal", {})
    table = LanguageStylePatternRepository.table
    async with db.transaction() as session:
        result = await session.execute(select(table).order_by(table.c.id))
        rows = [dict(r) for r in result.mappings().all()]
    assert [(r["language_style"], r["usage_frequency"], r["context_type"]) for r in rows] == [
        ("casual", 2, "chat"),
        ("formal", 1, "general"),
    ]
    assert json.loads(rows[0]["example_phrases"]) == ["ok"]
    assert rows[0]["confidence_score"] is None
