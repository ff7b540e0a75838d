# Generated from schema/affection.yaml by codegen. Do not edit.
"""Typed records of the affection domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class AffectionInteractionRecord(TypedDict):
    """A row of affection_interactions; date-times as ISO 8601 text."""

    id: int
    user_affection_id: int | None
    interaction_type: str | None
    affection_delta: int | None
    message_content: str | None
    timestamp: int | None


class AffectionInteractionValues(TypedDict, total=False):
    """Column values to insert into or update in affection_interactions."""

    id: int | None
    user_affection_id: int
    interaction_type: str
    affection_delta: int
    message_content: str | None
    timestamp: int


def affection_interaction_record(row: Mapping[Any, Any]) -> AffectionInteractionRecord:
    """The record of one affection_interactions row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "user_affection_id": row["user_affection_id"],
        "interaction_type": row["interaction_type"],
        "affection_delta": row["affection_delta"],
        "message_content": row["message_content"],
        "timestamp": row["timestamp"],
    }


class UserAffectionRecord(TypedDict):
    """A row of user_affections; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    affection_level: int | None
    max_affection: int | None
    created_at: int | None
    updated_at: int | None


class UserAffectionValues(TypedDict, total=False):
    """Column values to insert into or update in user_affections."""

    id: int | None
    group_id: str
    user_id: str
    affection_level: int
    max_affection: int
    created_at: int
    updated_at: int


def user_affection_record(row: Mapping[Any, Any]) -> UserAffectionRecord:
    """The record of one user_affections row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "affection_level": row["affection_level"],
        "max_affection": row["max_affection"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class UserConversationHistoryRecord(TypedDict):
    """A row of user_conversation_history; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    role: str | None
    content: str | None
    timestamp: int | None
    turn_index: int | None


class UserConversationHistoryValues(TypedDict, total=False):
    """Column values to insert into or update in user_conversation_history."""

    id: int | None
    group_id: str
    user_id: str
    role: str
    content: str
    timestamp: int
    turn_index: int


def user_conversation_history_record(row: Mapping[Any, Any]) -> UserConversationHistoryRecord:
    """The record of one user_conversation_history row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "role": row["role"],
        "content": row["content"],
        "timestamp": row["timestamp"],
        "turn_index": row["turn_index"],
    }


class UserDiversityRecord(TypedDict):
    """A row of user_diversity; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    response_hash: str | None
    response_preview: str | None
    timestamp: int | None


class UserDiversityValues(TypedDict, total=False):
    """Column values to insert into or update in user_diversity."""

    id: int | None
    group_id: str
    user_id: str
    response_hash: str
    response_preview: str | None
    timestamp: int


def user_diversity_record(row: Mapping[Any, Any]) -> UserDiversityRecord:
    """The record of one user_diversity row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "response_hash": row["response_hash"],
        "response_preview": row["response_preview"],
        "timestamp": row["timestamp"],
    }
