# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""MessageFacade's fast paths: statements rendered per backend at generation time, run on the pooled
driver connection (handwritten/runtime/queries/driver_sql.py).

Each column's input rule (text escapes, length, NOT NULL) and read rule is written out below; the hand-written
body calls these functions, and its SQLAlchemy form (<method>_reference) is held equal to them by
contract_tests/test_message_fast.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sldb.generated.records.message import RawMessageRecord
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import bound_limit
from sldb.handwritten.runtime.queries.driver_sql import (
    KeysStatement,
    Statement,
    affected_rows_by_keys,
    fetch_rows,
    inserted_id,
    inserted_or_existing_id,
)
from sldb.handwritten.runtime.values.policy import bind_text, read_text
from sldb.handwritten.runtime.values.records import stored_bool


def _raw_messages_record_postgresql(row: Sequence[Any]) -> RawMessageRecord:
    return {
        "id": row[0],
        "sender_id": read_text(row[1]),
        "sender_name": read_text(row[2]),
        "sender_qq": read_text(row[3]),
        "message": read_text(row[4]),
        "group_id": read_text(row[5]),
        "timestamp": row[6],
        "platform": read_text(row[7]),
        "message_id": read_text(row[8]),
        "reply_to": read_text(row[9]),
        "created_at": row[10],
        "processed": row[11],
    }


def _raw_messages_record_mysql_sqlite(row: Sequence[Any]) -> RawMessageRecord:
    return {
        "id": row[0],
        "sender_id": read_text(row[1]),
        "sender_name": read_text(row[2]),
        "sender_qq": read_text(row[3]),
        "message": read_text(row[4]),
        "group_id": read_text(row[5]),
        "timestamp": row[6],
        "platform": read_text(row[7]),
        "message_id": read_text(row[8]),
        "reply_to": read_text(row[9]),
        "created_at": row[10],
        "processed": stored_bool(row[11]),
    }


_RAW_MESSAGES_RECORD = {
    "postgresql": _raw_messages_record_postgresql,
    "mysql": _raw_messages_record_mysql_sqlite,
    "sqlite": _raw_messages_record_mysql_sqlite,
}

_INSERT_RAW_MESSAGE = Statement(
    postgresql="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES ($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::BIGINT, $7::VARCHAR, $8::VARCHAR, $9::VARCHAR, $10::BIGINT, $11::BOOLEAN, $12::VARCHAR) RETURNING raw_messages.id",
    mysql="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
    sqlite="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
)


async def insert_raw_message(db: Database, values: Mapping[str, Any]) -> int:
    """Insert one row of raw_messages (values: every column but id) on db.driver(write=True); its id."""
    params = (
        bind_text(values["sender_id"], 255, field="raw_messages.sender_id", nullable=False),
        bind_text(values["sender_name"], 255, field="raw_messages.sender_name", nullable=True),
        bind_text(values["sender_qq"], 32, field="raw_messages.sender_qq", nullable=True),
        bind_text(values["message"], None, field="raw_messages.message", nullable=False),
        bind_text(values["group_id"], 255, field="raw_messages.group_id", nullable=True),
        values["timestamp"],
        bind_text(values["platform"], 100, field="raw_messages.platform", nullable=True),
        bind_text(values["message_id"], 255, field="raw_messages.message_id", nullable=True),
        bind_text(values["reply_to"], 255, field="raw_messages.reply_to", nullable=True),
        values["created_at"],
        values["processed"],
        bind_text(values["ingest_key"], 612, field="raw_messages.ingest_key", nullable=True),
    )
    async with db.driver(write=True) as conn:
        return await inserted_id(conn, _INSERT_RAW_MESSAGE, params)


_INSERT_RAW_MESSAGE_OR_EXISTING = Statement(
    postgresql="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES ($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::BIGINT, $7::VARCHAR, $8::VARCHAR, $9::VARCHAR, $10::BIGINT, $11::BOOLEAN, $12::VARCHAR) ON CONFLICT (ingest_key) DO UPDATE SET id = raw_messages.id RETURNING raw_messages.id",
    mysql="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON DUPLICATE KEY UPDATE id = last_insert_id(raw_messages.id)",
    sqlite="INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform, message_id, reply_to, created_at, processed, ingest_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ingest_key) DO UPDATE SET id = raw_messages.id RETURNING id",
)
_INSERT_RAW_MESSAGE_OR_EXISTING_BY_KEY = Statement(
    postgresql="SELECT raw_messages.id FROM raw_messages WHERE raw_messages.ingest_key = $1::VARCHAR FOR SHARE",
    mysql="SELECT raw_messages.id FROM raw_messages WHERE raw_messages.ingest_key = %s LOCK IN SHARE MODE",
    sqlite="SELECT raw_messages.id FROM raw_messages WHERE raw_messages.ingest_key = ?",
)


