# Generated from schema/facades/admin.yaml by codegen. Do not edit.
"""Fixed dict shapes the AdminFacade returns."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "ClearAllResult",
    "ClearResult",
    "DataStatistics",
    "ExportedFilteredMessage",
    "ExportedRawMessage",
    "MessagesLearningExport",
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


class ExportedFilteredMessage(TypedDict):
    """A filtered message as exported."""

    id: int
    message: str
    group_id: str | None
    confidence: float | None
    timestamp: int


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
