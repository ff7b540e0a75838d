# Generated from schema/memory.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the memory domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.memory import (
    MemoryEmbeddingRecord,
    MemoryEmbeddingValues,
    MemoryRecord,
    MemorySummaryRecord,
    MemorySummaryValues,
    MemoryValues,
    memory_embedding_record,
    memory_record,
    memory_summary_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class MemoryRepository:
    """Rows of memories, keyed by id."""

    table: Table = Base.metadata.tables["memories"]

    @classmethod
    async def add(cls, session: Executor, values: MemoryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MemoryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return memory_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MemoryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MemoryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MemoryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [memory_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MemoryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class MemoryEmbeddingRepository:
    """Rows of memory_embeddings, keyed by id."""

    table: Table = Base.metadata.tables["memory_embeddings"]

    @classmethod
    async def add(cls, session: Executor, values: MemoryEmbeddingValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MemoryEmbeddingRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return memory_embedding_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MemoryEmbeddingValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MemoryEmbeddingValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MemoryEmbeddingRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [memory_embedding_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MemoryEmbeddingValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class MemorySummaryRepository:
    """Rows of memory_summaries, keyed by id."""

    table: Table = Base.metadata.tables["memory_summaries"]

    @classmethod
    async def add(cls, session: Executor, values: MemorySummaryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MemorySummaryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return memory_summary_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MemorySummaryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MemorySummaryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MemorySummaryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [memory_summary_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MemorySummaryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
