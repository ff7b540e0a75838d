# Generated from schema/facades/social.yaml by codegen. Do not edit.
"""Contract of SocialFacade: hand-written functions match the spec; the manager delegates and guards."""

from __future__ import annotations

from typing import Any

import pytest

from generated.manager import SQLAlchemyDatabaseManager
from handwritten.facades import social as queries
from handwritten.runtime.errors import DatabaseNotReadyError
from tests.contract import assert_delegates, assert_handwritten_signature


def test_load_user_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.load_user_profile,
        params=[
            ("qq_id", "str"),
        ],
        returns="UserProfileView | None",
    )


async def test_load_user_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    qq_id: Any = None
    args: dict[str, Any] = {
        "qq_id": qq_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"load_user_profile"):
        await manager.load_user_profile(**args)


async def test_load_user_profile_delegates() -> None:
    await assert_delegates("social", "load_user_profile")


def test_save_user_profile_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_user_profile,
        params=[
            ("qq_id", "str"),
            ("profile_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_user_profile_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    qq_id: Any = None
    profile_data: Any = None
    args: dict[str, Any] = {
        "qq_id": qq_id,
        "profile_data": profile_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_user_profile"):
        await manager.save_user_profile(**args)


async def test_save_user_profile_delegates() -> None:
    await assert_delegates("social", "save_user_profile")


def test_load_user_preferences_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.load_user_preferences,
        params=[
            ("user_id", "str"),
            ("group_id", "str"),
        ],
        returns="UserPreferencesView | None",
    )


async def test_load_user_preferences_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    user_id: Any = None
    group_id: Any = None
    args: dict[str, Any] = {
        "user_id": user_id,
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"load_user_preferences"):
        await manager.load_user_preferences(**args)


async def test_load_user_preferences_delegates() -> None:
    await assert_delegates("social", "load_user_preferences")


def test_save_user_preferences_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_user_preferences,
        params=[
            ("user_id", "str"),
            ("group_id", "str"),
            ("prefs", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_user_preferences_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    user_id: Any = None
    group_id: Any = None
    prefs: Any = None
    args: dict[str, Any] = {
        "user_id": user_id,
        "group_id": group_id,
        "prefs": prefs,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_user_preferences"):
        await manager.save_user_preferences(**args)


async def test_save_user_preferences_delegates() -> None:
    await assert_delegates("social", "save_user_preferences")


def test_get_social_relations_by_group_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_social_relations_by_group,
        params=[
            ("group_id", "str"),
        ],
        returns="list[SocialRelationView]",
    )


async def test_get_social_relations_by_group_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_social_relations_by_group"):
        await manager.get_social_relations_by_group(**args)


async def test_get_social_relations_by_group_delegates() -> None:
    await assert_delegates("social", "get_social_relations_by_group")


def test_get_social_relationships_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_social_relationships,
        params=[
            ("group_id", "str"),
        ],
        returns="list[SocialRelationView]",
    )


async def test_get_social_relationships_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_social_relationships"):
        await manager.get_social_relationships(**args)


async def test_get_social_relationships_delegates() -> None:
    await assert_delegates("social", "get_social_relationships")


def test_load_social_graph_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.load_social_graph,
        params=[
            ("group_id", "str"),
        ],
        returns="list[SocialRelationView]",
    )


async def test_load_social_graph_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"load_social_graph"):
        await manager.load_social_graph(**args)


async def test_load_social_graph_delegates() -> None:
    await assert_delegates("social", "load_social_graph")


def test_save_social_relation_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.save_social_relation,
        params=[
            ("group_id", "str"),
            ("relation_data", "dict[str, Any]"),
        ],
        returns="bool",
    )


async def test_save_social_relation_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    relation_data: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "relation_data": relation_data,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"save_social_relation"):
        await manager.save_social_relation(**args)


async def test_save_social_relation_delegates() -> None:
    await assert_delegates("social", "save_social_relation")


def test_get_user_social_relations_is_handwritten_as_declared() -> None:
    assert_handwritten_signature(
        queries.get_user_social_relations,
        params=[
            ("group_id", "str"),
            ("user_id", "str"),
        ],
        returns="UserSocialRelationsView",
    )


async def test_get_user_social_relations_before_start() -> None:
    manager = SQLAlchemyDatabaseManager({})
    group_id: Any = None
    user_id: Any = None
    args: dict[str, Any] = {
        "group_id": group_id,
        "user_id": user_id,
    }
    with pytest.raises(DatabaseNotReadyError, match=r"get_user_social_relations"):
        await manager.get_user_social_relations(**args)


async def test_get_user_social_relations_delegates() -> None:
    await assert_delegates("social", "get_user_social_relations")
