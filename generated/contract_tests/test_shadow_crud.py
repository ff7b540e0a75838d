# Generated from schema/shadow.yaml by codegen. Do not edit.
"""Contract: each table of the shadow domain round-trips create, get, update, list, count, delete.

Runs once per backend (the session fixture is parametrized over SQLite, PostgreSQL and MariaDB).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from generated.repositories.shadow import (
    ShadowProfileRepository,
)


async def test_shadow_profiles_round_trip(session: AsyncSession) -> None:
    repo = ShadowProfileRepository
    first: Any = {
        "target_group_id": "target_group_id 一 🙂",
        "source_type": "source_type 一 🙂",
        "source_group_id": "source_group_id 一 🙂",
        "sender_id": "sender_id 一 🙂",
        "sender_name": "sender_name 一 🙂",
        "sender_qq": "sender_qq 一 🙂",
        "profile_data": "profile_data 一 🙂",
        "sample_count": 7,
        "enabled": True,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    second: Any = {
        "target_group_id": "target_group_id-2",
        "source_type": "source_type-2",
        "source_group_id": "source_group_id-2",
        "sender_id": "sender_id-2",
        "sender_name": "sender_name-2",
        "sender_qq": "sender_qq-2",
        "profile_data": "profile_data-2",
        "sample_count": 11,
        "enabled": False,
        "created_at": 1735701999456,
        "updated_at": 1735701999456,
    }
    expected_first: Any = {
        "target_group_id": "target_group_id 一 🙂",
        "source_type": "source_type 一 🙂",
        "source_group_id": "source_group_id 一 🙂",
        "sender_id": "sender_id 一 🙂",
        "sender_name": "sender_name 一 🙂",
        "sender_qq": "sender_qq 一 🙂",
        "profile_data": "profile_data 一 🙂",
        "sample_count": 7,
        "enabled": True,
        "created_at": 1735701000123,
        "updated_at": 1735701000123,
    }
    expected_second: Any = {
        "target_group_id": "target_group_id-2",
        "source_type": "source_type-2",
        "source_group_id": "source_group_id-2",
        "sender_id": "sender_id-2",
        "sender_name": "sender_name-2",
        "sender_qq": "sender_qq-2",
        "profile_data": "profile_data-2",
        "sample_count": 11,
        "enabled": False,
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
