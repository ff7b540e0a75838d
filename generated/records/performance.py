# Generated from schema/performance.yaml by codegen. Do not edit.
"""Typed records of the performance domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class LearningPerformanceHistoryRecord(TypedDict):
    """A row of learning_performance_history; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    session_id: str | None
    timestamp: int | None
    quality_score: float | None
    learning_time: float | None
    success: bool | None
    successful_pattern: str | None
    failed_pattern: str | None
    created_at: int | None


class LearningPerformanceHistoryValues(TypedDict, total=False):
    """Column values to insert into or update in learning_performance_history."""

    id: int | None
    group_id: str
    session_id: str | None
    timestamp: int
    quality_score: float | None
    learning_time: float | None
    success: bool | None
    successful_pattern: str | None
    failed_pattern: str | None
    created_at: int


def learning_performance_history_record(row: Mapping[Any, Any]) -> LearningPerformanceHistoryRecord:
    """The record of one learning_performance_history row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "session_id": row["session_id"],
        "timestamp": row["timestamp"],
        "quality_score": row["quality_score"],
        "learning_time": row["learning_time"],
        "success": row["success"],
        "successful_pattern": row["successful_pattern"],
        "failed_pattern": row["failed_pattern"],
        "created_at": row["created_at"],
    }
