# Generated from schema/shadow.yaml by codegen. Do not edit.
"""Typed records of the shadow domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class ShadowProfileRecord(TypedDict):
    """A row of shadow_profiles; date-times as ISO 8601 text."""

    id: int
    target_group_id: str | None
    source_type: str | None
    source_group_id: str | None
    sender_id: str | None
    sender_name: str | None
    sender_qq: str | None
    profile_data: str | None
    sample_count: int | None
    enabled: bool | None
    created_at: int | None
    updated_at: int | None


class ShadowProfileValues(TypedDict, total=False):
    """Column values to insert into or update in shadow_profiles."""

    id: int | None
    target_group_id: str
    source_type: str
    source_group_id: str
    sender_id: str
    sender_name: str
    sender_qq: str | None
    profile_data: str
    sample_count: int
    enabled: bool
    created_at: int
    updated_at: int


def shadow_profile_record(row: Mapping[Any, Any]) -> ShadowProfileRecord:
    """The record of one shadow_profiles row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "target_group_id": row["target_group_id"],
        "source_type": row["source_type"],
        "source_group_id": row["source_group_id"],
        "sender_id": row["sender_id"],
        "sender_name": row["sender_name"],
        "sender_qq": row["sender_qq"],
        "profile_data": row["profile_data"],
        "sample_count": row["sample_count"],
        "enabled": row["enabled"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
