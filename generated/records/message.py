# Generated from schema/message.yaml by codegen. Do not edit.
"""Typed records of the message domain: one row as a plain dict, as facades return it.

A record holds every column but the internal ones (spec: internal: true), which the layer keeps for itself.

A NOT NULL column without a server default is typed `T | None`: migration adds such a column NULL-able to a table
an older version created, and that table's older rows hold NULL in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from sldb.handwritten.runtime.values.records import iso_datetime


class BotMessageRecord(TypedDict):
    """A row of bot_messages; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    message: str | None
    timestamp: int | None
    created_at: int | None


class BotMessageValues(TypedDict, total=False):
    """Column values to insert into or update in bot_messages."""

    id: int | None
    group_id: str
    message: str
    timestamp: int
    created_at: int


def bot_message_record(row: Mapping[Any, Any]) -> BotMessageRecord:
    """The record of one bot_messages row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "message": row["message"],
        "timestamp": row["timestamp"],
        "created_at": row["created_at"],
    }


class ContextSimilarityCacheRecord(TypedDict):
    """A row of context_similarity_cache; date-times as ISO 8601 text."""

    id: int
    context_hash_1: str | None
    context_hash_2: str | None
    similarity_score: float | None
    calculation_method: str | None
    cached_at: float | None
    created_at: str | None


class ContextSimilarityCacheValues(TypedDict, total=False):
    """Column values to insert into or update in context_similarity_cache."""

    id: int | None
    context_hash_1: str
    context_hash_2: str
    similarity_score: float
    calculation_method: str | None
    cached_at: float
    created_at: datetime.datetime | None


def context_similarity_cache_record(row: Mapping[Any, Any]) -> ContextSimilarityCacheRecord:
    """The record of one context_similarity_cache row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "context_hash_1": row["context_hash_1"],
        "context_hash_2": row["context_hash_2"],
        "similarity_score": row["similarity_score"],
        "calculation_method": row["calculation_method"],
        "cached_at": row["cached_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ConversationContextRecord(TypedDict):
    """A row of conversation_context; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    user_id: str | None
    context_window: str | None
    topic: str | None
    sentiment: str | None
    context_embedding: bytes | None
    last_updated: float | None
    created_at: str | None


class ConversationContextValues(TypedDict, total=False):
    """Column values to insert into or update in conversation_context."""

    id: int | None
    group_id: str
    user_id: str
    context_window: str
    topic: str | None
    sentiment: str | None
    context_embedding: bytes | None
    last_updated: float
    created_at: datetime.datetime | None


def conversation_context_record(row: Mapping[Any, Any]) -> ConversationContextRecord:
    """The record of one conversation_context row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "user_id": row["user_id"],
        "context_window": row["context_window"],
        "topic": row["topic"],
        "sentiment": row["sentiment"],
        "context_embedding": row["context_embedding"],
        "last_updated": row["last_updated"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ConversationQualityMetricsRecord(TypedDict):
    """A row of conversation_quality_metrics; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    message_id: int | None
    coherence_score: float | None
    relevance_score: float | None
    engagement_score: float | None
    sentiment_alignment: float | None
    calculated_at: float | None
    created_at: str | None


class ConversationQualityMetricsValues(TypedDict, total=False):
    """Column values to insert into or update in conversation_quality_metrics."""

    id: int | None
    group_id: str
    message_id: int
    coherence_score: float | None
    relevance_score: float | None
    engagement_score: float | None
    sentiment_alignment: float | None
    calculated_at: float
    created_at: datetime.datetime | None


def conversation_quality_metrics_record(row: Mapping[Any, Any]) -> ConversationQualityMetricsRecord:
    """The record of one conversation_quality_metrics row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "message_id": row["message_id"],
        "coherence_score": row["coherence_score"],
        "relevance_score": row["relevance_score"],
        "engagement_score": row["engagement_score"],
        "sentiment_alignment": row["sentiment_alignment"],
        "calculated_at": row["calculated_at"],
        "created_at": iso_datetime(row["created_at"]),
    }


class ConversationTopicClusteringRecord(TypedDict):
    """A row of conversation_topic_clustering; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    cluster_id: str | None
    topic_keywords: str | None
    message_count: int | None
    representative_messages: str | None
    cluster_center: bytes | None
    created_at: str | None


class ConversationTopicClusteringValues(TypedDict, total=False):
    """Column values to insert into or update in conversation_topic_clustering."""

    id: int | None
    group_id: str
    cluster_id: str
    topic_keywords: str
    message_count: int | None
    representative_messages: str | None
    cluster_center: bytes | None
    created_at: datetime.datetime | None


def conversation_topic_clustering_record(row: Mapping[Any, Any]) -> ConversationTopicClusteringRecord:
    """The record of one conversation_topic_clustering row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "cluster_id": row["cluster_id"],
        "topic_keywords": row["topic_keywords"],
        "message_count": row["message_count"],
        "representative_messages": row["representative_messages"],
        "cluster_center": row["cluster_center"],
        "created_at": iso_datetime(row["created_at"]),
    }


