# Generated from schema/conversation_goal.yaml by codegen. Do not edit.
"""Typed records of the conversation_goal domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class ConversationGoalRecord(TypedDict):
    """A row of conversation_goals; date-times as ISO 8601 text."""

    id: int
    session_id: str | None
    user_id: str | None
    group_id: str | None
    final_goal: Any
    current_stage: Any
    stage_history: Any
    planned_stages: Any
    conversation_history: Any
    goal_switches: Any
    metrics: Any
    status: str | None
    created_at: int | None
    last_updated: int | None


class ConversationGoalValues(TypedDict, total=False):
    """Column values to insert into or update in conversation_goals."""

    id: int | None
    session_id: str
    user_id: str
    group_id: str
    final_goal: Any
    current_stage: Any
    stage_history: Any
    planned_stages: Any
    conversation_history: Any
    goal_switches: Any
    metrics: Any
    status: str
    created_at: int
    last_updated: int


def conversation_goal_record(row: Mapping[Any, Any]) -> ConversationGoalRecord:
    """The record of one conversation_goals row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "session_id": row["session_id"],
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "final_goal": row["final_goal"],
        "current_stage": row["current_stage"],
        "stage_history": row["stage_history"],
        "planned_stages": row["planned_stages"],
        "conversation_history": row["conversation_history"],
        "goal_switches": row["goal_switches"],
        "metrics": row["metrics"],
        "status": row["status"],
        "created_at": row["created_at"],
        "last_updated": row["last_updated"],
    }
