# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""Contract of JargonFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import jargon as queries
from tests.contract import assert_delegates, assert_handwritten_signature


def test_get_jargon_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_jargon,
        params=[
            ("chat_id", "str"),
            ("content", "str"),
        ],
        returns="JargonRecord | None",
    )


async def test_get_jargon_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    chat_id: Any = None
    content: Any = None
    args: dict[str, Any] = {
        "chat_id": chat_id,
        "content": content,
    }
    expected: Any = None
    assert await manager.get_jargon(**args) == expected


async def test_get_jargon_delegates() -> None:
    await assert_delegates("jargon", "get_jargon")


def test_insert_jargon_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.insert_jargon,
        params=[
            ("jargon_data", "dict[str, Any]"),
        ],
        returns="int | None",
    )


async def test_insert_jargon_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    jargon_data: Any = None
    args: dict[str, Any] = {
        "jargon_data": jargon_data,
    }
    expected: Any = None
    assert await manager.insert_jargon(**args) == expected


async def test_insert_jargon_delegates() -> None:
    await assert_delegates("jargon", "insert_jargon")


def test_update_jargon_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.update_jargon,
        params=[
            ("jargon_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_update_jargon_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    jargon_data: Any = None
    args: dict[str, Any] = {
        "jargon_data": jargon_data,
    }
    expected: Any = False
    assert await manager.update_jargon(**args) == expected


async def test_update_jargon_delegates() -> None:
    await assert_delegates("jargon", "update_jargon")


def test_get_jargon_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_jargon_statistics,
        params=[
            ("group_id", "str | None"),
        ],
        returns="JargonStatistics",
    )


async def test_get_jargon_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    expected: Any = {
        "total_candidates": 0,
        "confirmed_jargon": 0,
        "completed_inference": 0,
        "total_occurrences": 0,
        "average_count": 0.0,
        "active_groups": 0,
    }
    assert await manager.get_jargon_statistics(**args) == expected


async def test_get_jargon_statistics_delegates() -> None:
    await assert_delegates("jargon", "get_jargon_statistics")


def test_get_recent_jargon_list_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_recent_jargon_list,
        params=[
            ("group_id", "str | None"),
            ("chat_id", "str | None"),
            ("limit", "int"),
            ("offset", "int"),
            ("only_confirmed", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
        ],
        returns="list[JargonRecord]",
    )


async def test_get_recent_jargon_list_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    chat_id: Any = None
    limit: Any = 50
    offset: Any = 0
    only_confirmed: Any = False
    pending_only: Any = False
    global_only: Any = False
    local_only: Any = False
    args: dict[str, Any] = {
        "group_id": group_id,
        "chat_id": chat_id,
        "limit": limit,
        "offset": offset,
        "only_confirmed": only_confirmed,
        "pending_only": pending_only,
        "global_only": global_only,
        "local_only": local_only,
    }
    expected: Any = []
    assert await manager.get_recent_jargon_list(**args) == expected


async def test_get_recent_jargon_list_delegates() -> None:
    await assert_delegates("jargon", "get_recent_jargon_list")


def test_get_jargon_count_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_jargon_count,
        params=[
            ("chat_id", "str | None"),
            ("only_confirmed", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
        ],
        returns="int",
    )


async def test_get_jargon_count_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    chat_id: Any = None
    only_confirmed: Any = False
    pending_only: Any = False
    global_only: Any = False
    local_only: Any = False
    args: dict[str, Any] = {
        "chat_id": chat_id,
        "only_confirmed": only_confirmed,
        "pending_only": pending_only,
        "global_only": global_only,
        "local_only": local_only,
    }
    expected: Any = 0
    assert await manager.get_jargon_count(**args) == expected


async def test_get_jargon_count_delegates() -> None:
    await assert_delegates("jargon", "get_jargon_count")


def test_search_jargon_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.search_jargon,
        params=[
            ("keyword", "str"),
            ("chat_id", "str | None"),
            ("confirmed_only", "bool"),
            ("pending_only", "bool"),
            ("global_only", "bool"),
            ("local_only", "bool"),
            ("limit", "int"),
        ],
        returns="list[JargonRecord]",
    )


