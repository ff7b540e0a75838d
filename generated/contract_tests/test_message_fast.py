# Generated from schema/facades/message.yaml by codegen. Do not edit.
"""Fast paths of MessageFacade: each returns what its SQLAlchemy form (<method>_reference) returns and
stores the same rows, on every backend, over the hostile values of the input policy (tests/fast_paths.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sldb.handwritten.facades import message as queries
from tests.fast_paths import FastPath, assert_same_as_reference, name_of

FACADE = "message"

FAST_PATHS = (
    FastPath(
        "save_raw_message",
        access="write",
        tables=("raw_messages",),
        statements=("insert_raw_message", "insert_raw_message_or_existing"),
        params=(("message_data", "Any"),),
        repeated=True,
    ),
    FastPath(
        "get_recent_raw_messages",
        access="read",
        tables=("raw_messages",),
        statements=("newest_raw_messages_of_group", "newest_raw_messages"),
        params=(("group_id", "str"), ("limit", "int")),
    ),
    FastPath(
        "get_unprocessed_messages",
        access="read",
        tables=("raw_messages",),
        statements=("oldest_unprocessed_raw_messages", "oldest_unprocessed_raw_messages_of_group"),
        params=(("limit", "int | None"), ("group_id", "str | None")),
    ),
    FastPath(
        "mark_messages_processed",
        access="write",
        tables=("raw_messages",),
        statements=("mark_raw_messages_processed",),
        params=(("message_ids", "list[int]"),),
        seeded=True,
    ),
    FastPath(
        "add_filtered_message",
        access="write",
        tables=("filtered_messages",),
        statements=("insert_filtered_message",),
        params=(("filtered_data", "dict[str, Any]"),),
    ),
    FastPath(
        "save_bot_message",
        access="write",
        tables=("bot_messages",),
        statements=("insert_bot_message",),
        params=(("group_id", "str"), ("message", "str"), ("timestamp", "int | None")),
    ),
)


@pytest.mark.parametrize("path", FAST_PATHS, ids=name_of)
async def test_same_as_sqlalchemy(path: FastPath, db: Any) -> None:
    await assert_same_as_reference(queries, FACADE, path, db)