class FilteredMessageRecord(TypedDict):
    """A row of filtered_messages; date-times as ISO 8601 text."""

    id: int
    raw_message_id: int | None
    message: str | None
    sender_id: str | None
    group_id: str | None
    timestamp: int | None
    confidence: float | None
    quality_scores: str | None
    filter_reason: str | None
    created_at: int | None
    processed: bool | None


class FilteredMessageValues(TypedDict, total=False):
    """Column values to insert into or update in filtered_messages."""

    id: int | None
    raw_message_id: int | None
    message: str
    sender_id: str
    group_id: str | None
    timestamp: int
    confidence: float | None
    quality_scores: str | None
    filter_reason: str | None
    created_at: int
    processed: bool | None


def filtered_message_record(row: Mapping[Any, Any]) -> FilteredMessageRecord:
    """The record of one filtered_messages row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "raw_message_id": row["raw_message_id"],
        "message": row["message"],
        "sender_id": row["sender_id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "confidence": row["confidence"],
        "quality_scores": row["quality_scores"],
        "filter_reason": row["filter_reason"],
        "created_at": row["created_at"],
        "processed": row["processed"],
    }


class MessageGroupCounterRecord(TypedDict):
    """A row of message_group_counters; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    null_group: bool | None
    raw_count: int
    raw_unprocessed: int
    filtered_count: int
    bot_count: int


class MessageGroupCounterValues(TypedDict, total=False):
    """Column values to insert into or update in message_group_counters."""

    id: int | None
    group_id: str
    null_group: bool
    raw_count: int
    raw_unprocessed: int
    filtered_count: int
    bot_count: int


def message_group_counter_record(row: Mapping[Any, Any]) -> MessageGroupCounterRecord:
    """The record of one message_group_counters row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "null_group": row["null_group"],
        "raw_count": row["raw_count"],
        "raw_unprocessed": row["raw_unprocessed"],
        "filtered_count": row["filtered_count"],
        "bot_count": row["bot_count"],
    }


class MessageSenderCounterRecord(TypedDict):
    """A row of message_sender_counters; date-times as ISO 8601 text."""

    id: int
    group_id: str | None
    null_group: bool | None
    sender_id: str | None
    message_count: int
    sender_name: str | None


class MessageSenderCounterValues(TypedDict, total=False):
    """Column values to insert into or update in message_sender_counters."""

    id: int | None
    group_id: str
    null_group: bool
    sender_id: str
    message_count: int
    sender_name: str | None


def message_sender_counter_record(row: Mapping[Any, Any]) -> MessageSenderCounterRecord:
    """The record of one message_sender_counters row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "group_id": row["group_id"],
        "null_group": row["null_group"],
        "sender_id": row["sender_id"],
        "message_count": row["message_count"],
        "sender_name": row["sender_name"],
    }


class MessageQuarterCounterRecord(TypedDict):
    """A row of message_quarter_counters; date-times as ISO 8601 text."""

    id: int
    quarter: int | None
    group_id: str | None
    null_group: bool | None
    raw_count: int


class MessageQuarterCounterValues(TypedDict, total=False):
    """Column values to insert into or update in message_quarter_counters."""

    id: int | None
    quarter: int
    group_id: str
    null_group: bool
    raw_count: int


def message_quarter_counter_record(row: Mapping[Any, Any]) -> MessageQuarterCounterRecord:
    """The record of one message_quarter_counters row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "quarter": row["quarter"],
        "group_id": row["group_id"],
        "null_group": row["null_group"],
        "raw_count": row["raw_count"],
    }


class RawMessageRecord(TypedDict):
    """A row of raw_messages; date-times as ISO 8601 text."""

    id: int
    sender_id: str | None
    sender_name: str | None
    sender_qq: str | None
    message: str | None
    group_id: str | None
    timestamp: int | None
    platform: str | None
    message_id: str | None
    reply_to: str | None
    created_at: int | None
    processed: bool | None


class RawMessageValues(TypedDict, total=False):
    """Column values to insert into or update in raw_messages."""

    id: int | None
    sender_id: str
    sender_name: str | None
    sender_qq: str | None
    message: str
    group_id: str | None
    timestamp: int
    platform: str | None
    message_id: str | None
    reply_to: str | None
    created_at: int
    processed: bool | None
    ingest_key: str | None


def raw_message_record(row: Mapping[Any, Any]) -> RawMessageRecord:
    """The record of one raw_messages row (a result mapping keyed by column name)."""
    return {
        "id": row["id"],
        "sender_id": row["sender_id"],
        "sender_name": row["sender_name"],
        "sender_qq": row["sender_qq"],
        "message": row["message"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "platform": row["platform"],
        "message_id": row["message_id"],
        "reply_to": row["reply_to"],
        "created_at": row["created_at"],
        "processed": row["processed"],
    }
