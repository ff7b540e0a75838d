"""MessageFacade queries: raw, filtered and bot messages (spec: schema/facades/message.yaml)."""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Insert, Select, bindparam, case, false, func, insert, null, select, true, update

from sldb.generated.fast import message as fast
from sldb.generated.records.message import (
    FilteredMessageRecord,
    RawMessageRecord,
    filtered_message_record,
    raw_message_record,
)
from sldb.generated.repositories.memory import MemoryRepository
from sldb.generated.repositories.message import (
    BotMessageRepository,
    FilteredMessageRepository,
    MessageGroupCounterRepository,
    MessageSenderCounterRepository,
    RawMessageRepository,
)
from sldb.generated.repositories.social_relation import SocialRelationRepository
from sldb.generated.shapes.message import (
    GroupMessageStatistics,
    LearningMessage,
    MessageStatistics,
    ReplayMessage,
    SenderStatistics,
    SocialAnalysisGroup,
    TimedMessage,
    UnprocessedMessage,
    learning_message,
    replay_message,
    timed_message,
    unprocessed_message,
)
from sldb.handwritten.facades import uncounted
from sldb.handwritten.runtime.contract.database import Connection, Database
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.queries.crud import (
    affected,
    as_mapping,
    bound_limit,
    committed_read,
    inserted_key,
    page,
    read_column,
    read_first,
    read_one,
    read_records,
    records,
)
from sldb.handwritten.runtime.queries.upsert import (
    insert_new_keys_statement,
    insert_or_existing_key_statement,
    run_insert_or_existing_key,
)
from sldb.handwritten.runtime.values.jsontext import dumps
from sldb.handwritten.runtime.values.policy import as_text, number, whole_number, whole_seconds
from sldb.handwritten.tables.counter_readiness import counters_ready

log = layer_logger("facades.message")

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table
_BOT = BotMessageRepository.table
_MEMORIES = MemoryRepository.table
_RELATIONS = SocialRelationRepository.table
_GROUP_COUNTS = MessageGroupCounterRepository.table
_SENDER_COUNTS = MessageSenderCounterRepository.table

_SENDERS_LIMIT = 50

# The hot paths' statements, built once: SQLAlchemy then reuses their cache key and compiled form.
# `processed = false`, not `IS FALSE`: only the equality lets PostgreSQL and MySQL seek the
# (processed, timestamp, id) index and read it in order.
_INSERT_RAW = insert(_RAW)
_INSERT_FILTERED = insert(_FILTERED)
_INSERT_BOT = insert(_BOT)
_NEWEST_RAW = select(_RAW).order_by(_RAW.c.timestamp.desc(), _RAW.c.id.desc()).limit(bindparam("limit"))
_NEWEST_RAW_OF_GROUP = _NEWEST_RAW.where(_RAW.c.group_id == bindparam("group_id"))
# ORDER BY processed first (one value under the WHERE, so the order is the same): only (processed, timestamp, id)
# then gives the order, and PostgreSQL no longer walks idx_raw_timestamp past every processed row, assuming
# the unprocessed ones spread evenly when they are the newest (257 ms against 0.2 ms at 300,000 rows).
_OLDEST_UNPROCESSED = (
    select(_RAW)
    .where(_RAW.c.processed == false())
    .order_by(_RAW.c.processed, _RAW.c.timestamp, _RAW.c.id)
    .limit(bindparam("limit"))
)
_OLDEST_UNPROCESSED_OF_GROUP = _OLDEST_UNPROCESSED.where(_RAW.c.group_id == bindparam("group_id"))
_NEWEST_BOT_REPLIES = (
    select(_BOT.c.message)
    .where(_BOT.c.group_id == bindparam("group_id"))
    .order_by(_BOT.c.timestamp.desc(), _BOT.c.id.desc())
    .limit(bindparam("limit"))
)
_UNPROCESSED_DEFAULT_LIMIT = 100


def _or_empty(value: Any, empty: str | None) -> Any:
    """value as given (the column types convert and check it); empty when the caller gave None.

    The plugin's messages may lack a name or platform: those NOT NULL fields are stored as "" then.
    """
    return empty if value is None else value


def _fields(message_data: Any) -> Mapping[str, Any]:
    if isinstance(message_data, Mapping):
        return message_data
    return vars(message_data) if hasattr(message_data, "__dict__") else {}


