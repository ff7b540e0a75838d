"""The fast paths' driver errors (handwritten/runtime/queries/driver_sql.py) map through the one classifier: the same
refusal gives the same typed error as through SQLAlchemy, on every backend, and the facade still handles it."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest
from sqlalchemy import event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from sldb.generated.fast import message as fast
from sldb.generated.models import RawMessage
from sldb.handwritten.runtime.connecting.liveness import closed_by_server
from sldb.handwritten.runtime.contract.database import PooledDriver
from sldb.handwritten.runtime.contract.errors import DuplicateKeyError
from sldb.handwritten.runtime.contract.observed import statements_observed
from sldb.handwritten.runtime.failures.classify import FailureClass, classify
from sldb.handwritten.runtime.failures.report import translate
from sldb.handwritten.runtime.queries.driver_sql import Statement, affected_rows, fetch_rows

_RAW = RawMessage.__table__


def _values(key: str) -> dict[str, Any]:
    now = int(time.time())
    return {
        "sender_id": "s",
        "sender_name": "",
        "sender_qq": None,
        "message": "hello",
        "group_id": "g",
        "timestamp": now,
        "platform": "qq",
        "message_id": "m1",
        "reply_to": None,
        "created_at": now,
        "processed": False,
        "ingest_key": key,
    }


async def _slow_insert(db: Any, values: dict[str, Any]) -> None:
    async with db.autocommit() as conn:
        await conn.execute(insert(_RAW), values)


async def test_a_duplicate_key_is_the_same_typed_error_on_both_paths(db: Any) -> None:
    await fast.insert_raw_message(db, _values("k"))
    with pytest.raises(SQLAlchemyError) as on_fast:
        await fast.insert_raw_message(db, _values("k"))  # the plain insert: the unique ingest key refuses it
    with pytest.raises(SQLAlchemyError) as on_slow:
        await _slow_insert(db, _values("k"))
    assert isinstance(on_fast.value, DBAPIError)  # the driver's own error, wrapped as SQLAlchemy would
    assert classify(on_fast.value) is classify(on_slow.value) is FailureClass.DUPLICATE_KEY
    assert type(translate("m", on_fast.value)) is type(translate("m", on_slow.value)) is DuplicateKeyError
    async with db.reading() as conn:  # the failed statement changed nothing, and the connection still works
        assert (await conn.execute(select(_RAW.c.ingest_key))).scalars().all() == ["k"]


async def test_the_or_existing_form_returns_the_stored_key(db: Any) -> None:
    first = await fast.insert_raw_message_or_existing(db, _values("k2"))
    assert await fast.insert_raw_message_or_existing(db, _values("k2")) == first
    assert await fast.insert_raw_message_or_existing(db, _values("k3")) != first


async def test_the_facade_logs_a_fast_path_failure_as_any_other(
    db: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """save_raw_message's on_failure (0, with an ERROR line naming the class) still applies to a driver error."""

    plain_insert = fast.insert_raw_message

    async def refused(_db: Any, values: Any) -> int:
        return await plain_insert(_db, {**values, "ingest_key": "dup"})

    await fast.insert_raw_message(db, _values("dup"))
    monkeypatch.setattr(fast, "insert_raw_message", refused)
    with caplog.at_level(logging.ERROR, logger="sldb"):
        assert await db.save_raw_message({"sender_id": "s", "message": "again", "group_id": "g"}) == 0
    assert "save_raw_message failed (duplicate key" in caplog.text


