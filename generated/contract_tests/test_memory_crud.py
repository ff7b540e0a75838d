# Generated from schema/memory.yaml by codegen. Do not edit.
"""Contract: each table of the memory domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.memory import (
    MemoryEmbeddingRepository,
    MemoryRepository,
    MemorySummaryRepository,
)


async def test_memories_round_trip(session: AsyncSession) -> None:
    repo = MemoryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "content": "content 一 🙂",
        "importance": 7,
        "memory_type": "memory_type 一 🙂",
        "created_at": 1735701000123,
        "last_accessed": 1735701000123,
        "access_count": 7,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "content": "content-2",
        "importance": 11,
        "memory_type": "memory_type-2",
        "created_at": 1735701999456,
        "last_accessed": 1735701999456,
        "access_count": 11,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "content": "content 一 🙂",
        "importance": 7,
        "memory_type": "memory_type 一 🙂",
        "created_at": 1735701000123,
        "last_accessed": 1735701000123,
        "access_count": 7,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "content": "content-2",
        "importance": 11,
        "memory_type": "memory_type-2",
        "created_at": 1735701999456,
        "last_accessed": 1735701999456,
        "access_count": 11,
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


async def test_memory_embeddings_round_trip(session: AsyncSession) -> None:
    repo = MemoryEmbeddingRepository
    first: Any = {
        "memory_id": 7,
        "embedding_model": "embedding_model 一 🙂",
        "embedding_data": "embedding_data 一 🙂",
        "created_at": 1735701000123,
    }
    second: Any = {
        "memory_id": 11,
        "embedding_model": "embedding_model-2",
        "embedding_data": "embedding_data-2",
        "created_at": 1735701999456,
    }
    expected_first: Any = {
        "memory_id": 7,
        "embedding_model": "embedding_model 一 🙂",
        "embedding_data": "embedding_data 一 🙂",
        "created_at": 1735701000123,
    }
    expected_second: Any = {
        "memory_id": 11,
        "embedding_model": "embedding_model-2",
        "embedding_data": "embedding_data-2",
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


async def test_memory_summaries_round_trip(session: AsyncSession) -> None:
    repo = MemorySummaryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "summary_type": "summary_type 一 🙂",
        "summary_content": "summary_content 一 🙂",
        "memory_count": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "summary_type": "summary_type-2",
        "summary_content": "summary_content-2",
        "memory_count": 11,
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "summary_type": "summary_type 一 🙂",
        "summary_content": "summary_content 一 🙂",
        "memory_count": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "summary_type": "summary_type-2",
        "summary_content": "summary_content-2",
        "memory_count": 11,
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
