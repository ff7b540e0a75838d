# Generated from schema/jargon.yaml by codegen. Do not edit.
"""Contract: each table of the jargon domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.jargon import (
    JargonRepository,
    JargonUsageFrequencyRepository,
)


async def _add_jargon(session: AsyncSession) -> int:
    values: Any = {
        "content": "content 一 🙂",
        "raw_content": "raw_content 一 🙂",
        "meaning": "meaning 一 🙂",
        "is_jargon": True,
        "count": 7,
        "last_inference_count": 7,
        "is_complete": True,
        "is_global": True,
        "chat_id": "chat_id 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    return await JargonRepository.add(session, values)


async def test_jargon_round_trip(session: AsyncSession) -> None:
    repo = JargonRepository
    first: Any = {
        "content": "content 一 🙂",
        "raw_content": "raw_content 一 🙂",
        "meaning": "meaning 一 🙂",
        "is_jargon": True,
        "count": 7,
        "last_inference_count": 7,
        "is_complete": True,
        "is_global": True,
        "chat_id": "chat_id 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "content": "content-2",
        "raw_content": "raw_content-2",
        "meaning": "meaning-2",
        "is_jargon": False,
        "count": 11,
        "last_inference_count": 11,
        "is_complete": False,
        "is_global": False,
        "chat_id": "chat_id-2",
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "content": "content 一 🙂",
        "raw_content": "raw_content 一 🙂",
        "meaning": "meaning 一 🙂",
        "is_jargon": True,
        "count": 7,
        "last_inference_count": 7,
        "is_complete": True,
        "is_global": True,
        "chat_id": "chat_id 一 🙂",
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "content": "content-2",
        "raw_content": "raw_content-2",
        "meaning": "meaning-2",
        "is_jargon": False,
        "count": 11,
        "last_inference_count": 11,
        "is_complete": False,
        "is_global": False,
        "chat_id": "chat_id-2",
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


async def test_jargon_usage_frequency_round_trip(session: AsyncSession) -> None:
    repo = JargonUsageFrequencyRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "usage_count": 7,
        "last_used_at": 1735701000.25,
        "success_rate": 1735701000.25,
        "context_types": "context_types 一 🙂",
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5),
    }
    second: Any = {
        "group_id": "group_id-2",
        "usage_count": 11,
        "last_used_at": 0.125,
        "success_rate": 0.125,
        "context_types": "context_types-2",
        "created_at": datetime.datetime(2025, 6, 7, 8, 9, 10),
    }
    first["jargon_id"] = second["jargon_id"] = await _add_jargon(session)
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "usage_count": 7,
        "last_used_at": 1735701000.25,
        "success_rate": 1735701000.25,
        "context_types": "context_types 一 🙂",
        "created_at": "2024-01-02T03:04:05",
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "usage_count": 11,
        "last_used_at": 0.125,
        "success_rate": 0.125,
        "context_types": "context_types-2",
        "created_at": "2025-06-07T08:09:10",
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
