# Generated from schema/facades/expression.yaml by codegen. Do not edit.
"""Fixed dict shapes the ExpressionFacade returns."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "ExpressionPatternStatistics",
    "StyleProfileView",
]


class ExpressionPatternStatistics(TypedDict):
    """How many expression patterns exist, and in how many groups."""

    total_patterns: int
    groups_with_patterns: int


class StyleProfileView(TypedDict):
    """A named style profile's scores."""

    profile_name: str
    vocabulary_richness: float | None
    sentence_complexity: float | None
    emotional_expression: float | None
    interaction_tendency: float | None
    topic_diversity: float | None
    formality_level: float | None
    creativity_score: float | None
