"""ReinforcementFacade queries: learning results, persona fusions, strategy optimisations (spec: schema/facades/reinforcement.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import insert, select

from generated.records.reinforcement import PersonaFusionHistoryRecord, persona_fusion_history_record
from generated.repositories.performance import LearningPerformanceHistoryRepository
from generated.repositories.reinforcement import (
    PersonaFusionHistoryRepository,
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)
from generated.shapes.reinforcement import LearningPerformanceItem, ReinforcementHistoryItem
from handwritten.runtime.crud import page
from handwritten.runtime.errors import InvalidValueError
from handwritten.runtime.jsontext import dumps
from handwritten.runtime.session import Database

_PERFORMANCE = LearningPerformanceHistoryRepository.table
_RESULTS = ReinforcementLearningResultRepository.table
_FUSIONS = PersonaFusionHistoryRepository.table
_OPTIMIZATIONS = StrategyOptimizationResultRepository.table


def _text(value: Any) -> str | None:
    """A TEXT column value: text as given, None kept, anything else as its JSON."""
    return None if value is None else dumps(value)


def _number(data: dict[str, Any], field: str, default: float | None) -> float | None:
    value = data.get(field)
    if value is None:
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InvalidValueError(field, f"must be a number, not {value!r}") from None


def _integer(data: dict[str, Any], field: str) -> int | None:
    value = data.get(field)
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidValueError(field, f"must be a whole number, not {value!r}") from None


def _latest_sessions(group_id: str, limit: int) -> Any:
    stmt = (
        select(_PERFORMANCE)
        .where(_PERFORMANCE.c.group_id == group_id)
        .order_by(_PERFORMANCE.c.timestamp.desc(), _PERFORMANCE.c.id.desc())
    )
    return page(stmt, limit)


async def get_learning_history_for_reinforcement(
    db: Database, *, group_id: str, limit: int
) -> list[ReinforcementHistoryItem]:
    async with db.transaction() as session:
        rows = (await session.execute(_latest_sessions(group_id, limit))).mappings().all()
    return [
        {
            "timestamp": int(row["timestamp"]),
            "quality_score": float(row["quality_score"] or 0.0),
            "success": bool(row["success"]),
            "successful_pattern": row["successful_pattern"] or "",
            "failed_pattern": row["failed_pattern"] or "",
        }
        for row in rows
    ]


async def save_reinforcement_learning_result(db: Database, *, group_id: str, result_data: dict[str, Any]) -> bool:
    stmt = insert(_RESULTS).values(
        group_id=group_id,
        timestamp=_number(result_data, "timestamp", time.time()),
        replay_analysis=_text(result_data.get("replay_analysis")),
        optimization_strategy=_text(result_data.get("optimization_strategy")),
        reinforcement_feedback=_text(result_data.get("reinforcement_feedback")),
        next_action=_text(result_data.get("next_action")),
    )
    async with db.transaction() as session:
        await session.execute(stmt)
    return True


async def get_persona_fusion_history(db: Database, *, group_id: str, limit: int) -> list[PersonaFusionHistoryRecord]:
    stmt = (
        select(_FUSIONS)
        .where(_FUSIONS.c.group_id == group_id)
        .order_by(_FUSIONS.c.timestamp.desc(), _FUSIONS.c.id.desc())
    )
    async with db.transaction() as session:
        rows = (await session.execute(page(stmt, limit))).mappings().all()
    return [persona_fusion_history_record(row) for row in rows]


async def save_persona_fusion_result(db: Database, *, group_id: str, fusion_data: dict[str, Any]) -> bool:
    stmt = insert(_FUSIONS).values(
        group_id=group_id,
        timestamp=_number(fusion_data, "timestamp", time.time()),
        base_persona_hash=_integer(fusion_data, "base_persona_hash"),
        incremental_hash=_integer(fusion_data, "incremental_hash"),
        fusion_result=_text(fusion_data.get("fusion_result")),
        compatibility_score=_number(fusion_data, "compatibility_score", None),
    )
    async with db.transaction() as session:
        await session.execute(stmt)
    return True


async def get_learning_performance_history(db: Database, *, group_id: str, limit: int) -> list[LearningPerformanceItem]:
    async with db.transaction() as session:
        rows = (await session.execute(_latest_sessions(group_id, limit))).mappings().all()
    return [
        {
            "session_id": row["session_id"],
            "timestamp": int(row["timestamp"]),
            "quality_score": float(row["quality_score"] or 0.0),
            "learning_time": float(row["learning_time"] or 0.0),
            "success": bool(row["success"]),
        }
        for row in rows
    ]


async def save_strategy_optimization_result(db: Database, *, group_id: str, optimization_data: dict[str, Any]) -> bool:
    strategy_type = optimization_data.get("strategy_type")
    stmt = insert(_OPTIMIZATIONS).values(
        group_id=group_id,
        timestamp=_number(optimization_data, "timestamp", time.time()),
        strategy_type=None if strategy_type is None else str(strategy_type),
        optimization_details=_text(optimization_data.get("optimization_details")),
        performance_metrics=_text(optimization_data.get("performance_metrics")),
    )
    async with db.transaction() as session:
        await session.execute(stmt)
    return True
