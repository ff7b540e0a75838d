"""LearningFacade queries: persona and style reviews, snapshots, batches, sessions (spec: schema/facades/learning.yaml)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, case, func, select, union_all, update

from sldb.generated.fast import learning as fast
from sldb.generated.records.learning import (
    LearningBatchRecord,
    LearningSessionRecord,
    learning_batch_record,
    learning_session_record,
)
from sldb.generated.repositories.learning import (
    LearningBatchRepository,
    LearningSessionRepository,
    PersonaChangeSnapshotRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.performance import LearningPerformanceHistoryRepository
from sldb.generated.shapes.learning import (
    PersonaChangeSnapshotView,
    PersonaReviewView,
    StyleLearningStatistics,
    StylePendingReviewView,
    StyleProgressPoint,
    StyleReviewView,
    persona_change_snapshot_view,
    persona_review_view,
    style_pending_review_view,
    style_progress_point,
    style_review_view,
)
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import (
    affected,
    as_mapping,
    bound_limit,
    clamp_limit,
    clamp_offset,
    inserted_key,
    page,
    read_column,
    read_first,
    read_one,
    read_records,
)
from sldb.handwritten.runtime.queries.upsert import upsert
from sldb.handwritten.runtime.values.jsontext import dumps, loads_as
from sldb.handwritten.runtime.values.policy import as_text, epoch_seconds, whole_seconds

_PERSONA = PersonaLearningReviewRepository.table
_STYLE = StyleLearningReviewRepository.table
_SNAPSHOTS = PersonaChangeSnapshotRepository.table
_PATTERNS = StyleLearningPatternRepository.table
_BATCHES = LearningBatchRepository.table
_SESSIONS = LearningSessionRepository.table
_PERFORMANCE = LearningPerformanceHistoryRepository.table

# Statuses the "reviewed" lists show when no status filter is given.
_REVIEWED = ("approved", "rejected")


# ---------------------------------------------------------------- value helpers


def _text(value: Any) -> str:
    """A NOT NULL text value: None becomes ''."""
    return "" if value is None else as_text(value)


def _newest_reviewed_page(table: Table, where: ColumnElement[bool], limit: Any, offset: Any) -> Select[Any]:
    """A page of table's rows matching where, newest review first, unreviewed (review_time NULL) last, id breaking ties.

    Two index-ordered parts, each cut at the page's end: the reviewed rows by (review_time, id) read backwards,
    the unreviewed by id; `ORDER BY review_time IS NULL, ...` over the whole table would sort every row.
    """
    size, start = clamp_limit(limit), clamp_offset(offset)
    end = None if size is None else size + start
    reviewed = page(
        select(table)
        .where(where, table.c.review_time.is_not(None))
        .order_by(table.c.review_time.desc(), table.c.id.desc()),
        end,
    )
    unreviewed = page(select(table).where(where, table.c.review_time.is_(None)).order_by(table.c.id.desc()), end)
    both = union_all(select(reviewed.subquery()), select(unreviewed.subquery())).subquery("reviews")
    stmt = select(both).order_by(both.c.review_time.is_(None), both.c.review_time.desc(), both.c.id.desc())
    return page(stmt, size, start)


def _reviewed_filter(table: Table, status_filter: str | None) -> ColumnElement[bool]:
    return table.c.status == status_filter if status_filter else table.c.status.in_(_REVIEWED)


# ---------------------------------------------------------------- persona reviews


async def _add_persona_review(db: Database, data: Mapping[str, Any]) -> int:
    metadata = data.get("metadata")
    values = {
        "timestamp": epoch_seconds(data.get("timestamp"), field="timestamp", default=time.time()),
        "group_id": _text(data.get("group_id")),
        "update_type": _text(data.get("update_type")),
        "original_content": data.get("original_content", ""),
        "new_content": data.get("new_content", ""),
        "proposed_content": data.get("proposed_content", ""),
        "confidence_score": data.get("confidence_score", 0.0),
        "reason": data.get("reason", ""),
        "status": "pending",
        "metadata": dumps(metadata) if metadata else None,
    }
    async with db.autocommit() as conn:
        return int(await inserted_key(conn, _PERSONA.insert().values(values)))


async def add_persona_learning_review(
    db: Database,
    *,
    review_data: dict[str, Any] | None,
    group_id: str | None,
    proposed_content: str | None,
    learning_source: str,
    confidence_score: float,
    raw_analysis: str,
    metadata: dict[str, Any] | None,
    original_content: str,
    new_content: str,
) -> int:
    if review_data is None:
        # The plugin's keyword form, mapped as its manager maps it.
        review_data = {
            "group_id": group_id or "",
            "proposed_content": proposed_content or "",
            "update_type": learning_source,
            "confidence_score": confidence_score,
            "reason": raw_analysis,
            "metadata": metadata or {},
            "original_content": original_content,
            "new_content": new_content,
        }
    return await _add_persona_review(db, review_data)


async def save_persona_update_record(db: Database, *, record_data: dict[str, Any]) -> int:
    return await _add_persona_review(db, record_data or {})


async def get_pending_persona_update_records(db: Database) -> list[PersonaReviewView]:
    return await _pending_persona(db, None, 0)


async def get_pending_persona_learning_reviews(db: Database, *, limit: int, offset: int) -> list[PersonaReviewView]:
    return await _pending_persona(db, limit, offset)


async def _pending_persona(db: Database, limit: int | None, offset: int) -> list[PersonaReviewView]:
    stmt = (
        select(_PERSONA)
        .where(_PERSONA.c.status == "pending")
        .order_by(_PERSONA.c.timestamp.desc(), _PERSONA.c.id.desc())
    )
    return await read_records(db, page(stmt, limit, offset), persona_review_view)


async def _persona_by_id(db: Database, review_id: int) -> PersonaReviewView | None:
    return await read_first(db, select(_PERSONA).where(_PERSONA.c.id == review_id), persona_review_view)


async def get_persona_update_record_by_id(db: Database, *, record_id: int) -> PersonaReviewView | None:
    return await _persona_by_id(db, record_id)


async def get_persona_learning_review_by_id(db: Database, *, review_id: int) -> PersonaReviewView | None:
    return await _persona_by_id(db, review_id)


async def _reviewed_persona(
    db: Database, limit: int, offset: int, status_filter: str | None
) -> list[PersonaReviewView]:
    stmt = _newest_reviewed_page(_PERSONA, _reviewed_filter(_PERSONA, status_filter), limit, offset)
    return await read_records(db, stmt, persona_review_view)


async def get_reviewed_persona_update_records(
    db: Database, *, limit: int, offset: int, status_filter: str | None
) -> list[PersonaReviewView]:
    return await _reviewed_persona(db, limit, offset, status_filter)


async def get_reviewed_persona_learning_updates(
    db: Database, *, limit: int, offset: int, status_filter: str | None
) -> list[PersonaReviewView]:
    return await _reviewed_persona(db, limit, offset, status_filter)


async def _set_review_status(
    db: Database, table: Table, review_id: int, group_id: str | None, changes: dict[str, Any]
) -> bool:
    stmt = update(table).where(table.c.id == review_id)
    if group_id:
        stmt = stmt.where(table.c.group_id == group_id)
    async with db.autocommit() as conn:
        return await affected(conn, stmt.values(changes)) > 0


async def update_persona_update_record_status(
    db: Database, *, record_id: int, status: str, comment: str | None, group_id: str | None
) -> bool:
    changes = {"status": status, "reviewer_comment": comment, "review_time": time.time()}
    return await _set_review_status(db, _PERSONA, record_id, group_id, changes)


async def update_persona_learning_review_status(
    db: Database,
    *,
    review_id: int,
    status: str,
    comment: str | None,
    modified_content: str | None,
    group_id: str | None,
) -> bool:
    changes: dict[str, Any] = {"status": status, "reviewer_comment": comment, "review_time": time.time()}
    if modified_content:
        changes["proposed_content"] = modified_content
        changes["new_content"] = modified_content
    return await _set_review_status(db, _PERSONA, review_id, group_id, changes)


async def _patch_metadata(db: Database, table: Table, review_id: int, patch: dict[str, Any]) -> bool:
    # Read and write in one transaction, the row locked, so concurrent patches do not drop each other's keys.
    stmt = select(table.c.metadata).where(table.c.id == review_id).with_for_update()
    async with db.transaction() as conn:
        row = (await conn.execute(stmt)).first()
        if row is None:
            return False
        merged = loads_as(row[0], {})
        merged.update(patch or {})
        await conn.execute(update(table).where(table.c.id == review_id).values({"metadata": dumps(merged)}))
    return True


async def update_persona_learning_review_metadata(
    db: Database, *, review_id: int, metadata_patch: dict[str, Any]
) -> bool:
    return await _patch_metadata(db, _PERSONA, review_id, metadata_patch)


# ---------------------------------------------------------------- persona change snapshots


async def save_persona_change_snapshot(db: Database, *, snapshot_data: dict[str, Any]) -> int:
    data = snapshot_data or {}
    values = {
        "review_id": _text(data.get("review_id", "")),
        "review_source": _text(data.get("review_source", "")),
        "applied_persona_id": data.get("applied_persona_id", ""),
        "applied_at": epoch_seconds(data.get("applied_at"), field="applied_at", default=time.time()),
        "before_system_prompt": data.get("before_system_prompt", ""),
        "after_system_prompt": data.get("after_system_prompt", ""),
        "before_begin_dialogs": dumps(data.get("before_begin_dialogs") or []),
        "after_begin_dialogs": dumps(data.get("after_begin_dialogs") or []),
        "affected_fields": dumps(data.get("affected_fields") or []),
    }
    async with db.autocommit() as conn:
        return int(await inserted_key(conn, _SNAPSHOTS.insert().values(values)))


async def get_persona_change_snapshot(
    db: Database, *, review_source: str, review_id: str
) -> PersonaChangeSnapshotView | None:
    t = _SNAPSHOTS
    stmt = (
        select(t)
        .where(t.c.review_source == review_source, t.c.review_id == str(review_id))
        .order_by(t.c.applied_at.desc(), t.c.id.desc())
        .limit(1)
    )
    return await read_first(db, stmt, persona_change_snapshot_view)


# ---------------------------------------------------------------- style reviews


async def create_style_learning_review(db: Database, *, review_data: dict[str, Any]) -> int:
    data = review_data or {}
    patterns = data.get("learned_patterns", [])
    metadata = data.get("metadata")
    values = {
        "type": _text(data.get("type")),
        "group_id": _text(data.get("group_id")),
        "timestamp": epoch_seconds(data.get("timestamp"), field="timestamp", default=time.time()),
        "learned_patterns": None if patterns is None else dumps(patterns),
        "few_shots_content": data.get("few_shots_content", ""),
        "status": "pending",
        "description": data.get("description", ""),
        "metadata": dumps(metadata) if metadata else None,
    }
    async with db.autocommit() as conn:
        return int(await inserted_key(conn, _STYLE.insert().values(values)))


async def get_pending_style_reviews(db: Database, *, limit: int, offset: int) -> list[StylePendingReviewView]:
    stmt = select(_STYLE).where(_STYLE.c.status == "pending").order_by(_STYLE.c.timestamp.desc(), _STYLE.c.id.desc())
    return await read_records(db, page(stmt, limit, offset), style_pending_review_view)


async def get_reviewed_style_learning_updates(
    db: Database, *, limit: int, offset: int, status_filter: str | None
) -> list[StyleReviewView]:
    stmt = _newest_reviewed_page(_STYLE, _reviewed_filter(_STYLE, status_filter), limit, offset)
    return await read_records(db, stmt, style_review_view)


async def update_style_review_status(
    db: Database, *, review_id: int, status: str, reviewer_comment: str, group_id: str | None
) -> bool:
    changes = {"status": status, "reviewer_comment": reviewer_comment, "review_time": time.time()}
    return await _set_review_status(db, _STYLE, review_id, group_id, changes)


async def update_style_review_metadata(db: Database, *, review_id: int, metadata_patch: dict[str, Any]) -> bool:
    return await _patch_metadata(db, _STYLE, review_id, metadata_patch)


_FEW_SHOTS = _STYLE.c.few_shots_content
_APPROVED_FEW_SHOTS = (
    select(_FEW_SHOTS)
    .where(
        _STYLE.c.status == "approved",
        _STYLE.c.group_id == bindparam("group_id"),
        _FEW_SHOTS.is_not(None),
        # length, not != '': MySQL's PAD SPACE collations would also drop whitespace-only text.
        func.length(_FEW_SHOTS) > 0,
    )
    .order_by(_STYLE.c.timestamp.desc(), _STYLE.c.id.desc())
    .limit(bindparam("limit"))
)  # built once: get_approved_few_shots_reference


async def get_approved_few_shots(db: Database, *, group_id: str, limit: int) -> list[str]:
    return [str(text) for text in await fast.approved_few_shots_of_group(db, group_id=group_id, limit=limit)]


async def get_approved_few_shots_reference(db: Database, *, group_id: str, limit: int) -> list[str]:
    """get_approved_few_shots through SQLAlchemy: the form its fast path is held to."""
    params = {"group_id": group_id, "limit": bound_limit(limit)}
    return [str(text) for text in await read_column(db, _APPROVED_FEW_SHOTS, params)]


# ---------------------------------------------------------------- batches and sessions


async def _batches(db: Database, group_id: str | None, limit: int) -> list[LearningBatchRecord]:
    stmt = select(_BATCHES).order_by(_BATCHES.c.start_time.desc(), _BATCHES.c.id.desc())
    if group_id:
        stmt = stmt.where(_BATCHES.c.group_id == group_id)
    return await read_records(db, page(stmt, limit), learning_batch_record)


async def get_learning_batch_history(db: Database, *, group_id: str | None, limit: int) -> list[LearningBatchRecord]:
    return await _batches(db, group_id, limit)


async def get_recent_learning_batches(db: Database, *, limit: int) -> list[LearningBatchRecord]:
    return await _batches(db, None, limit)


async def _sessions(db: Database, stmt: Select[Any]) -> list[LearningSessionRecord]:
    stmt = stmt.order_by(_SESSIONS.c.start_time.desc(), _SESSIONS.c.id.desc())
    return await read_records(db, stmt, learning_session_record)


async def get_learning_sessions(db: Database, *, group_id: str) -> list[LearningSessionRecord]:
    return await _sessions(db, select(_SESSIONS).where(_SESSIONS.c.group_id == group_id).limit(5))


async def get_recent_learning_sessions(db: Database, *, days: int) -> list[LearningSessionRecord]:
    cutoff = time.time() - days * 86400
    return await _sessions(db, select(_SESSIONS).where(_SESSIONS.c.start_time > cutoff))


async def save_learning_session_record(db: Database, *, group_id: str, session_data: dict[str, Any]) -> bool:
    data = session_data or {}
    count = data.get("message_count")
    if count is None:
        count = data.get("messages_processed")
    quality = data.get("learning_quality")
    if quality is None:
        quality = data.get("quality_score")
    end_time = epoch_seconds(data.get("end_time"), field="end_time")
    status = data.get("status")
    values = {
        "session_id": _text(data.get("session_id", "")),
        "group_id": group_id,
        "batch_id": data.get("batch_id"),
        "start_time": epoch_seconds(data.get("start_time"), field="start_time", default=time.time()),
        "end_time": end_time,
        "message_count": count or 0,
        "learning_quality": quality,
        "status": "active" if status is None else status,
    }
    # An existing session only takes the progress fields that were given.
    given = {"message_count": count, "end_time": end_time, "learning_quality": quality, "status": status}
    changes = {name: value for name, value in given.items() if value is not None}
    async with db.autocommit() as conn:
        await upsert(conn, _SESSIONS, ("session_id",), values, update=changes)
    return True


async def save_learning_performance_record(db: Database, *, group_id: str, performance_data: dict[str, Any]) -> bool:
    data = performance_data or {}
    values = {
        "group_id": group_id,
        "session_id": data.get("session_id", ""),
        "timestamp": whole_seconds(data.get("timestamp"), field="timestamp", default=int(time.time())),
        "quality_score": data.get("quality_score"),
        "learning_time": data.get("learning_time"),
        "success": data.get("success", True),
        "successful_pattern": _pattern_text(data.get("successful_pattern")),
        "failed_pattern": _pattern_text(data.get("failed_pattern")),
        "created_at": int(time.time()),
    }
    async with db.autocommit() as conn:
        await conn.execute(_PERFORMANCE.insert().values(values))
    return True


def _pattern_text(value: Any) -> str | None:
    return dumps(value) if isinstance(value, (list, dict)) else value


# ---------------------------------------------------------------- statistics


async def get_style_learning_statistics(db: Database) -> StyleLearningStatistics:
    status = _STYLE.c.status
    stmt = select(
        func.count(),
        func.count(case((status == "pending", 1))),
        func.count(case((status == "approved", 1))),
    ).select_from(_STYLE)
    total, pending, approved = await read_one(db, stmt)
    return {
        "total_reviews": int(total or 0),
        "pending_reviews": int(pending or 0),
        "approved_reviews": int(approved or 0),
    }


async def get_style_progress_data(db: Database, *, group_id: str | None) -> list[StyleProgressPoint]:
    t = _BATCHES
    stmt = (
        select(t)
        .where(t.c.quality_score.is_not(None), t.c.processed_messages > 0)
        .order_by(t.c.start_time.desc(), t.c.id.desc())
        .limit(30)
    )
    if group_id:
        stmt = stmt.where(t.c.group_id == group_id)
    return await read_records(db, stmt, style_progress_point)


async def get_learning_patterns_data(db: Database, *, group_id: str | None) -> dict[str, int]:
    kind = _PATTERNS.c.pattern_type
    stmt = select(kind, func.count().label("patterns")).group_by(kind).order_by(kind)
    if group_id:
        stmt = stmt.where(_PATTERNS.c.group_id == group_id)
    rows = await read_records(db, stmt, as_mapping)
    return {str(row["pattern_type"]): int(row["patterns"]) for row in rows}
