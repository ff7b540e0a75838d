# Generated from schema/message.yaml by codegen. Do not edit.
"""Create, get, update, list, count and delete for each table of the message domain.

Core statements on the mapped tables: no ORM objects are built, and every value is a bound parameter.
"""

from __future__ import annotations

from sqlalchemy import Table, delete, func, insert, select, update

from sldb.generated.models.base import Base
from sldb.generated.records.message import (
    BotMessageRecord,
    BotMessageValues,
    ContextSimilarityCacheRecord,
    ContextSimilarityCacheValues,
    ConversationContextRecord,
    ConversationContextValues,
    ConversationQualityMetricsRecord,
    ConversationQualityMetricsValues,
    ConversationTopicClusteringRecord,
    ConversationTopicClusteringValues,
    FilteredMessageRecord,
    FilteredMessageValues,
    MessageGroupCounterRecord,
    MessageGroupCounterValues,
    MessageQuarterCounterRecord,
    MessageQuarterCounterValues,
    MessageSenderCounterRecord,
    MessageSenderCounterValues,
    RawMessageRecord,
    RawMessageValues,
    bot_message_record,
    context_similarity_cache_record,
    conversation_context_record,
    conversation_quality_metrics_record,
    conversation_topic_clustering_record,
    filtered_message_record,
    message_group_counter_record,
    message_quarter_counter_record,
    message_sender_counter_record,
    raw_message_record,
)
from sldb.handwritten.runtime.contract.database import Executor
from sldb.handwritten.runtime.queries.crud import affected, filtered, inserted_key, page, tie_broken


class BotMessageRepository:
    """Rows of bot_messages, keyed by id."""

    table: Table = Base.metadata.tables["bot_messages"]

    @classmethod
    async def add(cls, session: Executor, values: BotMessageValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> BotMessageRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return bot_message_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: BotMessageValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: BotMessageValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[BotMessageRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [bot_message_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: BotMessageValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ContextSimilarityCacheRepository:
    """Rows of context_similarity_cache, keyed by id."""

    table: Table = Base.metadata.tables["context_similarity_cache"]

    @classmethod
    async def add(cls, session: Executor, values: ContextSimilarityCacheValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ContextSimilarityCacheRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return context_similarity_cache_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ContextSimilarityCacheValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ContextSimilarityCacheValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ContextSimilarityCacheRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [context_similarity_cache_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ContextSimilarityCacheValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ConversationContextRepository:
    """Rows of conversation_context, keyed by id."""

    table: Table = Base.metadata.tables["conversation_context"]

    @classmethod
    async def add(cls, session: Executor, values: ConversationContextValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ConversationContextRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return conversation_context_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ConversationContextValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ConversationContextValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ConversationContextRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [conversation_context_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ConversationContextValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ConversationQualityMetricsRepository:
    """Rows of conversation_quality_metrics, keyed by id."""

    table: Table = Base.metadata.tables["conversation_quality_metrics"]

    @classmethod
    async def add(cls, session: Executor, values: ConversationQualityMetricsValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ConversationQualityMetricsRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return conversation_quality_metrics_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ConversationQualityMetricsValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ConversationQualityMetricsValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ConversationQualityMetricsRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [conversation_quality_metrics_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ConversationQualityMetricsValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class ConversationTopicClusteringRepository:
    """Rows of conversation_topic_clustering, keyed by id."""

    table: Table = Base.metadata.tables["conversation_topic_clustering"]

    @classmethod
    async def add(cls, session: Executor, values: ConversationTopicClusteringValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> ConversationTopicClusteringRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return conversation_topic_clustering_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: ConversationTopicClusteringValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: ConversationTopicClusteringValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ConversationTopicClusteringRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [conversation_topic_clustering_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: ConversationTopicClusteringValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class FilteredMessageRepository:
    """Rows of filtered_messages, keyed by id."""

    table: Table = Base.metadata.tables["filtered_messages"]

    @classmethod
    async def add(cls, session: Executor, values: FilteredMessageValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> FilteredMessageRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return filtered_message_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: FilteredMessageValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: FilteredMessageValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[FilteredMessageRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [filtered_message_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: FilteredMessageValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class MessageGroupCounterRepository:
    """Rows of message_group_counters, keyed by id."""

    table: Table = Base.metadata.tables["message_group_counters"]

    @classmethod
    async def add(cls, session: Executor, values: MessageGroupCounterValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MessageGroupCounterRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return message_group_counter_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MessageGroupCounterValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MessageGroupCounterValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MessageGroupCounterRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [message_group_counter_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MessageGroupCounterValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class MessageSenderCounterRepository:
    """Rows of message_sender_counters, keyed by id."""

    table: Table = Base.metadata.tables["message_sender_counters"]

    @classmethod
    async def add(cls, session: Executor, values: MessageSenderCounterValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MessageSenderCounterRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return message_sender_counter_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MessageSenderCounterValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MessageSenderCounterValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MessageSenderCounterRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [message_sender_counter_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MessageSenderCounterValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class MessageQuarterCounterRepository:
    """Rows of message_quarter_counters, keyed by id."""

    table: Table = Base.metadata.tables["message_quarter_counters"]

    @classmethod
    async def add(cls, session: Executor, values: MessageQuarterCounterValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> MessageQuarterCounterRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return message_quarter_counter_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: MessageQuarterCounterValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: MessageQuarterCounterValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MessageQuarterCounterRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [message_quarter_counter_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: MessageQuarterCounterValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0


class RawMessageRepository:
    """Rows of raw_messages, keyed by id."""

    table: Table = Base.metadata.tables["raw_messages"]

    @classmethod
    async def add(cls, session: Executor, values: RawMessageValues) -> int:
        """Insert one row; return its id."""
        return int(await inserted_key(session, insert(cls.table).values(dict(values))))

    @classmethod
    async def get(cls, session: Executor, id: int) -> RawMessageRecord | None:
        """The row with this id, or None."""
        stmt = select(cls.table).where(cls.table.c.id == id)
        row = (await session.execute(stmt)).mappings().first()
        return raw_message_record(row) if row is not None else None

    @classmethod
    async def update(cls, session: Executor, id: int, values: RawMessageValues) -> bool:
        """Set values on the row with this id; whether it exists."""
        stmt = update(cls.table).where(cls.table.c.id == id).values(dict(values))
        return await affected(session, stmt) > 0

    @classmethod
    async def list(
        cls,
        session: Executor,
        *,
        where: RawMessageValues | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[RawMessageRecord]:
        """Rows whose columns equal where, in id order."""
        stmt = tie_broken(filtered(select(cls.table), cls.table, where), cls.table)
        rows = (await session.execute(page(stmt, limit, offset))).mappings().all()
        return [raw_message_record(row) for row in rows]

    @classmethod
    async def count(cls, session: Executor, *, where: RawMessageValues | None = None) -> int:
        """How many rows have columns equal to where."""
        stmt = filtered(select(func.count()).select_from(cls.table), cls.table, where)
        return int((await session.execute(stmt)).scalar_one())

    @classmethod
    async def delete(cls, session: Executor, id: int) -> bool:
        """Delete the row with this id; whether it existed."""
        stmt = delete(cls.table).where(cls.table.c.id == id)
        return await affected(session, stmt) > 0
