# Generated from schema/facades/affection.yaml by codegen. Do not edit.
"""Fast paths of AffectionFacade: each returns what its SQLAlchemy form (<method>_reference) returns and
stores the same rows, on every backend, over the hostile values of the input policy (tests/fast_paths.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sldb.handwritten.facades import affection as queries
from tests.fast_paths import FastPath, assert_same_as_reference, name_of

FACADE = "affection"

FAST_PATHS = (
    FastPath(
        "update_user_affection",
        access="write",
        tables=("affection_interactions", "user_affections"),
        statements=(
            "user_affection_first_seen",
            "user_affection_locked",
            "set_user_affection_level",
            "insert_affection_interaction",
        ),
        params=(
            ("group_id", "str"),
            ("user_id", "str"),
            ("new_level", "int"),
            ("change_reason", "str"),
            ("bot_mood", "str"),
        ),
        repeated=True,
    ),
    FastPath(
        "save_bot_mood",
        access="write",
        tables=("bot_mood",),
        statements=("end_active_bot_moods", "insert_bot_mood"),
        params=(
            ("group_id", "str"),
            ("mood_type", "str"),
            ("mood_intensity", "float"),
            ("mood_description", "str"),
            ("duration_hours", "int"),
        ),
        repeated=True,
    ),
)


@pytest.mark.parametrize("path", FAST_PATHS, ids=name_of)
async def test_same_as_sqlalchemy(path: FastPath, db: Any) -> None:
    await assert_same_as_reference(queries, FACADE, path, db)