def _ingest_key(data: Mapping[str, Any]) -> str | None:
    """The key of a message the platform identified (see raw_messages.ingest_key); None without a message id."""
    message_id = data.get("message_id")
    if message_id is None or not as_text(message_id).strip():
        return None
    return "\x1f".join(as_text(data.get(name) or "") for name in ("platform", "group_id", "message_id"))


def _raw_values(message_data: Any, now: int) -> dict[str, Any]:
    data = _fields(message_data)
    return {
        "ingest_key": _ingest_key(data),
        "sender_id": _or_empty(data.get("sender_id"), ""),
        "sender_name": _or_empty(data.get("sender_name"), ""),
        "sender_qq": _or_empty(data.get("sender_qq") or None, None),
        "message": _or_empty(data.get("message"), ""),
        "group_id": _or_empty(data.get("group_id"), ""),
        "timestamp": whole_seconds(data.get("timestamp"), field="timestamp", default=now),
        "platform": _or_empty(data.get("platform"), ""),
        "message_id": _or_empty(data.get("message_id"), None),
        "reply_to": _or_empty(data.get("reply_to"), None),
        "created_at": now,
        "processed": False,
    }


_INGEST_KEY = ("ingest_key",)


@functools.cache
def _ingest(dialect: str) -> Insert:
    return insert_or_existing_key_statement(dialect, _RAW, _INGEST_KEY)


async def save_raw_message(db: Database, *, message_data: Any) -> int:
    """The new row's id; a repeat of a message the platform identified returns the stored row's id."""
    values = _raw_values(message_data, int(time.time()))
    if values["ingest_key"] is None:
        return await fast.insert_raw_message(db, values)
    return await fast.insert_raw_message_or_existing(db, values)


async def save_raw_message_reference(db: Database, *, message_data: Any) -> int:
    """save_raw_message through SQLAlchemy: the form its fast path is held to (contract_tests/test_message_fast.py)."""
    values = _raw_values(message_data, int(time.time()))
    async with db.autocommit() as conn:
        if values["ingest_key"] is None:
            return int(await inserted_key(conn, _INSERT_RAW, values))
        return await run_insert_or_existing_key(conn, _ingest(db.backend), values, _INGEST_KEY)


async def save_raw_messages(db: Database, *, messages: list[dict[str, Any]]) -> list[int]:
    if not messages:
        return []
    now = int(time.time())
    rows = [_raw_values(message, now) for message in messages]
    async with db.transaction() as conn:
        plain = [i for i, row in enumerate(rows) if row["ingest_key"] is None]
        ids = dict(zip(plain, await _insert_raw_rows(conn, db.backend, [rows[i] for i in plain]), strict=True))
        # Messages the platform identified: those not stored yet are inserted, then each finds its row's id by
        # its key (a repeat, here or in the batch, the stored one), in statements of up to _KEYS_PER_READ rows.
        # In key order: concurrent batches that share keys then wait for each other's rows in one order, never
        # in a cycle (PostgreSQL reported a deadlock for two overlapping batches inserted in input order).
        keyed = sorted((row for row in rows if row["ingest_key"] is not None), key=lambda row: str(row["ingest_key"]))
        if keyed:
            await conn.execute(_new_keys(db.backend), keyed)
            by_key: dict[str, int] = {}
            keys = sorted({str(row["ingest_key"]) for row in keyed})
            for start in range(0, len(keys), _KEYS_PER_READ):
                found = await conn.execute(_id_by_key(db.backend), {"keys": keys[start : start + _KEYS_PER_READ]})
                by_key.update((str(key), int(pk)) for key, pk in found.all())
            ids.update((i, by_key[row["ingest_key"]]) for i, row in enumerate(rows) if row["ingest_key"] is not None)
    return [ids[i] for i in range(len(rows))]


_KEYS_PER_READ = 1000


@functools.cache
def _id_by_key(dialect: str) -> Select[tuple[Any, Any]]:
    # A stored key may be another transaction's row, committed after this one's first read.
    stmt = select(_RAW.c.ingest_key, _RAW.c.id).where(_RAW.c.ingest_key.in_(bindparam("keys", expanding=True)))
    return committed_read(stmt, dialect)


@functools.cache
def _new_keys(dialect: str) -> Insert:
    return insert_new_keys_statement(dialect, _RAW, _INGEST_KEY)


