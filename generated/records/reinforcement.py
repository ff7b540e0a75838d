# Generated from schema/reinforcement.yaml by codegen. Do not edit.
"""Typed records of the reinforcement domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class PersonaFusionHistoryRecord(TypedDict):
    """A row of persona_fusion_history; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    timestamp: float | None
    base_persona_hash: int | None
    incremental_hash: int | None
    fusion_result: str | None
    compatibility_score: float | None
    created_at: str | None


class PersonaFusionHistoryValues(TypedDict, total=False):
    """Column values to insert into or update in persona_fusion_history."""

    id: int | None
    group_id: str
    timestamp: float
    base_persona_hash: int | None
    incremental_hash: int | None
    fusion_result: str | None
    compatibility_score: float | None
    created_at: datetime.datetime | None


def persona_fusion_history_record(row: Mapping[Any, Any]) -> PersonaFusionHistoryRecord:
    """The record of one persona_fusion_history row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "base_persona_hash": row["base_persona_hash"],
        "incremental_hash": row["incremental_hash"],
        "fusion_result": row["fusion_result"],
        "compatibility_score": row["compatibility_score"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ReinforcementLearningResultRecord(TypedDict):
    """A row of reinforcement_learning_results; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    timestamp: float | None
    replay_analysis: str | None
    optimization_strategy: str | None
    reinforcement_feedback: str | None
    next_action: str | None
    created_at: str | None


class ReinforcementLearningResultValues(TypedDict, total=False):
    """Column values to insert into or update in reinforcement_learning_results."""

    id: int | None
    group_id: str
    timestamp: float
    replay_analysis: str | None
    optimization_strategy: str | None
    reinforcement_feedback: str | None
    next_action: str | None
    created_at: datetime.datetime | None


def reinforcement_learning_result_record(row: Mapping[Any, Any]) -> ReinforcementLearningResultRecord:
    """The record of one reinforcement_learning_results row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "replay_analysis": row["replay_analysis"],
        "optimization_strategy": row["optimization_strategy"],
        "reinforcement_feedback": row["reinforcement_feedback"],
        "next_action": row["next_action"],
        "created_at": iso_datetime(row["created_at"]),
    }


class StrategyOptimizationResultRecord(TypedDict):
    """A row of strategy_optimization_results; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    timestamp: float | None
    strategy_type: str | None
    optimization_details: str | None
    performance_metrics: str | None
    created_at: str | None


class StrategyOptimizationResultValues(TypedDict, total=False):
    """Column values to insert into or update in strategy_optimization_results."""

    id: int | None
    group_id: str
    timestamp: float
    strategy_type: str | None
    optimization_details: str | None
    performance_metrics: str | None
    created_at: datetime.datetime | None


def strategy_optimization_result_record(row: Mapping[Any, Any]) -> StrategyOptimizationResultRecord:
    """The record of one strategy_optimization_results row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "strategy_type": row["strategy_type"],
        "optimization_details": row["optimization_details"],
        "performance_metrics": row["performance_metrics"],
        "created_at": iso_datetime(row["created_at"]),
    }
