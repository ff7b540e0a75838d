"""ReinforcementFacade queries: learning results, persona fusions, strategy optimisations (spec: schema/facades/reinforcement.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import insert, select

from sldb.generated.records.reinforcement import PersonaFusionHistoryRecord, persona_fusion_history_record
from sldb.generated.repositories.performance import LearningPerformanceHistoryRepository
from sldb.generated.repositories.reinforcement import (
    PersonaFusionHistoryRepository,
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)
from sldb.generated.shapes.reinforcement import LearningPerformanceItem, ReinforcementHistoryItem
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import as_mapping, page, read_records
from sldb.handwritten.runtime.values.policy import as_text, epoch_seconds, number, whole_number

_PERFORMANCE = LearningPerformanceHistoryRepository.table
_RESULTS = ReinforcementLearningResultRepository.table
_FUSIONS = PersonaFusionHistoryRepository.table
_OPTIMIZATIONS = StrategyOptimizationResultRepository.table


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
    rows = await read_records(db, _latest_sessions(group_id, limit), as_mapping)
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
        timestamp=epoch_seconds(result_data.get("timestamp"), field="timestamp", default=time.time()),
        replay_analysis=result_data.get("replay_analysis"),
        optimization_strategy=result_data.get("optimization_strategy"),
        reinforcement_feedback=result_data.get("reinforcement_feedback"),
        next_action=result_data.get("next_action"),
    )
    async with db.autocommit() as conn:
        await conn.execute(stmt)
    return True


async def get_persona_fusion_history(db: Database, *, group_id: str, limit: int) -> list[PersonaFusionHistoryRecord]:
    stmt = (
        select(_FUSIONS)
        .where(_FUSIONS.c.group_id == group_id)
        .order_by(_FUSIONS.c.timestamp.desc(), _FUSIONS.c.id.desc())
    )
    return await read_records(db, page(stmt, limit), persona_fusion_history_record)


async def save_persona_fusion_result(db: Database, *, group_id: str, fusion_data: dict[str, Any]) -> bool:
    stmt = insert(_FUSIONS).values(
        group_id=group_id,
        timestamp=epoch_seconds(fusion_data.get("timestamp"), field="timestamp", default=time.time()),
        base_persona_hash=whole_number(fusion_data.get("base_persona_hash"), field="base_persona_hash"),
        incremental_hash=whole_number(fusion_data.get("incremental_hash"), field="incremental_hash"),
        fusion_result=fusion_data.get("fusion_result"),
        compatibility_score=number(fusion_data.get("compatibility_score"), field="compatibility_score"),
    )
    async with db.autocommit() as conn:
        await conn.execute(stmt)
    return True


async def get_learning_performance_history(db: Database, *, group_id: str, limit: int) -> list[LearningPerformanceItem]:
    rows = await read_records(db, _latest_sessions(group_id, limit), as_mapping)
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
        timestamp=epoch_seconds(optimization_data.get("timestamp"), field="timestamp", default=time.time()),
        strategy_type=None if strategy_type is None else as_text(strategy_type),
        optimization_details=optimization_data.get("optimization_details"),
        performance_metrics=optimization_data.get("performance_metrics"),
    )
    async with db.autocommit() as conn:
        await conn.execute(stmt)
    return True
