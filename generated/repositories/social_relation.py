# Generated from schema/social_relation.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the social_relation domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.social_relation import (
    SocialRelationHistoryRecord,
    SocialRelationHistoryValues,
    SocialRelationRecord,
    SocialRelationValues,
    UserPreferencesRecord,
    UserPreferencesValues,
    UserProfileRecord,
    UserProfileValues,
    UserSocialProfileRecord,
    UserSocialProfileValues,
    UserSocialRelationComponentRecord,
    UserSocialRelationComponentValues,
    social_relation_history_record,
    social_relation_record,
    user_preferences_record,
    user_profile_record,
    user_social_profile_record,
    user_social_relation_component_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class SocialRelationRepository:
    """Rows of social_relations, keyed by id."""

    table: Table = Base.metadata.tables["social_relations"]

    @classmethod
    async def add(cls, session: Executor, values: SocialRelationValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> SocialRelationRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return social_relation_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: SocialRelationValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: SocialRelationValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SocialRelationRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [social_relation_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: SocialRelationValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class SocialRelationHistoryRepository:
    """Rows of social_relation_history, keyed by id."""

    table: Table = Base.metadata.tables["social_relation_history"]

    @classmethod
    async def add(cls, session: Executor, values: SocialRelationHistoryValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> SocialRelationHistoryRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return social_relation_history_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: SocialRelationHistoryValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: SocialRelationHistoryValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SocialRelationHistoryRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [social_relation_history_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: SocialRelationHistoryValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserPreferencesRepository:
    """Rows of user_preferences, keyed by id."""

    table: Table = Base.metadata.tables["user_preferences"]

    @classmethod
    async def add(cls, session: Executor, values: UserPreferencesValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserPreferencesRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_preferences_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserPreferencesValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserPreferencesValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserPreferencesRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_preferences_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserPreferencesValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserProfileRepository:
    """Rows of user_profiles, keyed by qq_id."""

    table: Table = Base.metadata.tables["user_profiles"]

    @classmethod
    async def add(cls, session: Executor, values: UserProfileValues) -> str:
        """Insert one row; return its qq_id."""
        return str(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, qq_id: str) -> UserProfileRecord | None:
        """The row with this qq_id, or None."""
        stmt = select(cls.table).where(cls.table.c.qq_id == qq_id)
        row = (await session.execute(stmt)).mappings().first()
        return user_profile_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, qq_id: str, values: UserProfileValues) -> bool:
        """Set values on the row with this qq_id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.qq_id == qq_id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserProfileValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserProfileRecord]:
        """Rows whose columns equal where, in qq_id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_profile_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserProfileValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, qq_id: str) -> bool:
        """Delete the row with this qq_id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.qq_id == qq_id)
        return await affected(session, stmt) > 0


class UserSocialProfileRepository:
    """Rows of user_social_profiles, keyed by id."""

    table: Table = Base.metadata.tables["user_social_profiles"]

    @classmethod
    async def add(cls, session: Executor, values: UserSocialProfileValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserSocialProfileRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_social_profile_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserSocialProfileValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserSocialProfileValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserSocialProfileRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_social_profile_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserSocialProfileValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class UserSocialRelationComponentRepository:
    """Rows of user_social_relation_components, keyed by id."""

    table: Table = Base.metadata.tables["user_social_relation_components"]

    @classmethod
    async def add(cls, session: Executor, values: UserSocialRelationComponentValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> UserSocialRelationComponentRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return user_social_relation_component_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: UserSocialRelationComponentValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: UserSocialRelationComponentValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UserSocialRelationComponentRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [user_social_relation_component_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: UserSocialRelationComponentValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
