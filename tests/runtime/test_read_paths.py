"""Reads never queue behind writes: the read-only methods and db.snapshot() take no write lock.

Which manager methods only read comes from the facade specs (`access: read`), through
generated.manager.READ_ONLY_METHODS. On SQLite each of them is called with sample arguments; none may send
BEGIN IMMEDIATE (or any write) or acquire the loop's writer lock (`sqlite_writers`, engine.py). db.snapshot()
is checked on every backend: its reads agree with each other while others write, it is read-only, it does not
wait for a transaction that holds the write lock, and its connection goes back to the pool as it came.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import types
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from sldb.generated.manager import READ_ONLY_METHODS, SQLAlchemyDatabaseManager
from sldb.generated.repositories.message import RawMessageRepository
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for

RAW = RawMessageRepository.table
SAMPLE_TEXT = "g1"  # every text argument: a group, user, chat, keyword; the seeded rows use it too
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE")


class CountingLock(asyncio.Lock):
    """An asyncio.Lock that counts its acquisitions."""

    def __init__(self) -> None:
        super().__init__()
        self.acquired = 0

    async def acquire(self) -> bool:
        self.acquired += 1
        return await super().acquire()


def _sample(annotation: Any) -> Any:
    """A value of this parameter type; of a union, an int where one is allowed (an id in text or number form)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        arms = [a for a in get_args(annotation) if a is not type(None)]
        return _sample(int if int in arms else arms[0])
    if annotation is str:
        return SAMPLE_TEXT
    if annotation is bool:
        return False
    if annotation is int:
        return 1
    if annotation is float:
        return 1.0
    if origin is list or annotation is list:
        return []
    return {}


def sample_arguments(method: Any) -> dict[str, Any]:
    """The method's required arguments, from its annotations; the others keep their defaults."""
    hints = get_type_hints(method)
    return {
        p.name: _sample(hints[p.name])
        for p in inspect.signature(method).parameters.values()
        if p.default is inspect.Parameter.empty
    }


async def _seed(manager: SQLAlchemyDatabaseManager) -> None:
    """A few rows the reads then find (through write methods, as the plugin writes)."""
    g = SAMPLE_TEXT
    message_id = await manager.save_raw_message({"sender_id": g, "message": "hello", "group_id": g})
    await manager.mark_messages_processed([message_id])
    await manager.add_filtered_message({"raw_message_id": message_id, "message": "hello", "group_id": g})
    await manager.save_bot_message(g, "hi", None)
    await manager.insert_jargon({"chat_id": g, "content": g, "meaning": "m", "is_jargon": True, "is_global": True})
    await manager.insert_jargon({"chat_id": "g2", "content": g, "meaning": "m", "is_jargon": True})
    await manager.update_user_affection(g, g, 5, "chat", "calm")
    await manager.save_bot_mood(g, "happy", 0.5, "fine", 1)
    await manager.backup_persona(g, {"backup_name": "b", "persona_config": {"a": 1}})
    await manager.add_persona_learning_review({"group_id": g, "update_type": "t", "proposed_content": "p"})
    await manager.create_style_learning_review({"group_id": g, "few_shots_content": "A: x", "learned_patterns": []})
    await manager.save_user_profile(g, {"qq_name": "n"})
    await manager.save_user_preferences(g, g, {"adaptive_rate": 0.3})
    await manager.save_emotion_profile(g, g, {"empathy_level": 0.4})
    await manager.save_social_relation(g, {"from_user": g, "to_user": "u2", "strength": 0.7})


@pytest.fixture
async def sqlite_manager(tmp_path: Path) -> AsyncIterator[SQLAlchemyDatabaseManager]:
    manager = SQLAlchemyDatabaseManager(settings_for("sqlite", tmp_path, database="read_paths"))
    await manager.start()
    await _seed(manager)
    await manager.background_finished()  # the counters' backfill writes in the background; the methods must not
    yield manager
    await manager.stop()


@contextmanager
def counted_writer_lock(manager: SQLAlchemyDatabaseManager) -> Iterator[CountingLock]:
    """A counting lock in place of this loop's SQLite writer lock (engine.py's _LoopEngine.sqlite_writers)."""
    assert manager.engine is not None
    entry = manager.engine._entry()
    kept, entry.sqlite_writers = entry.sqlite_writers, CountingLock()
    try:
        yield entry.sqlite_writers
    finally:
        entry.sqlite_writers = kept


def test_the_specs_name_read_only_methods_of_the_manager() -> None:
    assert len(READ_ONLY_METHODS) > 50  # most of the plugin's surface only reads
    assert all(inspect.iscoroutinefunction(getattr(SQLAlchemyDatabaseManager, name)) for name in READ_ONLY_METHODS)
    assert "save_raw_message" not in READ_ONLY_METHODS and "get_recent_raw_messages" in READ_ONLY_METHODS