async def _insert_raw_rows(conn: Connection, backend: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows (none of them identified) in one batched INSERT; their new ids in input order."""
    if not rows:
        return []
    if backend == "sqlite":
        # Ordered RETURNING cannot be batched on SQLite (SQLAlchemy sends one INSERT per row). The batched
        # INSERT hands out rowids in input order, and BEGIN IMMEDIATE keeps other writers out meanwhile,
        # so the sorted ids are the input's ids.
        stmt = insert(_RAW).returning(_RAW.c.id)
        return sorted(int(key) for key in (await conn.execute(stmt, rows)).scalars().all())
    # One executemany-style INSERT; sort_by_parameter_order keeps the returned ids in input order.
    stmt = insert(_RAW).returning(_RAW.c.id, sort_by_parameter_order=True)
    return [int(key) for key in (await conn.execute(stmt, rows)).scalars().all()]


async def save_manual_memory(
    db: Database, *, group_id: str, user_id: str, content: str, memory_type: str, importance: int
) -> int:
    now = int(time.time())
    values = {
        "group_id": group_id,
        "user_id": user_id,
        "content": content,
        "importance": importance,
        "memory_type": memory_type,
        "created_at": now,
        "last_accessed": now,
        "access_count": 0,
    }
    async with db.autocommit() as conn:
        return int(await inserted_key(conn, insert(_MEMORIES).values(values)))


async def get_recent_raw_messages(db: Database, *, group_id: str, limit: int) -> list[RawMessageRecord]:
    if group_id:
        return await fast.newest_raw_messages_of_group(db, group_id=group_id, limit=limit)
    return await fast.newest_raw_messages(db, limit=limit)


async def get_recent_raw_messages_reference(db: Database, *, group_id: str, limit: int) -> list[RawMessageRecord]:
    """get_recent_raw_messages through SQLAlchemy: the form its fast path is held to."""
    if group_id:
        params = {"group_id": group_id, "limit": bound_limit(limit)}
        return await read_records(db, _NEWEST_RAW_OF_GROUP, raw_message_record, params)
    return await read_records(db, _NEWEST_RAW, raw_message_record, {"limit": bound_limit(limit)})


async def get_unprocessed_messages(
    db: Database, *, limit: int | None, group_id: str | None
) -> list[UnprocessedMessage]:
    size = limit or _UNPROCESSED_DEFAULT_LIMIT
    if group_id:
        rows = await fast.oldest_unprocessed_raw_messages_of_group(db, group_id=group_id, limit=size)
    else:
        rows = await fast.oldest_unprocessed_raw_messages(db, limit=size)
    return [unprocessed_message(row) for row in rows]


async def get_unprocessed_messages_reference(
    db: Database, *, limit: int | None, group_id: str | None
) -> list[UnprocessedMessage]:
    """get_unprocessed_messages through SQLAlchemy: the form its fast path is held to."""
    params: dict[str, Any] = {"limit": bound_limit(limit or _UNPROCESSED_DEFAULT_LIMIT)}
    stmt = _OLDEST_UNPROCESSED
    if group_id:
        stmt, params["group_id"] = _OLDEST_UNPROCESSED_OF_GROUP, group_id
    return await read_records(db, stmt, unprocessed_message, params)


async def mark_messages_processed(db: Database, *, message_ids: list[int]) -> bool:
    if not message_ids:
        return True
    return await fast.mark_raw_messages_processed(db, [int(i) for i in message_ids]) > 0


async def mark_messages_processed_reference(db: Database, *, message_ids: list[int]) -> bool:
    """mark_messages_processed through SQLAlchemy: the form its fast path is held to."""
    if not message_ids:
        return True
    stmt = update(_RAW).where(_RAW.c.id.in_([int(i) for i in message_ids])).values(processed=True)
    async with db.autocommit() as conn:
        return await affected(conn, stmt) > 0


async def get_messages_by_timerange(
    db: Database, *, group_id: str, start_time: int, end_time: int, limit: int
) -> list[TimedMessage]:
    return await get_messages_by_group_and_timerange(
        db, group_id=group_id, start_time=start_time, end_time=end_time, limit=limit
    )


async def get_messages_by_group_and_timerange(
    db: Database, *, group_id: str, start_time: int, end_time: int, limit: int
) -> list[TimedMessage]:
    # Timestamps are whole seconds, so fractional bounds round inwards (asyncpg binds BIGINT strictly).
    stmt = select(_RAW).where(
        _RAW.c.group_id == group_id,
        _RAW.c.timestamp >= math.ceil(start_time),
        _RAW.c.timestamp <= math.floor(end_time),
    )
    stmt = page(stmt.order_by(_RAW.c.timestamp, _RAW.c.id), limit)
    return await read_records(db, stmt, timed_message)


async def get_messages_for_replay(db: Database, *, group_id: str, days: int, limit: int) -> list[ReplayMessage]:
    cutoff = math.floor(time.time() - days * 24 * 3600)
    stmt = select(_RAW).where(
        _RAW.c.group_id == group_id,
        _RAW.c.timestamp > cutoff,
        _RAW.c.processed == true(),
    )
    stmt = page(stmt.order_by(_RAW.c.timestamp.desc(), _RAW.c.id.desc()), limit)
    return await read_records(db, stmt, replay_message)


async def get_recent_filtered_messages(db: Database, *, group_id: str, limit: int) -> list[FilteredMessageRecord]:
    stmt = select(_FILTERED)
    if group_id:
        stmt = stmt.where(_FILTERED.c.group_id == group_id)
    stmt = stmt.order_by(_FILTERED.c.timestamp.desc(), _FILTERED.c.id.desc())
    return await read_records(db, page(stmt, limit), filtered_message_record)


async def get_filtered_messages_for_learning(db: Database, *, limit: int) -> list[LearningMessage]:
    stmt = select(_FILTERED).where(_FILTERED.c.processed == false())
    # processed first, as in _OLDEST_UNPROCESSED: the order only idx_filtered_unprocessed_time gives.
    stmt = page(stmt.order_by(_FILTERED.c.processed, _FILTERED.c.timestamp, _FILTERED.c.id), limit)
    return await read_records(db, stmt, learning_message)


async def add_filtered_message(db: Database, *, filtered_data: dict[str, Any]) -> int:
    return await fast.insert_filtered_message(db, _filtered_values(filtered_data))


async def add_filtered_message_reference(db: Database, *, filtered_data: dict[str, Any]) -> int:
    """add_filtered_message through SQLAlchemy: the form its fast path is held to."""
    async with db.autocommit() as conn:
        return int(await inserted_key(conn, _INSERT_FILTERED, _filtered_values(filtered_data)))


def _filtered_values(filtered_data: dict[str, Any]) -> dict[str, Any]:
    now = int(time.time())
    scores = filtered_data.get("quality_scores")
    return {
        "raw_message_id": whole_number(filtered_data.get("raw_message_id"), field="raw_message_id"),
        "message": _or_empty(filtered_data.get("message"), ""),
        "sender_id": _or_empty(filtered_data.get("sender_id"), ""),
        "group_id": _or_empty(filtered_data.get("group_id"), ""),
        "timestamp": whole_seconds(filtered_data.get("timestamp"), field="timestamp", default=now),
        "confidence": number(filtered_data.get("confidence"), field="confidence"),
        "quality_scores": dumps(scores) if scores is not None else None,
        "filter_reason": _or_empty(filtered_data.get("filter_reason"), None),
        "created_at": now,
        "processed": False,
    }


async def save_bot_message(db: Database, *, group_id: str, message: str, timestamp: int | None) -> bool:
    await fast.insert_bot_message(db, _bot_values(group_id, message, timestamp))
    return True


async def save_bot_message_reference(db: Database, *, group_id: str, message: str, timestamp: int | None) -> bool:
    """save_bot_message through SQLAlchemy: the form its fast path is held to."""
    async with db.autocommit() as conn:
        await inserted_key(conn, _INSERT_BOT, _bot_values(group_id, message, timestamp))
    return True


def _bot_values(group_id: str, message: str, timestamp: int | None) -> dict[str, Any]:
    now = int(time.time())
    return {
        "group_id": group_id,
        "message": _or_empty(message, ""),
        "timestamp": whole_seconds(timestamp, field="timestamp", default=now),
        "created_at": now,
    }


async def get_recent_bot_responses(db: Database, *, group_id: str, limit: int) -> list[str]:
    params = {"group_id": group_id, "limit": bound_limit(limit)}
    return [str(text) for text in await read_column(db, _NEWEST_BOT_REPLIES, params)]


# The counts come from the counters the triggers keep (handwritten/tables/counters.py): per group a row,
# per group and sender a row; NULL groups are kept as '' with null_group true.
_TOTALS = select(
    func.coalesce(func.sum(_GROUP_COUNTS.c.raw_count), 0),
    func.coalesce(func.sum(_GROUP_COUNTS.c.filtered_count), 0),
    func.coalesce(func.sum(_GROUP_COUNTS.c.bot_count), 0),
)
_OF_GROUP = select(_GROUP_COUNTS.c.raw_count, _GROUP_COUNTS.c.raw_unprocessed, _GROUP_COUNTS.c.filtered_count).where(
    _GROUP_COUNTS.c.group_id == bindparam("group_id"), _GROUP_COUNTS.c.null_group == false()
)
_TOP_SENDERS = (
    select(_SENDER_COUNTS.c.sender_id, _SENDER_COUNTS.c.sender_name, _SENDER_COUNTS.c.message_count)
    .where(_SENDER_COUNTS.c.group_id == bindparam("group_id"), _SENDER_COUNTS.c.null_group == false())
    .order_by(_SENDER_COUNTS.c.message_count.desc(), _SENDER_COUNTS.c.sender_id)
    .limit(_SENDERS_LIMIT)
)
_MEMBERS = (
    select(func.count())
    .where(
        _SENDER_COUNTS.c.group_id == _GROUP_COUNTS.c.group_id,
        _SENDER_COUNTS.c.null_group == _GROUP_COUNTS.c.null_group,
    )
    .scalar_subquery()
)
_GROUPS_BY_SIZE = (
    select(
        case((_GROUP_COUNTS.c.null_group, null()), else_=_GROUP_COUNTS.c.group_id).label("group_id"),
        _GROUP_COUNTS.c.raw_count.label("message_count"),
        _MEMBERS.label("member_count"),
    )
    .where(_GROUP_COUNTS.c.raw_count > 0)
    # NULL groups sort last, as the plugin's GROUP BY over raw_messages did.
    .order_by(_GROUP_COUNTS.c.raw_count.desc(), _GROUP_COUNTS.c.null_group, _GROUP_COUNTS.c.group_id)
)
_RELATIONS_PER_GROUP = select(_RELATIONS.c.group_id, func.count().label("relation_count")).group_by(
    _RELATIONS.c.group_id
)


async def get_messages_statistics(db: Database) -> MessageStatistics:
    totals = _TOTALS if await counters_ready(db) else uncounted.TOTALS
    raw, filtered, bot = (int(n) for n in await read_one(db, totals))
    return {"total_messages": raw, "raw_messages": raw, "filtered_messages": filtered, "bot_messages": bot}


async def get_message_statistics(db: Database, *, group_id: str | None) -> GroupMessageStatistics | MessageStatistics:
    if not group_id:
        return await get_messages_statistics(db)
    of_group = _OF_GROUP if await counters_ready(db) else uncounted.OF_GROUP
    row = await read_first(db, of_group, as_mapping, {"group_id": group_id})
    if row is None:
        total = unprocessed = filtered = 0
    else:
        total, unprocessed, filtered = int(row["raw_count"]), int(row["raw_unprocessed"]), int(row["filtered_count"])
    return {
        "total_messages": total,
        "unprocessed_messages": unprocessed,
        "filtered_messages": filtered,
        "raw_messages": total,
        "group_id": group_id,
    }


async def get_group_messages_statistics(db: Database, *, group_id: str) -> GroupMessageStatistics | MessageStatistics:
    return await get_message_statistics(db, group_id=group_id)


async def get_group_user_statistics(db: Database, *, group_id: str) -> dict[str, SenderStatistics]:
    senders = _TOP_SENDERS if await counters_ready(db) else uncounted.top_senders(_SENDERS_LIMIT)
    rows = await read_records(db, senders, as_mapping, {"group_id": group_id})
    return {
        row["sender_id"]: {
            "message_count": int(row["message_count"]),
            "sender_name": row["sender_name"] or row["sender_id"],
        }
        for row in rows
    }


async def get_groups_for_social_analysis(db: Database) -> list[SocialAnalysisGroup]:
    by_size = _GROUPS_BY_SIZE if await counters_ready(db) else uncounted.GROUPS_BY_SIZE
    # Both from one snapshot: a group's relations are counted as of its messages.
    async with db.snapshot() as conn:
        groups = await records(conn, by_size, as_mapping)
        relations = {
            row["group_id"]: int(row["relation_count"]) for row in await records(conn, _RELATIONS_PER_GROUP, as_mapping)
        }
    return [
        {
            "group_id": row["group_id"],
            "message_count": int(row["message_count"]),
            "member_count": int(row["member_count"]),
            "relation_count": relations.get(row["group_id"], 0),
        }
        for row in groups
    ]
