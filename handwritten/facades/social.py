"""SocialFacade queries: user profiles, preferences and social relations (spec: schema/facades/social.yaml)."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Insert, func, insert, or_, select

from sldb.generated.records.social_relation import user_social_relation_component_record
from sldb.generated.repositories.social_relation import (
    UserPreferencesRepository,
    UserProfileRepository,
    UserSocialProfileRepository,
    UserSocialRelationComponentRepository,
)
from sldb.generated.shapes.social import (
    SocialRelationView,
    UserPreferencesView,
    UserProfileView,
    UserSocialRelationsView,
    user_preferences_view,
    user_profile_view,
)
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import read_first, read_records
from sldb.handwritten.runtime.queries.upsert import run_insert_or_existing_key, upsert, upsert_returning_key_statement
from sldb.handwritten.runtime.values.jsontext import dumps
from sldb.handwritten.runtime.values.policy import as_text, epoch_seconds, number, whole_number, whole_seconds

_PROFILES = UserProfileRepository.table
_PREFERENCES = UserPreferencesRepository.table
_SOCIAL_PROFILES = UserSocialProfileRepository.table
_RELATIONS = UserSocialRelationComponentRepository.table

# JSON fields of a user profile and what an empty one reads as.
_PROFILE_JSON: dict[str, Any] = {
    "nicknames": [],
    "activity_pattern": {},
    "communication_style": {},
    "topic_preferences": {},
    "emotional_tendency": {},
}
_PREFERENCE_JSON: dict[str, Any] = {
    "favorite_topics": [],
    "interaction_style": {},
    "learning_preferences": {},
}


async def load_user_profile(db: Database, *, qq_id: str) -> UserProfileView | None:
    return await read_first(db, select(_PROFILES).where(_PROFILES.c.qq_id == qq_id), user_profile_view)


async def save_user_profile(db: Database, *, qq_id: str, profile_data: dict[str, Any]) -> bool:
    changes: dict[str, Any] = {name: dumps(profile_data.get(name, empty)) for name, empty in _PROFILE_JSON.items()}
    changes["last_active"] = epoch_seconds(profile_data.get("last_active"), field="last_active", default=time.time())
    if "qq_name" in profile_data:
        changes["qq_name"] = profile_data["qq_name"]
    values = {"qq_id": qq_id, "qq_name": "", **changes}
    # An upsert's update part does not fire the column's onupdate.
    update = {**changes, "updated_at": func.now()}
    async with db.autocommit() as conn:
        await upsert(conn, _PROFILES, ("qq_id",), values, update=update)
    return True


async def load_user_preferences(db: Database, *, user_id: str, group_id: str) -> UserPreferencesView | None:
    stmt = select(_PREFERENCES).where(_PREFERENCES.c.user_id == user_id, _PREFERENCES.c.group_id == group_id)
    return await read_first(db, stmt, user_preferences_view)


async def save_user_preferences(db: Database, *, user_id: str, group_id: str, prefs: dict[str, Any]) -> bool:
    values: dict[str, Any] = {name: dumps(prefs.get(name, empty)) for name, empty in _PREFERENCE_JSON.items()}
    values.update(
        user_id=user_id,
        group_id=group_id,
        adaptive_rate=number(prefs.get("adaptive_rate"), field="adaptive_rate", default=0.5),
        updated_at=time.time(),
    )
    async with db.autocommit() as conn:
        await upsert(conn, _PREFERENCES, ("user_id", "group_id"), values)
    return True


def _relation_view(row: Mapping[Any, Any]) -> SocialRelationView:
    return {
        "from_user": row["from_user_id"],
        "to_user": row["to_user_id"],
        "relation_type": row["relation_type"],
        "strength": float(row["value"]),
        "frequency": int(row["frequency"]),
        "last_interaction": int(row["last_interaction"]),
        "description": row["description"],
    }


async def get_social_relations_by_group(db: Database, *, group_id: str) -> list[SocialRelationView]:
    stmt = select(_RELATIONS).where(_RELATIONS.c.group_id == group_id).order_by(_RELATIONS.c.id)
    return await read_records(db, stmt, _relation_view)


async def get_social_relationships(db: Database, *, group_id: str) -> list[SocialRelationView]:
    return await get_social_relations_by_group(db, group_id=group_id)


async def load_social_graph(db: Database, *, group_id: str) -> list[SocialRelationView]:
    return await get_social_relations_by_group(db, group_id=group_id)


def _either(data: Mapping[str, Any], short: str, long: str) -> str:
    value = data.get(short, data.get(long, ""))
    return "" if value is None else as_text(value)


async def save_social_relation(db: Database, *, group_id: str, relation_data: dict[str, Any]) -> bool:
    now = int(time.time())
    from_user = _either(relation_data, "from_user", "from_user_id")
    last_interaction = whole_seconds(relation_data.get("last_interaction"), field="last_interaction", default=now)
    tags = relation_data.get("tags")
    component: dict[str, Any] = {
        "from_user_id": from_user,
        "to_user_id": _either(relation_data, "to_user", "to_user_id"),
        "group_id": group_id,
        "relation_type": as_text(relation_data.get("relation_type") or "interaction"),
        "value": number(relation_data.get("strength"), field="strength", default=0.5),
        "frequency": whole_number(relation_data.get("frequency"), field="frequency", default=1),
        "last_interaction": last_interaction,
        "description": relation_data.get("relation_name", relation_data.get("description", "")),
        "tags": None if tags is None else dumps(tags),
        "created_at": now,
    }
    profile = {
        "user_id": from_user,
        "group_id": group_id,
        "total_relations": 0,
        "significant_relations": 0,
        "created_at": now,
        "last_updated": now,
    }
    async with db.transaction() as conn:
        # The relation row needs its source user's social profile (foreign key): made or touched, and its key,
        # in one statement (a separate read could miss a profile another caller committed meanwhile).
        key = ("user_id", "group_id")
        component["profile_id"] = await run_insert_or_existing_key(conn, _touch_profile(db.backend), profile, key)
        await conn.execute(insert(_RELATIONS).values(component))
    return True


@functools.cache
def _touch_profile(dialect: str) -> Insert:
    return upsert_returning_key_statement(
        dialect, _SOCIAL_PROFILES, ("user_id", "group_id"), lambda proposed: [("last_updated", proposed.last_updated)]
    )


async def get_user_social_relations(db: Database, *, group_id: str, user_id: str) -> UserSocialRelationsView:
    stmt = (
        select(_RELATIONS)
        .where(
            _RELATIONS.c.group_id == group_id,
            or_(_RELATIONS.c.from_user_id == user_id, _RELATIONS.c.to_user_id == user_id),
        )
        .order_by(_RELATIONS.c.id)
    )
    return {
        "user_id": user_id,
        "group_id": group_id,
        "relations": await read_records(db, stmt, user_social_relation_component_record),
    }
