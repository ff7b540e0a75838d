# Generated from schema/facades/persona.yaml by codegen. Do not edit.
"""Fixed dict shapes the PersonaFacade returns."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = [
    "PersonaBackupSummary",
    "PersonaBackupView",
    "PersonaUpdateHistoryEntry",
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


class PersonaUpdateHistoryEntry(TypedDict):
    """One reviewed or pending persona update."""

    id: int
    timestamp: float
    group_id: str
    update_type: str
    status: str
    confidence_score: float | None
