# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""JargonFacade's fast paths: statements rendered per backend at generation time, run on the pooled
driver connection (handwritten/runtime/queries/driver_sql.py).

Each column's input rule (text escapes, length, NOT NULL) and read rule is written out below; the hand-written
body calls these functions, and its SQLAlchemy form (<method>_reference) is held equal to them by
contract_tests/test_jargon_fast.py.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import Any

from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.driver_sql import (
    Statement,
    inserted_or_existing_id,
)
from sldb.handwritten.runtime.values.policy import bind_text

_UPSERT_JARGON = Statement(
    postgresql="INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete, is_global, chat_id, created_at, updated_at, content_key) VALUES ($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::BOOLEAN, $5::INTEGER, $6::INTEGER, $7::BOOLEAN, $8::BOOLEAN, $9::VARCHAR, $10::BIGINT, $11::BIGINT, $12::VARCHAR) ON CONFLICT (chat_id, content) DO UPDATE SET raw_content = CASE WHEN $13::BOOLEAN THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.raw_content ELSE excluded.raw_content END ELSE jargon.raw_content END, meaning = CASE WHEN $14::BOOLEAN THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.meaning ELSE excluded.meaning END ELSE jargon.meaning END, is_jargon = CASE WHEN $15::BOOLEAN THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.is_jargon ELSE excluded.is_jargon END ELSE jargon.is_jargon END, count = CASE WHEN $16::BOOLEAN THEN CASE WHEN (jargon.is_complete IS true) THEN coalesce(jargon.count, 0) + excluded.count ELSE excluded.count END ELSE jargon.count END, last_inference_count = CASE WHEN $17::BOOLEAN THEN excluded.last_inference_count ELSE jargon.last_inference_count END, is_complete = CASE WHEN $18::BOOLEAN THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.is_complete ELSE excluded.is_complete END ELSE jargon.is_complete END, is_global = CASE WHEN $19::BOOLEAN THEN excluded.is_global ELSE jargon.is_global END, updated_at = excluded.updated_at RETURNING jargon.id",
    mysql="INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete, is_global, chat_id, created_at, updated_at, content_key) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON DUPLICATE KEY UPDATE raw_content = CASE WHEN %s THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.raw_content ELSE VALUES(raw_content) END ELSE jargon.raw_content END, meaning = CASE WHEN %s THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.meaning ELSE VALUES(meaning) END ELSE jargon.meaning END, is_jargon = CASE WHEN %s THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.is_jargon ELSE VALUES(is_jargon) END ELSE jargon.is_jargon END, count = CASE WHEN %s THEN CASE WHEN (jargon.is_complete IS true) THEN coalesce(jargon.count, 0) + VALUES(count) ELSE VALUES(count) END ELSE jargon.count END, last_inference_count = CASE WHEN %s THEN VALUES(last_inference_count) ELSE jargon.last_inference_count END, is_complete = CASE WHEN %s THEN CASE WHEN (jargon.is_complete IS true) THEN jargon.is_complete ELSE VALUES(is_complete) END ELSE jargon.is_complete END, is_global = CASE WHEN %s THEN VALUES(is_global) ELSE jargon.is_global END, updated_at = VALUES(updated_at), id = last_insert_id(jargon.id)",
    sqlite="INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete, is_global, chat_id, created_at, updated_at, content_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, content) DO UPDATE SET raw_content = CASE WHEN ? THEN CASE WHEN (jargon.is_complete IS 1) THEN jargon.raw_content ELSE excluded.raw_content END ELSE jargon.raw_content END, meaning = CASE WHEN ? THEN CASE WHEN (jargon.is_complete IS 1) THEN jargon.meaning ELSE excluded.meaning END ELSE jargon.meaning END, is_jargon = CASE WHEN ? THEN CASE WHEN (jargon.is_complete IS 1) THEN jargon.is_jargon ELSE excluded.is_jargon END ELSE jargon.is_jargon END, count = CASE WHEN ? THEN CASE WHEN (jargon.is_complete IS 1) THEN coalesce(jargon.count, 0) + excluded.count ELSE excluded.count END ELSE jargon.count END, last_inference_count = CASE WHEN ? THEN excluded.last_inference_count ELSE jargon.last_inference_count END, is_complete = CASE WHEN ? THEN CASE WHEN (jargon.is_complete IS 1) THEN jargon.is_complete ELSE excluded.is_complete END ELSE jargon.is_complete END, is_global = CASE WHEN ? THEN excluded.is_global ELSE jargon.is_global END, updated_at = excluded.updated_at RETURNING id",
)
_UPSERT_JARGON_BY_KEY = Statement(
    postgresql="SELECT jargon.id FROM jargon WHERE jargon.chat_id = $1::VARCHAR AND jargon.content = $2::VARCHAR FOR SHARE",
    mysql="SELECT jargon.id FROM jargon WHERE jargon.chat_id = %s AND jargon.content = %s LOCK IN SHARE MODE",
    sqlite="SELECT jargon.id FROM jargon WHERE jargon.chat_id = ? AND jargon.content = ?",
)


async def upsert_jargon(db: Database, values: Mapping[str, Any], given: Container[str]) -> int:
    """Insert one row of jargon (values: every column but id) on db.driver(write=True); its id, or that of the row already stored with the same chat_id, content, which takes raw_content kept if is_complete; meaning kept if is_complete; is_jargon kept if is_complete; count added if is_complete; last_inference_count; is_complete kept if is_complete; is_global; updated_at (meaning, raw_content, is_jargon, count, last_inference_count, is_global, is_complete: only those named in given)."""
    params = (
        bind_text(values["content"], None, field="jargon.content", nullable=False),
        bind_text(values["raw_content"], None, field="jargon.raw_content", nullable=True),
        bind_text(values["meaning"], None, field="jargon.meaning", nullable=True),
        values["is_jargon"],
        values["count"],
        values["last_inference_count"],
        values["is_complete"],
        values["is_global"],
        bind_text(values["chat_id"], 255, field="jargon.chat_id", nullable=False),
        values["created_at"],
        values["updated_at"],
        bind_text(values["content_key"], None, field="jargon.content_key", nullable=True),
        "raw_content" in given,
        "meaning" in given,
        "is_jargon" in given,
        "count" in given,
        "last_inference_count" in given,
        "is_complete" in given,
        "is_global" in given,
    )
    key = (
        bind_text(values["chat_id"], 255, field="jargon.chat_id", nullable=False),
        bind_text(values["content"], None, field="jargon.content", nullable=False),
    )
    async with db.driver(write=True) as conn:
        return await inserted_or_existing_id(conn, _UPSERT_JARGON, params, _UPSERT_JARGON_BY_KEY, key)
