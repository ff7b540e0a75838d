# Generated from schema/message.yaml by codegen. Do not edit.
"""Contract: each table of the message domain round-trips create, get, update, list, count, delete,
and its record holds every column but the internal ones.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.records.message import (
    BotMessageRecord,
    ContextSimilarityCacheRecord,
    ConversationContextRecord,
    ConversationQualityMetricsRecord,
    ConversationTopicClusteringRecord,
    FilteredMessageRecord,
    MessageGroupCounterRecord,
    MessageQuarterCounterRecord,
    MessageSenderCounterRecord,
    RawMessageRecord,
)
from sldb.generated.repositories.message import (
    BotMessageRepository,
    ContextSimilarityCacheRepository,
    ConversationContextRepository,
    ConversationQualityMetricsRepository,
    ConversationTopicClusteringRepository,
    FilteredMessageRepository,
    MessageGroupCounterRepository,
    MessageQuarterCounterRepository,
    MessageSenderCounterRepository,
    RawMessageRepository,
)
from tests.contract import ParentRow, RoundTrip, assert_record_holds_no_internal_column, assert_round_trip, table_of

# Per table: its record type, the row first inserted, the values it is then updated with, the internal columns
# (written and stored, held by no record), and the columns read back in another form.
ROUND_TRIPS = (
    RoundTrip(
        BotMessageRepository,
        BotMessageRecord,
        first={
            "group_id": "group_id 一 🙂",
            "message": "message 一 🙂",
            "timestamp": 1735701000123,
            "created_at": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "message": "message-2",
            "timestamp": 1735701999456,
            "created_at": 1735701999456,
        },
    ),
    RoundTrip(
        ContextSimilarityCacheRepository,
        ContextSimilarityCacheRecord,
        first={
            "context_hash_1": "context_hash_1 一 🙂",
            "context_hash_2": "context_hash_2 一 🙂",
            "similarity_score": 1735701000.25,
            "calculation_method": "calculation_method 一 🙂",
            "cached_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "context_hash_1": "context_hash_1-2",
            "context_hash_2": "context_hash_2-2",
            "similarity_score": 0.125,
            "calculation_method": "calculation_method-2",
            "cached_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        ConversationContextRepository,
        ConversationContextRecord,
        first={
            "group_id": "group_id 一 🙂",
            "user_id": "user_id 一 🙂",
            "context_window": "context_window 一 🙂",
            "topic": "topic 一 🙂",
            "sentiment": "sentiment 一 🙂",
            "context_embedding": b"\x00\x01\xff",
            "last_updated": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "user_id": "user_id-2",
            "context_window": "context_window-2",
            "topic": "topic-2",
            "sentiment": "sentiment-2",
            "context_embedding": b"b",
            "last_updated": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        ConversationQualityMetricsRepository,
        ConversationQualityMetricsRecord,
        first={
            "group_id": "group_id 一 🙂",
            "coherence_score": 1735701000.25,
            "relevance_score": 1735701000.25,
            "engagement_score": 1735701000.25,
            "sentiment_alignment": 1735701000.25,
            "calculated_at": 1735701000.25,
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "coherence_score": 0.125,
            "relevance_score": 0.125,
            "engagement_score": 0.125,
            "sentiment_alignment": 0.125,
            "calculated_at": 0.125,
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
        parents={
            "message_id": ParentRow(
                BotMessageRepository,
                {
                    "group_id": "group_id 一 🙂",
                    "message": "message 一 🙂",
                    "timestamp": 1735701000123,
                    "created_at": 1735701000123,
                },
            ),
        },
    ),
    RoundTrip(
        ConversationTopicClusteringRepository,
        ConversationTopicClusteringRecord,
        first={
            "group_id": "group_id 一 🙂",
            "cluster_id": "cluster_id 一 🙂",
            "topic_keywords": "topic_keywords 一 🙂",
            "message_count": 7,
            "representative_messages": "representative_messages 一 🙂",
            "cluster_center": b"\x00\x01\xff",
            "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
        },
        second={
            "group_id": "group_id-2",
            "cluster_id": "cluster_id-2",
            "topic_keywords": "topic_keywords-2",
            "message_count": 11,
            "representative_messages": "representative_messages-2",
            "cluster_center": b"b",
            "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
        },
        read_as={
            "created_at": ("2024-01-02T03:04:05", "2025-06-07T08:09:10"),
        },
    ),
    RoundTrip(
        FilteredMessageRepository,
        FilteredMessageRecord,
        first={
            "raw_message_id": 7,
            "message": "message 一 🙂",
            "sender_id": "sender_id 一 🙂",
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000123,
            "confidence": 1735701000.25,
            "quality_scores": "quality_scores 一 🙂",
            "filter_reason": "filter_reason 一 🙂",
            "created_at": 1735701000123,
            "processed": True,
        },
        second={
            "raw_message_id": 11,
            "message": "message-2",
            "sender_id": "sender_id-2",
            "group_id": "group_id-2",
            "timestamp": 1735701999456,
            "confidence": 0.125,
            "quality_scores": "quality_scores-2",
            "filter_reason": "filter_reason-2",
            "created_at": 1735701999456,
            "processed": False,
        },
    ),
    RoundTrip(
        MessageGroupCounterRepository,
        MessageGroupCounterRecord,
        first={
            "group_id": "group_id 一 🙂",
            "null_group": True,
            "raw_count": 1735701000123,
            "raw_unprocessed": 1735701000123,
            "filtered_count": 1735701000123,
            "bot_count": 1735701000123,
        },
        second={
            "group_id": "group_id-2",
            "null_group": False,
            "raw_count": 1735701999456,
            "raw_unprocessed": 1735701999456,
            "filtered_count": 1735701999456,
            "bot_count": 1735701999456,
        },
    ),
    RoundTrip(
        MessageSenderCounterRepository,
        MessageSenderCounterRecord,
        first={
            "group_id": "group_id 一 🙂",
            "null_group": True,
            "sender_id": "sender_id 一 🙂",
            "message_count": 1735701000123,
            "sender_name": "sender_name 一 🙂",
        },
        second={
            "group_id": "group_id-2",
            "null_group": False,
            "sender_id": "sender_id-2",
            "message_count": 1735701999456,
            "sender_name": "sender_name-2",
        },
    ),
    RoundTrip(
        MessageQuarterCounterRepository,
        MessageQuarterCounterRecord,
        first={
            "quarter": 1735701000123,
            "group_id": "group_id 一 🙂",
            "null_group": True,
            "raw_count": 1735701000123,
        },
        second={
            "quarter": 1735701999456,
            "group_id": "group_id-2",
            "null_group": False,
            "raw_count": 1735701999456,
        },
    ),
    RoundTrip(
        RawMessageRepository,
        RawMessageRecord,
        first={
            "sender_id": "sender_id 一 🙂",
            "sender_name": "sender_name 一 🙂",
            "sender_qq": "sender_qq 一 🙂",
            "message": "message 一 🙂",
            "group_id": "group_id 一 🙂",
            "timestamp": 1735701000123,
            "platform": "platform 一 🙂",
            "message_id": "message_id 一 🙂",
            "reply_to": "reply_to 一 🙂",
            "created_at": 1735701000123,
            "processed": True,
            "ingest_key": "ingest_key 一 🙂",
        },
        second={
            "sender_id": "sender_id-2",
            "sender_name": "sender_name-2",
            "sender_qq": "sender_qq-2",
            "message": "message-2",
            "group_id": "group_id-2",
            "timestamp": 1735701999456,
            "platform": "platform-2",
            "message_id": "message_id-2",
            "reply_to": "reply_to-2",
            "created_at": 1735701999456,
            "processed": False,
            "ingest_key": "ingest_key-2",
        },
        internal=("ingest_key",),
    ),
)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
async def test_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    await assert_round_trip(session, case)


@pytest.mark.parametrize("case", ROUND_TRIPS, ids=table_of)
def test_record_holds_no_internal_column(case: RoundTrip) -> None:
    assert_record_holds_no_internal_column(case)
