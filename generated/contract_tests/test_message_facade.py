# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""Contract of MessageFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import message as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_save_raw_message_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_raw_message,
        params=[
            ("message_data", "Any"),
        ],
        returns="int",
    )


async def test_save_raw_message_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    message_data: Any = None
    args: dict[str, Any] = {
        "message_data": message_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_raw_message"):
        await manager.save_raw_message(**args)


async def test_save_raw_message_delegates() -> None:
    await assert_delegates("message", "save_raw_message")


def test_save_manual_memory_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_manual_memory,
        params=[
            ("group_id", "str"),
            ("user_id", "str"),
            ("content", "str"),
            ("memory_type", "str"),
            ("importance", "int"),
        ],
        returns="int",
    )


async def test_save_manual_memory_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    user_id: Any = None
    content: Any = None
    memory_type: Any = "manual_remember"
    importance: Any = 9
    args: dict[str, Any] = {
        "group_id": group_id,
        "user_id": user_id,
        "content": content,
        "memory_type": memory_type,
        "importance": importance,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_manual_memory"):
        await manager.save_manual_memory(**args)


async def test_save_manual_memory_delegates() -> None:
    await assert_delegates("message", "save_manual_memory")


def test_get_recent_raw_messages_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_raw_messages,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[RawMessageRecord]",
    )


async def test_get_recent_raw_messages_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 200
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_recent_raw_messages"):
        await manager.get_recent_raw_messages(**args)


async def test_get_recent_raw_messages_delegates() -> None:
    await assert_delegates("message", "get_recent_raw_messages")


def test_get_unprocessed_messages_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_unprocessed_messages,
        params=[
            ("limit", "int | None"),
            ("group_id", "str | None"),
        ],
        returns="list[UnprocessedMessage]",
    )


async def test_get_unprocessed_messages_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "limit": limit,
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_unprocessed_messages"):
        await manager.get_unprocessed_messages(**args)


async def test_get_unprocessed_messages_delegates() -> None:
    await assert_delegates("message", "get_unprocessed_messages")


def test_mark_messages_processed_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.mark_messages_processed,
        params=[
            ("message_ids", "list[int]"),
        ],
        returns="bool",
    )


async def test_mark_messages_processed_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    message_ids: Any = None
    args: dict[str, Any] = {
        "message_ids": message_ids,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"mark_messages_processed"):
        await manager.mark_messages_processed(**args)


async def test_mark_messages_processed_delegates() -> None:
    await assert_delegates("message", "mark_messages_processed")


def test_get_messages_by_timerange_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_messages_by_timerange,
        params=[
            ("group_id", "str"),
            ("start_time", "int"),
            ("end_time", "int"),
            ("limit", "int"),
        ],
        returns="list[TimedMessage]",
    )


async def test_get_messages_by_timerange_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    start_time: Any = None
    end_time: Any = None
    limit: Any = 500
    args: dict[str, Any] = {
        "group_id": group_id,
        "start_time": start_time,
        "end_time": end_time,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_messages_by_timerange"):
        await manager.get_messages_by_timerange(**args)


async def test_get_messages_by_timerange_delegates() -> None:
    await assert_delegates("message", "get_messages_by_timerange")


def test_get_messages_by_group_and_timerange_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_messages_by_group_and_timerange,
        params=[
            ("group_id", "str"),
            ("start_time", "int"),
            ("end_time", "int"),
            ("limit", "int"),
        ],
        returns="list[TimedMessage]",
    )


async def test_get_messages_by_group_and_timerange_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    start_time: Any = None
    end_time: Any = None
    limit: Any = 500
    args: dict[str, Any] = {
        "group_id": group_id,
        "start_time": start_time,
        "end_time": end_time,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_messages_by_group_and_timerange"):
        await manager.get_messages_by_group_and_timerange(**args)


async def test_get_messages_by_group_and_timerange_delegates() -> None:
    await assert_delegates("message", "get_messages_by_group_and_timerange")


def test_get_messages_for_replay_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_messages_for_replay,
        params=[
            ("group_id", "str"),
            ("days", "int"),
            ("limit", "int"),
        ],
        returns="list[ReplayMessage]",
    )


async def test_get_messages_for_replay_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    days: Any = 30
    limit: Any = 100
    args: dict[str, Any] = {
        "group_id": group_id,
        "days": days,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_messages_for_replay"):
        await manager.get_messages_for_replay(**args)


async def test_get_messages_for_replay_delegates() -> None:
    await assert_delegates("message", "get_messages_for_replay")


def test_get_recent_filtered_messages_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_filtered_messages,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[FilteredMessageRecord]",
    )


