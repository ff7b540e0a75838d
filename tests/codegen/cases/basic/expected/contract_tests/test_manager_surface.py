# Generated from schema/facades/*.yaml by codegen. Do not edit.
"""Contract: every manager method keeps the plugin's signature (names, order, defaults) from manager_api.json."""

from __future__ import annotations

import pytest

from tests.contract import assert_matches_reference, reference_methods

DECLARED = [
    "get_book",
    "count_shelved",
    "shelf_counts",
    "rate_book",
]


@pytest.mark.parametrize("name", DECLARED)
def test_signature_matches_reference(name: str) -> None:
    assert_matches_reference(name)


def test_every_reference_method_is_declared() -> None:
    lifecycle = {"is_ready", "start", "stop", "get_session"}
    assert sorted(set(reference_methods()) - lifecycle) == sorted(DECLARED)
