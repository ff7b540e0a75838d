"""Least privilege: an owner role migrates, a serving role that may only read and write starts on the result.

Real roles on PostgreSQL and MariaDB (named per run with SLDB_TEST_DB_SUFFIX, dropped at the end). The serving
role's start runs no DDL (counted with a before_cursor_execute listener) and never opens the maintenance
database; on a schema behind the models it fails at once with SchemaBehindError naming the privilege it lacks and
`sldb migrate`. On PostgreSQL a role owning only its pre-made schema (no CREATEDB, no CREATE on the database)
starts and migrates its schema.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.runtime.contract.errors import PermissionDeniedError, SchemaBehindError
from sldb.handwritten.tables import counters
from sldb.handwritten.tables.counter_triggers import replacing_ddl, tag
from tests.backends import db_name, mysql_server, postgresql_server
from tests.fixtures import BACKENDS, drop_database, settings_for

SUFFIX = os.environ.get("SLDB_TEST_DB_SUFFIX", "").lower()
DATABASE = db_name("sldb_lp")
SCHEMA = "sldb_lp"
OWNER = f"sldb_lp_owner{SUFFIX}"
SERVER = f"sldb_lp_server{SUFFIX}"
SCHEMA_OWNER = f"sldb_lp_schema_owner{SUFFIX}"
DDL = re.compile(r"^\s*(CREATE|ALTER|DROP)\b", re.IGNORECASE)
DROPPED_INDEX = "idx_bot_timestamp"


def _needs(backend: str) -> None:
    if backend not in BACKENDS:
        pytest.skip(f"{backend} is not among SLDB_TEST_BACKENDS")


@asynccontextmanager
async def _admin(backend: str, database: str | None = None) -> AsyncIterator[AsyncConnection]:
    """A superuser connection (autocommit): to the server, or to database."""
    if backend == "postgresql":
        url = postgresql_server().set(database=database or "postgres")
    else:
        url = mysql_server().set(database=database) if database else mysql_server()
    engine = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            yield conn
    finally:
        await engine.dispose()


class Sent:
    """Every statement sent through SQLAlchemy while in use, with the database its connection is on."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, str]] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.statements.append((str(conn.engine.url.database), statement))

    @property
    def ddl(self) -> list[str]:
        return [s for _, s in self.statements if DDL.match(s)]

    @property
    def databases(self) -> set[str]:
        return {d for d, _ in self.statements}


@contextmanager
def sent() -> Iterator[Sent]:
    listener = Sent()
    event.listen(Engine, "before_cursor_execute", listener)
    try:
        yield listener
    finally:
        event.remove(Engine, "before_cursor_execute", listener)


def _as(backend: str, tmp: Path, user: str) -> SQLAlchemyDatabaseManager:
    settings = settings_for(backend, tmp, database=DATABASE, schema=SCHEMA)
    settings[f"{backend}_user"] = user
    settings[f"{backend}_password"] = ""
    return SQLAlchemyDatabaseManager(settings)


async def _save_and_read(manager: SQLAlchemyDatabaseManager) -> None:
    """A write and a read of it, through a fresh group (the counter triggers fire on the write)."""
    group = f"lp-{os.urandom(4).hex()}"
    assert await manager.save_bot_message(group, "hello from the serving role", 1_700_000_000)
    assert await manager.get_recent_bot_responses(group) == ["hello from the serving role"]


async def _serving_start_runs_no_ddl(backend: str, tmp: Path) -> None:
    serving = _as(backend, tmp, SERVER)
    with sent() as seen:
        assert await serving.start()
    try:
        assert seen.ddl == []
        assert serving.migration_steps == []
        if backend == "postgresql":
            assert seen.databases == {DATABASE}  # never the maintenance database
        await _save_and_read(serving)
    finally:
        await serving.stop()


async def _serving_start_refused(backend: str, tmp: Path) -> SchemaBehindError:
    serving = _as(backend, tmp, SERVER)
    with sent() as seen, pytest.raises(SchemaBehindError) as refused:
        await serving.start()
    assert not serving.is_ready
    assert len(seen.ddl) == 1, seen.ddl  # the first step was refused; nothing more was tried
    assert DROPPED_INDEX in seen.ddl[0]
    message = str(refused.value)
    assert "sldb migrate --url" in message
    assert refused.value.privilege in message
    assert any(DROPPED_INDEX in step for step in refused.value.steps)
    return refused.value


