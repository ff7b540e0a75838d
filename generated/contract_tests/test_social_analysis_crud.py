# Generated from schema/social_analysis.yaml by codegen. Do not edit.
"""Contract: each table of the social_analysis domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.social_analysis import (
    SocialNetworkEdgeRepository,
    SocialNetworkNodeRepository,
    SocialRelationAnalysisResultRepository,
)


async def test_social_network_edges_round_trip(session: AsyncSession) -> None:
    repo = SocialNetworkEdgeRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "from_user_id": "from_user_id 一 🙂",
        "to_user_id": "to_user_id 一 🙂",
        "edge_type": "edge_type 一 🙂",
        "weight": 1735701000.25,
        "properties": "properties 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "from_user_id": "from_user_id-2",
        "to_user_id": "to_user_id-2",
        "edge_type": "edge_type-2",
        "weight": 0.125,
        "properties": "properties-2",
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "from_user_id": "from_user_id 一 🙂",
        "to_user_id": "to_user_id 一 🙂",
        "edge_type": "edge_type 一 🙂",
        "weight": 1735701000.25,
        "properties": "properties 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "from_user_id": "from_user_id-2",
        "to_user_id": "to_user_id-2",
        "edge_type": "edge_type-2",
        "weight": 0.125,
        "properties": "properties-2",
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_social_network_nodes_round_trip(session: AsyncSession) -> None:
    repo = SocialNetworkNodeRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "node_type": "node_type 一 🙂",
        "display_name": "display_name 一 🙂",
        "properties": "properties 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "node_type": "node_type-2",
        "display_name": "display_name-2",
        "properties": "properties-2",
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "node_type": "node_type 一 🙂",
        "display_name": "display_name 一 🙂",
        "properties": "properties 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "node_type": "node_type-2",
        "display_name": "display_name-2",
        "properties": "properties-2",
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)


async def test_social_relation_analysis_results_round_trip(session: AsyncSession) -> None:
    repo = SocialRelationAnalysisResultRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "analysis_type": "analysis_type 一 🙂",
        "result_data": "result_data 一 🙂",
        "created_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "analysis_type": "analysis_type-2",
        "result_data": "result_data-2",
        "created_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "analysis_type": "analysis_type 一 🙂",
        "result_data": "result_data 一 🙂",
        "created_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "analysis_type": "analysis_type-2",
        "result_data": "result_data-2",
        "created_at": 1735701999456,
    }

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert got["id"] == row_id
    assert {k: got[k] for k in expected_first} == expected_first  # type: ignore[literal-required]

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second  # type: ignore[literal-required]

    listed = await repo.list(session, where={"id": row_id})
    assert listed == [got]
    assert await repo.count(session, where={"id": row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)
