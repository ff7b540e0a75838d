# Generated from schema/message.yaml by codegen. Do not edit.
"""ORM models of the message domain: Chat messages as collected (raw), as kept for learning (filtered), the bot's own replies, and the conversation context derived from them."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func

from sldb.generated.models.base import Base
from sldb.handwritten.runtime.values.column_types import Double, LongText, SafeString


class BotMessage(Base):
    """Messages the bot itself sent, per group."""

    __tablename__ = "bot_messages"
    __table_args__ = (
        Index("idx_bot_group_time", "group_id", "timestamp", "id"),
        Index("idx_bot_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="bot_messages.group_id", nullable=False), nullable=False
    )
    message: Mapped[str] = mapped_column(LongText(field="bot_messages.message", nullable=False), nullable=False)
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)


class ContextSimilarityCache(Base):
    """Cached similarity scores between two contexts."""

    __tablename__ = "context_similarity_cache"
    __table_args__ = (
        Index("idx_similarity_cached", "cached_at"),
        Index("idx_similarity_hash1", "context_hash_1"),
        Index("idx_similarity_hash2", "context_hash_2"),
        Index("idx_similarity_hashes", "context_hash_1", "context_hash_2"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    context_hash_1: Mapped[str] = mapped_column(
        SafeString(255, field="context_similarity_cache.context_hash_1", nullable=False), nullable=False
    )
    context_hash_2: Mapped[str] = mapped_column(
        SafeString(255, field="context_similarity_cache.context_hash_2", nullable=False), nullable=False
    )
    similarity_score: Mapped[float] = mapped_column(Double, nullable=False)
    calculation_method: Mapped[str | None] = mapped_column(
        SafeString(100, field="context_similarity_cache.calculation_method", nullable=True), nullable=True
    )
    cached_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class ConversationContext(Base):
    """Rolling conversation context per group and user."""

    __tablename__ = "conversation_context"
    __table_args__ = (
        Index("idx_context_group", "group_id"),
        Index("idx_context_updated", "last_updated"),
        Index("idx_context_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_context.group_id", nullable=False), nullable=False
    )
    user_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_context.user_id", nullable=False), nullable=False
    )
    context_window: Mapped[str] = mapped_column(
        LongText(field="conversation_context.context_window", nullable=False), nullable=False
    )
    topic: Mapped[str | None] = mapped_column(
        SafeString(255, field="conversation_context.topic", nullable=True), nullable=True
    )
    sentiment: Mapped[str | None] = mapped_column(
        SafeString(100, field="conversation_context.sentiment", nullable=True), nullable=True
    )
    context_embedding: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    last_updated: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class ConversationQualityMetrics(Base):
    """Quality measures of single messages."""

    __tablename__ = "conversation_quality_metrics"
    __table_args__ = (
        Index("idx_quality_calculated", "calculated_at"),
        Index("idx_quality_group", "group_id"),
        Index("idx_quality_message", "message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_quality_metrics.group_id", nullable=False), nullable=False
    )
    message_id: Mapped[int] = mapped_column(Integer, ForeignKey("bot_messages.id"), nullable=False)
    coherence_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    relevance_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    engagement_score: Mapped[float | None] = mapped_column(Double, nullable=True)
    sentiment_alignment: Mapped[float | None] = mapped_column(Double, nullable=True)
    calculated_at: Mapped[float] = mapped_column(Double, nullable=False)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class ConversationTopicClustering(Base):
    """Topic clusters found in a group's conversation."""

    __tablename__ = "conversation_topic_clustering"
    __table_args__ = (
        Index("idx_topic_cluster", "cluster_id"),
        Index("idx_topic_count", "message_count"),
        Index("idx_topic_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_topic_clustering.group_id", nullable=False), nullable=False
    )
    cluster_id: Mapped[str] = mapped_column(
        SafeString(255, field="conversation_topic_clustering.cluster_id", nullable=False), nullable=False
    )
    topic_keywords: Mapped[str] = mapped_column(
        LongText(field="conversation_topic_clustering.topic_keywords", nullable=False), nullable=False
    )
    message_count: Mapped[int | None] = mapped_column(Integer, nullable=True, default=0)
    representative_messages: Mapped[str | None] = mapped_column(
        LongText(field="conversation_topic_clustering.representative_messages", nullable=True), nullable=True
    )
    cluster_center: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True, default=func.now())


