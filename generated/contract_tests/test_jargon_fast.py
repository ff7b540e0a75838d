# Generated from schema/facades/jargon.yaml by codegen. Do not edit.
"""Fast paths of JargonFacade: each returns what its SQLAlchemy form (<method>_reference) returns and
stores the same rows, on every backend, over the hostile values of the input policy (tests/fast_paths.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sldb.handwritten.facades import jargon as queries
from tests.fast_paths import FastPath, assert_same_as_reference, name_of

FACADE = "jargon"

FAST_PATHS = (
    FastPath(
        "save_or_update_jargon",
        access="write",
        tables=("jargon",),
        statements=("upsert_jargon",),
        params=(("chat_id", "str"), ("content", "str"), ("jargon_data", "dict[str, Any]")),
        repeated=True,
    ),
)


@pytest.mark.parametrize("path", FAST_PATHS, ids=name_of)
async def test_same_as_sqlalchemy(path: FastPath, db: Any) -> None:
    await assert_same_as_reference(queries, FACADE, path, db)
