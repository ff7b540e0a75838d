# Generated from schema/reinforcement.yaml by codegen. Do not edit.
"""ORM models of the reinforcement domain: Results of reinforcement learning, persona fusion and strategy optimisation."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class PersonaFusionHistory(Base):
    """History of persona fusions."""

    __tablename__ = "persona_fusion_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="persona_fusion_history.group_id", nullable=False), nullable=False, index=True
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    base_persona_hash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    incremental_hash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    fusion_result: Mapped[str | None] = mapped_column(
        LongText(field="persona_fusion_history.fusion_result", nullable=True), nullable=True
    )
    compatibility_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class ReinforcementLearningResult(Base):
    """Result of one reinforcement learning run."""

    __tablename__ = "reinforcement_learning_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="reinforcement_learning_results.group_id", nullable=False), nullable=False, index=True
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    replay_analysis: Mapped[str | None] = mapped_column(
        LongText(field="reinforcement_learning_results.replay_analysis", nullable=True), nullable=True
    )
    optimization_strategy: Mapped[str | None] = mapped_column(
        LongText(field="reinforcement_learning_results.optimization_strategy", nullable=True), nullable=True
    )
    reinforcement_feedback: Mapped[str | None] = mapped_column(
        LongText(field="reinforcement_learning_results.reinforcement_feedback", nullable=True), nullable=True
    )
    next_action: Mapped[str | None] = mapped_column(
        LongText(field="reinforcement_learning_results.next_action", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class StrategyOptimizationResult(Base):
    """Result of one strategy optimisation."""

    __tablename__ = "strategy_optimization_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="strategy_optimization_results.group_id", nullable=False), nullable=False, index=True
    )
    timestamp: Mapped[float] = mapped_column(Double, nullable=False)
    strategy_type: Mapped[str | None] = mapped_column(
        SafeString(100, field="strategy_optimization_results.strategy_type", nullable=True), nullable=True
    )
    optimization_details: Mapped[str | None] = mapped_column(
        LongText(field="strategy_optimization_results.optimization_details", nullable=True), nullable=True
    )
    performance_metrics: Mapped[str | None] = mapped_column(
        LongText(field="strategy_optimization_results.performance_metrics", nullable=True), nullable=True
    )
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())
