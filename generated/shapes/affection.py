# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""Fixed dict shapes the AffectionFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

__all__ = [
    "AffectionView",
    "BotMoodView",
    "bot_mood_view",
]


class AffectionView(TypedDict):
    """A user's affection level in a group; times are int seconds."""

    group_id: str
    user_id: str
    affection_level: int
    max_affection: int
    created_at: int
    updated_at: int


class BotMoodView(TypedDict):
    """The bot's mood; times are time.time() floats."""

    mood_type: str
    mood_intensity: float | None
    mood_description: str | None
    start_time: float
    end_time: float | None


def bot_mood_view(row: Mapping[Any, Any]) -> BotMoodView:
    """The BotMoodView of one bot_mood row (a result mapping or record keyed by column name)."""
    return {
        "mood_type": row["mood_type"],
        "mood_intensity": row["mood_intensity"],
        "mood_description": row["mood_description"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
    }
