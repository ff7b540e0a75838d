# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""AffectionFacade's fast paths: statements rendered per backend at generation time, run on the pooled
driver connection (handwritten/runtime/queries/driver_sql.py).

Each column's input rule (text escapes, length, NOT NULL) and read rule is written out below; the hand-written
body calls these functions, and its SQLAlchemy form (<method>_reference) is held equal to them by
contract_tests/test_affection_fast.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sldb.generated.records.affection import UserAffectionRecord
from sldb.handwritten.runtime.contract.database import DriverHandle
from sldb.handwritten.runtime.queries.driver_sql import (
    Statement,
    affected_rows,
    backend_of,
    fetch_rows,
    inserted_id,
    inserted_or_existing_id,
)
from sldb.handwritten.runtime.values.policy import bind_text, read_text


def _user_affections_record(row: Sequence[Any]) -> UserAffectionRecord:
    return {
        "id": row[0],
        "group_id": read_text(row[1]),
        "user_id": read_text(row[2]),
        "affection_level": row[3],
        "max_affection": row[4],
        "created_at": row[5],
        "updated_at": row[6],
    }


_USER_AFFECTIONS_RECORD = {
    "postgresql": _user_affections_record,
    "mysql": _user_affections_record,
    "sqlite": _user_affections_record,
}

_USER_AFFECTION_FIRST_SEEN = Statement(
    postgresql="INSERT INTO user_affections (group_id, user_id, affection_level, max_affection, created_at, updated_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::INTEGER, $4::INTEGER, $5::BIGINT, $6::BIGINT) ON CONFLICT (group_id, user_id) DO UPDATE SET id = user_affections.id RETURNING user_affections.id",
    mysql="INSERT INTO user_affections (group_id, user_id, affection_level, max_affection, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s) ON DUPLICATE KEY UPDATE id = last_insert_id(user_affections.id)",
    sqlite="INSERT INTO user_affections (group_id, user_id, affection_level, max_affection, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_id, user_id) DO UPDATE SET id = user_affections.id RETURNING id",
)
_USER_AFFECTION_FIRST_SEEN_BY_KEY = Statement(
    postgresql="SELECT user_affections.id FROM user_affections WHERE user_affections.group_id = $1::VARCHAR AND user_affections.user_id = $2::VARCHAR FOR SHARE",
    mysql="SELECT user_affections.id FROM user_affections WHERE user_affections.group_id = %s AND user_affections.user_id = %s LOCK IN SHARE MODE",
    sqlite="SELECT user_affections.id FROM user_affections WHERE user_affections.group_id = ? AND user_affections.user_id = ?",
)


async def user_affection_first_seen(conn: DriverHandle, values: Mapping[str, Any]) -> int:
    """Insert one row of user_affections (values: every column but id) on conn; its id, or that of the row already stored with the same group_id, user_id, left as it is."""
    params = (
        bind_text(values["group_id"], 255, field="user_affections.group_id", nullable=False),
        bind_text(values["user_id"], 255, field="user_affections.user_id", nullable=False),
        values["affection_level"],
        values["max_affection"],
        values["created_at"],
        values["updated_at"],
    )
    key = (
        bind_text(values["group_id"], 255, field="user_affections.group_id", nullable=False),
        bind_text(values["user_id"], 255, field="user_affections.user_id", nullable=False),
    )
    return await inserted_or_existing_id(
        conn, _USER_AFFECTION_FIRST_SEEN, params, _USER_AFFECTION_FIRST_SEEN_BY_KEY, key
    )


_USER_AFFECTION_LOCKED = Statement(
    postgresql="SELECT user_affections.id, user_affections.group_id, user_affections.user_id, user_affections.affection_level, user_affections.max_affection, user_affections.created_at, user_affections.updated_at FROM user_affections WHERE user_affections.id = $1::INTEGER FOR UPDATE",
    mysql="SELECT user_affections.id, user_affections.group_id, user_affections.user_id, user_affections.affection_level, user_affections.max_affection, user_affections.created_at, user_affections.updated_at FROM user_affections WHERE user_affections.id = %s FOR UPDATE",
    sqlite="SELECT user_affections.id, user_affections.group_id, user_affections.user_id, user_affections.affection_level, user_affections.max_affection, user_affections.created_at, user_affections.updated_at FROM user_affections WHERE user_affections.id = ?",
)


async def user_affection_locked(conn: DriverHandle, *, id: Any) -> list[UserAffectionRecord]:
    """The rows of user_affections with id = id, as records, locked for update (on conn)."""
    params = (id,)
    into = _USER_AFFECTIONS_RECORD[backend_of(conn)]
    return [into(row) for row in await fetch_rows(conn, _USER_AFFECTION_LOCKED, params)]


