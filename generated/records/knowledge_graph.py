# Generated from schema/knowledge_graph.yaml by codegen. Do not edit.
"""Typed records of the knowledge_graph domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class KGEntityRecord(TypedDict):
    """A row of kg_entities; date-times as ISO 8601 text."""

    id: int
    name: str | None
    entity_type: str | None
    appear_count: int | None
    last_active_time: float | None
    group_id: str | None


class KGEntityValues(TypedDict, total=False):
    """Column values to insert into or update in kg_entities."""

    id: int | None
    name: str
    entity_type: str | None
    appear_count: int | None
    last_active_time: float
    group_id: str


def kg_entity_record(row: Mapping[Any, Any]) -> KGEntityRecord:
    """The record of one kg_entities row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "name": row["name"],
        "entity_type": row["entity_type"],
        "appear_count": row["appear_count"],
        "last_active_time": row["last_active_time"],
        "group_id": row["group_id"],
    }


class KGParagraphHashRecord(TypedDict):
    """A row of kg_paragraph_hashes; date-times as ISO 8601 text."""

    id: int
    hash_value: str | None
    group_id: str | None
    created_time: float | None


class KGParagraphHashValues(TypedDict, total=False):
    """Column values to insert into or update in kg_paragraph_hashes."""

    id: int | None
    hash_value: str
    group_id: str
    created_time: float


def kg_paragraph_hash_record(row: Mapping[Any, Any]) -> KGParagraphHashRecord:
    """The record of one kg_paragraph_hashes row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "hash_value": row["hash_value"],
        "group_id": row["group_id"],
        "created_time": row["created_time"],
    }


class KGRelationRecord(TypedDict):
    """A row of kg_relations; date-times as ISO 8601 text."""

    id: int
    subject: str | None
    predicate: str | None
    object: str | None
    confidence: float | None
    created_time: float | None
    group_id: str | None


class KGRelationValues(TypedDict, total=False):
    """Column values to insert into or update in kg_relations."""

    id: int | None
    subject: str
    predicate: str
    object: str
    confidence: float | None
    created_time: float
    group_id: str


def kg_relation_record(row: Mapping[Any, Any]) -> KGRelationRecord:
    """The record of one kg_relations row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "subject": row["subject"],
        "predicate": row["predicate"],
        "object": row["object"],
        "confidence": row["confidence"],
        "created_time": row["created_time"],
        "group_id": row["group_id"],
    }