# -- PostgreSQL -------------------------------------------------------------------------------------------------


async def _pg_drop_roles() -> None:
    await drop_database("postgresql", DATABASE)
    async with _admin("postgresql") as conn:
        for role in (OWNER, SERVER, SCHEMA_OWNER):
            await conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.fixture
async def pg_roles() -> AsyncIterator[None]:
    _needs("postgresql")
    await _pg_drop_roles()
    async with _admin("postgresql") as conn:
        await conn.execute(text(f'CREATE ROLE "{OWNER}" LOGIN'))
        await conn.execute(text(f'CREATE ROLE "{SERVER}" LOGIN'))
        await conn.execute(text(f'CREATE ROLE "{SCHEMA_OWNER}" LOGIN'))
        await conn.execute(text(f'CREATE DATABASE "{DATABASE}" OWNER "{OWNER}"'))
        await conn.execute(text(f'REVOKE ALL ON DATABASE "{DATABASE}" FROM PUBLIC'))
        await conn.execute(text(f'GRANT CONNECT ON DATABASE "{DATABASE}" TO "{SERVER}", "{SCHEMA_OWNER}"'))
    try:
        yield
    finally:
        await _pg_drop_roles()


async def _pg_grant_serving_role() -> None:
    """The serving role's grants, as README's "Roles: migrating ahead of a rollout" gives them."""
    async with _admin("postgresql", DATABASE) as conn:
        for grant in (
            f'GRANT USAGE ON SCHEMA {SCHEMA} TO "{SERVER}"',
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO "{SERVER}"',
            f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO "{SERVER}"',
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{OWNER}" IN SCHEMA {SCHEMA} '
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{SERVER}"',
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{OWNER}" IN SCHEMA {SCHEMA} GRANT USAGE, SELECT ON SEQUENCES TO "{SERVER}"',
        ):
            await conn.execute(text(grant))


async def test_postgresql_serving_role_starts_on_a_migrated_schema(pg_roles: None, tmp_path: Path) -> None:
    owner = _as("postgresql", tmp_path, OWNER)
    assert await owner.start()
    assert owner.migration_steps  # the owner created the schema's tables
    await owner.stop()
    await _pg_grant_serving_role()

    await _serving_start_runs_no_ddl("postgresql", tmp_path)

    async with _admin("postgresql", DATABASE) as conn:
        await conn.execute(text(f"DROP INDEX {SCHEMA}.{DROPPED_INDEX}"))
    refused = await _serving_start_refused("postgresql", tmp_path)
    assert refused.privilege == "ownership of table bot_messages"
    assert "postgresql://<owner>@" in str(refused) and f"/{DATABASE}?schema={SCHEMA}" in str(refused)

    owner = _as("postgresql", tmp_path, OWNER)  # what the message says to do: the owner migrates
    assert await owner.start()
    assert [step.name for step in owner.migration_steps] == [DROPPED_INDEX]
    await owner.stop()
    await _serving_start_runs_no_ddl("postgresql", tmp_path)