_SET_USER_AFFECTION_LEVEL = Statement(
    postgresql="UPDATE user_affections SET affection_level=$1::INTEGER, updated_at=$2::BIGINT WHERE user_affections.id = $3::INTEGER",
    mysql="UPDATE user_affections SET affection_level=%s, updated_at=%s WHERE user_affections.id = %s",
    sqlite="UPDATE user_affections SET affection_level=?, updated_at=? WHERE user_affections.id = ?",
)


async def set_user_affection_level(conn: DriverHandle, *, affection_level: Any, updated_at: Any, id: Any) -> int:
    """Set affection_level = affection_level, updated_at = updated_at on the rows of user_affections with id = id, on conn; how many rows matched."""
    params = (
        affection_level,
        updated_at,
        id,
    )
    return await affected_rows(conn, _SET_USER_AFFECTION_LEVEL, params)


_INSERT_AFFECTION_INTERACTION = Statement(
    postgresql="INSERT INTO affection_interactions (user_affection_id, interaction_type, affection_delta, message_content, timestamp) VALUES ($1::INTEGER, $2::VARCHAR, $3::INTEGER, $4::VARCHAR, $5::BIGINT) RETURNING affection_interactions.id",
    mysql="INSERT INTO affection_interactions (user_affection_id, interaction_type, affection_delta, message_content, timestamp) VALUES (%s, %s, %s, %s, %s)",
    sqlite="INSERT INTO affection_interactions (user_affection_id, interaction_type, affection_delta, message_content, timestamp) VALUES (?, ?, ?, ?, ?) RETURNING id",
)


async def insert_affection_interaction(conn: DriverHandle, values: Mapping[str, Any]) -> int:
    """Insert one row of affection_interactions (values: every column but id) on conn; its id."""
    params = (
        values["user_affection_id"],
        bind_text(values["interaction_type"], 50, field="affection_interactions.interaction_type", nullable=False),
        values["affection_delta"],
        bind_text(values["message_content"], None, field="affection_interactions.message_content", nullable=True),
        values["timestamp"],
    )
    return await inserted_id(conn, _INSERT_AFFECTION_INTERACTION, params)


_END_ACTIVE_BOT_MOODS = Statement(
    postgresql="UPDATE bot_mood SET end_time=CASE WHEN (bot_mood.end_time IS NULL OR bot_mood.end_time > $1::FLOAT) THEN $2 ELSE bot_mood.end_time END, is_active=0 WHERE bot_mood.group_id = $3::VARCHAR AND bot_mood.is_active = 1",
    mysql="UPDATE bot_mood SET end_time=CASE WHEN (bot_mood.end_time IS NULL OR bot_mood.end_time > %s) THEN %s ELSE bot_mood.end_time END, is_active=0 WHERE bot_mood.group_id = %s AND bot_mood.is_active = 1",
    sqlite="UPDATE bot_mood SET end_time=CASE WHEN (bot_mood.end_time IS NULL OR bot_mood.end_time > ?) THEN ? ELSE bot_mood.end_time END, is_active=0 WHERE bot_mood.group_id = ? AND bot_mood.is_active = 1",
)


async def end_active_bot_moods(conn: DriverHandle, *, end_time: Any, group_id: Any) -> int:
    """Set is_active = 0, end_time = end_time when NULL or above it on the rows of bot_mood with group_id = group_id and is_active = 1, on conn; how many rows matched."""
    params = (
        end_time,
        end_time,
        bind_text(group_id, 255, field="bot_mood.group_id", nullable=False),
    )
    return await affected_rows(conn, _END_ACTIVE_BOT_MOODS, params)


_INSERT_BOT_MOOD = Statement(
    postgresql="INSERT INTO bot_mood (group_id, mood_type, mood_intensity, mood_description, timestamp, start_time, end_time, is_active, created_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::FLOAT, $4::VARCHAR, $5::FLOAT, $6::FLOAT, $7::FLOAT, $8::INTEGER, now()) RETURNING bot_mood.id",
    mysql="INSERT INTO bot_mood (group_id, mood_type, mood_intensity, mood_description, timestamp, start_time, end_time, is_active, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, now())",
    sqlite="INSERT INTO bot_mood (group_id, mood_type, mood_intensity, mood_description, timestamp, start_time, end_time, is_active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP) RETURNING id",
)


async def insert_bot_mood(conn: DriverHandle, values: Mapping[str, Any]) -> int:
    """Insert one row of bot_mood (values: every column but id) on conn; its id."""
    params = (
        bind_text(values["group_id"], 255, field="bot_mood.group_id", nullable=False),
        bind_text(values["mood_type"], 100, field="bot_mood.mood_type", nullable=False),
        values["mood_intensity"],
        bind_text(values["mood_description"], None, field="bot_mood.mood_description", nullable=True),
        values["timestamp"],
        values["start_time"],
        values["end_time"],
        values["is_active"],
    )
    return await inserted_id(conn, _INSERT_BOT_MOOD, params)
