"""Fixtures every test shares (loaded as a pytest plugin by the root conftest.py): real databases on each backend.

- `started` (session scope, parametrized over SLDB_TEST_BACKENDS): a manager started on a fresh test database of
  one backend for the whole run; PostgreSQL runs in a non-public schema, so search_path is exercised by every test.
- `manager`: that started SQLAlchemyDatabaseManager, every table emptied before the test.
- `db`: the Database handle facades receive (the same manager), every table emptied before the test.
- `session`: one AsyncSession in a transaction that is rolled back after the test.
- `backend`: the backend's name.

settings_for, drop_database, fresh_database and BACKENDS serve tests that make databases of their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from tests.backends import TEST_DATABASE, TEST_SCHEMA, mysql_server, postgresql_server, selected_backends

BACKENDS = selected_backends()


def settings_for(
    backend: str, tmp: Path, *, database: str = TEST_DATABASE, schema: str = TEST_SCHEMA
) -> dict[str, Any]:
    """Database_Settings for a test database on backend."""
    if backend == "sqlite":
        return {"db_type": "sqlite", "messages_db_path": str(tmp / f"{database}.db")}
    if backend == "mysql":
        server = mysql_server()
        return {
            "db_type": "mysql",
            "mysql_host": server.host,
            "mysql_port": server.port or 3306,
            "mysql_user": server.username,
            "mysql_password": server.password or "",
            "mysql_database": database,
        }
    server = postgresql_server()
    return {
        "db_type": "postgresql",
        "postgresql_host": server.host,
        "postgresql_port": server.port or 5432,
        "postgresql_user": server.username,
        "postgresql_password": server.password or "",
        "postgresql_database": database,
        "postgresql_schema": schema,
    }


async def drop_database(backend: str, name: str) -> None:
    """Remove a test database left by an earlier run (PostgreSQL and MySQL)."""
    if backend == "mysql":
        engine = create_async_engine(mysql_server().set(database=None), poolclass=NullPool)
        async with engine.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
    elif backend == "postgresql":
        engine = create_async_engine(postgresql_server(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        return
    await engine.dispose()


async def fresh_database(backend: str, tmp_path: Path, name: str) -> tuple[dict[str, Any], AsyncEngine]:
    """A new, empty database `name` (schema public) and an engine of one connection on it, as start-up makes one:
    its Database_Settings and the engine (the caller disposes of it and drops the database)."""
    from sldb.handwritten.runtime.connecting.bootstrap import ensure_database
    from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
    from sldb.handwritten.runtime.connecting.settings import DatabaseSettings

    await drop_database(backend, name)
    config = settings_for(backend, tmp_path, database=name, schema="public")
    settings = DatabaseSettings.from_config(config)
    await ensure_database(settings)
    return config, create_engine_for(settings.url(), PoolOptions(max_connections=1, min_connections=0))


# One process's start-up: start a manager on the settings given as JSON, print how many of the models' tables
# the database then holds and how many migration steps this process ran.
_START_ONE = """
import asyncio, json, sys
from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.runtime.schema.catalog import read_live_schema

async def main():
    manager = SQLAlchemyDatabaseManager(json.loads(sys.argv[1]))
    assert await manager.start()
    async with manager.engine.engine.connect() as conn:
        live = await read_live_schema(conn)
    steps = len(manager.migration_steps)
    await manager.stop()
    print(json.dumps({"tables": sum(1 for t in Base.metadata.tables if t in live.columns), "steps": steps}))

asyncio.run(main())
"""


def start_at_once(configs: list[dict[str, Any]], timeout: float = 240) -> list[dict[str, int]]:
    """Start one process per config, all at once; each one's {"tables", "steps"}. Fails with the stderr of any
    process that failed."""
    root = Path(__file__).resolve().parents[1]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _START_ONE, json.dumps(config)],
            cwd=root,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for config in configs
    ]
    done = [(p.wait(timeout=timeout), *p.communicate()) for p in procs]
    assert [err[-2000:] for code, _, err in done if code != 0] == []
    return [json.loads(out.strip().splitlines()[-1]) for _, out, _ in done]


@pytest.fixture(scope="session")
def tmp_root() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sldb-tests-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="session", params=BACKENDS)
async def started(request: pytest.FixtureRequest, tmp_root: Path) -> AsyncIterator[Any]:
    """A manager started on a fresh test database of one backend, shared by the whole run."""
    from sldb.generated.manager import SQLAlchemyDatabaseManager

    backend = str(request.param)
    await drop_database(backend, TEST_DATABASE)
    manager = SQLAlchemyDatabaseManager(settings_for(backend, tmp_root))
    await manager.start()
    assert manager.backend == backend
    yield manager
    await manager.stop()


async def empty_all_tables(manager: Any) -> None:
    from sldb.generated.models import Base
    from sldb.handwritten.runtime.schema.extras import maintained_by_database

    # The counter tables last: deleting counted rows after them would leave negative counts.
    tables = sorted(reversed(Base.metadata.sorted_tables), key=maintained_by_database)
    async with manager.transaction() as session:
        for table in tables:
            await session.execute(table.delete())


@pytest.fixture
async def manager(started: Any) -> Any:
    """The backend's started manager, every table empty."""
    await empty_all_tables(started)
    return started


@pytest.fixture
async def db(manager: Any) -> Any:
    """The Database handle facades receive (the started manager), every table empty."""
    return manager


@pytest.fixture
async def session(started: Any) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back at the end of the test."""
    assert started.engine is not None
    async with started.engine.engine.connect() as conn:
        trans = await conn.begin()
        async with AsyncSession(bind=conn, expire_on_commit=False) as s:
            yield s
        await trans.rollback()


@pytest.fixture
def backend(started: Any) -> str:
    return str(started.backend)
