# Generated from schema/facades/social.yaml by codegen. Do not edit.
"""Contract of SocialFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

import pytest

from sldb.handwritten.facades import social as queries
from tests.contract import (
    RAISES,
    SpecMethod,
    assert_before_start,
    assert_delegates,
    assert_handwritten_signature,
    name_of,
)

FACADE = "social"

# Each method as the spec declares it; not_ready: what it returns before start() (a function of the parameters
# the default refers to), or RAISES (DatabaseNotReadyError).
METHODS = (
    SpecMethod(
        "load_user_profile",
        params=(("qq_id", "str"),),
        returns="UserProfileView | None",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_user_profile",
        params=(
            ("qq_id", "str"),
            ("profile_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "load_user_preferences",
        params=(
            ("user_id", "str"),
            ("group_id", "str"),
        ),
        returns="UserPreferencesView | None",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_user_preferences",
        params=(
            ("user_id", "str"),
            ("group_id", "str"),
            ("prefs", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_social_relations_by_group",
        params=(("group_id", "str"),),
        returns="list[SocialRelationView]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_social_relationships",
        params=(("group_id", "str"),),
        returns="list[SocialRelationView]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "load_social_graph",
        params=(("group_id", "str"),),
        returns="list[SocialRelationView]",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "save_social_relation",
        params=(
            ("group_id", "str"),
            ("relation_data", "dict[str, Any]"),
        ),
        returns="bool",
        not_ready=RAISES,
        handwritten=True,
    ),
    SpecMethod(
        "get_user_social_relations",
        params=(
            ("group_id", "str"),
            ("user_id", "str"),
        ),
        returns="UserSocialRelationsView",
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
