# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""Fixed dict shapes the JargonFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "JargonGroup",
    "JargonStatistics",
]


class JargonStatistics(TypedDict):
    """Counts over the jargon of one chat, or of all chats."""

    total_candidates: int
    confirmed_jargon: int
    completed_inference: int
    total_occurrences: int
    average_count: float
    active_groups: int


class JargonGroup(TypedDict):
    """A chat that has jargon, under the several key names the web UI reads, and its term count."""

    group_id: str
    group_name: str
    id: str
    chat_id: str
    count: int
