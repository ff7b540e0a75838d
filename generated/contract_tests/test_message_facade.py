# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""Contract of MessageFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import message as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "message"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "save_raw_message",
        params=(("message_data", "Any"),),
        returns="int",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_manual_memory",
        params=(
            ("group_id", "str"),
            ("user_id", "str"),
            ("content", "str"),
            ("memory_type", "str"),
            ("importance", "int"),
        ),
        returns="int",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_raw_messages",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[RawMessageRecord]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_unprocessed_messages",
        params=(
            ("limit", "int | None"),
            ("group_id", "str | None"),
        ),
        returns="list[UnprocessedMessage]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "mark_messages_processed",
        params=(("message_ids", "list[int]"),),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_messages_by_timerange",
        params=(
            ("group_id", "str"),
            ("start_time", "int"),
            ("end_time", "int"),
            ("limit", "int"),
        ),
        returns="list[TimedMessage]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_messages_by_group_and_timerange",
        params=(
            ("group_id", "str"),
            ("start_time", "int"),
            ("end_time", "int"),
            ("limit", "int"),
        ),
        returns="list[TimedMessage]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_messages_for_replay",
        params=(
            ("group_id", "str"),
            ("days", "int"),
            ("limit", "int"),
        ),
        returns="list[ReplayMessage]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_filtered_messages",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[FilteredMessageRecord]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_filtered_messages_for_learning",
        params=(("limit", "int"),),
        returns="list[LearningMessage]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "add_filtered_message",
        params=(("filtered_data", "dict[str, Any]"),),
        returns="int",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_bot_message",
        params=(
            ("group_id", "str"),
            ("message", "str"),
            ("timestamp", "int | None"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_recent_bot_responses",
        params=(
            ("group_id", "str"),
            ("limit", "int"),
        ),
        returns="list[str]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_message_statistics",
        params=(("group_id", "str | None"),),
        returns="GroupMessageStatistics | MessageStatistics",
        not_ready=lambda group_id: (
            {"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0}
            if not group_id
            else {
                "total_messages": 0,
                "unprocessed_messages": 0,
                "filtered_messages": 0,
                "raw_messages": 0,
                "group_id": group_id,
            }
        ),
        handwritten=True,
    ),
    SpecMethod(
        "get_messages_statistics",
        params=(),
        returns="MessageStatistics",
        not_ready={"total_messages": 0, "raw_messages": 0, "filtered_messages": 0, "bot_messages": 0},
        handwritten=True,
    ),
    SpecMethod(
        "get_group_messages_statistics",
        params=(("group_id", "str"),),
        returns="GroupMessageStatistics | MessageStatistics",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_group_user_statistics",
        params=(("group_id", "str"),),
        returns="dict[str, SenderStatistics]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_groups_for_social_analysis",
        params=(),
        returns="list[SocialAnalysisGroup]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_raw_messages",
        params=(("messages", "list[dict[str, Any]]"),),
        returns="list[int]",
        not_ready=RAISES,
        handwritten=True,
    ),
)


@pytest.mark.parametrize("method", [m for m in METHODS if m.handwritten], ids=name_of)
def test_is_handwritten_as_declared(method: SpecMethod) -> None:
    assert_handwritten_signature(queries, method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_before_start(method: SpecMethod) -> None:
    await assert_before_start(method)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
async def test_delegates(method: SpecMethod) -> None:
    await assert_delegates(FACADE, method.name)
