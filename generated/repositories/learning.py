# Generated from schema/learning.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the learning domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.learning import (
    InteractionRecordRecord,
    InteractionRecordValues,
    LearningBatchRecord,
    LearningBatchValues,
    LearningOptimizationLogRecord,
    LearningOptimizationLogValues,
    LearningReinforcementFeedbackRecord,
    LearningReinforcementFeedbackValues,
    LearningSessionRecord,
    LearningSessionValues,
    PersonaChangeSnapshotRecord,
    PersonaChangeSnapshotValues,
    PersonaLearningReviewRecord,
    PersonaLearningReviewValues,
    StyleLearningPatternRecord,
    StyleLearningPatternValues,
    StyleLearningReviewRecord,
    StyleLearningReviewValues,
    interaction_record_record,
    learning_batch_record,
    learning_optimization_log_record,
    learning_reinforcement_feedback_record,
    learning_session_record,
    persona_change_snapshot_record,
    persona_learning_review_record,
    style_learning_pattern_record,
    style_learning_review_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class InteractionRecordRepository:
    """Rows of interaction_records, keyed by id."""

    table: Table = Base.metadata.tables["interaction_records"]

    @classmethod
    async def add(cls, session: Executor, values: InteractionRecordValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> InteractionRecordRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return interaction_record_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: InteractionRecordValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: InteractionRecordValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[InteractionRecordRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [interaction_record_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: InteractionRecordValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class LearningBatchRepository:
    """Rows of learning_batches, keyed by id."""

    table: Table = Base.metadata.tables["learning_batches"]

    @classmethod
    async def add(cls, session: Executor, values: LearningBatchValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> LearningBatchRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return learning_batch_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: LearningBatchValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: LearningBatchValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LearningBatchRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [learning_batch_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: LearningBatchValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class LearningOptimizationLogRepository:
    """Rows of learning_optimization_log, keyed by id."""

    table: Table = Base.metadata.tables["learning_optimization_log"]

    @classmethod
    async def add(cls, session: Executor, values: LearningOptimizationLogValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> LearningOptimizationLogRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return learning_optimization_log_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: LearningOptimizationLogValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: LearningOptimizationLogValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LearningOptimizationLogRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [learning_optimization_log_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: LearningOptimizationLogValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class LearningReinforcementFeedbackRepository:
    """Rows of learning_reinforcement_feedback, keyed by id."""

    table: Table = Base.metadata.tables["learning_reinforcement_feedback"]

    @classmethod
    async def add(cls, session: Executor, values: LearningReinforcementFeedbackValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> LearningReinforcementFeedbackRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return learning_reinforcement_feedback_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: LearningReinforcementFeedbackValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: LearningReinforcementFeedbackValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LearningReinforcementFeedbackRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [learning_reinforcement_feedback_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: LearningReinforcementFeedbackValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class LearningSessionRepository:
    """Rows of learning_sessions, keyed by id."""

    table: Table = Base.metadata.tables["learning_sessions"]

    @classmethod
    async def add(cls, session: Executor, values: LearningSessionValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> LearningSessionRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return learning_session_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: LearningSessionValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: LearningSessionValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LearningSessionRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [learning_session_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: LearningSessionValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaChangeSnapshotRepository:
    """Rows of persona_change_snapshots, keyed by id."""

    table: Table = Base.metadata.tables["persona_change_snapshots"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaChangeSnapshotValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaChangeSnapshotRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_change_snapshot_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaChangeSnapshotValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaChangeSnapshotValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaChangeSnapshotRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_change_snapshot_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaChangeSnapshotValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaLearningReviewRepository:
    """Rows of persona_update_reviews, keyed by id."""

    table: Table = Base.metadata.tables["persona_update_reviews"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaLearningReviewValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaLearningReviewRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_learning_review_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaLearningReviewValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaLearningReviewValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaLearningReviewRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_learning_review_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaLearningReviewValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class StyleLearningPatternRepository:
    """Rows of style_learning_patterns, keyed by id."""

    table: Table = Base.metadata.tables["style_learning_patterns"]

    @classmethod
    async def add(cls, session: Executor, values: StyleLearningPatternValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> StyleLearningPatternRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return style_learning_pattern_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: StyleLearningPatternValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: StyleLearningPatternValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StyleLearningPatternRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [style_learning_pattern_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: StyleLearningPatternValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class StyleLearningReviewRepository:
    """Rows of style_learning_reviews, keyed by id."""

    table: Table = Base.metadata.tables["style_learning_reviews"]

    @classmethod
    async def add(cls, session: Executor, values: StyleLearningReviewValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> StyleLearningReviewRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return style_learning_review_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: StyleLearningReviewValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: StyleLearningReviewValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StyleLearningReviewRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [style_learning_review_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: StyleLearningReviewValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
