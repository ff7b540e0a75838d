"""PsychologicalFacade queries: emotion profiles (spec: schema/facades/psychological.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.psychological import EmotionProfileRepository
from sldb.generated.shapes.psychological import EmotionProfileView, emotion_profile_view
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import read_first
from sldb.handwritten.runtime.queries.upsert import upsert
from sldb.handwritten.runtime.values.jsontext import dumps

_PROFILES = EmotionProfileRepository.table


async def load_emotion_profile(db: Database, *, user_id: str, group_id: str) -> EmotionProfileView | None:
    stmt = select(_PROFILES).where(_PROFILES.c.user_id == user_id, _PROFILES.c.group_id == group_id)
    return await read_first(db, stmt, emotion_profile_view)


async def save_emotion_profile(db: Database, *, user_id: str, group_id: str, profile: dict[str, Any]) -> bool:
    values = {
        "user_id": user_id,
        "group_id": group_id,
        "dominant_emotions": dumps(profile.get("dominant_emotions", {})),
        "emotion_patterns": dumps(profile.get("emotion_patterns", {})),
        "empathy_level": profile.get("empathy_level", 0.5),
        "emotional_stability": profile.get("emotional_stability", 0.5),
        "last_updated": time.time(),
    }
    async with db.autocommit() as conn:
        await upsert(conn, _PROFILES, ("user_id", "group_id"), values)
    return True
