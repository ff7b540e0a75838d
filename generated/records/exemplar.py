# Generated from schema/exemplar.yaml by codegen. Do not edit.
"""Typed records of the exemplar domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class ExemplarRecord(TypedDict):
    """A row of exemplar; date-times as ISO 8601 text."""

    id: int
    content: str | None
    sender_id: str | None
    group_id: str | None
    embedding_json: str | None
    weight: float | None
    dimensions: int | None
    created_at: int | None
    updated_at: int | None


class ExemplarValues(TypedDict, total=False):
    """Column values to insert into or update in exemplar."""

    id: int | None
    content: str
    sender_id: str | None
    group_id: str
    embedding_json: str | None
    weight: float | None
    dimensions: int | None
    created_at: int
    updated_at: int


def exemplar_record(row: Mapping[Any, Any]) -> ExemplarRecord:
    """The record of one exemplar row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "content": row["content"],
        "sender_id": row["sender_id"],
        "group_id": row["group_id"],
        "embedding_json": row["embedding_json"],
        "weight": row["weight"],
        "dimensions": row["dimensions"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
