# Generated from schema/jargon.yaml by codegen. Do not edit.
"""Typed records of the jargon domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class JargonRecord(TypedDict):
    """A row of jargon; date-times as ISO 8601 text."""

    id: int
    content: str | None
    raw_content: str | None
    meaning: str | None
    is_jargon: bool | None
    count: int | None
    last_inference_count: int | None
    is_complete: bool | None
    is_global: bool | None
    chat_id: str | None
    created_at: int | None
    updated_at: int | None


class JargonValues(TypedDict, total=False):
    """Column values to insert into or update in jargon."""

    id: int | None
    content: str
    raw_content: str | None
    meaning: str | None
    is_jargon: bool | None
    count: int | None
    last_inference_count: int | None
    is_complete: bool | None
    is_global: bool | None
    chat_id: str
    created_at: int
    updated_at: int
    content_key: str | None


def jargon_record(row: Mapping[Any, Any]) -> JargonRecord:
    """The record of one jargon row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "content": row["content"],
        "raw_content": row["raw_content"],
        "meaning": row["meaning"],
        "is_jargon": row["is_jargon"],
        "count": row["count"],
        "last_inference_count": row["last_inference_count"],
        "is_complete": row["is_complete"],
        "is_global": row["is_global"],
        "chat_id": row["chat_id"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class JargonChatCounterRecord(TypedDict):
    """A row of jargon_chat_counters; date-times as ISO 8601 text."""

    id: int
    chat_id: str | None
    term_count: int
    confirmed_count: int
    complete_count: int
    occurrence_sum: int
    counted_terms: int


class JargonChatCounterValues(TypedDict, total=False):
    """Column values to insert into or update in jargon_chat_counters."""

    id: int | None
    chat_id: str
    term_count: int
    confirmed_count: int
    complete_count: int
    occurrence_sum: int
    counted_terms: int


def jargon_chat_counter_record(row: Mapping[Any, Any]) -> JargonChatCounterRecord:
    """The record of one jargon_chat_counters row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "chat_id": row["chat_id"],
        "term_count": row["term_count"],
        "confirmed_count": row["confirmed_count"],
        "complete_count": row["complete_count"],
        "occurrence_sum": row["occurrence_sum"],
        "counted_terms": row["counted_terms"],
    }


class JargonUsageFrequencyRecord(TypedDict):
    """A row of jargon_usage_frequency; date-times as ISO 8601 text."""

    id: int
    jargon_id: int | None
    group_id: str | None
    usage_count: int | None
    last_used_at: float | None
    success_rate: float | None
    context_types: str | None
    created_at: str | None


class JargonUsageFrequencyValues(TypedDict, total=False):
    """Column values to insert into or update in jargon_usage_frequency."""

    id: int | None
    jargon_id: int
    group_id: str
    usage_count: int | None
    last_used_at: float
    success_rate: float | None
    context_types: str | None
    created_at: datetime.datetime | None


def jargon_usage_frequency_record(row: Mapping[Any, Any]) -> JargonUsageFrequencyRecord:
    """The record of one jargon_usage_frequency row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "jargon_id": row["jargon_id"],
        "group_id": row["group_id"],
        "usage_count": row["usage_count"],
        "last_used_at": row["last_used_at"],
        "success_rate": row["success_rate"],
        "context_types": row["context_types"],
        "created_at": iso_datetime(row["created_at"]),
    }
