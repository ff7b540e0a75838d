# Generated from schema/facades/social.yaml by codegen. Do not edit.
"""Fixed dict shapes the SocialFacade returns."""

from __future__ import annotations

from typing import Any, TypedDict

from generated.records.social_relation import UserSocialRelationComponentRecord

__all__ = [
    "SocialRelationView",
    "UserPreferencesView",
    "UserProfileView",
    "UserSocialRelationsView",
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


class UserPreferencesView(TypedDict):
    """A user's preferences in a group with its JSON fields decoded."""

    user_id: str
    group_id: str
    favorite_topics: Any
    interaction_style: Any
    learning_preferences: Any
    adaptive_rate: float | None


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