async def test_postgresql_serving_role_leaves_the_triggers_it_may_not_replace(
    pg_roles: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    owner = _as("postgresql", tmp_path, OWNER)
    assert await owner.start()
    await owner.stop()
    await _pg_grant_serving_role()
    async with _admin("postgresql", DATABASE) as conn:  # a database whose backfill finished before it settled
        await conn.execute(text(f"SET search_path = {SCHEMA}"))
        for statement in replacing_ddl("postgresql", False, settled=False):
            await conn.execute(text(statement))

    serving = _as("postgresql", tmp_path, SERVER)
    with caplog.at_level("INFO", logger="sldb"):
        assert await serving.start()
        await serving.background_finished()
    try:
        assert "this role may not replace them" in caplog.text  # said, not raised
        async with serving.engine.engine.connect() as conn:
            assert await counters._tags(conn) == {tag(settled=False)}  # left as they were: they count the same
        await _save_and_read(serving)
        async with serving.transaction() as conn:
            total = await conn.execute(text("SELECT SUM(bot_count) FROM message_group_counters"))
            assert total.scalar_one() == 1
    finally:
        await serving.stop()

    owner = _as("postgresql", tmp_path, OWNER)  # the owner's next start settles them (as `sldb migrate` does)
    assert await owner.start()
    try:
        await owner.background_finished()
        assert await counters.settle_counters(owner.engine.engine, Base.metadata) is False  # nothing left
        async with owner.engine.engine.connect() as conn:
            assert await counters._tags(conn) == {tag(settled=True)}
    finally:
        await owner.stop()


async def test_postgresql_schema_owner_migrates_without_createdb(pg_roles: None, tmp_path: Path) -> None:
    async with _admin("postgresql", DATABASE) as conn:
        await conn.execute(text(f'CREATE SCHEMA {SCHEMA} AUTHORIZATION "{SCHEMA_OWNER}"'))
    schema_owner = _as("postgresql", tmp_path, SCHEMA_OWNER)
    with sent() as seen:
        assert await schema_owner.start()
    try:
        assert schema_owner.migration_steps
        assert not [s for s in seen.ddl if re.match(r"\s*CREATE (SCHEMA|DATABASE)", s)]
        assert seen.databases == {DATABASE}
        await _save_and_read(schema_owner)
    finally:
        await schema_owner.stop()


async def test_postgresql_role_without_create_is_refused_on_an_empty_schema(pg_roles: None, tmp_path: Path) -> None:
    """A serving role on a schema nobody migrated: the first CREATE TABLE is refused, named as CREATE on the schema."""
    async with _admin("postgresql", DATABASE) as conn:
        await conn.execute(text(f'CREATE SCHEMA {SCHEMA} AUTHORIZATION "{OWNER}"'))
        await conn.execute(text(f'GRANT USAGE ON SCHEMA {SCHEMA} TO "{SERVER}"'))
    serving = _as("postgresql", tmp_path, SERVER)
    with pytest.raises(SchemaBehindError) as refused:
        await serving.start()
    assert isinstance(refused.value, PermissionDeniedError)
    assert refused.value.privilege == f"CREATE on schema {SCHEMA}"


# -- MariaDB ----------------------------------------------------------------------------------------------------


async def _mysql_drop_users() -> None:
    await drop_database("mysql", DATABASE)
    async with _admin("mysql") as conn:
        for user in (OWNER, SERVER):
            await conn.execute(text(f"DROP USER IF EXISTS '{user}'@'%'"))


@pytest.fixture
async def mysql_users() -> AsyncIterator[None]:
    _needs("mysql")
    await _mysql_drop_users()
    async with _admin("mysql") as conn:
        await conn.execute(text(f"CREATE USER '{OWNER}'@'%'"))
        await conn.execute(text(f"CREATE USER '{SERVER}'@'%'"))
        # The grants README's "Roles: migrating ahead of a rollout" gives (no DROP: migration never drops).
        await conn.execute(
            text(
                f"GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, TRIGGER ON `{DATABASE}`.* TO '{OWNER}'@'%'"
            )
        )
        await conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON `{DATABASE}`.* TO '{SERVER}'@'%'"))
    try:
        yield
    finally:
        await _mysql_drop_users()


async def test_mariadb_serving_user_starts_on_a_migrated_database(mysql_users: None, tmp_path: Path) -> None:
    owner = _as("mysql", tmp_path, OWNER)
    assert await owner.start()  # creates the database too: CREATE on `db`.* allows it
    assert owner.migration_steps
    await owner.stop()

    await _serving_start_runs_no_ddl("mysql", tmp_path)

    async with _admin("mysql", DATABASE) as conn:
        await conn.execute(text(f"DROP INDEX {DROPPED_INDEX} ON bot_messages"))
    refused = await _serving_start_refused("mysql", tmp_path)
    assert refused.privilege == "INDEX"
    assert "mysql://<owner>@" in str(refused) and f"/{DATABASE}'" in str(refused)

    owner = _as("mysql", tmp_path, OWNER)
    assert await owner.start()
    assert [step.name for step in owner.migration_steps] == [DROPPED_INDEX]
    await owner.stop()
    await _serving_start_runs_no_ddl("mysql", tmp_path)
