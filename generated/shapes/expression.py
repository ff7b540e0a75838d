# Generated from schema/facades/expression.yaml by codegen. Do not edit.
"""Fixed dict shapes the ExpressionFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

__all__ = [
    "ExpressionPatternStatistics",
    "StyleProfileView",
    "style_profile_view",
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


def style_profile_view(row: Mapping[Any, Any]) -> StyleProfileView:
    """The StyleProfileView of one style_profiles row (a result mapping or record keyed by column name)."""
    return {
        "profile_name": row["profile_name"],
        "vocabulary_richness": row["vocabulary_richness"],
        "sentence_complexity": row["sentence_complexity"],
        "emotional_expression": row["emotional_expression"],
        "interaction_tendency": row["interaction_tendency"],
        "topic_diversity": row["topic_diversity"],
        "formality_level": row["formality_level"],
        "creativity_score": row["creativity_score"],
    }
