# Generated from schema/memory.yaml by codegen. Do not edit.
"""Typed records of the memory domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class MemoryRecord(TypedDict):
    """A row of memories; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    content: str | None
    importance: int | None
    memory_type: str | None
    created_at: int | None
    last_accessed: int | None
    access_count: int | None


class MemoryValues(TypedDict, total=False):
    """Column values to insert into or update in memories."""

    id: int | None
    group_id: str
    user_id: str
    content: str
    importance: int
    memory_type: str | None
    created_at: int
    last_accessed: int
    access_count: int


def memory_record(row: Mapping[Any, Any]) -> MemoryRecord:
    """The record of one memories row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "content": row["content"],
        "importance": row["importance"],
        "memory_type": row["memory_type"],
        "created_at": row["created_at"],
        "last_accessed": row["last_accessed"],
        "access_count": row["access_count"],
    }


class MemoryEmbeddingRecord(TypedDict):
    """A row of memory_embeddings; date-times as ISO 8601 text."""

    id: int
    memory_id: int | None
    embedding_model: str | None
    embedding_data: str | None
    created_at: int | None


class MemoryEmbeddingValues(TypedDict, total=False):
    """Column values to insert into or update in memory_embeddings."""

    id: int | None
    memory_id: int
    embedding_model: str
    embedding_data: str
    created_at: int


def memory_embedding_record(row: Mapping[Any, Any]) -> MemoryEmbeddingRecord:
    """The record of one memory_embeddings row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "memory_id": row["memory_id"],
        "embedding_model": row["embedding_model"],
        "embedding_data": row["embedding_data"],
        "created_at": row["created_at"],
    }


class MemorySummaryRecord(TypedDict):
    """A row of memory_summaries; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    summary_type: str | None
    summary_content: str | None
    memory_count: int | None
    created_at: int | None
    updated_at: int | None


class MemorySummaryValues(TypedDict, total=False):
    """Column values to insert into or update in memory_summaries."""

    id: int | None
    group_id: str
    user_id: str
    summary_type: str
    summary_content: str
    memory_count: int | None
    created_at: int
    updated_at: int


def memory_summary_record(row: Mapping[Any, Any]) -> MemorySummaryRecord:
    """The record of one memory_summaries row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "summary_type": row["summary_type"],
        "summary_content": row["summary_content"],
        "memory_count": row["memory_count"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