async def test_no_read_only_method_takes_the_sqlite_write_lock(
    sqlite_manager: SQLAlchemyDatabaseManager, caplog: pytest.LogCaptureFixture
) -> None:
    statements: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    took_lock: list[str] = []
    wrote: dict[str, list[str]] = {}
    silent: list[str] = []
    caplog.set_level(logging.WARNING, logger="sldb")
    event.listen(Engine, "before_cursor_execute", capture)  # the worker-thread engine and aiosqlite's
    try:
        with counted_writer_lock(sqlite_manager) as lock:
            for name in sorted(READ_ONLY_METHODS):
                method = getattr(sqlite_manager, name)
                before, acquired = len(statements), lock.acquired
                await method(**sample_arguments(method))
                sent = statements[before:]
                if lock.acquired != acquired:
                    took_lock.append(name)
                writes = [s for s in sent if s.lstrip().upper().startswith(WRITES)]
                if writes:
                    wrote[name] = writes
                if not sent:
                    silent.append(name)
            # The same instruments see a write: they work.
            before = len(statements)
            await sqlite_manager.save_raw_message({"sender_id": "u", "message": "m", "group_id": SAMPLE_TEXT})
            assert lock.acquired > 0 and any(s.startswith("INSERT") for s in statements[before:])
    finally:
        event.remove(Engine, "before_cursor_execute", capture)
    assert took_lock == []
    assert wrote == {}
    assert silent == []  # every read method reached the database
    assert [r.getMessage() for r in caplog.records] == []  # none failed (a failure would be logged and hidden)


# ---------------------------------------------------------------- db.snapshot() on every backend

backends = pytest.mark.parametrize("backend_name", BACKENDS)


async def _raw_count(conn: Any) -> int:
    return int((await conn.execute(select(func.count()).select_from(RAW))).scalar_one())


def _message(i: int) -> dict[str, Any]:
    return {"sender_id": "u", "message": f"m{i}", "group_id": "g"}


def _raw_row(i: int) -> dict[str, Any]:
    """A raw_messages row for a statement run directly (the columns save_raw_message fills)."""
    return {**_message(i), "sender_name": "", "platform": "", "timestamp": 1735701000 + i, "created_at": 1735701000}


async def test_a_snapshot_reads_one_moment_while_others_write(db: Any) -> None:
    await db.save_raw_message(_message(0))
    async with db.snapshot() as conn:
        first = await _raw_count(conn)
        await db.save_raw_message(_message(1))  # committed on another connection meanwhile
        assert await db.get_messages_statistics() == {
            "total_messages": 2,
            "raw_messages": 2,
            "filtered_messages": 0,
            "bot_messages": 0,
        }
        second = await _raw_count(conn)
    assert first == second == 1
    async with db.snapshot() as conn:
        assert await _raw_count(conn) == 2


async def test_a_snapshot_is_read_only(db: Any, backend: str) -> None:
    if backend == "sqlite":
        # SQLite cannot mark a transaction read-only; a deferred BEGIN is what keeps it off the write lock.
        statements: list[str] = []

        def capture(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            statements.append(statement)

        event.listen(Engine, "before_cursor_execute", capture)
        try:
            with counted_writer_lock(db) as lock:
                async with db.snapshot() as conn:
                    await _raw_count(conn)
        finally:
            event.remove(Engine, "before_cursor_execute", capture)
        assert statements[0] == "BEGIN" and len(statements) == 2
        assert lock.acquired == 0
        return
    with pytest.raises(DBAPIError, match=r"(?i)read[- ]only"):
        async with db.snapshot() as conn:
            await conn.execute(RAW.insert().values(_raw_row(0)))
    if backend == "postgresql":
        async with db.snapshot() as conn:
            settings = await conn.execute(
                text("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")
            )
            assert tuple(settings.one()) == ("repeatable read", "on")
    assert await db.get_messages_statistics() == {
        "total_messages": 0,
        "raw_messages": 0,
        "filtered_messages": 0,
        "bot_messages": 0,
    }


async def test_reads_do_not_wait_for_a_transaction_that_holds_the_write_lock(db: Any) -> None:
    async with db.transaction() as writer:
        await writer.execute(RAW.insert().values(_raw_row(0)))  # SQLite: this transaction holds the write lock

        async def read_in_a_snapshot() -> int:
            async with db.snapshot() as conn:
                return await _raw_count(conn)

        # A read that waited for the writer would wait for this block to end: the time limit only ends a hang.
        assert await asyncio.wait_for(read_in_a_snapshot(), 30) == 0
        stats = await asyncio.wait_for(db.get_messages_statistics(), 30)
        assert stats["raw_messages"] == 0  # the uncommitted row is not seen
    assert (await db.get_messages_statistics())["raw_messages"] == 1


@backends
async def test_a_snapshot_leaves_its_connection_as_it_found_it(backend_name: str, tmp_path: Path) -> None:
    """With one pooled connection, the transaction after a snapshot runs on that connection: read-write again."""
    database = db_name("sldb_read_paths")
    await drop_database(backend_name, database)
    settings = {**settings_for(backend_name, tmp_path, database=database), "max_connections": 1, "min_connections": 0}
    manager = SQLAlchemyDatabaseManager(settings)
    assert await manager.start()
    try:
        async with manager.snapshot() as conn:
            assert await _raw_count(conn) == 0
        with pytest.raises(RuntimeError):
            async with manager.snapshot() as conn:
                await _raw_count(conn)
                raise RuntimeError("the caller fails inside the snapshot")
        async with manager.transaction() as conn:
            await conn.execute(RAW.insert().values(_raw_row(0)))
            if backend_name == "postgresql":
                settings_now = await conn.execute(
                    text("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")
                )
                assert tuple(settings_now.one()) == ("read committed", "off")
        assert (await manager.get_messages_statistics())["raw_messages"] == 1
    finally:
        await manager.stop()
        await drop_database(backend_name, database)
