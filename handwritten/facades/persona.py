"""PersonaFacade queries: persona backups and update history (spec: schema/facades/persona.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import delete, select

from sldb.generated.repositories.learning import PersonaLearningReviewRepository
from sldb.generated.repositories.psychological import PersonaBackupRepository
from sldb.generated.shapes.persona import (
    PersonaBackupSummary,
    PersonaBackupView,
    PersonaUpdateHistoryEntry,
    persona_backup_summary,
    persona_backup_view,
    persona_update_history_entry,
)
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.queries.crud import affected, as_mapping, page, read_first, read_records
from sldb.handwritten.runtime.values.jsontext import dumps

_BACKUPS = PersonaBackupRepository.table
_REVIEWS = PersonaLearningReviewRepository.table


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
        return [persona_backup_view(row) for row in rows]
    return [persona_backup_summary(row) for row in rows]


async def get_persona_backup(db: Database, *, backup_id: int, group_id: str | None) -> PersonaBackupView | None:
    stmt = select(_BACKUPS).where(_BACKUPS.c.id == backup_id)
    if group_id:
        stmt = stmt.where(_BACKUPS.c.group_id == group_id)
    return await read_first(db, stmt, persona_backup_view)


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
    return await read_records(db, stmt, persona_update_history_entry)
