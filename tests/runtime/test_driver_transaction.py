"""db.driver_transaction(): the generated statements of a fast_transaction method in one transaction on the driver
connection (queries/driver_sql.py, contract/sqlite_thread.py): all of it committed or none of it, a refusal the same
typed error as elsewhere, no pooled connection left in a transaction, and on SQLite the loop's own connection only
while no other statement of the loop could join its transaction."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from sldb.generated.fast import affection as fast
from sldb.generated.fast import message as message_fast
from sldb.generated.models import BotMood, UserAffection
from sldb.handwritten.runtime.contract.database import PooledDriver
from sldb.handwritten.runtime.contract.sqlite_thread import ThreadConnection
from sldb.handwritten.runtime.failures.classify import FailureClass, classify
from sldb.handwritten.runtime.queries.driver_sql import Statement, affected_rows, fetch_rows, inserted_id

_MOODS = BotMood.__table__
_AFFECTIONS = UserAffection.__table__


def _mood(group_id: str, mood_type: str) -> dict[str, Any]:
    now = time.time()
    return {
        "group_id": group_id,
        "mood_type": mood_type,
        "mood_intensity": 0.5,
        "mood_description": "",
        "timestamp": now,
        "start_time": now,
        "end_time": now + 3600,
        "is_active": 1,
    }


def _user(user_id: str) -> dict[str, Any]:
    now = int(time.time())
    return {
        "group_id": "g",
        "user_id": user_id,
        "affection_level": 0,
        "max_affection": 100,
        "created_at": now,
        "updated_at": now,
    }


async def _mood_types(db: Any) -> list[str]:
    async with db.reading() as conn:
        return list((await conn.execute(select(_MOODS.c.mood_type).order_by(_MOODS.c.id))).scalars().all())


def _in_transaction(conn: Any) -> bool:
    driver = conn.driver
    return bool(driver.get_transaction_status() if conn.dialect == "mysql" else driver.is_in_transaction())


async def test_its_statements_are_committed_together_or_not_at_all(db: Any) -> None:
    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned):
        async with db.driver_transaction() as conn:
            await fast.insert_bot_mood(conn, _mood("g", "first"))
            await fast.insert_bot_mood(conn, _mood("g", "second"))
            raise Abandoned
    assert await _mood_types(db) == []
    async with db.driver_transaction() as conn:
        # Unwatched: the driver connection itself (SQLite: the loop's own, its write lock free).
        if db.backend == "sqlite":
            assert isinstance(conn, ThreadConnection) and conn._held
        else:
            assert isinstance(conn, PooledDriver) and _in_transaction(conn)
        await fast.insert_bot_mood(conn, _mood("g", "first"))
        assert await fast.end_active_bot_moods(conn, end_time=time.time(), group_id="g") == 1
        await fast.insert_bot_mood(conn, _mood("g", "second"))
    assert await _mood_types(db) == ["first", "second"]


_TAKE_USER_ID = Statement(
    postgresql="UPDATE user_affections SET user_id = $1 WHERE id = $2",
    mysql="UPDATE user_affections SET user_id = %s WHERE id = %s",
    sqlite="UPDATE user_affections SET user_id = ? WHERE id = ?",
)


async def test_a_refused_statement_is_the_typed_error_and_undoes_the_statements_before_it(db: Any) -> None:
    handles: list[Any] = []
    with pytest.raises(DBAPIError) as refused:
        async with db.driver_transaction() as conn:
            handles.append(conn)
            await fast.user_affection_first_seen(conn, _user("taken"))
            other = await fast.user_affection_first_seen(conn, _user("free"))
            await affected_rows(conn, _TAKE_USER_ID, ("taken", other))  # the unique (group_id, user_id)
    assert classify(refused.value) is FailureClass.DUPLICATE_KEY
    async with db.reading() as read:
        assert (await read.execute(select(_AFFECTIONS.c.id))).all() == []
    (handle,) = handles
    if isinstance(handle, PooledDriver):
        # Back in the pool, rolled back: not lost, not in a transaction (the pool's reset would not see one).
        assert not handle.lost and not _in_transaction(handle)


async def test_watched_it_runs_on_sqlalchemys_transaction_and_the_listener_sees_every_statement(db: Any) -> None:
    seen: list[str] = []

    def watch(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", watch)
    try:
        assert await db.update_user_affection("g", "u", 30, "praise", "happy")
        with pytest.raises(RuntimeError):
            async with db.driver_transaction() as conn:
                assert not isinstance(conn, PooledDriver) and not getattr(conn, "_held", False)
                await fast.insert_bot_mood(conn, _mood("g", "watched"))
                raise RuntimeError("abandoned")
    finally:
        event.remove(Engine, "before_cursor_execute", watch)
    texts = {getattr(fast._USER_AFFECTION_LOCKED, backend) for backend in ("postgresql", "mysql", "sqlite")}
    assert [s for s in seen if s in texts] != []
    assert await _mood_types(db) == []
    assert (await db.get_user_affection("g", "u"))["affection_level"] == 30


@pytest.fixture
def sqlite_db(db: Any) -> Any:
    if db.backend != "sqlite":
        pytest.skip("the loop's own connection is SQLite's")
    return db


async def test_a_read_of_the_same_loop_does_not_join_the_loops_open_transaction(sqlite_db: Any) -> None:
    now = int(time.time())
    message = ("s", "", None, "uncommitted", "g", now, "qq", None, None, now, False, None)
    async with sqlite_db.driver_transaction() as conn:
        assert conn._held
        await inserted_id(conn, message_fast._INSERT_RAW_MESSAGE, message)
        # A fast read of this loop while the transaction is open (the loop's connection is held): it runs on a
        # worker's connection, which does not see the uncommitted row, instead of joining the transaction.
        assert await sqlite_db.get_recent_raw_messages("g", limit=5) == []
    assert [row["message"] for row in await sqlite_db.get_recent_raw_messages("g", limit=5)] == ["uncommitted"]


async def test_it_waits_in_a_worker_while_another_connection_holds_the_write_lock(sqlite_db: Any) -> None:
    holder = sqlite3.connect(sqlite_db.settings.sqlite_path(), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        saving = asyncio.ensure_future(sqlite_db.save_bot_mood("g", "patient", 0.5, "", 1))
        for _ in range(20):  # the loop keeps running while the transaction waits for the lock in a worker
            await asyncio.sleep(0.005)
        assert not saving.done()
        holder.execute("COMMIT")
        assert await saving is True
    finally:
        holder.close()
    assert await _mood_types(sqlite_db) == ["patient"]
    async with sqlite_db.driver_transaction() as conn:  # the lock free again: the loop's connection
        assert conn._held


# Long enough to be cancelled in (at 0.2 s); MariaDB holds the transaction until its SLEEP ends.
_SLEEP = Statement(postgresql="SELECT pg_sleep(1)", mysql="SELECT SLEEP(1)", sqlite="SELECT 1")


async def test_a_cancelled_transaction_is_not_pooled_and_leaves_nothing(db: Any) -> None:
    """Cancelled in the middle of a statement, whose answer the driver never read: the connection is dropped,
    not lent out again, and the server ends its transaction (nothing of it stays)."""
    if db.backend == "sqlite":
        pytest.skip("the loop's connection runs each statement to its end: nothing to cancel in between")
    handles: list[Any] = []

    async def slow() -> None:
        async with db.driver_transaction() as conn:
            handles.append(conn)
            await fast.insert_bot_mood(conn, _mood("g", "cancelled"))
            await fetch_rows(conn, _SLEEP, ())

    task = asyncio.ensure_future(slow())
    while not handles:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert handles[0].lost
    assert await _mood_types(db) == []
    assert await db.save_bot_mood("g", "after", 0.5, "", 1) is True
    assert await _mood_types(db) == ["after"]
