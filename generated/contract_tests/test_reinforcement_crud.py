# Generated from schema/reinforcement.yaml by codegen. Do not edit.
"""Contract: each table of the reinforcement domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.reinforcement import (
    PersonaFusionHistoryRecord,
    ReinforcementLearningResultRecord,
    StrategyOptimizationResultRecord,
)
from sldb.generated.repositories.reinforcement import (
    PersonaFusionHistoryRepository,
    ReinforcementLearningResultRepository,
    StrategyOptimizationResultRepository,
)
from tests.contract import RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        PersonaFusionHistoryRepository,
        PersonaFusionHistoryRecord,
        first={
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000.25,
            "base_persona_hash": 1735701000123,
            "incremental_hash": 1735701000123,
            "fusion_result": "fusion_result 一 🙂",
            "compatibility_score": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "timestamp": 0.125,
            "base_persona_hash": 1735701999456,
            "incremental_hash": 1735701999456,
            "fusion_result": "fusion_result-2",
            "compatibility_score": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        ReinforcementLearningResultRepository,
        ReinforcementLearningResultRecord,
        first={
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000.25,
            "replay_analysis": "replay_analysis 一 🙂",
            "optimization_strategy": "optimization_strategy 一 🙂",
            "reinforcement_feedback": "reinforcement_feedback 一 🙂",
            "next_action": "next_action 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "timestamp": 0.125,
            "replay_analysis": "replay_analysis-2",
            "optimization_strategy": "optimization_strategy-2",
            "reinforcement_feedback": "reinforcement_feedback-2",
            "next_action": "next_action-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        StrategyOptimizationResultRepository,
        StrategyOptimizationResultRecord,
        first={
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000.25,
            "strategy_type": "strategy_type 一 🙂",
            "optimization_details": "optimization_details 一 🙂",
            "performance_metrics": "performance_metrics 一 🙂",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "timestamp": 0.125,
            "strategy_type": "strategy_type-2",
            "optimization_details": "optimization_details-2",
            "performance_metrics": "performance_metrics-2",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
