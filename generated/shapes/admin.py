# Generated from schema/facades/admin.yaml by codegen. Do not edit.
"""Fixed dict shapes the AdminFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

__all__ = [
    "ClearAllResult",
    "ClearResult",
    "DataStatistics",
    "ExportedFilteredMessage",
    "ExportedRawMessage",
    "MessagesLearningExport",
    "exported_filtered_message",
    "exported_raw_message",
]


class ClearResult(TypedDict):
    """Whether clearing a data category succeeded and how many rows it deleted."""

    success: bool
    deleted: int


class ClearAllResult(TypedDict):
    """The result of clearing every data category, with each category's own result."""

    success: bool
    deleted: int
    details: dict[str, ClearResult]


class ExportedRawMessage(TypedDict):
    """A raw message as exported."""

    id: int
    sender_id: str
    message: str
    group_id: str | None
    timestamp: int


def exported_raw_message(row: Mapping[Any, Any]) -> ExportedRawMessage:
    """The ExportedRawMessage of one raw_messages row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "sender_id": row["sender_id"],
        "message": row["message"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
    }


class ExportedFilteredMessage(TypedDict):
    """A filtered message as exported."""

    id: int
    message: str
    group_id: str | None
    confidence: float | None
    timestamp: int


def exported_filtered_message(row: Mapping[Any, Any]) -> ExportedFilteredMessage:
    """The ExportedFilteredMessage of one filtered_messages row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "message": row["message"],
        "group_id": row["group_id"],
        "confidence": row["confidence"],
        "timestamp": row["timestamp"],
    }


class MessagesLearningExport(TypedDict):
    """Raw and filtered messages, each list ordered by id."""

    raw_messages: list[ExportedRawMessage]
    filtered_messages: list[ExportedFilteredMessage]


class DataStatistics(TypedDict):
    """Row counts per data category."""

    messages: int
    persona_reviews: int
    style_learning: int
    jargon: int
    learning_history: int
    memory: int
    knowledge_graph: int
    runtime_state: int
