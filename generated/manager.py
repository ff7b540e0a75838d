# Generated from schema/facades/*.yaml by codegen. Do not edit.
"""SQLAlchemyDatabaseManager: the plugin's entry point, delegating every domain method to its facade.

Start-up, shutdown and sessions come from ManagerRuntime; this module only delegates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generated.facades.psychological import PsychologicalFacade
from generated.shapes.psychological import EmotionProfileView
from handwritten.runtime.manager_runtime import ManagerRuntime
from handwritten.runtime.session import Database


@dataclass(frozen=True)
class Facades:
    """The facades of one started manager."""

    psychological: PsychologicalFacade

    @classmethod
    def over(cls, db: Database) -> Facades:
        return cls(
            psychological=PsychologicalFacade(db),
        )


class SQLAlchemyDatabaseManager(ManagerRuntime[Facades]):
    """Drop-in data layer of the self-learning plugin: start(), then call any domain method."""

    def _build_facades(self, db: Database) -> Facades:
        return Facades.over(db)

    async def load_emotion_profile(self, user_id: str, group_id: str) -> EmotionProfileView | None:
        """The user's emotion profile in the group, JSON fields decoded ({} when empty); None if there is none."""
        facades = self._require("load_emotion_profile")
        return await facades.psychological.load_emotion_profile(
            user_id=user_id,
            group_id=group_id,
        )

    async def save_emotion_profile(self, user_id: str, group_id: str, profile: dict[str, Any]) -> bool:
        """Insert or replace the user's emotion profile in the group; last_updated is now."""
        facades = self._require("save_emotion_profile")
        return await facades.psychological.save_emotion_profile(
            user_id=user_id,
            group_id=group_id,
            profile=profile,
        )
