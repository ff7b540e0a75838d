# Generated from schema/social_relation.yaml by codegen. Do not edit.
"""Typed records of the social_relation domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class SocialRelationRecord(TypedDict):
    """A row of social_relations; date-times as ISO 8601 text."""

    id: int
    user_id: str | None
    from_user: str | None
    to_user: str | None
    group_id: str | None
    relation_type: str | None
    affection_score: float | None
    interaction_count: int | None
    strength: float | None
    frequency: int | None
    last_interaction: float | None
    metadata: str | None
    created_at: int | None
    updated_at: int | None


class SocialRelationValues(TypedDict, total=False):
    """Column values to insert into or update in social_relations."""

    id: int | None
    user_id: str | None
    from_user: str | None
    to_user: str | None
    group_id: str | None
    relation_type: str | None
    affection_score: float | None
    interaction_count: int | None
    strength: float | None
    frequency: int | None
    last_interaction: float | None
    metadata: str | None
    created_at: int | None
    updated_at: int | None


def social_relation_record(row: Mapping[Any, Any]) -> SocialRelationRecord:
    """The record of one social_relations row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "from_user": row["from_user"],
        "to_user": row["to_user"],
        "group_id": row["group_id"],
        "relation_type": row["relation_type"],
        "affection_score": row["affection_score"],
        "interaction_count": row["interaction_count"],
        "strength": row["strength"],
        "frequency": row["frequency"],
        "last_interaction": row["last_interaction"],
        "metadata": row["metadata"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


class SocialRelationHistoryRecord(TypedDict):
    """A row of social_relation_history; date-times as ISO 8601 text."""

    id: int
    from_user_id: str | None
    to_user_id: str | None
    group_id: str | None
    relation_type: str | None
    old_value: float | None
    new_value: float | None
    change_reason: str | None
    timestamp: int | None


class SocialRelationHistoryValues(TypedDict, total=False):
    """Column values to insert into or update in social_relation_history."""

    id: int | None
    from_user_id: str
    to_user_id: str
    group_id: str
    relation_type: str
    old_value: float | None
    new_value: float
    change_reason: str | None
    timestamp: int


def social_relation_history_record(row: Mapping[Any, Any]) -> SocialRelationHistoryRecord:
    """The record of one social_relation_history row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "from_user_id": row["from_user_id"],
        "to_user_id": row["to_user_id"],
        "group_id": row["group_id"],
        "relation_type": row["relation_type"],
        "old_value": row["old_value"],
        "new_value": row["new_value"],
        "change_reason": row["change_reason"],
        "timestamp": row["timestamp"],
    }


class UserPreferencesRecord(TypedDict):
    """A row of user_preferences; date-times as ISO 8601 text."""

    id: int
    user_id: str | None
    group_id: str | None
    favorite_topics: str | None
    interaction_style: str | None
    learning_preferences: str | None
    adaptive_rate: float | None
    updated_at: float | None
    created_at: str | None


class UserPreferencesValues(TypedDict, total=False):
    """Column values to insert into or update in user_preferences."""

    id: int | None
    user_id: str
    group_id: str
    favorite_topics: str | None
    interaction_style: str | None
    learning_preferences: str | None
    adaptive_rate: float | None
    updated_at: float
    created_at: datetime.datetime | None


def user_preferences_record(row: Mapping[Any, Any]) -> UserPreferencesRecord:
    """The record of one user_preferences row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "favorite_topics": row["favorite_topics"],
        "interaction_style": row["interaction_style"],
        "learning_preferences": row["learning_preferences"],
        "adaptive_rate": row["adaptive_rate"],
        "updated_at": row["updated_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class UserProfileRecord(TypedDict):
    """A row of user_profiles; date-times as ISO 8601 text."""

    qq_id: str
    qq_name: str | None
    nicknames: str | None
    activity_pattern: str | None
    communication_style: str | None
    topic_preferences: str | None
    emotional_tendency: str | None
    last_active: float | None
    created_at: str | None
    updated_at: str | None


class UserProfileValues(TypedDict, total=False):
    """Column values to insert into or update in user_profiles."""

    qq_id: str | None
    qq_name: str | None
    nicknames: str | None
    activity_pattern: str | None
    communication_style: str | None
    topic_preferences: str | None
    emotional_tendency: str | None
    last_active: float | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None


def user_profile_record(row: Mapping[Any, Any]) -> UserProfileRecord:
    """The record of one user_profiles row (a result mapping keyed by column name)."""
    return {
        "qq_id": row["qq_id"],
        "qq_name": row["qq_name"],
        "nicknames": row["nicknames"],
        "activity_pattern": row["activity_pattern"],
        "communication_style": row["communication_style"],
        "topic_preferences": row["topic_preferences"],
        "emotional_tendency": row["emotional_tendency"],
        "last_active": row["last_active"],
        "created_at": iso_datetime(row["created_at"]),
        "updated_at": iso_datetime(row["updated_at"]),
    }


class UserSocialProfileRecord(TypedDict):
    """A row of user_social_profiles; date-times as ISO 8601 text."""

    id: int
    user_id: str | None
    group_id: str | None
    total_relations: int | None
    significant_relations: int | None
    dominant_relation_type: str | None
    created_at: int | None
    last_updated: int | None


class UserSocialProfileValues(TypedDict, total=False):
    """Column values to insert into or update in user_social_profiles."""

    id: int | None
    user_id: str
    group_id: str
    total_relations: int
    significant_relations: int
    dominant_relation_type: str | None
    created_at: int
    last_updated: int


def user_social_profile_record(row: Mapping[Any, Any]) -> UserSocialProfileRecord:
    """The record of one user_social_profiles row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "total_relations": row["total_relations"],
        "significant_relations": row["significant_relations"],
        "dominant_relation_type": row["dominant_relation_type"],
        "created_at": row["created_at"],
        "last_updated": row["last_updated"],
    }


class UserSocialRelationComponentRecord(TypedDict):
    """A row of user_social_relation_components; date-times as ISO 8601 text."""

    id: int
    profile_id: int | None
    from_user_id: str | None
    to_user_id: str | None
    group_id: str | None
    relation_type: str | None
    value: float | None
    frequency: int | None
    last_interaction: int | None
    description: str | None
    tags: str | None
    created_at: int | None


class UserSocialRelationComponentValues(TypedDict, total=False):
    """Column values to insert into or update in user_social_relation_components."""

    id: int | None
    profile_id: int
    from_user_id: str
    to_user_id: str
    group_id: str
    relation_type: str
    value: float
    frequency: int
    last_interaction: int
    description: str | None
    tags: str | None
    created_at: int


def user_social_relation_component_record(row: Mapping[Any, Any]) -> UserSocialRelationComponentRecord:
    """The record of one user_social_relation_components row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "profile_id": row["profile_id"],
        "from_user_id": row["from_user_id"],
        "to_user_id": row["to_user_id"],
        "group_id": row["group_id"],
        "relation_type": row["relation_type"],
        "value": row["value"],
        "frequency": row["frequency"],
        "last_interaction": row["last_interaction"],
        "description": row["description"],
        "tags": row["tags"],
        "created_at": row["created_at"],
    }
