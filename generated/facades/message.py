# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""MessageFacade: Raw chat messages, messages kept for learning, the bot's own replies and their statistics."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.records.message import FilteredMessageRecord, RawMessageRecord
from sldb.generated.shapes.message import (
    GroupMessageStatistics,
    LearningMessage,
    MessageStatistics,
    ReplayMessage,
    SenderStatistics,
    SocialAnalysisGroup,
    TimedMessage,
    UnprocessedMessage,
)
from sldb.handwritten.facades import message as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure, translate
from sldb.handwritten.runtime.failures.retry import retried
from sldb.handwritten.runtime.values.policy import Rule, accept, accept_each, accept_fields, accept_payload

# What each parameter accepts (its spec's `accepts:`), checked before the hand-written body runs.
_SAVE_RAW_MESSAGE_MESSAGE_DATA = {
    "sender_id": Rule("text", max_chars=255),
    "sender_name": Rule("text", max_chars=255),
    "sender_qq": Rule("text", max_chars=32),
    "message": Rule("text"),
    "group_id": Rule("text", max_chars=255),
    "timestamp": Rule("time"),
    "platform": Rule("text", max_chars=100),
    "message_id": Rule("text", max_chars=255),
    "reply_to": Rule("text", max_chars=255),
}
_SAVE_MANUAL_MEMORY_GROUP_ID = Rule("text", max_chars=255)
_SAVE_MANUAL_MEMORY_USER_ID = Rule("text", max_chars=255)
_SAVE_MANUAL_MEMORY_CONTENT = Rule("text")
_SAVE_MANUAL_MEMORY_MEMORY_TYPE = Rule("text", max_chars=50)
_SAVE_MANUAL_MEMORY_IMPORTANCE = Rule("int", -2147483648, 2147483647)
_MARK_MESSAGES_PROCESSED_MESSAGE_IDS = Rule("ids")
_ADD_FILTERED_MESSAGE_FILTERED_DATA = {
    "raw_message_id": Rule("id", nullable=True),
    "message": Rule("text"),
    "sender_id": Rule("text", max_chars=255),
    "group_id": Rule("text", max_chars=255),
    "timestamp": Rule("time"),
    "confidence": Rule("float", nullable=True),
    "quality_scores": Rule("json", nullable=True),
    "filter_reason": Rule("text", nullable=True),
}
_SAVE_BOT_MESSAGE_GROUP_ID = Rule("text", max_chars=255)
_SAVE_BOT_MESSAGE_MESSAGE = Rule("text")
_SAVE_BOT_MESSAGE_TIMESTAMP = Rule("time", nullable=True)
_SAVE_RAW_MESSAGES_MESSAGES = {
    "sender_id": Rule("text", max_chars=255),
    "sender_name": Rule("text", max_chars=255),
    "sender_qq": Rule("text", max_chars=32),
    "message": Rule("text"),
    "group_id": Rule("text", max_chars=255),
    "timestamp": Rule("time"),
    "platform": Rule("text", max_chars=100),
    "message_id": Rule("text", max_chars=255),
    "reply_to": Rule("text", max_chars=255),
}


