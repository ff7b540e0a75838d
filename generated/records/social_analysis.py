# Generated from schema/social_analysis.yaml by codegen. Do not edit.
"""Typed records of the social_analysis domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict


class SocialNetworkEdgeRecord(TypedDict):
    """A row of social_network_edges; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    from_user_id: str | None
    to_user_id: str | None
    edge_type: str | None
    weight: float | None
    properties: str | None
    created_at: int | None
    updated_at: int | None


class SocialNetworkEdgeValues(TypedDict, total=False):
    """Column values to insert into or update in social_network_edges."""

    id: int | None
    group_id: str
    from_user_id: str
    to_user_id: str
    edge_type: str
    weight: float | None
    properties: str | None
    created_at: int
    updated_at: int


def social_network_edge_record(row: Mapping[Any, Any]) -> SocialNetworkEdgeRecord:
    """The record of one social_network_edges row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "from_user_id": row["from_user_id"],
        "to_user_id": row["to_user_id"],
        "edge_type": row["edge_type"],
        "weight": row["weight"],
        "properties": row["properties"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class SocialNetworkNodeRecord(TypedDict):
    """A row of social_network_nodes; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    node_type: str | None
    display_name: str | None
    properties: str | None
    created_at: int | None
    updated_at: int | None


class SocialNetworkNodeValues(TypedDict, total=False):
    """Column values to insert into or update in social_network_nodes."""

    id: int | None
    group_id: str
    user_id: str
    node_type: str | None
    display_name: str | None
    properties: str | None
    created_at: int
    updated_at: int


def social_network_node_record(row: Mapping[Any, Any]) -> SocialNetworkNodeRecord:
    """The record of one social_network_nodes row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "node_type": row["node_type"],
        "display_name": row["display_name"],
        "properties": row["properties"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class SocialRelationAnalysisResultRecord(TypedDict):
    """A row of social_relation_analysis_results; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    analysis_type: str | None
    result_data: str | None
    created_at: int | None


class SocialRelationAnalysisResultValues(TypedDict, total=False):
    """Column values to insert into or update in social_relation_analysis_results."""

    id: int | None
    group_id: str
    analysis_type: str
    result_data: str
    created_at: int


def social_relation_analysis_result_record(row: Mapping[Any, Any]) -> SocialRelationAnalysisResultRecord:
    """The record of one social_relation_analysis_results row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "analysis_type": row["analysis_type"],
        "result_data": row["result_data"],
        "created_at": row["created_at"],
    }
