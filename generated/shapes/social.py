# Generated from schema/facades/social.yaml by codegen. Do not edit.
"""Fixed dict shapes the SocialFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.generated.records.social_relation import UserSocialRelationComponentRecord
from sldb.handwritten.runtime.values.jsontext import loads_or

__all__ = [
    "SocialRelationView",
    "UserPreferencesView",
    "UserProfileView",
    "UserSocialRelationsView",
    "user_preferences_view",
    "user_profile_view",
]


class UserProfileView(TypedDict):
    """A user's profile with its JSON fields decoded."""

    qq_id: str
    qq_name: str | None
    nicknames: Any
    activity_pattern: Any
    communication_style: Any
    topic_preferences: Any
    emotional_tendency: Any
    last_active: float | None


def user_profile_view(row: Mapping[Any, Any]) -> UserProfileView:
    """The UserProfileView of one user_profiles row (a result mapping or record keyed by column name)."""
    return {
        "qq_id": row["qq_id"],
        "qq_name": row["qq_name"],
        "nicknames": loads_or(row["nicknames"], []),
        "activity_pattern": loads_or(row["activity_pattern"], {}),
        "communication_style": loads_or(row["communication_style"], {}),
        "topic_preferences": loads_or(row["topic_preferences"], {}),
        "emotional_tendency": loads_or(row["emotional_tendency"], {}),
        "last_active": row["last_active"],
    }


class UserPreferencesView(TypedDict):
    """A user's preferences in a group with its JSON fields decoded."""

    user_id: str
    group_id: str
    favorite_topics: Any
    interaction_style: Any
    learning_preferences: Any
    adaptive_rate: float | None


def user_preferences_view(row: Mapping[Any, Any]) -> UserPreferencesView:
    """The UserPreferencesView of one user_preferences row (a result mapping or record keyed by column name)."""
    return {
        "user_id": row["user_id"],
        "group_id": row["group_id"],
        "favorite_topics": loads_or(row["favorite_topics"], []),
        "interaction_style": loads_or(row["interaction_style"], {}),
        "learning_preferences": loads_or(row["learning_preferences"], {}),
        "adaptive_rate": row["adaptive_rate"],
    }


class SocialRelationView(TypedDict):
    """A relation between two users, keyed as the plugin's social analyser expects."""

    from_user: str
    to_user: str
    relation_type: str
    strength: float
    frequency: int
    last_interaction: int
    description: str | None


class UserSocialRelationsView(TypedDict):
    """The relations a user takes part in within a group."""

    user_id: str
    group_id: str
    relations: list[UserSocialRelationComponentRecord]