async def test_get_recent_filtered_messages_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 20
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_recent_filtered_messages"):
        await manager.get_recent_filtered_messages(**args)


async def test_get_recent_filtered_messages_delegates() -> None:
    await assert_delegates("message", "get_recent_filtered_messages")


def test_get_filtered_messages_for_learning_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_filtered_messages_for_learning,
        params=[
            ("limit", "int"),
        ],
        returns="list[LearningMessage]",
    )


async def test_get_filtered_messages_for_learning_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 20
    args: dict[str, Any] = {
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_filtered_messages_for_learning"):
        await manager.get_filtered_messages_for_learning(**args)


async def test_get_filtered_messages_for_learning_delegates() -> None:
    await assert_delegates("message", "get_filtered_messages_for_learning")


def test_add_filtered_message_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.add_filtered_message,
        params=[
            ("filtered_data", "dict[str, Any]"),
        ],
        returns="int",
    )


async def test_add_filtered_message_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    filtered_data: Any = None
    args: dict[str, Any] = {
        "filtered_data": filtered_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"add_filtered_message"):
        await manager.add_filtered_message(**args)


async def test_add_filtered_message_delegates() -> None:
    await assert_delegates("message", "add_filtered_message")


def test_save_bot_message_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_bot_message,
        params=[
            ("group_id", "str"),
            ("message", "str"),
            ("timestamp", "int | None"),
        ],
        returns="bool",
    )


async def test_save_bot_message_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    message: Any = None
    timestamp: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "message": message,
        "timestamp": timestamp,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_bot_message"):
        await manager.save_bot_message(**args)


async def test_save_bot_message_delegates() -> None:
    await assert_delegates("message", "save_bot_message")


def test_get_recent_bot_responses_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_bot_responses,
        params=[
            ("group_id", "str"),
            ("limit", "int"),
        ],
        returns="list[str]",
    )


async def test_get_recent_bot_responses_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 10
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_recent_bot_responses"):
        await manager.get_recent_bot_responses(**args)


async def test_get_recent_bot_responses_delegates() -> None:
    await assert_delegates("message", "get_recent_bot_responses")


def test_get_message_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_message_statistics,
        params=[
            ("group_id", "str | None"),
        ],
        returns="GroupMessageStatistics | MessageStatistics",
    )


async def test_get_message_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    expected: Any = (
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
    assert await manager.get_message_statistics(**args) == expected


async def test_get_message_statistics_delegates() -> None:
    await assert_delegates("message", "get_message_statistics")


def test_get_messages_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_messages_statistics,
        params=[],
        returns="MessageStatistics",
    )


async def test_get_messages_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
    assert await manager.get_messages_statistics(**args) == expected


async def test_get_messages_statistics_delegates() -> None:
    await assert_delegates("message", "get_messages_statistics")


def test_get_group_messages_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_group_messages_statistics,
        params=[
            ("group_id", "str"),
        ],
        returns="GroupMessageStatistics | MessageStatistics",
    )


async def test_get_group_messages_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_group_messages_statistics"):
        await manager.get_group_messages_statistics(**args)


async def test_get_group_messages_statistics_delegates() -> None:
    await assert_delegates("message", "get_group_messages_statistics")


def test_get_group_user_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_group_user_statistics,
        params=[
            ("group_id", "str"),
        ],
        returns="dict[str, SenderStatistics]",
    )


async def test_get_group_user_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_group_user_statistics"):
        await manager.get_group_user_statistics(**args)


async def test_get_group_user_statistics_delegates() -> None:
    await assert_delegates("message", "get_group_user_statistics")


def test_get_groups_for_social_analysis_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_groups_for_social_analysis,
        params=[],
        returns="list[SocialAnalysisGroup]",
    )


async def test_get_groups_for_social_analysis_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"get_groups_for_social_analysis"):
        await manager.get_groups_for_social_analysis(**args)


async def test_get_groups_for_social_analysis_delegates() -> None:
    await assert_delegates("message", "get_groups_for_social_analysis")


def test_save_raw_messages_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_raw_messages,
        params=[
            ("messages", "list[dict[str, Any]]"),
        ],
        returns="list[int]",
    )


async def test_save_raw_messages_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    messages: Any = None
    args: dict[str, Any] = {
        "messages": messages,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_raw_messages"):
        await manager.save_raw_messages(**args)


async def test_save_raw_messages_delegates() -> None:
    await assert_delegates("message", "save_raw_messages")
