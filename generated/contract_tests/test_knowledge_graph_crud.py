# Generated from schema/knowledge_graph.yaml by codegen. Do not edit.
"""Contract: each table of the knowledge_graph domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.knowledge_graph import (
    KGEntityRepository,
    KGParagraphHashRepository,
    KGRelationRepository,
)


async def test_kg_entities_round_trip(session: AsyncSession) -> None:
    repo = KGEntityRepository
    first: Any = {
        "name": "name 一 🙂",
        "entity_type": "entity_type 一 🙂",
        "appear_count": 7,
        "last_active_time": 1735701000.25,
        "group_id": "group_id 一 🙂",
    }
    second: Any = {
        "name": "name-2",
        "entity_type": "entity_type-2",
        "appear_count": 11,
        "last_active_time": 0.125,
        "group_id": "group_id-2",
    }
    expected_first: Any = {
        "name": "name 一 🙂",
        "entity_type": "entity_type 一 🙂",
        "appear_count": 7,
        "last_active_time": 1735701000.25,
        "group_id": "group_id 一 🙂",
    }
    expected_second: Any = {
        "name": "name-2",
        "entity_type": "entity_type-2",
        "appear_count": 11,
        "last_active_time": 0.125,
        "group_id": "group_id-2",
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


async def test_kg_paragraph_hashes_round_trip(session: AsyncSession) -> None:
    repo = KGParagraphHashRepository
    first: Any = {
        "hash_value": "hash_value 一 🙂",
        "group_id": "group_id 一 🙂",
        "created_time": 1735701000.25,
    }
    second: Any = {
        "hash_value": "hash_value-2",
        "group_id": "group_id-2",
        "created_time": 0.125,
    }
    expected_first: Any = {
        "hash_value": "hash_value 一 🙂",
        "group_id": "group_id 一 🙂",
        "created_time": 1735701000.25,
    }
    expected_second: Any = {
        "hash_value": "hash_value-2",
        "group_id": "group_id-2",
        "created_time": 0.125,
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


async def test_kg_relations_round_trip(session: AsyncSession) -> None:
    repo = KGRelationRepository
    first: Any = {
        "subject": "subject 一 🙂",
        "predicate": "predicate 一 🙂",
        "object": "object 一 🙂",
        "confidence": 1735701000.25,
        "created_time": 1735701000.25,
        "group_id": "group_id 一 🙂",
    }
    second: Any = {
        "subject": "subject-2",
        "predicate": "predicate-2",
        "object": "object-2",
        "confidence": 0.125,
        "created_time": 0.125,
        "group_id": "group_id-2",
    }
    expected_first: Any = {
        "subject": "subject 一 🙂",
        "predicate": "predicate 一 🙂",
        "object": "object 一 🙂",
        "confidence": 1735701000.25,
        "created_time": 1735701000.25,
        "group_id": "group_id 一 🙂",
    }
    expected_second: Any = {
        "subject": "subject-2",
        "predicate": "predicate-2",
        "object": "object-2",
        "confidence": 0.125,
        "created_time": 0.125,
        "group_id": "group_id-2",
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
