"""SQLite's worker-thread connection (handwritten/runtime/contract/sqlite_thread.py) under concurrency and cancellation."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.fixtures import settings_for

WORKER_THREADS_EXCEEDED = 64  # more concurrent writers than the default executor has threads


@pytest.fixture
async def sqlite_manager(tmp_path: Path) -> Any:
    manager = SQLAlchemyDatabaseManager(settings_for("sqlite", tmp_path, database="threads"))
    await manager.start()
    yield manager
    await manager.stop()


async def _count(manager: Any) -> int:
    stats = await manager.get_messages_statistics()
    return int(stats["raw_messages"])


async def test_more_concurrent_writers_than_worker_threads_all_land(sqlite_manager: Any) -> None:
    async def write(i: int) -> int:
        return int(await sqlite_manager.save_raw_message({"group_id": "g", "sender_id": "u", "message": f"m{i}"}))

    ids = await asyncio.gather(*(write(i) for i in range(WORKER_THREADS_EXCEEDED)))
    assert all(ids) and len(set(ids)) == WORKER_THREADS_EXCEEDED
    assert await _count(sqlite_manager) == WORKER_THREADS_EXCEEDED


async def test_cancelled_writers_leave_the_file_usable_and_lose_no_acknowledged_write(sqlite_manager: Any) -> None:
    acknowledged: list[int] = []

    async def write(i: int) -> None:
        new_id = await sqlite_manager.save_raw_message({"group_id": "g", "sender_id": "u", "message": f"m{i}"})
        acknowledged.append(int(new_id))

    tasks = [asyncio.create_task(write(i)) for i in range(40)]
    await asyncio.sleep(0.005)
    for task in tasks[::2]:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert await sqlite_manager.save_raw_message({"group_id": "g", "sender_id": "u", "message": "after"})
    rows = await sqlite_manager.get_recent_raw_messages("g", -1)
    assert set(acknowledged) <= {row["id"] for row in rows}
    assert rows[0]["message"] == "after"  # written after the cancellations: no lock was left held