class FilteredMessage(Base):
    """Messages kept for learning after filtering, with their quality scores."""

    __tablename__ = "filtered_messages"
    __table_args__ = (
        Index("idx_filtered_group_time", "group_id", "timestamp", "id"),
        Index("idx_filtered_unprocessed_time", "processed", "timestamp", "id"),
        Index("idx_filtered_sender", "sender_id"),
        Index("idx_filtered_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    raw_message_id: Mapped[int | None] = mapped_column(Integer, info={"references": "raw_messages.id"}, nullable=True)
    message: Mapped[str] = mapped_column(LongText(field="filtered_messages.message", nullable=False), nullable=False)
    sender_id: Mapped[str] = mapped_column(
        SafeString(255, field="filtered_messages.sender_id", nullable=False), nullable=False
    )
    group_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="filtered_messages.group_id", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    confidence: Mapped[float | None] = mapped_column(Double, nullable=True)
    quality_scores: Mapped[str | None] = mapped_column(
        LongText(field="filtered_messages.quality_scores", nullable=True), nullable=True
    )
    filter_reason: Mapped[str | None] = mapped_column(
        LongText(field="filtered_messages.filter_reason", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    processed: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=False)


class MessageGroupCounter(Base):
    """Per group, how many raw (and unprocessed raw), filtered and bot messages there are; kept exact by triggers on those tables (handwritten/tables/counters.py)."""

    __tablename__ = "message_group_counters"
    __table_args__ = (
        UniqueConstraint("group_id", "null_group", name="uq_message_group_counter"),
        {"info": {"maintained_by": "triggers"}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="message_group_counters.group_id", nullable=False), nullable=False
    )
    null_group: Mapped[bool] = mapped_column(Boolean, nullable=False)
    raw_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    raw_unprocessed: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    filtered_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    bot_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")


class MessageSenderCounter(Base):
    """Per group and sender, how many raw messages there are and the greatest sender_name among them; kept exact by triggers on raw_messages."""

    __tablename__ = "message_sender_counters"
    __table_args__ = (
        UniqueConstraint("group_id", "null_group", "sender_id", name="uq_message_sender_counter"),
        {"info": {"maintained_by": "triggers"}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="message_sender_counters.group_id", nullable=False), nullable=False
    )
    null_group: Mapped[bool] = mapped_column(Boolean, nullable=False)
    sender_id: Mapped[str] = mapped_column(
        SafeString(255, field="message_sender_counters.sender_id", nullable=False), nullable=False
    )
    message_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    sender_name: Mapped[str | None] = mapped_column(
        SafeString(255, field="message_sender_counters.sender_name", nullable=True), nullable=True
    )


class MessageQuarterCounter(Base):
    """Per quarter of an hour and group, how many raw messages have a timestamp in it; kept exact by triggers on raw_messages (the trends read these instead of the messages)."""

    __tablename__ = "message_quarter_counters"
    __table_args__ = (
        UniqueConstraint("quarter", "group_id", "null_group", name="uq_message_quarter_counter"),
        {"info": {"maintained_by": "triggers"}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    quarter: Mapped[int] = mapped_column(BigInteger, nullable=False)
    group_id: Mapped[str] = mapped_column(
        SafeString(255, field="message_quarter_counters.group_id", nullable=False), nullable=False
    )
    null_group: Mapped[bool] = mapped_column(Boolean, nullable=False)
    raw_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")


class RawMessage(Base):
    """Every chat message as collected, before any filtering."""

    __tablename__ = "raw_messages"
    __table_args__ = (
        Index("uk_raw_ingest_key", "ingest_key", unique=True),
        Index("idx_raw_group_time", "group_id", "timestamp", "id"),
        Index("idx_raw_unprocessed_time", "processed", "timestamp", "id"),
        Index("idx_raw_group_processed", "group_id", "processed"),
        Index("idx_raw_sender", "sender_id"),
        Index("idx_raw_timestamp", "timestamp"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(
        SafeString(255, field="raw_messages.sender_id", nullable=False), nullable=False
    )
    sender_name: Mapped[str | None] = mapped_column(
        SafeString(255, field="raw_messages.sender_name", nullable=True), nullable=True
    )
    sender_qq: Mapped[str | None] = mapped_column(
        SafeString(32, field="raw_messages.sender_qq", nullable=True), nullable=True, index=True
    )
    message: Mapped[str] = mapped_column(LongText(field="raw_messages.message", nullable=False), nullable=False)
    group_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="raw_messages.group_id", nullable=True), nullable=True
    )
    timestamp: Mapped[int] = mapped_column(BigInteger, nullable=False)
    platform: Mapped[str | None] = mapped_column(
        SafeString(100, field="raw_messages.platform", nullable=True), nullable=True
    )
    message_id: Mapped[str | None] = mapped_column(
        SafeString(255, field="raw_messages.message_id", nullable=True), nullable=True
    )
    reply_to: Mapped[str | None] = mapped_column(
        SafeString(255, field="raw_messages.reply_to", nullable=True), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger, nullable=False)
    processed: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=False)
    ingest_key: Mapped[str | None] = mapped_column(
        SafeString(612, field="raw_messages.ingest_key", nullable=True), info={"internal": True}, nullable=True
    )
