# Generated from schema/exemplar.yaml by codegen. Do not edit.
"""Contract: each table of the exemplar domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.exemplar import (
    ExemplarRepository,
)


async def test_exemplar_round_trip(session: AsyncSession) -> None:
    repo = ExemplarRepository
    first: Any = {
        "content": "content 一 🙂",
        "sender_id": "sender_id 一 🙂",
        "group_id": "group_id 一 🙂",
        "embedding_json": "embedding_json 一 🙂",
        "weight": 1735701000.25,
        "dimensions": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "content": "content-2",
        "sender_id": "sender_id-2",
        "group_id": "group_id-2",
        "embedding_json": "embedding_json-2",
        "weight": 0.125,
        "dimensions": 11,
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "content": "content 一 🙂",
        "sender_id": "sender_id 一 🙂",
        "group_id": "group_id 一 🙂",
        "embedding_json": "embedding_json 一 🙂",
        "weight": 1735701000.25,
        "dimensions": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "content": "content-2",
        "sender_id": "sender_id-2",
        "group_id": "group_id-2",
        "embedding_json": "embedding_json-2",
        "weight": 0.125,
        "dimensions": 11,
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
