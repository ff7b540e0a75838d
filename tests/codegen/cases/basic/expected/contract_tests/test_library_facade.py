# Generated from schema/facades/library.yaml by codegen. Do not edit.
"""Contract of LibraryFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import library as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "library"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "get_book",
        params=(("book_id", "int"),),
        returns="BookRecord | None",
        not_ready=None,
        handwritten=False,
    ),
    SpecMethod(
        "count_shelved",
        params=(),
        returns="int",
        not_ready=RAISES,
        handwritten=False,
    ),
    SpecMethod(
        "shelf_counts",
        params=(("limit", "int"),),
        returns="list[ShelfCount]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "rate_book",
        params=(
            ("book_id", "int"),
            ("review", "dict[str, Any]"),
        ),
        returns="bool",
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
