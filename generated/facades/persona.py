# Generated from schema/facades/persona.yaml by codegen. Do not edit.
"""PersonaFacade: Backups of a group's persona (create, list, read, restore, delete) and the persona update history."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.persona import PersonaBackupSummary, PersonaBackupView, PersonaUpdateHistoryEntry
from sldb.handwritten.facades import persona as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_BACKUP_PERSONA_GROUP_ID = Rule("text", max_chars=255)
_BACKUP_PERSONA_BACKUP_DATA = {
    "group_id": Rule("text", max_chars=255),
    "backup_name": Rule("text", max_chars=255),
    "reason": Rule("text"),
    "persona_config": Rule("json"),
    "original_persona": Rule("json"),
    "imitation_dialogues": Rule("json"),
    "backup_reason": Rule("text"),
    "persona_content": Rule("text"),
}
_RESTORE_PERSONA_BACKUP_GROUP_ID = Rule("text", max_chars=255)
_RESTORE_PERSONA_BACKUP_BACKUP_ID = Rule("id", nullable=True)
_GET_PERSONA_BACKUP_BACKUP_ID = Rule("id")
_DELETE_PERSONA_BACKUP_BACKUP_ID = Rule("id")
_DELETE_PERSONA_BACKUP_GROUP_ID = Rule("text", max_chars=255, nullable=True)


class PersonaFacade:
    """Backups of a group's persona (create, list, read, restore, delete) and the persona update history."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def backup_persona(self, group_id: str, backup_data: dict[str, Any]) -> bool:
        """Store a backup of the group's persona (backup_data's group_id wins over group_id); timestamps are now."""
        group_id = accept("backup_persona", "group_id", group_id, _BACKUP_PERSONA_GROUP_ID)
        backup_data = accept_payload("backup_persona", "backup_data", backup_data, _BACKUP_PERSONA_BACKUP_DATA)
        try:
            return await retried(queries.backup_persona, self._db, group_id=group_id, backup_data=backup_data)
        except SQLAlchemyError as exc:
            log_failure("backup_persona", exc, group_id=group_id, backup_data=backup_data)
            return False

    async def get_persona_backups(
        self, group_id: str | int | None = None, limit: int = 10, include_content: bool = False
    ) -> list[PersonaBackupSummary] | list[PersonaBackupView]:
        """Backups newest first (of one group when group_id is given), with content when include_content; an int group_id is the limit (older call form)."""
        try:
            return await queries.get_persona_backups(
                self._db, group_id=group_id, limit=limit, include_content=include_content
            )
        except SQLAlchemyError as exc:
            log_failure("get_persona_backups", exc, group_id=group_id, limit=limit, include_content=include_content)
            return []

    async def restore_persona_backup(
        self, group_id: str | int, backup_id: int | None = None
    ) -> PersonaBackupView | None:
        """The backup's content for the caller to restore; with one argument that argument is the backup id."""
        group_id = accept("restore_persona_backup", "group_id", group_id, _RESTORE_PERSONA_BACKUP_GROUP_ID)
        backup_id = accept("restore_persona_backup", "backup_id", backup_id, _RESTORE_PERSONA_BACKUP_BACKUP_ID)
        try:
            return await queries.restore_persona_backup(self._db, group_id=group_id, backup_id=backup_id)
        except SQLAlchemyError as exc:
            log_failure("restore_persona_backup", exc, group_id=group_id, backup_id=backup_id)
            return None

    async def get_persona_backup(self, backup_id: int, group_id: str | None = None) -> PersonaBackupView | None:
        """The backup with this id and its content; None if missing or of another group than group_id."""
        backup_id = accept("get_persona_backup", "backup_id", backup_id, _GET_PERSONA_BACKUP_BACKUP_ID)
        try:
            return await queries.get_persona_backup(self._db, backup_id=backup_id, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_persona_backup", exc, backup_id=backup_id, group_id=group_id)
            return None

    async def delete_persona_backup(self, backup_id: int, group_id: str | None = None) -> bool:
        """Delete the backup with this id (only if of group_id when given); whether one was deleted."""
        backup_id = accept("delete_persona_backup", "backup_id", backup_id, _DELETE_PERSONA_BACKUP_BACKUP_ID)
        group_id = accept("delete_persona_backup", "group_id", group_id, _DELETE_PERSONA_BACKUP_GROUP_ID)
        try:
            return await retried(queries.delete_persona_backup, self._db, backup_id=backup_id, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("delete_persona_backup", exc, backup_id=backup_id, group_id=group_id)
            return False

    async def get_persona_update_history(
        self, group_id: str | None = None, limit: int = 50
    ) -> list[PersonaUpdateHistoryEntry]:
        """Persona update reviews newest first (of one group when group_id is given)."""
        try:
            return await queries.get_persona_update_history(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_persona_update_history", exc, group_id=group_id, limit=limit)
            return []
