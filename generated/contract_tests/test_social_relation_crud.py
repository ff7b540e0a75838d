# Generated from schema/social_relation.yaml by codegen. Do not edit.
"""Contract: each table of the social_relation domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.social_relation import (
    SocialRelationHistoryRecord,
    SocialRelationRecord,
    UserPreferencesRecord,
    UserProfileRecord,
    UserSocialProfileRecord,
    UserSocialRelationComponentRecord,
)
from sldb.generated.repositories.social_relation import (
    SocialRelationHistoryRepository,
    SocialRelationRepository,
    UserPreferencesRepository,
    UserProfileRepository,
    UserSocialProfileRepository,
    UserSocialRelationComponentRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        SocialRelationRepository,
        SocialRelationRecord,
        first={
            "user_id": "user_id 一 🙂",
            "from_user": "from_user 一 🙂",
            "to_user": "to_user 一 🙂",
            "group_id": "group_id 一 🙂",
            "relation_type": "relation_type 一 🙂",
            "affection_score": 1735701000.25,
            "interaction_count": 7,
            "strength": 1735701000.25,
            "frequency": 7,
            "last_interaction": 1735701000.25,
            "metadata": "metadata 一 🙂",
            "created_at": 1735701000123,
            "updated_at": 1735701000123,
        },
        second={
            "user_id": "user_id-2",
            "from_user": "from_user-2",
            "to_user": "to_user-2",
            "group_id": "group_id-2",
            "relation_type": "relation_type-2",
            "affection_score": 0.125,
            "interaction_count": 11,
            "strength": 0.125,
            "frequency": 11,
            "last_interaction": 0.125,
            "metadata": "metadata-2",
            "created_at": 1735701999456,
            "updated_at": 1735701999456,
        },
    ),
    RoundTrip(
        SocialRelationHistoryRepository,
        SocialRelationHistoryRecord,
        first={
            "from_user_id": "from_user_id 一 🙂",
            "to_user_id": "to_user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "relation_type": "relation_type 一 🙂",
            "old_value": 1735701000.25,
            "new_value": 1735701000.25,
            "change_reason": "change_reason 一 🙂",
            "timestamp": 1735701000123,
        },
        second={
            "from_user_id": "from_user_id-2",
            "to_user_id": "to_user_id-2",
            "group_id": "group_id-2",
            "relation_type": "relation_type-2",
            "old_value": 0.125,
            "new_value": 0.125,
            "change_reason": "change_reason-2",
            "timestamp": 1735701999456,
        },
    ),
    RoundTrip(
        UserPreferencesRepository,
        UserPreferencesRecord,
        first={
            "user_id": "user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "favorite_topics": "favorite_topics 一 🙂",
            "interaction_style": "interaction_style 一 🙂",
            "learning_preferences": "learning_preferences 一 🙂",
            "adaptive_rate": 1735701000.25,
            "updated_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "user_id": "user_id-2",
            "group_id": "group_id-2",
            "favorite_topics": "favorite_topics-2",
            "interaction_style": "interaction_style-2",
            "learning_preferences": "learning_preferences-2",
            "adaptive_rate": 0.125,
            "updated_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        UserProfileRepository,
        UserProfileRecord,
        first={
            "qq_id": "qq_id 一 🙂",
            "qq_name": "qq_name 一 🙂",
            "nicknames": "nicknames 一 🙂",
            "activity_pattern": "activity_pattern 一 🙂",
            "communication_style": "communication_style 一 🙂",
            "topic_preferences": "topic_preferences 一 🙂",
            "emotional_tendency": "emotional_tendency 一 🙂",
            "last_active": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
            "updated_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "qq_name": "qq_name-2",
            "nicknames": "nicknames-2",
            "activity_pattern": "activity_pattern-2",
            "communication_style": "communication_style-2",
            "topic_preferences": "topic_preferences-2",
            "emotional_tendency": "emotional_tendency-2",
            "last_active": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
            "updated_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
            "updated_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        UserSocialProfileRepository,
        UserSocialProfileRecord,
        first={
            "user_id": "user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "total_relations": 7,
            "significant_relations": 7,
            "dominant_relation_type": "dominant_relation_type 一 🙂",
            "created_at": 1735701000123,
            "last_updated": 1735701000123,
        },
        second={
            "user_id": "user_id-2",
            "group_id": "group_id-2",
            "total_relations": 11,
            "significant_relations": 11,
            "dominant_relation_type": "dominant_relation_type-2",
            "created_at": 1735701999456,
            "last_updated": 1735701999456,
        },
    ),
    RoundTrip(
        UserSocialRelationComponentRepository,
        UserSocialRelationComponentRecord,
        first={
            "from_user_id": "from_user_id 一 🙂",
            "to_user_id": "to_user_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "relation_type": "relation_type 一 🙂",
            "value": 1735701000.25,
            "frequency": 7,
            "last_interaction": 1735701000123,
            "description": "description 一 🙂",
            "tags": "tags 一 🙂",
            "created_at": 1735701000123,
        },
        second={
            "from_user_id": "from_user_id-2",
            "to_user_id": "to_user_id-2",
            "group_id": "group_id-2",
            "relation_type": "relation_type-2",
            "value": 0.125,
            "frequency": 11,
            "last_interaction": 1735701999456,
            "description": "description-2",
            "tags": "tags-2",
            "created_at": 1735701999456,
        },
        parents={
            "profile_id": ParentRow(
                UserSocialProfileRepository,
                {
                    "user_id": "user_id 一 🙂",
                    "group_id": "group_id 一 🙂",
                    "total_relations": 7,
                    "significant_relations": 7,
                    "dominant_relation_type": "dominant_relation_type 一 🙂",
                    "created_at": 1735701000123,
                    "last_updated": 1735701000123,
                },
            ),
        },
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
