# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""Fixed dict shapes the MessageFacade returns."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "GroupMessageStatistics",
    "LearningMessage",
    "MessageStatistics",
    "ReplayMessage",
    "SenderStatistics",
    "SocialAnalysisGroup",
    "TimedMessage",
    "UnprocessedMessage",
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


class TimedMessage(TypedDict):
    """A raw message of a time range."""

    id: int
    sender_id: str
    sender_name: str | None
    message: str
    group_id: str | None
    timestamp: int


class ReplayMessage(TypedDict):
    """A processed raw message offered for memory replay; message_id is the row id."""

    message_id: int
    message: str
    sender_id: str
    group_id: str | None
    timestamp: int


class LearningMessage(TypedDict):
    """A filtered message not yet learned from."""

    id: int
    message: str
    sender_id: str
    group_id: str | None
    timestamp: int
    confidence: float | None


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