class MessageFacade:
    """Raw chat messages, messages kept for learning, the bot's own replies and their statistics."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def save_raw_message(self, message_data: Any) -> int:
        """Store one collected chat message (a dict or an object with attributes); returns its new id."""
        message_data = accept_fields("save_raw_message", "message_data", message_data, _SAVE_RAW_MESSAGE_MESSAGE_DATA)
        try:
            return await retried(queries.save_raw_message, self._db, message_data=message_data)
        except SQLAlchemyError as exc:
            log_failure("save_raw_message", exc, message_data=message_data)
            return 0

    async def save_manual_memory(
        self, group_id: str, user_id: str, content: str, memory_type: str = "manual_remember", importance: int = 9
    ) -> int:
        """Store a memory the user asked the bot to remember; returns its new id."""
        group_id = accept("save_manual_memory", "group_id", group_id, _SAVE_MANUAL_MEMORY_GROUP_ID)
        user_id = accept("save_manual_memory", "user_id", user_id, _SAVE_MANUAL_MEMORY_USER_ID)
        content = accept("save_manual_memory", "content", content, _SAVE_MANUAL_MEMORY_CONTENT)
        memory_type = accept("save_manual_memory", "memory_type", memory_type, _SAVE_MANUAL_MEMORY_MEMORY_TYPE)
        importance = accept("save_manual_memory", "importance", importance, _SAVE_MANUAL_MEMORY_IMPORTANCE)
        try:
            return await retried(
                queries.save_manual_memory,
                self._db,
                group_id=group_id,
                user_id=user_id,
                content=content,
                memory_type=memory_type,
                importance=importance,
            )
        except SQLAlchemyError as exc:
            log_failure(
                "save_manual_memory",
                exc,
                group_id=group_id,
                user_id=user_id,
                content=content,
                memory_type=memory_type,
                importance=importance,
            )
            return 0

    async def get_recent_raw_messages(self, group_id: str, limit: int = 200) -> list[RawMessageRecord]:
        """The group's newest raw messages (all groups when group_id is empty), newest first."""
        try:
            return await queries.get_recent_raw_messages(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            raise translate("get_recent_raw_messages", exc) from exc

    async def get_unprocessed_messages(
        self, limit: int | None = None, group_id: str | None = None
    ) -> list[UnprocessedMessage]:
        """Raw messages not yet processed (100 when no limit is given), oldest first, optionally of one group."""
        try:
            return await queries.get_unprocessed_messages(self._db, limit=limit, group_id=group_id)
        except SQLAlchemyError as exc:
            raise translate("get_unprocessed_messages", exc) from exc

    async def mark_messages_processed(self, message_ids: list[int]) -> bool:
        """Mark the raw messages with these ids processed; True when the list is empty or a row matched."""
        message_ids = accept(
            "mark_messages_processed", "message_ids", message_ids, _MARK_MESSAGES_PROCESSED_MESSAGE_IDS
        )
        try:
            return await retried(queries.mark_messages_processed, self._db, message_ids=message_ids)
        except SQLAlchemyError as exc:
            log_failure("mark_messages_processed", exc, message_ids=message_ids)
            return False

    async def get_messages_by_timerange(
        self, group_id: str, start_time: int, end_time: int, limit: int = 500
    ) -> list[TimedMessage]:
        """The group's raw messages with start_time <= timestamp <= end_time, oldest first."""
        try:
            return await queries.get_messages_by_timerange(
                self._db, group_id=group_id, start_time=start_time, end_time=end_time, limit=limit
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_messages_by_timerange",
                exc,
                group_id=group_id,
                start_time=start_time,
                end_time=end_time,
                limit=limit,
            )
            return []

    async def get_messages_by_group_and_timerange(
        self, group_id: str, start_time: int, end_time: int, limit: int = 500
    ) -> list[TimedMessage]:
        """The group's raw messages with start_time <= timestamp <= end_time, oldest first."""
        try:
            return await queries.get_messages_by_group_and_timerange(
                self._db, group_id=group_id, start_time=start_time, end_time=end_time, limit=limit
            )
        except SQLAlchemyError as exc:
            log_failure(
                "get_messages_by_group_and_timerange",
                exc,
                group_id=group_id,
                start_time=start_time,
                end_time=end_time,
                limit=limit,
            )
            return []

    async def get_messages_for_replay(self, group_id: str, days: int = 30, limit: int = 100) -> list[ReplayMessage]:
        """The group's processed raw messages of the last days, newest first."""
        try:
            return await queries.get_messages_for_replay(self._db, group_id=group_id, days=days, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_messages_for_replay", exc, group_id=group_id, days=days, limit=limit)
            return []

    async def get_recent_filtered_messages(self, group_id: str, limit: int = 20) -> list[FilteredMessageRecord]:
        """The group's newest filtered messages (all groups when group_id is empty), newest first."""
        try:
            return await queries.get_recent_filtered_messages(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            raise translate("get_recent_filtered_messages", exc) from exc

    async def get_filtered_messages_for_learning(self, limit: int = 20) -> list[LearningMessage]:
        """Filtered messages not yet processed, oldest first."""
        try:
            return await queries.get_filtered_messages_for_learning(self._db, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_filtered_messages_for_learning", exc, limit=limit)
            return []

    async def add_filtered_message(self, filtered_data: dict[str, Any]) -> int:
        """Store a message that passed filtering; returns its new id."""
        filtered_data = accept_payload(
            "add_filtered_message", "filtered_data", filtered_data, _ADD_FILTERED_MESSAGE_FILTERED_DATA
        )
        try:
            return await retried(queries.add_filtered_message, self._db, filtered_data=filtered_data)
        except SQLAlchemyError as exc:
            log_failure("add_filtered_message", exc, filtered_data=filtered_data)
            return 0

    async def save_bot_message(self, group_id: str, message: str, timestamp: int | None = None) -> bool:
        """Store a message the bot sent to the group; the timestamp defaults to now."""
        group_id = accept("save_bot_message", "group_id", group_id, _SAVE_BOT_MESSAGE_GROUP_ID)
        message = accept("save_bot_message", "message", message, _SAVE_BOT_MESSAGE_MESSAGE)
        timestamp = accept("save_bot_message", "timestamp", timestamp, _SAVE_BOT_MESSAGE_TIMESTAMP)
        try:
            return await retried(
                queries.save_bot_message, self._db, group_id=group_id, message=message, timestamp=timestamp
            )
        except SQLAlchemyError as exc:
            log_failure("save_bot_message", exc, group_id=group_id, message=message, timestamp=timestamp)
            return False

    async def get_recent_bot_responses(self, group_id: str, limit: int = 10) -> list[str]:
        """The texts of the bot's newest messages in the group, newest first."""
        try:
            return await queries.get_recent_bot_responses(self._db, group_id=group_id, limit=limit)
        except SQLAlchemyError as exc:
            log_failure("get_recent_bot_responses", exc, group_id=group_id, limit=limit)
            return []

    async def get_message_statistics(self, group_id: str | None = None) -> GroupMessageStatistics | MessageStatistics:
        """Message counts of one group, or of all groups when group_id is empty."""
        try:
            return await queries.get_message_statistics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_message_statistics", exc, group_id=group_id)
            return (
                {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
                if not group_id
                else {
                    "total_messages": 0,
                    "unprocessed_messages": 0,
                    "filtered_messages": 0,
                    "raw_messages": 0,
                    "group_id": group_id,
                }
            )

    async def get_messages_statistics(
        self,
    ) -> MessageStatistics:
        """Row counts of the raw, filtered and bot message tables."""
        try:
            return await queries.get_messages_statistics(self._db.replica())
        except SQLAlchemyError as exc:
            log_failure("get_messages_statistics", exc)
            return {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}

    async def get_group_messages_statistics(self, group_id: str) -> GroupMessageStatistics | MessageStatistics:
        """Message counts of the group (of all groups when group_id is empty)."""
        try:
            return await queries.get_group_messages_statistics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_group_messages_statistics", exc, group_id=group_id)
            return (
                {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
                if not group_id
                else {
                    "total_messages": 0,
                    "unprocessed_messages": 0,
                    "filtered_messages": 0,
                    "raw_messages": 0,
                    "group_id": group_id,
                }
            )

    async def get_group_user_statistics(self, group_id: str) -> dict[str, SenderStatistics]:
        """Raw message counts of the group's 50 most active senders, keyed by sender_id."""
        try:
            return await queries.get_group_user_statistics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_group_user_statistics", exc, group_id=group_id)
            return {}

    async def get_groups_for_social_analysis(
        self,
    ) -> list[SocialAnalysisGroup]:
        """Every group with raw messages, with message, distinct sender and social relation counts, busiest first."""
        try:
            return await queries.get_groups_for_social_analysis(self._db)
        except SQLAlchemyError as exc:
            log_failure("get_groups_for_social_analysis", exc)
            return []

    async def save_raw_messages(self, messages: list[dict[str, Any]]) -> list[int]:
        """Store a batch of collected chat messages in one transaction and one insert; returns their ids in input order."""
        messages = accept_each("save_raw_messages", "messages", messages, _SAVE_RAW_MESSAGES_MESSAGES)
        try:
            return await retried(queries.save_raw_messages, self._db, messages=messages)
        except SQLAlchemyError as exc:
            raise translate("save_raw_messages", exc) from exc
