# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""Fast paths of LearningFacade: each returns what its SQLAlchemy form (<method>_reference) returns and
stores the same rows, on every backend, over the hostile values of the input policy (tests/fast_paths.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sldb.handwritten.facades import learning as queries
from tests.fast_paths import FastPath, assert_same_as_reference, name_of

FACADE = "learning"

FAST_PATHS = (
    FastPath(
        "get_approved_few_shots",
        access="read",
        tables=("style_learning_reviews",),
        statements=("approved_few_shots_of_group",),
        params=(("group_id", "str"), ("limit", "int")),
        where_texts=(("status", "approved"),),
    ),
)


@pytest.mark.parametrize("path", FAST_PATHS, ids=name_of)
async def test_same_as_sqlalchemy(path: FastPath, db: Any) -> None:
    await assert_same_as_reference(queries, FACADE, path, db)
