"""failures.classify on real errors: each failure class provoked on each backend, and the typed error translate gives.

The errors come from the real servers and files (no mock): a closed port, a wrong password for a user created
for the test (on private servers: the shared PostgreSQL trusts every login), a database that is not there,
CREATE twice, a duplicate key, two connections in a deadlock or a serialization conflict, values out of range.
The last tests show that the classifier reads codes only: a message that reads like a known failure is OTHER.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pymysql.err
import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.contract.errors import (
    AlreadyExistsError,
    DatabaseOperationError,
    DatabaseUnavailableError,
    DataLayerError,
    DuplicateKeyError,
    InvalidValueError,
    LoginRefusedError,
    PermissionDeniedError,
    RetryableConflictError,
    UnknownDatabaseError,
    ValueRefusedError,
)
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify
from sldb.handwritten.runtime.failures.report import translate
from sldb.handwritten.runtime.values.column_types import SafeString
from tests.backends import db_name, mysql_server, postgresql_server
from tests.faults.servers import PrivateMariaDB, PrivatePostgres, free_port, private_mariadb, private_postgres
from tests.fixtures import BACKENDS, drop_database

per_backend = pytest.mark.parametrize("backend", BACKENDS)
SERVERS = [b for b in BACKENDS if b != "sqlite"]
SCRATCH = db_name("sldb_failures")  # this module's tables, on each server
ABSENT = db_name("sldb_failures_absent")
USER = "sldb_failures_user"
PASSWORD = "right-pw:@/"
WRONG_PASSWORD = "wrong-pw:@/"
WAIT_SECONDS = 30.0  # bound on waiting for another connection to block (a hang guard, not a measurement)


def _server(backend: str) -> URL:
    return postgresql_server() if backend == "postgresql" else mysql_server().set(database=None)


async def _admin(url: URL, *statements: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for sql in statements:
                await conn.execute(text(sql))
    finally:
        await engine.dispose()


@pytest.fixture(scope="module", autouse=True)
async def scratch_databases() -> AsyncIterator[None]:
    """A fresh scratch database on each selected server for this module, dropped afterwards."""
    for backend in SERVERS:
        await drop_database(backend, SCRATCH)
        await _admin(_server(backend), f"CREATE DATABASE {SCRATCH}")
    yield
    for backend in SERVERS:
        await drop_database(backend, SCRATCH)


def _scratch_url(backend: str, tmp_path: Path) -> URL:
    if backend == "sqlite":
        return URL.create("sqlite+aiosqlite", database=str(tmp_path / "scratch.db"))
    return _server(backend).set(database=SCRATCH)


@pytest.fixture
async def engine(backend: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An engine on the scratch database; statements commit one by one (each test sets up its own tables)."""
    made = create_async_engine(
        _scratch_url(backend, tmp_path),
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"timeout": 0} if backend == "sqlite" else {},  # SQLite: busy at once, no waiting
    )
    yield made
    await made.dispose()


async def _failure(engine: AsyncEngine, *statements: str) -> SQLAlchemyError:
    """The error the last statement raises on one connection (the statements before it must succeed)."""
    async with engine.connect() as conn:
        for sql in statements[:-1]:
            await conn.execute(text(sql))
        with pytest.raises(SQLAlchemyError) as caught:
            await conn.execute(text(statements[-1]))
    return caught.value


def _assert_failure(exc: BaseException, failure: FailureClass, error: type[DataLayerError]) -> None:
    """classify() names the class, and translate() gives exactly the typed error of that class."""
    assert classify(exc) is failure, cause_text(exc)
    assert isinstance(exc, SQLAlchemyError)
    typed = translate("probe", exc)
    assert type(typed) is error, repr(typed)
    assert str(typed).startswith("probe: ")


# -- UNAVAILABLE ---------------------------------------------------------------------------------------------


@per_backend
async def test_a_closed_port_is_unavailable(backend: str) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite has no server to reach (a file that cannot be opened is UNKNOWN_DATABASE)")
    closed = _server(backend).set(port=free_port())
    ours = create_engine_for(closed, PoolOptions(max_connections=1, min_connections=0, connect_timeout=5))
    bare = create_async_engine(closed, poolclass=NullPool)  # the driver's own error, as bootstrap may see it
    try:
        with pytest.raises(SQLAlchemyError) as caught:
            async with ours.connect():
                pass
        _assert_failure(caught.value, FailureClass.UNAVAILABLE, DatabaseUnavailableError)
        assert "Refused" in cause_text(caught.value) or "Can't connect" in cause_text(caught.value)
        with pytest.raises((OSError, SQLAlchemyError)) as bare_caught:  # asyncpg raises the OSError itself
            async with bare.connect():
                pass
        assert classify(bare_caught.value) is FailureClass.UNAVAILABLE, cause_text(bare_caught.value)
    finally:
        await ours.dispose()
        await bare.dispose()