async def insert_raw_message_or_existing(db: Database, values: Mapping[str, Any]) -> int:
    """Insert one row of raw_messages (values: every column but id) on db.driver(write=True); its id, or that of the row already stored with the same ingest_key, left as it is."""
    params = (
        bind_text(values["sender_id"], 255, field="raw_messages.sender_id", nullable=False),
        bind_text(values["sender_name"], 255, field="raw_messages.sender_name", nullable=True),
        bind_text(values["sender_qq"], 32, field="raw_messages.sender_qq", nullable=True),
        bind_text(values["message"], None, field="raw_messages.message", nullable=False),
        bind_text(values["group_id"], 255, field="raw_messages.group_id", nullable=True),
        values["timestamp"],
        bind_text(values["platform"], 100, field="raw_messages.platform", nullable=True),
        bind_text(values["message_id"], 255, field="raw_messages.message_id", nullable=True),
        bind_text(values["reply_to"], 255, field="raw_messages.reply_to", nullable=True),
        values["created_at"],
        values["processed"],
        bind_text(values["ingest_key"], 612, field="raw_messages.ingest_key", nullable=True),
    )
    key = (bind_text(values["ingest_key"], 612, field="raw_messages.ingest_key", nullable=True),)
    async with db.driver(write=True) as conn:
        return await inserted_or_existing_id(
            conn, _INSERT_RAW_MESSAGE_OR_EXISTING, params, _INSERT_RAW_MESSAGE_OR_EXISTING_BY_KEY, key
        )


_NEWEST_RAW_MESSAGES_OF_GROUP = Statement(
    postgresql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.group_id = $1::VARCHAR ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT $2",
    mysql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.group_id = %s ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT %s",
    sqlite="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.group_id = ? ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT ? OFFSET 0",
)


async def newest_raw_messages_of_group(db: Database, *, group_id: Any, limit: Any) -> list[RawMessageRecord]:
    """The rows of raw_messages with group_id = group_id, ordered by timestamp desc, id desc, at most limit, as records (on db.driver(write=False))."""
    params = (
        bind_text(group_id, 255, field="raw_messages.group_id", nullable=True),
        bound_limit(limit),
    )
    into = _RAW_MESSAGES_RECORD[db.backend]
    async with db.driver(write=False) as conn:
        return [into(row) for row in await fetch_rows(conn, _NEWEST_RAW_MESSAGES_OF_GROUP, params)]


_NEWEST_RAW_MESSAGES = Statement(
    postgresql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT $1",
    mysql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT %s",
    sqlite="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT ? OFFSET 0",
)


async def newest_raw_messages(db: Database, *, limit: Any) -> list[RawMessageRecord]:
    """The rows of raw_messages, ordered by timestamp desc, id desc, at most limit, as records (on db.driver(write=False))."""
    params = (bound_limit(limit),)
    into = _RAW_MESSAGES_RECORD[db.backend]
    async with db.driver(write=False) as conn:
        return [into(row) for row in await fetch_rows(conn, _NEWEST_RAW_MESSAGES, params)]


_OLDEST_UNPROCESSED_RAW_MESSAGES = Statement(
    postgresql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = false ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT $1",
    mysql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = false ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT %s",
    sqlite="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = 0 ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT ? OFFSET 0",
)


async def oldest_unprocessed_raw_messages(db: Database, *, limit: Any) -> list[RawMessageRecord]:
    """The rows of raw_messages with processed = false, ordered by processed, timestamp, id, at most limit, as records (on db.driver(write=False))."""
    params = (bound_limit(limit),)
    into = _RAW_MESSAGES_RECORD[db.backend]
    async with db.driver(write=False) as conn:
        return [into(row) for row in await fetch_rows(conn, _OLDEST_UNPROCESSED_RAW_MESSAGES, params)]


