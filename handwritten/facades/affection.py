"""AffectionFacade queries: affection levels and the bot's mood (spec: schema/facades/affection.yaml)."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Insert, case, func, insert, select, update

from sldb.generated.fast import affection as fast
from sldb.generated.repositories.affection import AffectionInteractionRepository, UserAffectionRepository
from sldb.generated.repositories.psychological import BotMoodRepository
from sldb.generated.shapes.affection import AffectionView, BotMoodView, bot_mood_view
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import as_mapping, first, read_first, read_records, read_scalar
from sldb.handwritten.runtime.queries.upsert import insert_or_existing_key_statement, run_insert_or_existing_key
from sldb.handwritten.runtime.values.jsontext import dumps

_AFFECTIONS = UserAffectionRepository.table
_INTERACTIONS = AffectionInteractionRepository.table
_MOODS = BotMoodRepository.table

# The plugin's ceiling for a user that has no row yet.
_DEFAULT_MAX_AFFECTION = 100
# interaction_type is a VARCHAR(50); the full reason also goes to message_content.
_TYPE_LENGTH = 50


def _affection_view(row: Mapping[Any, Any]) -> AffectionView:
    return {
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "affection_level": int(row["affection_level"]),
        "max_affection": int(row["max_affection"]),
        "created_at": int(row["created_at"]),
        "updated_at": int(row["updated_at"]),
    }


def _of_user(group_id: str, user_id: str) -> Any:
    return (_AFFECTIONS.c.group_id == group_id) & (_AFFECTIONS.c.user_id == user_id)


async def get_user_affection(db: Database, *, group_id: str, user_id: str) -> AffectionView | None:
    stmt = select(_AFFECTIONS).where(_of_user(group_id, user_id))
    return await read_first(db, stmt, _affection_view)


async def update_user_affection(
    db: Database, *, group_id: str, user_id: str, new_level: int, change_reason: str, bot_mood: str
) -> bool:
    now = int(time.time())
    async with db.driver_transaction() as conn:
        # The user's row, made if missing, and its key, in one statement that also locks the row: callers
        # updating one user at once take turns from here, and a first update racing another finds its row.
        affection_id = await fast.user_affection_first_seen(conn, _first_seen_values(group_id, user_id, now))
        # A locking read: it sees the level the previous caller committed (on MySQL a plain read would see
        # this transaction's REPEATABLE READ snapshot instead).
        (current,) = await fast.user_affection_locked(conn, id=affection_id)
        previous, level = _levels(current, new_level)
        await fast.set_user_affection_level(conn, affection_level=level, updated_at=now, id=affection_id)
        if level != previous:  # like the plugin's history: only real changes are recorded
            change = _interaction_values(affection_id, previous, level, change_reason, bot_mood, now)
            await fast.insert_affection_interaction(conn, change)
    return True


async def update_user_affection_reference(
    db: Database, *, group_id: str, user_id: str, new_level: int, change_reason: str, bot_mood: str
) -> bool:
    """update_user_affection through SQLAlchemy: the form its fast path is held to (contract_tests/test_affection_fast.py)."""
    now = int(time.time())
    async with db.transaction() as conn:
        first_seen = _first_seen_values(group_id, user_id, now)
        affection_id = await run_insert_or_existing_key(conn, _first_seen(db.backend), first_seen, _USER_KEY)
        locked = select(_AFFECTIONS).where(_AFFECTIONS.c.id == affection_id).with_for_update()
        current = await first(conn, locked, as_mapping)
        assert current is not None  # made or found above, and locked
        previous, level = _levels(current, new_level)
        changed = update(_AFFECTIONS).where(_AFFECTIONS.c.id == affection_id)
        await conn.execute(changed.values(affection_level=level, updated_at=now))
        if level != previous:
            change = _interaction_values(affection_id, previous, level, change_reason, bot_mood, now)
            await conn.execute(insert(_INTERACTIONS).values(change))
    return True


def _first_seen_values(group_id: str, user_id: str, now: int) -> dict[str, Any]:
    return {
        "group_id": group_id,
        "user_id": user_id,
        "affection_level": 0,
        "max_affection": _DEFAULT_MAX_AFFECTION,
        "created_at": now,
        "updated_at": now,
    }


def _levels(current: Mapping[Any, Any], new_level: int) -> tuple[int, int]:
    """The stored level and the one to store: new_level clamped to 0..max_affection."""
    return int(current["affection_level"]), min(int(current["max_affection"]), max(0, int(new_level)))


def _interaction_values(
    affection_id: int, previous: int, level: int, change_reason: str, bot_mood: str, now: int
) -> dict[str, Any]:
    details = {"change_reason": change_reason, "bot_mood": bot_mood, "previous_level": previous, "new_level": level}
    return {
        "user_affection_id": affection_id,
        "interaction_type": (change_reason or "update")[:_TYPE_LENGTH],
        "affection_delta": level - previous,
        "message_content": dumps(details),
        "timestamp": now,
    }


_USER_KEY = ("group_id", "user_id")


@functools.cache
def _first_seen(dialect: str) -> Insert:
    return insert_or_existing_key_statement(dialect, _AFFECTIONS, _USER_KEY)


async def get_all_user_affections(db: Database, *, group_id: str) -> list[AffectionView]:
    stmt = select(_AFFECTIONS).where(_AFFECTIONS.c.group_id == group_id).order_by(_AFFECTIONS.c.id)
    return await read_records(db, stmt, _affection_view)


async def get_total_affection(db: Database, *, group_id: str) -> int:
    stmt = select(func.coalesce(func.sum(_AFFECTIONS.c.affection_level), 0)).where(_AFFECTIONS.c.group_id == group_id)
    # MariaDB returns SUM as Decimal.
    return int(await read_scalar(db, stmt))


async def save_bot_mood(
    db: Database,
    *,
    group_id: str,
    mood_type: str,
    mood_intensity: float,
    mood_description: str,
    duration_hours: int,
) -> bool:
    now = time.time()
    mood = _mood_values(group_id, mood_type, mood_intensity, mood_description, duration_hours, now)
    async with db.driver_transaction() as conn:
        # An active mood ends now, unless its planned end is already past.
        await fast.end_active_bot_moods(conn, end_time=now, group_id=group_id)
        await fast.insert_bot_mood(conn, mood)
    return True


async def save_bot_mood_reference(
    db: Database,
    *,
    group_id: str,
    mood_type: str,
    mood_intensity: float,
    mood_description: str,
    duration_hours: int,
) -> bool:
    """save_bot_mood through SQLAlchemy: the form its fast path is held to (contract_tests/test_affection_fast.py)."""
    now = time.time()
    ended_at = case((_MOODS.c.end_time.is_(None) | (_MOODS.c.end_time > now), now), else_=_MOODS.c.end_time)
    deactivate = (
        update(_MOODS)
        .where(_MOODS.c.group_id == group_id, _MOODS.c.is_active == 1)
        .values(is_active=0, end_time=ended_at)
    )
    mood = _mood_values(group_id, mood_type, mood_intensity, mood_description, duration_hours, now)
    async with db.transaction() as conn:
        await conn.execute(deactivate)
        await conn.execute(insert(_MOODS).values(mood))
    return True


def _mood_values(
    group_id: str, mood_type: str, mood_intensity: float, mood_description: str, duration_hours: int, now: float
) -> dict[str, Any]:
    return {
        "group_id": group_id,
        "mood_type": mood_type,
        "mood_intensity": mood_intensity,
        "mood_description": mood_description,
        "timestamp": now,
        "start_time": now,
        "end_time": now + duration_hours * 3600,
        "is_active": 1,
    }


async def get_current_bot_mood(db: Database, *, group_id: str) -> BotMoodView | None:
    stmt = (
        select(_MOODS)
        .where(_MOODS.c.group_id == group_id, _MOODS.c.is_active == 1)
        .order_by(_MOODS.c.start_time.desc(), _MOODS.c.id.desc())
        .limit(1)
    )
    return await read_first(db, stmt, bot_mood_view)