async def test_a_fast_path_runs_past_sqlalchemy_unless_its_statements_are_watched(db: Any) -> None:
    """Unwatched, the driver runs the fast path's SQL text (no SQLAlchemy execution: nothing a listener added
    afterwards would have seen); watched, the listener sees that same text with its parameters bound."""
    seen: list[tuple[str, Any]] = []

    def watch(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    async with db.reading() as conn:
        sync = conn._connection() if hasattr(conn, "_connection") else conn.sync_connection
        assert not statements_observed(sync)
    assert await db.get_recent_raw_messages("nobody", limit=5) == []
    event.listen(Engine, "before_cursor_execute", watch)
    try:
        assert await db.get_recent_raw_messages("nobody", limit=5) == []
    finally:
        event.remove(Engine, "before_cursor_execute", watch)
    recent = fast._NEWEST_RAW_MESSAGES_OF_GROUP
    expected = {recent.sqlite, recent.postgresql, recent.mysql}
    assert [statement for statement, _ in seen if statement in expected] != []
    assert all("nobody" not in statement for statement, _ in seen)


async def test_an_update_by_keys_counts_the_rows_it_matched_watched_or_not(db: Any) -> None:
    """Rows already holding the value count too (MySQL: FOUND_ROWS), each row once however often its key is
    given; watched, the listener sees the text completed for the number of keys."""
    ids = [await fast.insert_raw_message(db, _values(f"u{i}")) for i in range(3)]
    assert await fast.mark_raw_messages_processed(db, []) == 0
    assert await fast.mark_raw_messages_processed(db, [ids[0], ids[0], 10**6]) == 1
    seen: list[str] = []

    def watch(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", watch)
    try:
        assert await fast.mark_raw_messages_processed(db, ids) == 3
    finally:
        event.remove(Engine, "before_cursor_execute", watch)
    assert [s for s in seen if s.startswith("UPDATE raw_messages SET processed")] != []
    assert await fast.mark_raw_messages_processed(db, ids[1:]) == 2
    async with db.reading() as conn:
        assert (await conn.execute(select(_RAW.c.processed))).scalars().all() == [True] * 3


_RENAME_KEY = Statement(
    postgresql="UPDATE raw_messages SET ingest_key = $1 WHERE id = $2",
    mysql="UPDATE raw_messages SET ingest_key = %s WHERE id = %s",
    sqlite="UPDATE raw_messages SET ingest_key = ? WHERE id = ?",
)


async def test_an_update_refused_by_the_database_is_the_same_typed_error_on_both_paths(db: Any) -> None:
    await fast.insert_raw_message(db, _values("taken"))
    other = await fast.insert_raw_message(db, _values("free"))
    with pytest.raises(SQLAlchemyError) as on_fast:
        async with db.driver(write=True) as conn:
            await affected_rows(conn, _RENAME_KEY, ("taken", other))
    with pytest.raises(SQLAlchemyError) as on_slow:
        async with db.autocommit() as conn:
            await conn.execute(_RAW.update().where(_RAW.c.id == other).values(ingest_key="taken"))
    assert isinstance(on_fast.value, DBAPIError)
    assert classify(on_fast.value) is classify(on_slow.value) is FailureClass.DUPLICATE_KEY
    assert type(translate("m", on_fast.value)) is type(translate("m", on_slow.value)) is DuplicateKeyError


_OWN_ID = Statement(postgresql="SELECT pg_backend_pid()", mysql="SELECT CONNECTION_ID()", sqlite="SELECT 1")


async def test_unwatched_fast_paths_take_a_pooled_driver_connection_and_drop_it_when_lost(db: Any) -> None:
    """db.driver() hands PostgreSQL and MySQL fast paths the pool's driver connection itself; one the server
    killed fails with the typed, classified error, is invalidated rather than pooled, and the next call works."""
    if db.backend == "sqlite":
        pytest.skip("SQLite's driver() is the one-hop thread connection; no server can kill it")
    kill = "SELECT pg_terminate_backend({})" if db.backend == "postgresql" else "KILL CONNECTION {}"
    async with db.driver(write=False) as conn:
        assert isinstance(conn, PooledDriver)
        ((own_id,),) = await fetch_rows(conn, _OWN_ID, ())
        async with db.autocommit() as other:  # another connection of the same pool: ours is checked out
            await other.exec_driver_sql(kill.format(int(own_id)))
        for _ in range(200):  # until the driver has seen the server close the socket
            if closed_by_server(conn.driver):
                break
            await asyncio.sleep(0.01)
        with pytest.raises(DBAPIError) as caught:
            await fetch_rows(conn, fast._NEWEST_RAW_MESSAGES, (5,))
        assert caught.value.connection_invalidated and conn.lost
        assert classify(caught.value) is FailureClass.UNAVAILABLE
    async with db.driver(write=False) as conn:
        ((new_id,),) = await fetch_rows(conn, _OWN_ID, ())
    assert new_id != own_id
    assert await db.get_recent_raw_messages("nobody", limit=5) == []
