# Generated from schema/facades/reinforcement.yaml by codegen. Do not edit.
"""Fixed dict shapes the ReinforcementFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "LearningPerformanceItem",
    "ReinforcementHistoryItem",
]


class ReinforcementHistoryItem(TypedDict):
    """One learning session's outcome as reinforcement learning reads it."""

    timestamp: int
    quality_score: float
    success: bool
    successful_pattern: str
    failed_pattern: str


class LearningPerformanceItem(TypedDict):
    """One learning session's performance figures."""

    session_id: str | None
    timestamp: int
    quality_score: float
    learning_time: float
    success: bool