@per_backend
async def test_a_connection_killed_under_a_statement_is_unavailable(backend: str, engine: AsyncEngine) -> None:
    if backend == "sqlite":
        pytest.skip("a SQLite connection has no server that could end it")
    kill_self = "SELECT pg_terminate_backend(pg_backend_pid())" if backend == "postgresql" else "KILL CONNECTION_ID()"
    exc = await _failure(engine, kill_self)  # PostgreSQL: 08003 caused by 57P01; MariaDB: 1927
    _assert_failure(exc, FailureClass.UNAVAILABLE, DatabaseUnavailableError)


# -- LOGIN_REFUSED and PERMISSION_DENIED (a user of our own, on a private server) ----------------------------


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    """A PostgreSQL server of this module alone: roles other than postgres need their password there."""
    yield from private_postgres()


@pytest.fixture(scope="module")
def private_maria() -> Iterator[PrivateMariaDB]:
    yield from private_mariadb()


@pytest.fixture
async def private_user(backend: str, request: pytest.FixtureRequest) -> AsyncIterator[URL]:
    """The admin URL of a private server that has USER (PASSWORD, no rights); USER is dropped afterwards."""
    if backend == "sqlite":
        pytest.skip("SQLite has no users, logins or grants")
    if backend == "postgresql":
        admin = request.getfixturevalue("private_pg").url()
        await _admin(admin, f"DROP ROLE IF EXISTS {USER}", f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'")
        yield admin
        await _admin(admin, f"DROP ROLE IF EXISTS {USER}")
    else:
        admin = request.getfixturevalue("private_maria").url()
        await _admin(admin, f"DROP USER IF EXISTS '{USER}'@'%'", f"CREATE USER '{USER}'@'%' IDENTIFIED BY '{PASSWORD}'")
        yield admin
        await _admin(admin, f"DROP USER IF EXISTS '{USER}'@'%'")


def _manager_settings(backend: str, admin: URL, password: str) -> dict[str, Any]:
    settings = {
        "db_type": backend,
        f"{backend}_host": admin.host,
        f"{backend}_port": admin.port,
        f"{backend}_user": USER,
        f"{backend}_password": password,
        f"{backend}_database": ABSENT,
        "connect_timeout": 5,
    }
    return settings | ({"fallback_to_sqlite": False} if backend == "postgresql" else {})


@per_backend
async def test_a_wrong_password_is_login_refused_and_not_shown(backend: str, private_user: URL) -> None:
    wrong = create_async_engine(private_user.set(username=USER, password=WRONG_PASSWORD), poolclass=NullPool)
    try:
        with pytest.raises(SQLAlchemyError) as caught:
            async with wrong.connect():
                pass
    finally:
        await wrong.dispose()
    _assert_failure(caught.value, FailureClass.LOGIN_REFUSED, LoginRefusedError)  # 28P01; 1045
    said = cause_text(caught.value)
    assert USER in said and WRONG_PASSWORD not in said and PASSWORD not in said, said

    # start-up (bootstrap) raises the same typed error, naming server and user, never the password
    manager = SQLAlchemyDatabaseManager(_manager_settings(backend, private_user, WRONG_PASSWORD))
    with pytest.raises(LoginRefusedError) as refused:
        await manager.start()
    assert f"{private_user.host}:{private_user.port}" in str(refused.value) and USER in str(refused.value)
    assert WRONG_PASSWORD not in str(refused.value)
    await manager.stop()


@per_backend
async def test_creating_a_database_without_the_right_is_permission_denied(
    backend: str, private_user: URL, tmp_path: Path
) -> None:
    user = private_user.set(username=USER, password=PASSWORD)
    create = f"CREATE DATABASE {ABSENT}"
    as_user = create_async_engine(user, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        _assert_failure(await _failure(as_user, create), FailureClass.PERMISSION_DENIED, PermissionDeniedError)
    finally:
        await as_user.dispose()  # PostgreSQL 42501 (no CREATEDB); MariaDB 1044

    manager = SQLAlchemyDatabaseManager(_manager_settings(backend, private_user, PASSWORD))
    with pytest.raises(PermissionDeniedError, match=ABSENT):
        await manager.start()
    await manager.stop()


async def test_writing_a_read_only_sqlite_file_is_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "read_only.db"
    sqlite3.connect(path).execute("CREATE TABLE t (a INTEGER)").connection.close()
    read_only = create_async_engine(f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true", poolclass=NullPool)
    try:
        exc = await _failure(read_only, "INSERT INTO t VALUES (1)")  # SQLITE_READONLY
    finally:
        await read_only.dispose()
    _assert_failure(exc, FailureClass.PERMISSION_DENIED, PermissionDeniedError)


# -- UNKNOWN_DATABASE ----------------------------------------------------------------------------------------


@per_backend
async def test_a_database_that_is_not_there_is_unknown_database(backend: str, tmp_path: Path) -> None:
    if backend == "sqlite":
        url = URL.create("sqlite+aiosqlite", database=str(tmp_path / "no_such_folder" / "x.db"))  # SQLITE_CANTOPEN
    else:
        await drop_database(backend, ABSENT)
        url = _server(backend).set(database=ABSENT)  # 3D000; 1049
    absent = create_async_engine(url, poolclass=NullPool)
    try:
        with pytest.raises(SQLAlchemyError) as caught:
            async with absent.connect():
                pass
    finally:
        await absent.dispose()
    _assert_failure(caught.value, FailureClass.UNKNOWN_DATABASE, UnknownDatabaseError)


# -- ALREADY_EXISTS ------------------------------------------------------------------------------------------


@per_backend
async def test_creating_twice_is_already_exists(backend: str, engine: AsyncEngine) -> None:
    table = "CREATE TABLE twice (a INTEGER)"
    if backend == "sqlite":
        # SQLite reports it as plain SQLITE_ERROR, the code of a syntax error: nothing tells the two apart.
        assert classify(await _failure(engine, "DROP TABLE IF EXISTS twice", table, table)) is FailureClass.OTHER
        return
    twice = await _failure(engine, "DROP TABLE IF EXISTS twice", table, table)  # 42P07; 1050
    _assert_failure(twice, FailureClass.ALREADY_EXISTS, AlreadyExistsError)
    index = "CREATE INDEX twice_a ON twice (a)"
    _assert_failure(await _failure(engine, index, index), FailureClass.ALREADY_EXISTS, AlreadyExistsError)
    container = f"CREATE DATABASE {SCRATCH}" if backend == "mysql" else "CREATE SCHEMA public"
    _assert_failure(await _failure(engine, container), FailureClass.ALREADY_EXISTS, AlreadyExistsError)  # 42P06; 1007


async def _wait_until_blocked(engine: AsyncEngine, pid: int) -> None:
    """Return once backend pid waits for a lock (another connection's uncommitted work)."""
    async with engine.connect() as watcher:
        for _ in range(int(WAIT_SECONDS / 0.01)):
            found = await watcher.execute(
                text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :p"), {"p": pid}
            )
            if found.scalar() == "Lock":
                return
            await asyncio.sleep(0.01)
    raise AssertionError(f"backend {pid} never waited for the lock")


async def test_a_create_if_not_exists_that_lost_a_race_is_already_exists_not_duplicate_key() -> None:
    """Two start-ups create the schema at once: the loser's 23505 is on pg_namespace, in pg_catalog."""
    if "postgresql" not in SERVERS:
        pytest.skip("PostgreSQL is not among SLDB_TEST_BACKENDS")
    schema = db_name("sldb_failures_race")
    engine = create_async_engine(
        postgresql_server().set(database=SCRATCH), poolclass=NullPool, isolation_level="AUTOCOMMIT"
    )
    try:
        await _admin(engine.url, f"DROP SCHEMA IF EXISTS {schema}")
        async with engine.connect() as first, engine.connect() as second:
            pid = int((await second.execute(text("SELECT pg_backend_pid()"))).scalar_one())
            await first.exec_driver_sql("BEGIN")
            await first.execute(text(f"CREATE SCHEMA {schema}"))
            racing = asyncio.ensure_future(second.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}")))
            await _wait_until_blocked(engine, pid)
            await first.exec_driver_sql("COMMIT")
            with pytest.raises(SQLAlchemyError) as caught:
                await racing
        _assert_failure(caught.value, FailureClass.ALREADY_EXISTS, AlreadyExistsError)
    finally:
        await _admin(engine.url, f"DROP SCHEMA IF EXISTS {schema}")
        await engine.dispose()


# -- DUPLICATE_KEY -------------------------------------------------------------------------------------------


@per_backend
async def test_a_second_row_with_the_same_key_is_duplicate_key(engine: AsyncEngine) -> None:
    setup = ("DROP TABLE IF EXISTS keyed", "CREATE TABLE keyed (id INTEGER PRIMARY KEY, code VARCHAR(10) UNIQUE)")
    row = "INSERT INTO keyed VALUES (1, 'a')"
    same_id = await _failure(engine, *setup, row, row)  # 23505; 1062; SQLITE_CONSTRAINT_PRIMARYKEY
    _assert_failure(same_id, FailureClass.DUPLICATE_KEY, DuplicateKeyError)
    same_code = await _failure(engine, "INSERT INTO keyed VALUES (2, 'a')")  # SQLITE_CONSTRAINT_UNIQUE
    _assert_failure(same_code, FailureClass.DUPLICATE_KEY, DuplicateKeyError)


# -- RETRYABLE -----------------------------------------------------------------------------------------------


async def _rows(engine: AsyncEngine, backend: str) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("DROP TABLE IF EXISTS contested"))
        engine_clause = " ENGINE=InnoDB" if backend == "mysql" else ""
        await conn.execute(text(f"CREATE TABLE contested (id INTEGER PRIMARY KEY, v INTEGER){engine_clause}"))
        await conn.execute(text("INSERT INTO contested VALUES (1, 0), (2, 0)"))


async def _begin(conn: AsyncConnection, backend: str) -> None:
    await conn.exec_driver_sql("BEGIN IMMEDIATE" if backend == "sqlite" else "BEGIN")


@per_backend
async def test_a_deadlock_or_a_busy_database_is_retryable(backend: str, engine: AsyncEngine) -> None:
    await _rows(engine, backend)
    async with engine.connect() as first, engine.connect() as second:
        await _begin(first, backend)
        if backend == "sqlite":  # a second writer while the first holds the write lock, busy_timeout 0
            with pytest.raises(SQLAlchemyError) as caught:
                await _begin(second, backend)  # SQLITE_BUSY
            await first.exec_driver_sql("ROLLBACK")
            _assert_failure(caught.value, FailureClass.RETRYABLE, RetryableConflictError)
            return
        await _begin(second, backend)
        await first.execute(text("UPDATE contested SET v = 1 WHERE id = 1"))
        await second.execute(text("UPDATE contested SET v = 2 WHERE id = 2"))
        # each now waits for the row the other holds: the server ends one (40P01; 1213), in either order
        crossed = await asyncio.gather(
            first.execute(text("UPDATE contested SET v = 1 WHERE id = 2")),
            second.execute(text("UPDATE contested SET v = 2 WHERE id = 1")),
            return_exceptions=True,
        )
        for conn in (first, second):
            await conn.exec_driver_sql("ROLLBACK")
    failed = [e for e in crossed if isinstance(e, BaseException)]
    assert len(failed) == 1, crossed
    _assert_failure(failed[0], FailureClass.RETRYABLE, RetryableConflictError)


@per_backend
async def test_a_serialization_conflict_or_a_lock_wait_timeout_is_retryable(backend: str, engine: AsyncEngine) -> None:
    await _rows(engine, backend)
    async with engine.connect() as first, engine.connect() as second:
        if backend == "postgresql":  # first read at SERIALIZABLE, second changed the row: 40001
            await first.exec_driver_sql("BEGIN ISOLATION LEVEL SERIALIZABLE")
            await first.execute(text("SELECT v FROM contested WHERE id = 1"))
            await second.execute(text("UPDATE contested SET v = 2 WHERE id = 1"))
        elif backend == "mysql":  # second holds the row; first gives up after 1 s: 1205
            await first.execute(text("SET SESSION innodb_lock_wait_timeout = 1"))
            await second.exec_driver_sql("BEGIN")
            await second.execute(text("UPDATE contested SET v = 2 WHERE id = 1"))
            await first.exec_driver_sql("BEGIN")
        else:  # WAL: first read a snapshot, second committed after it, first cannot write: SQLITE_BUSY_SNAPSHOT
            await first.exec_driver_sql("PRAGMA journal_mode = WAL")
            await first.exec_driver_sql("BEGIN")
            await first.execute(text("SELECT v FROM contested WHERE id = 1"))
            await second.execute(text("UPDATE contested SET v = 2 WHERE id = 2"))
        with pytest.raises(SQLAlchemyError) as caught:
            await first.execute(text("UPDATE contested SET v = 1 WHERE id = 1"))
        await first.exec_driver_sql("ROLLBACK")
        if backend == "mysql":
            await second.exec_driver_sql("ROLLBACK")
    _assert_failure(caught.value, FailureClass.RETRYABLE, RetryableConflictError)


# -- VALUE_REFUSED -------------------------------------------------------------------------------------------


@per_backend
async def test_a_too_long_string_through_safe_string_is_value_refused_and_raised_as_is(engine: AsyncEngine) -> None:
    metadata = MetaData()
    notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("note", SafeString(5, "note")))
    async with engine.connect() as conn:
        await conn.run_sync(metadata.drop_all)
        await conn.run_sync(metadata.create_all)
        with pytest.raises(SQLAlchemyError) as caught:
            await conn.execute(insert(notes).values(id=1, note="much longer than five"))
    assert classify(caught.value) is FailureClass.VALUE_REFUSED
    with pytest.raises(InvalidValueError) as raised:  # the caller's error, as our column type worded it
        translate("probe", caught.value)
    assert raised.value.field == "note"


@per_backend
async def test_a_raw_value_out_of_range_is_value_refused(backend: str, engine: AsyncEngine) -> None:
    if backend == "postgresql":
        exc = await _failure(engine, "SELECT 2147483647::integer + 1")  # 22003
    elif backend == "mysql":
        exc = await _failure(
            engine, "DROP TABLE IF EXISTS small", "CREATE TABLE small (a TINYINT)", "INSERT INTO small VALUES (1000)"
        )  # 1264 (strict mode)
    else:
        exc = await _failure(
            engine,
            "DROP TABLE IF EXISTS small",
            "CREATE TABLE small (a INTEGER) STRICT",
            "INSERT INTO small VALUES ('x')",
        )  # SQLITE_CONSTRAINT_DATATYPE
    _assert_failure(exc, FailureClass.VALUE_REFUSED, ValueRefusedError)
    if backend == "postgresql":  # asyncpg refuses a bound int beyond int4 before sending it: 22000
        table = Table("wide", MetaData(), Column("a", Integer))
        async with engine.connect() as conn:
            await conn.execute(text("DROP TABLE IF EXISTS wide"))
            await conn.execute(text("CREATE TABLE wide (a INTEGER)"))
            with pytest.raises(SQLAlchemyError) as caught:
                await conn.execute(insert(table).values(a=2**40))
        _assert_failure(caught.value, FailureClass.VALUE_REFUSED, ValueRefusedError)


# -- OTHER, and no classification by text --------------------------------------------------------------------


@per_backend
async def test_a_syntax_error_is_other(engine: AsyncEngine) -> None:
    _assert_failure(await _failure(engine, "SELEC 1"), FailureClass.OTHER, DatabaseOperationError)


MISLEADING = "could not connect to server: database already exists, duplicate key, access denied, deadlock, locked"


def test_a_message_without_a_code_is_other_whatever_it_says() -> None:
    wrapped = OperationalError("SELECT 1", {}, Exception(MISLEADING))
    assert classify(wrapped) is FailureClass.OTHER
    assert type(translate("probe", wrapped)) is DatabaseOperationError
    assert classify(Exception(MISLEADING)) is FailureClass.OTHER
    assert classify(sqlite3.OperationalError("database is locked")) is FailureClass.OTHER  # no code: not SQLite's
    assert classify(pymysql.err.OperationalError('(2003, "Can\'t connect")')) is FailureClass.OTHER


def test_the_code_decides_not_the_message() -> None:
    lying = OperationalError("INSERT", {}, pymysql.err.OperationalError(1062, "Can't connect to MySQL server"))
    assert classify(lying) is FailureClass.DUPLICATE_KEY
    assert type(translate("probe", lying)) is DuplicateKeyError


def test_cause_text_is_one_short_line_without_a_password() -> None:
    said = cause_text(OSError("connect to postgresql://u:hunter2@h failed\nsecond line"))
    assert said == "OSError: connect to postgresql://u:***@h failed"
    mysql_error = OperationalError("SELECT 1", {}, pymysql.err.OperationalError(1045, "Access denied for user 'x'"))
    assert cause_text(mysql_error) == "OperationalError: (1045) Access denied for user 'x'"
    long = cause_text(Exception("x" * 2000))
    assert len(long) < 600 and long.endswith("(2000 chars)")
    assert cause_text(TimeoutError()) == "TimeoutError"
