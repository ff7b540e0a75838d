# Generated from schema/facades/persona.yaml by codegen. Do not edit.
"""Contract of PersonaFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import persona as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "persona"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "backup_persona",
        params=(
            ("group_id", "str"),
            ("backup_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "get_persona_backups",
        params=(
            ("group_id", "str | int | None"),
            ("limit", "int"),
            ("include_content", "bool"),
        ),
        returns="list[PersonaBackupSummary] | list[PersonaBackupView]",
        not_ready=[],
        handwritten=True,
    ),
    SpecMethod(
        "restore_persona_backup",
        params=(
            ("group_id", "str | int"),
            ("backup_id", "int | None"),
        ),
        returns="PersonaBackupView | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "get_persona_backup",
        params=(
            ("backup_id", "int"),
            ("group_id", "str | None"),
        ),
        returns="PersonaBackupView | None",
        not_ready=None,
        handwritten=True,
    ),
    SpecMethod(
        "delete_persona_backup",
        params=(
            ("backup_id", "int"),
            ("group_id", "str | None"),
        ),
        returns="bool",
        not_ready=False,
        handwritten=True,
    ),
    SpecMethod(
        "get_persona_update_history",
        params=(
            ("group_id", "str | None"),
            ("limit", "int"),
        ),
        returns="list[PersonaUpdateHistoryEntry]",
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