async def test_search_jargon_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    keyword: Any = None
    chat_id: Any = None
    confirmed_only: Any = False
    pending_only: Any = False
    global_only: Any = False
    local_only: Any = False
    limit: Any = 50
    args: dict[str, Any] = {
        "keyword": keyword,
        "chat_id": chat_id,
        "confirmed_only": confirmed_only,
        "pending_only": pending_only,
        "global_only": global_only,
        "local_only": local_only,
        "limit": limit,
    }
    expected: Any = []
    assert await manager.search_jargon(**args) == expected


async def test_search_jargon_delegates() -> None:
    await assert_delegates("jargon", "search_jargon")


async def test_get_jargon_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    jargon_id: Any = None
    args: dict[str, Any] = {
        "jargon_id": jargon_id,
    }
    expected: Any = None
    assert await manager.get_jargon_by_id(**args) == expected


async def test_get_jargon_by_id_delegates() -> None:
    await assert_delegates("jargon", "get_jargon_by_id")


async def test_delete_jargon_by_id_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    jargon_id: Any = None
    args: dict[str, Any] = {
        "jargon_id": jargon_id,
    }
    expected: Any = False
    assert await manager.delete_jargon_by_id(**args) == expected


async def test_delete_jargon_by_id_delegates() -> None:
    await assert_delegates("jargon", "delete_jargon_by_id")


def test_set_jargon_global_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.set_jargon_global,
        params=[
            ("jargon_id", "int"),
            ("is_global", "bool"),
        ],
        returns="bool",
    )


async def test_set_jargon_global_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    jargon_id: Any = None
    is_global: Any = None
    args: dict[str, Any] = {
        "jargon_id": jargon_id,
        "is_global": is_global,
    }
    expected: Any = False
    assert await manager.set_jargon_global(**args) == expected


async def test_set_jargon_global_delegates() -> None:
    await assert_delegates("jargon", "set_jargon_global")


def test_sync_global_jargon_to_group_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.sync_global_jargon_to_group,
        params=[
            ("target_chat_id", "str"),
        ],
        returns="int",
    )


async def test_sync_global_jargon_to_group_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    target_chat_id: Any = None
    args: dict[str, Any] = {
        "target_chat_id": target_chat_id,
    }
    expected: Any = 0
    assert await manager.sync_global_jargon_to_group(**args) == expected


async def test_sync_global_jargon_to_group_delegates() -> None:
    await assert_delegates("jargon", "sync_global_jargon_to_group")


def test_save_or_update_jargon_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_or_update_jargon,
        params=[
            ("chat_id", "str"),
            ("content", "str"),
            ("jargon_data", "dict[str, Any]"),
        ],
        returns="int | None",
    )


async def test_save_or_update_jargon_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    chat_id: Any = None
    content: Any = None
    jargon_data: Any = None
    args: dict[str, Any] = {
        "chat_id": chat_id,
        "content": content,
        "jargon_data": jargon_data,
    }
    expected: Any = None
    assert await manager.save_or_update_jargon(**args) == expected


async def test_save_or_update_jargon_delegates() -> None:
    await assert_delegates("jargon", "save_or_update_jargon")


def test_get_global_jargon_list_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_global_jargon_list,
        params=[
            ("limit", "int"),
        ],
        returns="list[JargonRecord]",
    )


async def test_get_global_jargon_list_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    limit: Any = 100
    args: dict[str, Any] = {
        "limit": limit,
    }
    expected: Any = []
    assert await manager.get_global_jargon_list(**args) == expected


async def test_get_global_jargon_list_delegates() -> None:
    await assert_delegates("jargon", "get_global_jargon_list")


def test_get_jargon_groups_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_jargon_groups,
        params=[],
        returns="list[JargonGroup]",
    )


async def test_get_jargon_groups_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    expected: Any = []
    assert await manager.get_jargon_groups(**args) == expected


async def test_get_jargon_groups_delegates() -> None:
    await assert_delegates("jargon", "get_jargon_groups")
