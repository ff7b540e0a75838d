# Generated from schema/expression.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the expression domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.expression import (
    AdaptiveResponseTemplateRecord,
    AdaptiveResponseTemplateValues,
    ExpressionGenerationResultRecord,
    ExpressionGenerationResultValues,
    ExpressionPatternRecord,
    ExpressionPatternValues,
    LanguageStylePatternRecord,
    LanguageStylePatternValues,
    StyleLearningRecordRecord,
    StyleLearningRecordValues,
    StyleProfileRecord,
    StyleProfileValues,
    adaptive_response_template_record,
    expression_generation_result_record,
    expression_pattern_record,
    language_style_pattern_record,
    style_learning_record_record,
    style_profile_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class AdaptiveResponseTemplateRepository:
    """Rows of adaptive_response_templates, keyed by id."""

    table: Table = Base.metadata.tables["adaptive_response_templates"]

    @classmethod
    async def add(cls, session: Executor, values: AdaptiveResponseTemplateValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> AdaptiveResponseTemplateRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return adaptive_response_template_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: AdaptiveResponseTemplateValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: AdaptiveResponseTemplateValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[AdaptiveResponseTemplateRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [adaptive_response_template_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: AdaptiveResponseTemplateValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ExpressionGenerationResultRepository:
    """Rows of expression_generation_results, keyed by id."""

    table: Table = Base.metadata.tables["expression_generation_results"]

    @classmethod
    async def add(cls, session: Executor, values: ExpressionGenerationResultValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ExpressionGenerationResultRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return expression_generation_result_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ExpressionGenerationResultValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ExpressionGenerationResultValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ExpressionGenerationResultRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [expression_generation_result_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ExpressionGenerationResultValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ExpressionPatternRepository:
    """Rows of expression_patterns, keyed by id."""

    table: Table = Base.metadata.tables["expression_patterns"]

    @classmethod
    async def add(cls, session: Executor, values: ExpressionPatternValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ExpressionPatternRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return expression_pattern_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ExpressionPatternValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ExpressionPatternValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ExpressionPatternRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [expression_pattern_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ExpressionPatternValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class LanguageStylePatternRepository:
    """Rows of language_style_patterns, keyed by id."""

    table: Table = Base.metadata.tables["language_style_patterns"]

    @classmethod
    async def add(cls, session: Executor, values: LanguageStylePatternValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> LanguageStylePatternRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return language_style_pattern_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: LanguageStylePatternValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: LanguageStylePatternValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LanguageStylePatternRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [language_style_pattern_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: LanguageStylePatternValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class StyleLearningRecordRepository:
    """Rows of style_learning_records, keyed by id."""

    table: Table = Base.metadata.tables["style_learning_records"]

    @classmethod
    async def add(cls, session: Executor, values: StyleLearningRecordValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> StyleLearningRecordRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return style_learning_record_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: StyleLearningRecordValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: StyleLearningRecordValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StyleLearningRecordRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [style_learning_record_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: StyleLearningRecordValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class StyleProfileRepository:
    """Rows of style_profiles, keyed by id."""

    table: Table = Base.metadata.tables["style_profiles"]

    @classmethod
    async def add(cls, session: Executor, values: StyleProfileValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> StyleProfileRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return style_profile_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: StyleProfileValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: StyleProfileValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StyleProfileRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [style_profile_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: StyleProfileValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
