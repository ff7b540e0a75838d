# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""Fixed dict shapes the AffectionFacade returns."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "AffectionView",
    "BotMoodView",
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
