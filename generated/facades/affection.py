# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""AffectionFacade: Affection levels of users and the bot's mood, per group."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.affection import AffectionView, BotMoodView
from sldb.handwritten.facades import affection as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_UPDATE_USER_AFFECTION_GROUP_ID = Rule("text", max_chars=255)
_UPDATE_USER_AFFECTION_USER_ID = Rule("text", max_chars=255)
_UPDATE_USER_AFFECTION_NEW_LEVEL = Rule("int", 0, 100, clamp=True)
_UPDATE_USER_AFFECTION_CHANGE_REASON = Rule("text")
_UPDATE_USER_AFFECTION_BOT_MOOD = Rule("text")
_SAVE_BOT_MOOD_GROUP_ID = Rule("text", max_chars=255)
_SAVE_BOT_MOOD_MOOD_TYPE = Rule("text", max_chars=100)
_SAVE_BOT_MOOD_MOOD_INTENSITY = Rule("float")
_SAVE_BOT_MOOD_MOOD_DESCRIPTION = Rule("text")
_SAVE_BOT_MOOD_DURATION_HOURS = Rule("float", 0, 876000)


class AffectionFacade:
    """Affection levels of users and the bot's mood, per group."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_user_affection(self, group_id: str, user_id: str) -> AffectionView | None:
        """The user's affection level in the group; None if the user has none."""
        try:
            return await queries.get_user_affection(self._db, group_id=group_id, user_id=user_id)
        except SQLAlchemyError as exc:
            log_failure("get_user_affection", exc, group_id=group_id, user_id=user_id)
            return None

    async def update_user_affection(
        self, group_id: str, user_id: str, new_level: int, change_reason: str = "", bot_mood: str = ""
    ) -> bool:
        """Set the user's affection level (clamped to 0..max_affection) and record the change as an interaction."""
        group_id = accept("update_user_affection", "group_id", group_id, _UPDATE_USER_AFFECTION_GROUP_ID)
        user_id = accept("update_user_affection", "user_id", user_id, _UPDATE_USER_AFFECTION_USER_ID)
        new_level = accept("update_user_affection", "new_level", new_level, _UPDATE_USER_AFFECTION_NEW_LEVEL)
        change_reason = accept(
            "update_user_affection", "change_reason", change_reason, _UPDATE_USER_AFFECTION_CHANGE_REASON
        )
        bot_mood = accept("update_user_affection", "bot_mood", bot_mood, _UPDATE_USER_AFFECTION_BOT_MOOD)
        try:
            return await retried(
                queries.update_user_affection,
                self._db,
                group_id=group_id,
                user_id=user_id,
                new_level=new_level,
                change_reason=change_reason,
                bot_mood=bot_mood,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "update_user_affection",
                exc,
                group_id=group_id,
                user_id=user_id,
                new_level=new_level,
                change_reason=change_reason,
                bot_mood=bot_mood,
            )
            return False

    async def get_all_user_affections(self, group_id: str) -> list[AffectionView]:
        """Every user's affection level in the group, in the order the users were first seen."""
        try:
            return await queries.get_all_user_affections(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_all_user_affections", exc, group_id=group_id)
            return []

    async def get_total_affection(self, group_id: str) -> int:
        """Sum of the affection levels of the group's users, as a plain int (0 for none)."""
        try:
            return await queries.get_total_affection(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_total_affection", exc, group_id=group_id)
            return 0

    async def save_bot_mood(
        self, group_id: str, mood_type: str, mood_intensity: float, mood_description: str, duration_hours: int = 24
    ) -> bool:
        """Make this the group's active mood, ending the moods that were active; valid for duration_hours."""
        group_id = accept("save_bot_mood", "group_id", group_id, _SAVE_BOT_MOOD_GROUP_ID)
        mood_type = accept("save_bot_mood", "mood_type", mood_type, _SAVE_BOT_MOOD_MOOD_TYPE)
        mood_intensity = accept("save_bot_mood", "mood_intensity", mood_intensity, _SAVE_BOT_MOOD_MOOD_INTENSITY)
        mood_description = accept(
            "save_bot_mood", "mood_description", mood_description, _SAVE_BOT_MOOD_MOOD_DESCRIPTION
        )
        duration_hours = accept("save_bot_mood", "duration_hours", duration_hours, _SAVE_BOT_MOOD_DURATION_HOURS)
        try:
            return await retried(
                queries.save_bot_mood,
                self._db,
                group_id=group_id,
                mood_type=mood_type,
                mood_intensity=mood_intensity,
                mood_description=mood_description,
                duration_hours=duration_hours,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "save_bot_mood",
                exc,
                group_id=group_id,
                mood_type=mood_type,
                mood_intensity=mood_intensity,
                mood_description=mood_description,
                duration_hours=duration_hours,
            )
            return False

    async def get_current_bot_mood(self, group_id: str) -> BotMoodView | None:
        """The group's active mood started last; None if no mood is active."""
        try:
            return await queries.get_current_bot_mood(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_current_bot_mood", exc, group_id=group_id)
            return None
