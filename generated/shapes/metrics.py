# Generated from schema/facades/metrics.yaml by codegen. Do not edit.
"""Fixed dict shapes the MetricsFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from typing import TypedDict

from sldb.generated.records.learning import LearningBatchRecord

__all__ = [
    "DetailedMetrics",
    "GroupStatistics",
    "LearningMetrics",
    "MessageMetrics",
    "TrendsData",
]


class GroupStatistics(TypedDict):
    """Message and review counts, for one group or (group_id None) all groups."""

    raw_messages: int
    filtered_messages: int
    persona_reviews: int
    style_reviews: int
    group_id: str | None


class MessageMetrics(TypedDict):
    """Counts of raw, filtered and bot messages."""

    raw: int
    filtered: int
    bot: int


class LearningMetrics(TypedDict):
    """Counts of learning reviews, batches and style patterns."""

    persona_reviews: int
    style_reviews: int
    batches: int
    style_patterns: int


class DetailedMetrics(TypedDict):
    """Message and learning counts, for one group or (group_id None) all groups."""

    messages: MessageMetrics
    learning: LearningMetrics
    group_id: str | None


class TrendsData(TypedDict):
    """Raw messages per local calendar day over the last 7 days, and the 10 latest learning batches."""

    daily_messages: dict[str, int]
    recent_batches: list[LearningBatchRecord]
