"""Writes that make a row if it is missing, called at once by many callers for the same new key.

On MySQL/MariaDB a transaction reads one REPEATABLE READ snapshot: a write that finds another caller's row (an
upsert, a duplicate) and then reads it with a plain SELECT sees nothing. Each case here makes every caller race
for one new key, on every backend, and checks that every call succeeded and that what they stored adds up.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

from sqlalchemy import func, select

from sldb.generated.repositories.affection import AffectionInteractionRepository, UserAffectionRepository
from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.repositories.social_relation import (
    UserSocialProfileRepository,
    UserSocialRelationComponentRepository,
)

CALLERS = 40


async def _rows(db: Any, stmt: Any) -> list[Any]:
    async with db.reading() as conn:
        return list((await conn.execute(stmt)).mappings().all())


async def test_first_affection_updates_of_one_user_all_succeed(db: Any) -> None:
    levels = [(i * 7) % 101 for i in range(1, CALLERS + 1)]
    results = await asyncio.gather(
        *(db.update_user_affection("g-race", "newcomer", level, f"r{i}", "calm") for i, level in enumerate(levels))
    )
    assert results == [True] * CALLERS

    users = UserAffectionRepository.table
    (user,) = await _rows(db, select(users).where(users.c.user_id == "newcomer"))
    interactions = AffectionInteractionRepository.table
    history = await _rows(db, select(interactions).order_by(interactions.c.id))
    # The callers took turns: each change starts where the one before it ended, from 0 to the stored level.
    assert all(row["user_affection_id"] == user["id"] for row in history)
    chain = [json.loads(row["message_content"]) for row in history]
    assert chain[0]["previous_level"] == 0
    assert all(a["new_level"] == b["previous_level"] for a, b in itertools.pairwise(chain))
    assert chain[-1]["new_level"] == user["affection_level"]
    assert sum(row["affection_delta"] for row in history) == user["affection_level"]


async def test_first_inserts_of_one_jargon_term_all_get_its_id(db: Any) -> None:
    data = {"chat_id": "c-race", "content": "新词", "meaning": "m", "count": 1}
    ids = await asyncio.gather(*(db.insert_jargon(dict(data)) for _ in range(CALLERS)))
    jargon = JargonRepository.table
    stored = await _rows(db, select(jargon.c.id).where(jargon.c.chat_id == "c-race"))
    assert len(stored) == 1
    assert ids == [stored[0]["id"]] * CALLERS


async def test_first_relations_of_one_user_share_one_profile(db: Any) -> None:
    relation = {"from_user": "alice", "to_user": "bob", "relation_type": "mention", "strength": 0.7}
    results = await asyncio.gather(*(db.save_social_relation("g-race", dict(relation)) for _ in range(CALLERS)))
    assert results == [True] * CALLERS
    profiles = UserSocialProfileRepository.table
    (profile,) = await _rows(db, select(profiles).where(profiles.c.user_id == "alice"))
    components = UserSocialRelationComponentRepository.table
    owners = await _rows(db, select(components.c.profile_id, func.count()).group_by(components.c.profile_id))
    assert [(row["profile_id"], row["count"]) for row in owners] == [(profile["id"], CALLERS)]
