"""DatabaseEngine built as the plugin's training data exporter builds it: a URL as text and echo, then set as
`.engine` on a manager made with __new__ (no __init__, no start())."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base, RawMessage
from sldb.handwritten.runtime.connecting.engine import DatabaseEngine
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.lifecycle.manager_runtime import ManagerRuntime
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for

DATABASE = db_name("sldb_engine_url")


def plain_url(backend: str, tmp: Path) -> str:
    """The URL as text, password included, with the scheme people write (postgresql://, mysql://, sqlite:///)."""
    url = DatabaseSettings.from_config(
        {**settings_for(backend, tmp, database=DATABASE), "postgresql_schema": "public"}
    ).url()
    plain = url.set(drivername=url.drivername.split("+")[0])
    return plain.render_as_string(hide_password=False)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_engine_from_a_url_string_serves_a_manager_made_with_new(backend: str, tmp_path: Path) -> None:
    await drop_database(backend, DATABASE)
    from sldb.handwritten.runtime.connecting.bootstrap import ensure_database

    await ensure_database(DatabaseSettings.from_config(settings_for(backend, tmp_path, database=DATABASE)))
    engine = DatabaseEngine(plain_url(backend, tmp_path), Base.metadata, echo=False)
    assert engine.backend == backend
    assert engine.metadata is Base.metadata
    assert "+" in engine.url.drivername  # the async driver was chosen
    try:
        await ManagerRuntime.create_tables(engine)
        manager = SQLAlchemyDatabaseManager.__new__(SQLAlchemyDatabaseManager)
        manager.engine = engine
        async with manager.get_session() as session:
            session.add(RawMessage(sender_id="u1", message="导出 𠮷", group_id="g1", timestamp=1, created_at=1))
            await session.commit()
        async with manager.get_session() as session:
            found = (await session.execute(select(RawMessage.message, func.count()).group_by(RawMessage.message))).all()
        assert [tuple(row) for row in found] == [("导出 𠮷", 1)]
    finally:
        await engine.close()
        await drop_database(backend, DATABASE)


def test_echo_reaches_the_pool_options() -> None:
    engine = DatabaseEngine("sqlite:///unused.db", echo=True)
    assert engine.options.echo and engine.url.drivername == "sqlite+aiosqlite"
