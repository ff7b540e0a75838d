"""PersonaFacade queries: persona backups and update history (spec: schema/facades/persona.yaml)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select

from generated.records.psychological import persona_backup_record
from generated.repositories.learning import PersonaLearningReviewRepository
from generated.repositories.psychological import PersonaBackupRepository
from generated.shapes.persona import PersonaBackupSummary, PersonaBackupView, PersonaUpdateHistoryEntry
from handwritten.runtime.crud import affected, as_mapping, page, read_first, read_records
from handwritten.runtime.errors import InvalidValueError
from handwritten.runtime.jsontext import dumps, loads_or
from handwritten.runtime.session import Database

_BACKUPS = PersonaBackupRepository.table
_REVIEWS = PersonaLearningReviewRepository.table


def _summary(row: Mapping[Any, Any]) -> PersonaBackupSummary:
    record = persona_backup_record(row)
    return {
        "id": record["id"],
        "group_id": record["group_id"],
        "backup_name": record["backup_name"],
        "timestamp": record["timestamp"],
        "reason": record["reason"],
        "backup_reason": record["backup_reason"],
        "backup_time": record["backup_time"],
        "created_at": record["created_at"],
    }


def _view(row: Mapping[Any, Any]) -> PersonaBackupView:
    summary = _summary(row)
    return {
        "id": summary["id"],
        "group_id": summary["group_id"],
        "backup_name": summary["backup_name"],
        "timestamp": summary["timestamp"],
        "reason": summary["reason"],
        "backup_reason": summary["backup_reason"],
        "backup_time": summary["backup_time"],
        "created_at": summary["created_at"],
        "persona_config": loads_or(row["persona_config"], {}),
        "original_persona": loads_or(row["original_persona"], {}),
        "imitation_dialogues": loads_or(row["imitation_dialogues"], []),
        "persona_content": row["persona_content"] or "",
    }


async def backup_persona(db: Database, *, group_id: str, backup_data: dict[str, Any]) -> bool:
    now = time.time()
    values = {
        "group_id": backup_data.get("group_id") or group_id or "default",
        "backup_name": backup_data.get("backup_name") or f"backup_{int(now)}",
        "timestamp": now,
        "reason": backup_data.get("reason", ""),
        "persona_config": dumps(backup_data.get("persona_config", {})),
        "original_persona": dumps(backup_data.get("original_persona", {})),
        "imitation_dialogues": dumps(backup_data.get("imitation_dialogues", [])),
        "backup_reason": backup_data.get("backup_reason", ""),
        "backup_time": now,
        "persona_content": backup_data.get("persona_content", ""),
    }
    async with db.autocommit() as conn:
        await conn.execute(_BACKUPS.insert().values(values))
    return True


async def get_persona_backups(
    db: Database, *, group_id: str | int | None, limit: int, include_content: bool
) -> list[PersonaBackupSummary] | list[PersonaBackupView]:
    group = group_id
    if isinstance(group_id, int) and not isinstance(group_id, bool) and limit == 10:
        # The older call form get_persona_backups(20) meant a limit over all groups.
        group, limit = None, group_id
    stmt = select(_BACKUPS)
    if group:
        stmt = stmt.where(_BACKUPS.c.group_id == str(group))
    stmt = page(stmt.order_by(_BACKUPS.c.timestamp.desc(), _BACKUPS.c.id.desc()), limit)
    rows = await read_records(db, stmt, as_mapping)
    if include_content:
        return [_view(row) for row in rows]
    return [_summary(row) for row in rows]


async def get_persona_backup(db: Database, *, backup_id: int, group_id: str | None) -> PersonaBackupView | None:
    stmt = select(_BACKUPS).where(_BACKUPS.c.id == backup_id)
    if group_id:
        stmt = stmt.where(_BACKUPS.c.group_id == group_id)
    return await read_first(db, stmt, _view)


async def restore_persona_backup(
    db: Database, *, group_id: str | int, backup_id: int | None
) -> PersonaBackupView | None:
    group: str | None = str(group_id)
    if backup_id is None:
        # Called with one argument: it is the backup id, of any group.
        try:
            backup_id = int(group_id)
        except (TypeError, ValueError):
            raise InvalidValueError("backup_id", f"must be a whole number, not {group_id!r}") from None
        group = None
    return await get_persona_backup(db, backup_id=int(backup_id), group_id=group)


async def delete_persona_backup(db: Database, *, backup_id: int, group_id: str | None) -> bool:
    stmt = delete(_BACKUPS).where(_BACKUPS.c.id == backup_id)
    if group_id:
        stmt = stmt.where(_BACKUPS.c.group_id == group_id)
    async with db.autocommit() as conn:
        return await affected(conn, stmt) > 0


async def get_persona_update_history(
    db: Database, *, group_id: str | None, limit: int
) -> list[PersonaUpdateHistoryEntry]:
    stmt = select(
        _REVIEWS.c.id,
        _REVIEWS.c.timestamp,
        _REVIEWS.c.group_id,
        _REVIEWS.c.update_type,
        _REVIEWS.c.status,
        _REVIEWS.c.confidence_score,
    )
    if group_id:
        stmt = stmt.where(_REVIEWS.c.group_id == group_id)
    stmt = page(stmt.order_by(_REVIEWS.c.timestamp.desc(), _REVIEWS.c.id.desc()), limit)
    rows = await read_records(db, stmt, as_mapping)
    return [
        {
            "id": row["id"],
            "timestamp": row["timestamp"],
            "group_id": row["group_id"],
            "update_type": row["update_type"],
            "status": row["status"],
            "confidence_score": row["confidence_score"],
        }
        for row in rows
    ]
