# Generated from schema/facades/persona.yaml by codegen. Do not edit.
"""Fixed dict shapes the PersonaFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.jsontext import loads_or
from sldb.handwritten.runtime.values.records import iso_datetime

__all__ = [
    "PersonaBackupSummary",
    "PersonaBackupView",
    "PersonaUpdateHistoryEntry",
    "persona_backup_summary",
    "persona_backup_view",
    "persona_update_history_entry",
]


class PersonaBackupSummary(TypedDict):
    """A persona backup without its content."""

    id: int
    group_id: str
    backup_name: str
    timestamp: float
    reason: str | None
    backup_reason: str | None
    backup_time: float | None
    created_at: str | None


def persona_backup_summary(row: Mapping[Any, Any]) -> PersonaBackupSummary:
    """The PersonaBackupSummary of one persona_backups row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "backup_name": row["backup_name"],
        "timestamp": row["timestamp"],
        "reason": row["reason"],
        "backup_reason": row["backup_reason"],
        "backup_time": row["backup_time"],
        "created_at": iso_datetime(row["created_at"]),
    }


class PersonaBackupView(TypedDict):
    """A persona backup with its content, JSON fields decoded."""

    id: int
    group_id: str
    backup_name: str
    timestamp: float
    reason: str | None
    backup_reason: str | None
    backup_time: float | None
    created_at: str | None
    persona_config: Any
    original_persona: Any
    imitation_dialogues: Any
    persona_content: str


def persona_backup_view(row: Mapping[Any, Any]) -> PersonaBackupView:
    """The PersonaBackupView of one persona_backups row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "backup_name": row["backup_name"],
        "timestamp": row["timestamp"],
        "reason": row["reason"],
        "backup_reason": row["backup_reason"],
        "backup_time": row["backup_time"],
        "created_at": iso_datetime(row["created_at"]),
        "persona_config": loads_or(row["persona_config"], {}),
        "original_persona": loads_or(row["original_persona"], {}),
        "imitation_dialogues": loads_or(row["imitation_dialogues"], []),
        "persona_content": row["persona_content"] if row["persona_content"] is not None else "",
    }


class PersonaUpdateHistoryEntry(TypedDict):
    """One reviewed or pending persona update."""

    id: int
    timestamp: float
    group_id: str
    update_type: str
    status: str
    confidence_score: float | None


def persona_update_history_entry(row: Mapping[Any, Any]) -> PersonaUpdateHistoryEntry:
    """The PersonaUpdateHistoryEntry of one persona_update_reviews row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "timestamp": row["timestamp"],
        "group_id": row["group_id"],
        "update_type": row["update_type"],
        "status": row["status"],
        "confidence_score": row["confidence_score"],
    }
