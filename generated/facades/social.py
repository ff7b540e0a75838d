# Generated from schema/facades/social.yaml by codegen. Do not edit.
"""SocialFacade: User profiles and preferences, and the social relations between users of a group."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.social import (
    SocialRelationView,
    UserPreferencesView,
    UserProfileView,
    UserSocialRelationsView,
)
from sldb.handwritten.facades import social as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_SAVE_USER_PROFILE_QQ_ID = Rule("text", max_chars=255)
_SAVE_USER_PROFILE_PROFILE_DATA = {
    "nicknames": Rule("json"),
    "activity_pattern": Rule("json"),
    "communication_style": Rule("json"),
    "topic_preferences": Rule("json"),
    "emotional_tendency": Rule("json"),
    "last_active": Rule("time"),
    "qq_name": Rule("text", max_chars=255),
}
_SAVE_USER_PREFERENCES_USER_ID = Rule("text", max_chars=255)
_SAVE_USER_PREFERENCES_GROUP_ID = Rule("text", max_chars=255)
_SAVE_USER_PREFERENCES_PREFS = {
    "favorite_topics": Rule("json"),
    "interaction_style": Rule("json"),
    "learning_preferences": Rule("json"),
    "adaptive_rate": Rule("float"),
}
_SAVE_SOCIAL_RELATION_GROUP_ID = Rule("text", max_chars=255)
_SAVE_SOCIAL_RELATION_RELATION_DATA = {
    "from_user": Rule("text", max_chars=255),
    "from_user_id": Rule("text", max_chars=255),
    "to_user": Rule("text", max_chars=255),
    "to_user_id": Rule("text", max_chars=255),
    "relation_type": Rule("text", max_chars=100),
    "strength": Rule("float"),
    "frequency": Rule("int", -2147483648, 2147483647),
    "last_interaction": Rule("time"),
    "relation_name": Rule("text"),
    "description": Rule("text"),
    "tags": Rule("json"),
}


class SocialFacade:
    """User profiles and preferences, and the social relations between users of a group."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def load_user_profile(self, qq_id: str) -> UserProfileView | None:
        """The user's profile, JSON fields decoded ([] for nicknames, {} for the others when empty); None if there is none."""
        try:
            return await queries.load_user_profile(self._db, qq_id=qq_id)
        except SQLAlchemyError as exc:
            log_failure("load_user_profile", exc, qq_id=qq_id)
            return None

    async def save_user_profile(self, qq_id: str, profile_data: dict[str, Any]) -> bool:
        """Insert or replace the user's profile; a missing qq_name keeps the stored one, last_active defaults to now."""
        qq_id = accept("save_user_profile", "qq_id", qq_id, _SAVE_USER_PROFILE_QQ_ID)
        profile_data = accept_payload(
            "save_user_profile", "profile_data", profile_data, _SAVE_USER_PROFILE_PROFILE_DATA
        )
        try:
            return await retried(queries.save_user_profile, self._db, qq_id=qq_id, profile_data=profile_data)
        except SQLAlchemyError as exc:
            log_failure("save_user_profile", exc, qq_id=qq_id, profile_data=profile_data)
            return False

    async def load_user_preferences(self, user_id: str, group_id: str) -> UserPreferencesView | None:
        """The user's preferences in the group, JSON fields decoded; None if there are none."""
        try:
            return await queries.load_user_preferences(self._db, user_id=user_id, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("load_user_preferences", exc, user_id=user_id, group_id=group_id)
            return None

    async def save_user_preferences(self, user_id: str, group_id: str, prefs: dict[str, Any]) -> bool:
        """Insert or replace the user's preferences in the group; updated_at is now."""
        user_id = accept("save_user_preferences", "user_id", user_id, _SAVE_USER_PREFERENCES_USER_ID)
        group_id = accept("save_user_preferences", "group_id", group_id, _SAVE_USER_PREFERENCES_GROUP_ID)
        prefs = accept_payload("save_user_preferences", "prefs", prefs, _SAVE_USER_PREFERENCES_PREFS)
        try:
            return await retried(
                queries.save_user_preferences, self._db, user_id=user_id, group_id=group_id, prefs=prefs
            )
        except SQLAlchemyError as exc:
            log_failure("save_user_preferences", exc, user_id=user_id, group_id=group_id, prefs=prefs)
            return False

    async def get_social_relations_by_group(self, group_id: str) -> list[SocialRelationView]:
        """Every relation recorded in the group, oldest first."""
        try:
            return await queries.get_social_relations_by_group(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_social_relations_by_group", exc, group_id=group_id)
            return []

    async def get_social_relationships(self, group_id: str) -> list[SocialRelationView]:
        """Same as get_social_relations_by_group."""
        try:
            return await queries.get_social_relationships(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_social_relationships", exc, group_id=group_id)
            return []

    async def load_social_graph(self, group_id: str) -> list[SocialRelationView]:
        """Same as get_social_relations_by_group."""
        try:
            return await queries.load_social_graph(self._db, group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("load_social_graph", exc, group_id=group_id)
            return []

    async def save_social_relation(self, group_id: str, relation_data: dict[str, Any]) -> bool:
        """Record one relation (from_user/to_user or from_user_id/to_user_id), creating the source user's social profile if needed."""
        group_id = accept("save_social_relation", "group_id", group_id, _SAVE_SOCIAL_RELATION_GROUP_ID)
        relation_data = accept_payload(
            "save_social_relation", "relation_data", relation_data, _SAVE_SOCIAL_RELATION_RELATION_DATA
        )
        try:
            return await retried(queries.save_social_relation, self._db, group_id=group_id, relation_data=relation_data)
        except SQLAlchemyError as exc:
            log_failure("save_social_relation", exc, group_id=group_id, relation_data=relation_data)
            return False

    async def get_user_social_relations(self, group_id: str, user_id: str) -> UserSocialRelationsView:
        """The relations the user takes part in (either side) within the group, oldest first, as full rows."""
        try:
            return await queries.get_user_social_relations(self._db, group_id=group_id, user_id=user_id)
        except SQLAlchemyError as exc:
            log_failure("get_user_social_relations", exc, group_id=group_id, user_id=user_id)
            return {"user_id": user_id, "group_id": group_id, "relations": []}