_OLDEST_UNPROCESSED_RAW_MESSAGES_OF_GROUP = Statement(
    postgresql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = false AND raw_messages.group_id = $1::VARCHAR ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT $2",
    mysql="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = false AND raw_messages.group_id = %s ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT %s",
    sqlite="SELECT raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq, raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform, raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed FROM raw_messages WHERE raw_messages.processed = 0 AND raw_messages.group_id = ? ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT ? OFFSET 0",
)


async def oldest_unprocessed_raw_messages_of_group(
    db: Database, *, group_id: Any, limit: Any
) -> list[RawMessageRecord]:
    """The rows of raw_messages with processed = false and group_id = group_id, ordered by processed, timestamp, id, at most limit, as records (on db.driver(write=False))."""
    params = (
        bind_text(group_id, 255, field="raw_messages.group_id", nullable=True),
        bound_limit(limit),
    )
    into = _RAW_MESSAGES_RECORD[db.backend]
    async with db.driver(write=False) as conn:
        return [into(row) for row in await fetch_rows(conn, _OLDEST_UNPROCESSED_RAW_MESSAGES_OF_GROUP, params)]


_MARK_RAW_MESSAGES_PROCESSED = KeysStatement(
    postgresql="UPDATE raw_messages SET processed=true WHERE raw_messages.id = ANY ($1::INTEGER[])",
    mysql=("UPDATE raw_messages SET processed=true WHERE raw_messages.id IN (", ")"),
    sqlite=("UPDATE raw_messages SET processed=1 WHERE raw_messages.id IN (", ")"),
)


async def mark_raw_messages_processed(db: Database, keys: Sequence[int]) -> int:
    """Set processed = true on the rows of raw_messages whose id is in keys, on db.driver(write=True); how many rows matched (0 for no keys, without a statement)."""
    if not keys:
        return 0
    params = ()
    async with db.driver(write=True) as conn:
        return await affected_rows_by_keys(conn, _MARK_RAW_MESSAGES_PROCESSED, params, keys)


_INSERT_FILTERED_MESSAGE = Statement(
    postgresql="INSERT INTO filtered_messages (raw_message_id, message, sender_id, group_id, timestamp, confidence, quality_scores, filter_reason, created_at, processed) VALUES ($1::INTEGER, $2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::BIGINT, $6::FLOAT, $7::VARCHAR, $8::VARCHAR, $9::BIGINT, $10::BOOLEAN) RETURNING filtered_messages.id",
    mysql="INSERT INTO filtered_messages (raw_message_id, message, sender_id, group_id, timestamp, confidence, quality_scores, filter_reason, created_at, processed) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
    sqlite="INSERT INTO filtered_messages (raw_message_id, message, sender_id, group_id, timestamp, confidence, quality_scores, filter_reason, created_at, processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
)


async def insert_filtered_message(db: Database, values: Mapping[str, Any]) -> int:
    """Insert one row of filtered_messages (values: every column but id) on db.driver(write=True); its id."""
    params = (
        values["raw_message_id"],
        bind_text(values["message"], None, field="filtered_messages.message", nullable=False),
        bind_text(values["sender_id"], 255, field="filtered_messages.sender_id", nullable=False),
        bind_text(values["group_id"], 255, field="filtered_messages.group_id", nullable=True),
        values["timestamp"],
        values["confidence"],
        bind_text(values["quality_scores"], None, field="filtered_messages.quality_scores", nullable=True),
        bind_text(values["filter_reason"], None, field="filtered_messages.filter_reason", nullable=True),
        values["created_at"],
        values["processed"],
    )
    async with db.driver(write=True) as conn:
        return await inserted_id(conn, _INSERT_FILTERED_MESSAGE, params)


_INSERT_BOT_MESSAGE = Statement(
    postgresql="INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::BIGINT, $4::BIGINT) RETURNING bot_messages.id",
    mysql="INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES (%s, %s, %s, %s)",
    sqlite="INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES (?, ?, ?, ?) RETURNING id",
)


async def insert_bot_message(db: Database, values: Mapping[str, Any]) -> int:
    """Insert one row of bot_messages (values: every column but id) on db.driver(write=True); its id."""
    params = (
        bind_text(values["group_id"], 255, field="bot_messages.group_id", nullable=False),
        bind_text(values["message"], None, field="bot_messages.message", nullable=False),
        values["timestamp"],
        values["created_at"],
    )
    async with db.driver(write=True) as conn:
        return await inserted_id(conn, _INSERT_BOT_MESSAGE, params)
