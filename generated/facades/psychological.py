# Generated from schema/facades/psychological.yaml by codegen. Do not edit.
"""PsychologicalFacade: Emotion profiles of users, per group."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.psychological import EmotionProfileView
from sldb.handwritten.facades import psychological as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_SAVE_EMOTION_PROFILE_USER_ID = Rule("text", max_chars=255)
_SAVE_EMOTION_PROFILE_GROUP_ID = Rule("text", max_chars=255)
_SAVE_EMOTION_PROFILE_PROFILE = {
    "dominant_emotions": Rule("json"),
    "emotion_patterns": Rule("json"),
    "empathy_level": Rule("float"),
    "emotional_stability": Rule("float"),
}


class PsychologicalFacade:
    """Emotion profiles of users, per group."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def load_emotion_profile(self, user_id: str, group_id: str) -> EmotionProfileView | None:
        """The user's emotion profile in the group, JSON fields decoded ({} when empty); None if there is none."""
        try:
            return await queries.load_emotion_profile(self._db, user_id=user_id, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("load_emotion_profile", exc, user_id=user_id, group_id=group_id)
            return None

    async def save_emotion_profile(self, user_id: str, group_id: str, profile: dict[str, Any]) -> bool:
        """Insert or replace the user's emotion profile in the group; last_updated is now."""
        user_id = accept("save_emotion_profile", "user_id", user_id, _SAVE_EMOTION_PROFILE_USER_ID)
        group_id = accept("save_emotion_profile", "group_id", group_id, _SAVE_EMOTION_PROFILE_GROUP_ID)
        profile = accept_payload("save_emotion_profile", "profile", profile, _SAVE_EMOTION_PROFILE_PROFILE)
        try:
            return await retried(
                queries.save_emotion_profile, self._db, user_id=user_id, group_id=group_id, profile=profile
            )
        except SQLAlchemyError as exc:
            log_failure("save_emotion_profile", exc, user_id=user_id, group_id=group_id, profile=profile)
            return False
