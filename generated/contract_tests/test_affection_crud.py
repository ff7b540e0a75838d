# Generated from schema/affection.yaml by codegen. Do not edit.
"""Contract: each table of the affection domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.affection import (
    AffectionInteractionRepository,
    UserAffectionRepository,
    UserConversationHistoryRepository,
    UserDiversityRepository,
)


async def _add_user_affections(session: AsyncSession) -> int:
    values: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "affection_level": 7,
        "max_affection": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    return await UserAffectionRepository.add(session, values)


async def test_affection_interactions_round_trip(session: AsyncSession) -> None:
    repo = AffectionInteractionRepository
    first: Any = {
        "interaction_type": "interaction_type 一 🙂",
        "affection_delta": 7,
        "message_content": "message_content 一 🙂",
        "timestamp": 1735701000123,
    }
    second: Any = {
        "interaction_type": "interaction_type-2",
        "affection_delta": 11,
        "message_content": "message_content-2",
        "timestamp": 1735701999456,
    }
    first["user_affection_id"] = second["user_affection_id"] = await _add_user_affections(session)
    expected_first: Any = {
        "interaction_type": "interaction_type 一 🙂",
        "affection_delta": 7,
        "message_content": "message_content 一 🙂",
        "timestamp": 1735701000123,
    }
    expected_second: Any = {
        "interaction_type": "interaction_type-2",
        "affection_delta": 11,
        "message_content": "message_content-2",
        "timestamp": 1735701999456,
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


async def test_user_affections_round_trip(session: AsyncSession) -> None:
    repo = UserAffectionRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "affection_level": 7,
        "max_affection": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "affection_level": 11,
        "max_affection": 11,
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "affection_level": 7,
        "max_affection": 7,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "affection_level": 11,
        "max_affection": 11,
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


async def test_user_conversation_history_round_trip(session: AsyncSession) -> None:
    repo = UserConversationHistoryRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "role": "role 一 🙂",
        "content": "content 一 🙂",
        "timestamp": 1735701000123,
        "turn_index": 7,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "role": "role-2",
        "content": "content-2",
        "timestamp": 1735701999456,
        "turn_index": 11,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "role": "role 一 🙂",
        "content": "content 一 🙂",
        "timestamp": 1735701000123,
        "turn_index": 7,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "role": "role-2",
        "content": "content-2",
        "timestamp": 1735701999456,
        "turn_index": 11,
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


async def test_user_diversity_round_trip(session: AsyncSession) -> None:
    repo = UserDiversityRepository
    first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "response_hash": "response_hash 一 🙂",
        "response_preview": "response_preview 一 🙂",
        "timestamp": 1735701000123,
    }
    second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "response_hash": "response_hash-2",
        "response_preview": "response_preview-2",
        "timestamp": 1735701999456,
    }
    expected_first: Any = {
        "group_id": "group_id 一 🙂",
        "user_id": "user_id 一 🙂",
        "response_hash": "response_hash 一 🙂",
        "response_preview": "response_preview 一 🙂",
        "timestamp": 1735701000123,
    }
    expected_second: Any = {
        "group_id": "group_id-2",
        "user_id": "user_id-2",
        "response_hash": "response_hash-2",
        "response_preview": "response_preview-2",
        "timestamp": 1735701999456,
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
