"""Start-up on each backend: missing database/schema, awkward names, older plugin databases, fallback, loops."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import DatabaseNotReadyError, DatabaseUnavailableError
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for

pytestmark = pytest.mark.parametrize("backend", BACKENDS)


async def _fresh(backend: str, tmp_path: Path, database: str, **extra: Any) -> SQLAlchemyDatabaseManager:
    await drop_database(backend, database)
    return SQLAlchemyDatabaseManager({**settings_for(backend, tmp_path, database=database), **extra})


async def test_starts_on_a_database_and_schema_that_do_not_exist(backend: str, tmp_path: Path) -> None:
    odd_schema = 'odd "schema"; drop'
    manager = await _fresh(backend, tmp_path, db_name("sldb_rt_fresh"), postgresql_schema=odd_schema)
    assert not manager.is_ready
    assert await manager.start()
    assert await manager.start()  # idempotent
    assert manager.is_ready and manager.backend == backend
    async with manager.transaction() as session:
        if backend == "postgresql":
            assert (await session.execute(text("SELECT current_schema()"))).scalar() == odd_schema
        count = (await session.execute(text("SELECT COUNT(*) FROM raw_messages"))).scalar()
        assert count == 0
    assert await manager.stop()
    assert not manager.is_ready
    with pytest.raises(DatabaseNotReadyError):
        manager.get_session()


async def test_started_is_the_plugins_attribute_and_read_only(backend: str, tmp_path: Path) -> None:
    # The plugin's WebUI and learning services read db_manager._started before they call start() again.
    manager = await _fresh(backend, tmp_path, db_name("sldb_rt_started"))
    assert manager._started is False
    assert await manager.start()
    assert manager._started is True
    with pytest.raises(AttributeError):
        manager._started = False  # type: ignore[misc]
    assert await manager.stop()
    assert manager._started is False


async def test_concurrent_start_calls_start_once(backend: str, tmp_path: Path) -> None:
    manager = await _fresh(backend, tmp_path, db_name("sldb_rt_conc"))
    results = await asyncio.gather(*(manager.start() for _ in range(5)))
    assert results == [True] * 5
    engine = manager.engine
    assert engine is not None and engine.loop_count == 1
    await manager.stop()


async def test_warm_start_runs_a_constant_number_of_statements(backend: str, tmp_path: Path) -> None:
    first = await _fresh(backend, tmp_path, db_name("sldb_rt_warm"))
    await first.start()
    await first.stop()
    second = SQLAlchemyDatabaseManager(settings_for(backend, tmp_path, database=db_name("sldb_rt_warm")))
    counted: list[str] = []
    from sqlalchemy.engine import Engine

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        counted.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        await second.start()
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert second.migration_steps == []
    # MySQL: the look for the database before creating it (bootstrap) is not a read of its tables.
    catalog = [
        s
        for s in counted
        if any(w in s for w in ("information_schema", "sqlite_", "pg_index", "pg_trigger"))
        and "information_schema.schemata WHERE schema_name = %s" not in s
    ]
    # Two reads of tables, columns and indexes (MySQL: and one of the database's collation), one of the counter
    # triggers (handwritten/tables/counters.py); the schema being current, no lock and no DDL follow.
    trigger_reads = [s for s in catalog if "trigger" in s]
    assert len(catalog) - len(trigger_reads) == (3 if backend == "mysql" else 2), catalog
    assert len(trigger_reads) == 1, catalog
    assert not [s for s in counted if s.lstrip().upper().startswith(("CREATE", "ALTER", "DROP"))]
    await second.stop()


async def test_get_session_in_another_loop_thread(backend: str, tmp_path: Path) -> None:
    manager = await _fresh(backend, tmp_path, db_name("sldb_rt_loops"))
    await manager.start()
    errors: list[BaseException] = []
    written: list[int] = []

    def webui() -> None:
        async def work() -> None:
            for i in range(20):
                async with manager.get_session() as session:
                    await session.execute(
                        text(
                            "INSERT INTO bot_messages (group_id, message, timestamp, created_at) "
                            "VALUES (:g, :m, :t, :t)"
                        ),
                        {"g": "web", "m": f"w{i}", "t": i},
                    )
                    await session.commit()
                written.append(i)

        try:
            asyncio.run(work())
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    thread = threading.Thread(target=webui)
    thread.start()
    for i in range(20):
        async with manager.transaction() as session:
            await session.execute(
                text("INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES (:g, :m, :t, :t)"),
                {"g": "main", "m": f"m{i}", "t": i},
            )
        await asyncio.sleep(0)
    await asyncio.to_thread(thread.join)
    assert errors == []
    assert len(written) == 20
    async with manager.transaction() as session:
        counts = dict(
            (await session.execute(text("SELECT group_id, COUNT(*) FROM bot_messages GROUP BY group_id"))).all()
        )
    assert counts == {"main": 20, "web": 20}
    engine = manager.engine
    assert engine is not None
    info = manager.get_engine_info()
    assert info["backend"] == backend and "loops" in info
    await manager.stop()
    assert engine.loop_count == 0


async def test_fallback_to_sqlite_when_postgresql_is_unreachable(backend: str, tmp_path: Path) -> None:
    if backend != "postgresql":
        pytest.skip("fallback applies to PostgreSQL")
    unreachable = {
        "db_type": "postgresql",
        "postgresql_host": "127.0.0.1",
        "postgresql_port": 1,
        "messages_db_path": str(tmp_path / "fallback.db"),
    }
    manager = SQLAlchemyDatabaseManager(unreachable)
    assert await manager.start()
    assert manager.backend == "sqlite" and (tmp_path / "fallback.db").exists()
    await manager.stop()
    strict = SQLAlchemyDatabaseManager({**unreachable, "fallback_to_sqlite": False})
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError, match=r"127\.0\.0\.1:1"):
        await strict.start()
    assert time.monotonic() - started < 15
