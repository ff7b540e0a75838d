# Generated from schema/psychological.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the psychological domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.psychological import (
    BotMoodRecord,
    BotMoodValues,
    CompositePsychologicalStateRecord,
    CompositePsychologicalStateValues,
    EmotionProfileRecord,
    EmotionProfileValues,
    PersonaAttributeWeightRecord,
    PersonaAttributeWeightValues,
    PersonaBackupRecord,
    PersonaBackupValues,
    PersonaDiversityScoreRecord,
    PersonaDiversityScoreValues,
    PersonaEvolutionSnapshotRecord,
    PersonaEvolutionSnapshotValues,
    PsychologicalStateComponentRecord,
    PsychologicalStateComponentValues,
    PsychologicalStateHistoryRecord,
    PsychologicalStateHistoryValues,
    bot_mood_record,
    composite_psychological_state_record,
    emotion_profile_record,
    persona_attribute_weight_record,
    persona_backup_record,
    persona_diversity_score_record,
    persona_evolution_snapshot_record,
    psychological_state_component_record,
    psychological_state_history_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class BotMoodRepository:
    """Rows of bot_mood, keyed by id."""

    table: Table = Base.metadata.tables["bot_mood"]

    @classmethod
    async def add(cls, session: Executor, values: BotMoodValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> BotMoodRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return bot_mood_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: BotMoodValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: BotMoodValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[BotMoodRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [bot_mood_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: BotMoodValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class CompositePsychologicalStateRepository:
    """Rows of composite_psychological_states, keyed by id."""

    table: Table = Base.metadata.tables["composite_psychological_states"]

    @classmethod
    async def add(cls, session: Executor, values: CompositePsychologicalStateValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> CompositePsychologicalStateRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return composite_psychological_state_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: CompositePsychologicalStateValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: CompositePsychologicalStateValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[CompositePsychologicalStateRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [composite_psychological_state_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: CompositePsychologicalStateValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class EmotionProfileRepository:
    """Rows of emotion_profiles, keyed by id."""

    table: Table = Base.metadata.tables["emotion_profiles"]

    @classmethod
    async def add(cls, session: Executor, values: EmotionProfileValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> EmotionProfileRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return emotion_profile_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: EmotionProfileValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: EmotionProfileValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EmotionProfileRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [emotion_profile_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: EmotionProfileValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaAttributeWeightRepository:
    """Rows of persona_attribute_weights, keyed by id."""

    table: Table = Base.metadata.tables["persona_attribute_weights"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaAttributeWeightValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaAttributeWeightRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_attribute_weight_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaAttributeWeightValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaAttributeWeightValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaAttributeWeightRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_attribute_weight_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaAttributeWeightValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaBackupRepository:
    """Rows of persona_backups, keyed by id."""

    table: Table = Base.metadata.tables["persona_backups"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaBackupValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaBackupRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_backup_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaBackupValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaBackupValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaBackupRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_backup_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaBackupValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaDiversityScoreRepository:
    """Rows of persona_diversity_scores, keyed by id."""

    table: Table = Base.metadata.tables["persona_diversity_scores"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaDiversityScoreValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaDiversityScoreRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_diversity_score_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaDiversityScoreValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaDiversityScoreValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaDiversityScoreRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_diversity_score_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaDiversityScoreValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PersonaEvolutionSnapshotRepository:
    """Rows of persona_evolution_snapshots, keyed by id."""

    table: Table = Base.metadata.tables["persona_evolution_snapshots"]

    @classmethod
    async def add(cls, session: Executor, values: PersonaEvolutionSnapshotValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PersonaEvolutionSnapshotRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return persona_evolution_snapshot_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PersonaEvolutionSnapshotValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PersonaEvolutionSnapshotValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonaEvolutionSnapshotRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [persona_evolution_snapshot_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PersonaEvolutionSnapshotValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PsychologicalStateComponentRepository:
    """Rows of psychological_state_components, keyed by id."""

    table: Table = Base.metadata.tables["psychological_state_components"]

    @classmethod
    async def add(cls, session: Executor, values: PsychologicalStateComponentValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PsychologicalStateComponentRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return psychological_state_component_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PsychologicalStateComponentValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PsychologicalStateComponentValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PsychologicalStateComponentRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [psychological_state_component_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PsychologicalStateComponentValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class PsychologicalStateHistoryRepository:
    """Rows of psychological_state_history, keyed by id."""

    table: Table = Base.metadata.tables["psychological_state_history"]

    @classmethod
    async def add(cls, session: Executor, values: PsychologicalStateHistoryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> PsychologicalStateHistoryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return psychological_state_history_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: PsychologicalStateHistoryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: PsychologicalStateHistoryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PsychologicalStateHistoryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [psychological_state_history_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: PsychologicalStateHistoryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
