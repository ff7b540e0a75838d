# Generated from schema/facades/psychological.yaml by codegen. Do not edit.
"""Fixed dict shapes the PsychologicalFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.jsontext import loads_or

__all__ = [
    "EmotionProfileView",
    "emotion_profile_view",
]


class EmotionProfileView(TypedDict):
    """An emotion profile with its JSON fields decoded."""

    user_id: str
    group_id: str
    dominant_emotions: Any
    emotion_patterns: Any
    empathy_level: float | None
    emotional_stability: float | None
    last_updated: float


def emotion_profile_view(row: Mapping[Any, Any]) -> EmotionProfileView:
    """The EmotionProfileView of one emotion_profiles row (a result mapping or record keyed by column name)."""
    return {
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "dominant_emotions": loads_or(row["dominant_emotions"], {}),
        "emotion_patterns": loads_or(row["emotion_patterns"], {}),
        "empathy_level": row["empathy_level"],
        "emotional_stability": row["emotional_stability"],
        "last_updated": row["last_updated"],
    }
