# Generated from schema/facades/psychological.yaml by codegen. Do not edit.
"""Fixed dict shapes the PsychologicalFacade returns."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = [
    "EmotionProfileView",
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
