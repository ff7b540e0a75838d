# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""Fixed dict shapes the MessageFacade returns, and how a shape that is one row of a table reads that row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

__all__ = [
    "GroupMessageStatistics",
    "LearningMessage",
    "MessageStatistics",
    "ReplayMessage",
    "SenderStatistics",
    "SocialAnalysisGroup",
    "TimedMessage",
    "UnprocessedMessage",
    "learning_message",
    "replay_message",
    "timed_message",
    "unprocessed_message",
]


class UnprocessedMessage(TypedDict):
    """A raw message waiting for the learning pipeline."""

    id: int
    sender_id: str
    sender_name: str | None
    sender_qq: str | None
    message: str
    group_id: str | None
    platform: str | None
    timestamp: int


def unprocessed_message(row: Mapping[Any, Any]) -> UnprocessedMessage:
    """The UnprocessedMessage of one raw_messages row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "sender_id": row["sender_id"],
        "sender_name": row["sender_name"],
        "sender_qq": row["sender_qq"],
        "message": row["message"],
        "group_id": row["group_id"],
        "platform": row["platform"],
        "timestamp": row["timestamp"],
    }


class TimedMessage(TypedDict):
    """A raw message of a time range."""

    id: int
    sender_id: str
    sender_name: str | None
    message: str
    group_id: str | None
    timestamp: int


def timed_message(row: Mapping[Any, Any]) -> TimedMessage:
    """The TimedMessage of one raw_messages row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "sender_id": row["sender_id"],
        "sender_name": row["sender_name"],
        "message": row["message"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
    }


class ReplayMessage(TypedDict):
    """A processed raw message offered for memory replay; message_id is the row id."""

    message_id: int
    message: str
    sender_id: str
    group_id: str | None
    timestamp: int


def replay_message(row: Mapping[Any, Any]) -> ReplayMessage:
    """The ReplayMessage of one raw_messages row (a result mapping or record keyed by column name)."""
    return {
        "message_id": row["id"],
        "message": row["message"],
        "sender_id": row["sender_id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
    }


class LearningMessage(TypedDict):
    """A filtered message not yet learned from."""

    id: int
    message: str
    sender_id: str
    group_id: str | None
    timestamp: int
    confidence: float | None


def learning_message(row: Mapping[Any, Any]) -> LearningMessage:
    """The LearningMessage of one filtered_messages row (a result mapping or record keyed by column name)."""
    return {
        "id": row["id"],
        "message": row["message"],
        "sender_id": row["sender_id"],
        "group_id": row["group_id"],
        "timestamp": row["timestamp"],
        "confidence": row["confidence"],
    }


class MessageStatistics(TypedDict):
    """Row counts of the message tables over all groups."""

    total_messages: int
    raw_messages: int
    filtered_messages: int
    bot_messages: int


class GroupMessageStatistics(TypedDict):
    """Row counts of the message tables for one group."""

    total_messages: int
    unprocessed_messages: int
    filtered_messages: int
    raw_messages: int
    group_id: str


class SenderStatistics(TypedDict):
    """How many raw messages one sender wrote in a group, with a display name."""

    message_count: int
    sender_name: str


class SocialAnalysisGroup(TypedDict):
    """A group that has raw messages, with its message, member and social relation counts."""

    group_id: str | None
    message_count: int
    member_count: int
    relation_count: int
