# Generated from schema/affection.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the affection domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.affection import (
    AffectionInteractionRecord,
    AffectionInteractionValues,
    UserAffectionRecord,
    UserAffectionValues,
    UserConversationHistoryRecord,
    UserConversationHistoryValues,
    UserDiversityRecord,
    UserDiversityValues,
    affection_interaction_record,
    user_affection_record,
    user_conversation_history_record,
    user_diversity_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class AffectionInteractionRepository:
    """Rows of affection_interactions, keyed by id."""

    table: Table = Base.metadata.tables["affection_interactions"]

    @classmethod
    async def add(cls, session: Executor, values: AffectionInteractionValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> AffectionInteractionRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return affection_interaction_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: AffectionInteractionValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: AffectionInteractionValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[AffectionInteractionRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [affection_interaction_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: AffectionInteractionValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserAffectionRepository:
    """Rows of user_affections, keyed by id."""

    table: Table = Base.metadata.tables["user_affections"]

    @classmethod
    async def add(cls, session: Executor, values: UserAffectionValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserAffectionRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_affection_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserAffectionValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserAffectionValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserAffectionRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_affection_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserAffectionValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserConversationHistoryRepository:
    """Rows of user_conversation_history, keyed by id."""

    table: Table = Base.metadata.tables["user_conversation_history"]

    @classmethod
    async def add(cls, session: Executor, values: UserConversationHistoryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserConversationHistoryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_conversation_history_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserConversationHistoryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserConversationHistoryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserConversationHistoryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_conversation_history_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserConversationHistoryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserDiversityRepository:
    """Rows of user_diversity, keyed by id."""

    table: Table = Base.metadata.tables["user_diversity"]

    @classmethod
    async def add(cls, session: Executor, values: UserDiversityValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserDiversityRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_diversity_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserDiversityValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserDiversityValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserDiversityRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_diversity_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserDiversityValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
