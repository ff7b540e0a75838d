# Generated from schema/facades/reinforcement.yaml by codegen. Do not edit.
"""ReinforcementFacade: Reinforcement learning, persona fusion and strategy optimisation results, per group."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.reinforcement import PersonaFusionHistoryRecord
from sldb.generated.shapes.reinforcement import LearningPerformanceItem, ReinforcementHistoryItem
from sldb.handwritten.facades import reinforcement as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_SAVE_REINFORCEMENT_LEARNING_RESULT_GROUP_ID = Rule("text", max_chars=255)
_SAVE_REINFORCEMENT_LEARNING_RESULT_RESULT_DATA = {
    "timestamp": Rule("time"),
    "replay_analysis": Rule("text", nullable=True),
    "optimization_strategy": Rule("text", nullable=True),
    "reinforcement_feedback": Rule("text", nullable=True),
    "next_action": Rule("text", nullable=True),
}
_SAVE_PERSONA_FUSION_RESULT_GROUP_ID = Rule("text", max_chars=255)
_SAVE_PERSONA_FUSION_RESULT_FUSION_DATA = {
    "timestamp": Rule("time"),
    "base_persona_hash": Rule("int", -9223372036854775808, 9223372036854775807, nullable=True),
    "incremental_hash": Rule("int", -9223372036854775808, 9223372036854775807, nullable=True),
    "fusion_result": Rule("text", nullable=True),
    "compatibility_score": Rule("float", nullable=True),
}
_SAVE_STRATEGY_OPTIMIZATION_RESULT_GROUP_ID = Rule("text", max_chars=255)
_SAVE_STRATEGY_OPTIMIZATION_RESULT_OPTIMIZATION_DATA = {
    "timestamp": Rule("time"),
    "strategy_type": Rule("text", max_chars=100, nullable=True),
    "optimization_details": Rule("text", nullable=True),
    "performance_metrics": Rule("text", nullable=True),
}


class ReinforcementFacade:
    """Reinforcement learning, persona fusion and strategy optimisation results, per group."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_learning_history_for_reinforcement(
        self, group_id: str, limit: int = 50
    ) -> list[ReinforcementHistoryItem]:
        """The group's latest learning sessions (newest first) with quality, success and patterns."""
        try:
            return await queries.get_learning_history_for_reinforcement(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_learning_history_for_reinforcement", exc, group_id=group_id, limit=limit)
            return []

    async def save_reinforcement_learning_result(self, group_id: str, result_data: dict[str, Any]) -> bool:
        """Store one reinforcement learning result; dict or list fields are stored as JSON text."""
        group_id = accept(
            "save_reinforcement_learning_result", "group_id", group_id, _SAVE_REINFORCEMENT_LEARNING_RESULT_GROUP_ID
        )
        result_data = accept_payload(
            "save_reinforcement_learning_result",
            "result_data",
            result_data,
            _SAVE_REINFORCEMENT_LEARNING_RESULT_RESULT_DATA,
        )
        try:
            return await retried(
                queries.save_reinforcement_learning_result, self._db, group_id=group_id, result_data=result_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_reinforcement_learning_result", exc, group_id=group_id, result_data=result_data)
            return False

    async def get_persona_fusion_history(self, group_id: str, limit: int = 10) -> list[PersonaFusionHistoryRecord]:
        """The group's latest persona fusions, newest first."""
        try:
            return await queries.get_persona_fusion_history(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_persona_fusion_history", exc, group_id=group_id, limit=limit)
            return []

    async def save_persona_fusion_result(self, group_id: str, fusion_data: dict[str, Any]) -> bool:
        """Store one persona fusion result; a dict or list fusion_result is stored as JSON text."""
        group_id = accept("save_persona_fusion_result", "group_id", group_id, _SAVE_PERSONA_FUSION_RESULT_GROUP_ID)
        fusion_data = accept_payload(
            "save_persona_fusion_result", "fusion_data", fusion_data, _SAVE_PERSONA_FUSION_RESULT_FUSION_DATA
        )
        try:
            return await retried(
                queries.save_persona_fusion_result, self._db, group_id=group_id, fusion_data=fusion_data
            )
        except SQLAlchemyError as exc:
            log_failure("save_persona_fusion_result", exc, group_id=group_id, fusion_data=fusion_data)
            return False

    async def get_learning_performance_history(self, group_id: str, limit: int = 30) -> list[LearningPerformanceItem]:
        """The group's latest learning sessions (newest first) with their performance figures."""
        try:
            return await queries.get_learning_performance_history(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_learning_performance_history", exc, group_id=group_id, limit=limit)
            return []

    async def save_strategy_optimization_result(self, group_id: str, optimization_data: dict[str, Any]) -> bool:
        """Store one strategy optimisation result; dict or list fields are stored as JSON text."""
        group_id = accept(
            "save_strategy_optimization_result", "group_id", group_id, _SAVE_STRATEGY_OPTIMIZATION_RESULT_GROUP_ID
        )
        optimization_data = accept_payload(
            "save_strategy_optimization_result",
            "optimization_data",
            optimization_data,
            _SAVE_STRATEGY_OPTIMIZATION_RESULT_OPTIMIZATION_DATA,
        )
        try:
            return await retried(
                queries.save_strategy_optimization_result,
                self._db,
                group_id=group_id,
                optimization_data=optimization_data,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "save_strategy_optimization_result", exc, group_id=group_id, optimization_data=optimization_data
            )
            return False
