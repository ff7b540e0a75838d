# Generated from schema/facades/admin.yaml by codegen. Do not edit.
"""Contract of AdminFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import admin as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_clear_all_messages_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_all_messages_data,
        params=[],
        returns="bool",
    )


async def test_clear_all_messages_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_all_messages_data"):
        await manager.clear_all_messages_data(**args)


async def test_clear_all_messages_data_delegates() -> None:
    await assert_delegates("admin", "clear_all_messages_data")


def test_export_messages_learning_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.export_messages_learning_data,
        params=[
            ("group_id", "str | None"),
        ],
        returns="MessagesLearningExport",
    )


async def test_export_messages_learning_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"export_messages_learning_data"):
        await manager.export_messages_learning_data(**args)


async def test_export_messages_learning_data_delegates() -> None:
    await assert_delegates("admin", "export_messages_learning_data")


def test_clear_messages_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_messages_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_messages_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_messages_data"):
        await manager.clear_messages_data(**args)


async def test_clear_messages_data_delegates() -> None:
    await assert_delegates("admin", "clear_messages_data")


def test_clear_persona_reviews_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_persona_reviews_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_persona_reviews_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_persona_reviews_data"):
        await manager.clear_persona_reviews_data(**args)


async def test_clear_persona_reviews_data_delegates() -> None:
    await assert_delegates("admin", "clear_persona_reviews_data")


def test_clear_style_learning_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_style_learning_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_style_learning_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_style_learning_data"):
        await manager.clear_style_learning_data(**args)


async def test_clear_style_learning_data_delegates() -> None:
    await assert_delegates("admin", "clear_style_learning_data")


def test_clear_jargon_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_jargon_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_jargon_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_jargon_data"):
        await manager.clear_jargon_data(**args)


async def test_clear_jargon_data_delegates() -> None:
    await assert_delegates("admin", "clear_jargon_data")


def test_clear_learning_history_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_learning_history_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_learning_history_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_learning_history_data"):
        await manager.clear_learning_history_data(**args)


async def test_clear_learning_history_data_delegates() -> None:
    await assert_delegates("admin", "clear_learning_history_data")


def test_clear_memory_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_memory_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_memory_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_memory_data"):
        await manager.clear_memory_data(**args)


async def test_clear_memory_data_delegates() -> None:
    await assert_delegates("admin", "clear_memory_data")


def test_clear_knowledge_graph_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_knowledge_graph_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_knowledge_graph_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_knowledge_graph_data"):
        await manager.clear_knowledge_graph_data(**args)


async def test_clear_knowledge_graph_data_delegates() -> None:
    await assert_delegates("admin", "clear_knowledge_graph_data")


def test_clear_runtime_state_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_runtime_state_data,
        params=[],
        returns="ClearResult",
    )


async def test_clear_runtime_state_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_runtime_state_data"):
        await manager.clear_runtime_state_data(**args)


async def test_clear_runtime_state_data_delegates() -> None:
    await assert_delegates("admin", "clear_runtime_state_data")


def test_clear_all_plugin_data_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.clear_all_plugin_data,
        params=[],
        returns="ClearAllResult",
    )


async def test_clear_all_plugin_data_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"clear_all_plugin_data"):
        await manager.clear_all_plugin_data(**args)


async def test_clear_all_plugin_data_delegates() -> None:
    await assert_delegates("admin", "clear_all_plugin_data")


def test_get_data_statistics_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_data_statistics,
        params=[],
        returns="DataStatistics",
    )


async def test_get_data_statistics_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    args: dict[str, Any] = {}
    with pytest.raises(DatabaseNotReadyError, match=r"get_data_statistics"):
        await manager.get_data_statistics(**args)


async def test_get_data_statistics_delegates() -> None:
    await assert_delegates("admin", "get_data_statistics")
