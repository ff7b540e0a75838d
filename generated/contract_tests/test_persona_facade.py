# Generated from schema/facades/persona.yaml by codegen. Do not edit.
"""Contract of PersonaFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import persona as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_backup_persona_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.backup_persona,
        params=[
            ("group_id", "str"),
            ("backup_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_backup_persona_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    backup_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "backup_data": backup_data,
    }
    expected: Any = False
    assert await manager.backup_persona(**args) == expected


async def test_backup_persona_delegates() -> None:
    await assert_delegates("persona", "backup_persona")


def test_get_persona_backups_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_backups,
        params=[
            ("group_id", "str | int | None"),
            ("limit", "int"),
            ("include_content", "bool"),
        ],
        returns="list[PersonaBackupSummary] | list[PersonaBackupView]",
    )


async def test_get_persona_backups_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 10
    include_content: Any = False
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
        "include_content": include_content,
    }
    expected: Any = []
    assert await manager.get_persona_backups(**args) == expected


async def test_get_persona_backups_delegates() -> None:
    await assert_delegates("persona", "get_persona_backups")


def test_restore_persona_backup_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.restore_persona_backup,
        params=[
            ("group_id", "str | int"),
            ("backup_id", "int | None"),
        ],
        returns="PersonaBackupView | None",
    )


async def test_restore_persona_backup_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    backup_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "backup_id": backup_id,
    }
    expected: Any = None
    assert await manager.restore_persona_backup(**args) == expected


async def test_restore_persona_backup_delegates() -> None:
    await assert_delegates("persona", "restore_persona_backup")


def test_get_persona_backup_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_backup,
        params=[
            ("backup_id", "int"),
            ("group_id", "str | None"),
        ],
        returns="PersonaBackupView | None",
    )


async def test_get_persona_backup_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    backup_id: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "backup_id": backup_id,
        "group_id": group_id,
    }
    expected: Any = None
    assert await manager.get_persona_backup(**args) == expected


async def test_get_persona_backup_delegates() -> None:
    await assert_delegates("persona", "get_persona_backup")


def test_delete_persona_backup_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.delete_persona_backup,
        params=[
            ("backup_id", "int"),
            ("group_id", "str | None"),
        ],
        returns="bool",
    )


async def test_delete_persona_backup_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    backup_id: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "backup_id": backup_id,
        "group_id": group_id,
    }
    expected: Any = False
    assert await manager.delete_persona_backup(**args) == expected


async def test_delete_persona_backup_delegates() -> None:
    await assert_delegates("persona", "delete_persona_backup")


def test_get_persona_update_history_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_persona_update_history,
        params=[
            ("group_id", "str | None"),
            ("limit", "int"),
        ],
        returns="list[PersonaUpdateHistoryEntry]",
    )


async def test_get_persona_update_history_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    limit: Any = 50
    args: dict[str, Any] = {
        "group_id": group_id,
        "limit": limit,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_persona_update_history"):
        await manager.get_persona_update_history(**args)


async def test_get_persona_update_history_delegates() -> None:
    await assert_delegates("persona", "get_persona_update_history")
