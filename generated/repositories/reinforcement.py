# Generated from schema/reinforcement.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the reinforcement domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.reinforcement import (
    PersonaFusionHistoryRecord,
    PersonaFusionHistoryValues,
    ReinforcementLearningResultRecord,
    ReinforcementLearningResultValues,
    StrategyOptimizationResultRecord,
    StrategyOptimizationResultValues,
    persona_fusion_history_record,
    reinforcement_learning_result_record,
    strategy_optimization_result_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class PersonaFusionHistoryRepository:
    """Rows of persona_fusion_history, keyed by id."""

    table: Table = Base.metadata.tables["persona_fusion_history"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaFusionHistoryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaFusionHistoryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_fusion_history_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaFusionHistoryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaFusionHistoryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaFusionHistoryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_fusion_history_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaFusionHistoryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ReinforcementLearningResultRepository:
    """Rows of reinforcement_learning_results, keyed by id."""

    table: Table = Base.metadata.tables["reinforcement_learning_results"]

    @classmethod
    async def add(cls, session: Executor, values: ReinforcementLearningResultValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ReinforcementLearningResultRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return reinforcement_learning_result_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ReinforcementLearningResultValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ReinforcementLearningResultValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ReinforcementLearningResultRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [reinforcement_learning_result_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ReinforcementLearningResultValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class StrategyOptimizationResultRepository:
    """Rows of strategy_optimization_results, keyed by id."""

    table: Table = Base.metadata.tables["strategy_optimization_results"]

    @classmethod
    async def add(cls, session: Executor, values: StrategyOptimizationResultValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> StrategyOptimizationResultRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return strategy_optimization_result_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: StrategyOptimizationResultValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: StrategyOptimizationResultValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StrategyOptimizationResultRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [strategy_optimization_result_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: StrategyOptimizationResultValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
