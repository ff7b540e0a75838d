"""Before the engine: make sure the target database (and PostgreSQL schema) exists.

Names are quoted as identifiers by the dialect's preparer; a name holding a quote, a semicolon or a space
is created and used literally, never executed.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.dialects import mysql, postgresql
from sqlalchemy.exc import DBAPIError, ProgrammingError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.runtime.backends.identity import exact_collation
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for, driver_connect_args
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError, DataLayerError
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify, typed_error
from sldb.handwritten.runtime.failures.retry import Backoff, keep_trying

log = layer_logger("bootstrap")

_PG_QUOTE = postgresql.dialect().identifier_preparer.quote_identifier  # type: ignore[no-untyped-call]
_MYSQL_QUOTE = mysql.dialect().identifier_preparer.quote_identifier


def _unavailable(settings: DatabaseSettings, exc: BaseException) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(f"cannot reach {settings.db_type} at {settings.where()}: {cause_text(exc)}")


def _refused(settings: DatabaseSettings, exc: SQLAlchemyError, failure: FailureClass) -> DataLayerError:
    """The server answered but refused: a wrong password, no right to create or open the database.

    The error's type says which (LoginRefusedError, PermissionDeniedError, ...: a DatabaseOperationError).
    """
    database = settings.mysql_database if settings.db_type == "mysql" else settings.postgresql_database
    where = f"{settings.db_type} at {settings.where()}"
    return typed_error(failure, f"{where} refused database {database!r} for its user: {cause_text(exc)}")


def _created_by_another(exc: BaseException) -> bool:
    """Whether a CREATE failed only because another instance created the same thing a moment earlier."""
    return classify(exc) is FailureClass.ALREADY_EXISTS


async def ensure_database(settings: DatabaseSettings) -> None:
    """Create the configured database (and schema) when missing; raise DatabaseUnavailableError if unreachable."""
    if settings.db_type == "sqlite":
        settings.sqlite_path().parent.mkdir(parents=True, exist_ok=True)
        return
    try:
        if settings.db_type == "mysql":
            await _ensure_mysql(settings)
        else:
            await _ensure_postgresql(settings)
    except DatabaseUnavailableError:
        raise
    except Exception as exc:
        failure = classify(exc)
        if failure is FailureClass.UNAVAILABLE:
            raise _unavailable(settings, exc) from None
        if isinstance(exc, SQLAlchemyError):
            raise _refused(settings, exc, failure) from exc
        raise


async def _ensure_mysql(settings: DatabaseSettings) -> None:
    """Create the database only when the catalog lacks it: CREATE DATABASE IF NOT EXISTS checks the CREATE
    privilege even when the database exists, which a role that may only read and write lacks."""
    url, connect_args = driver_connect_args(settings.server_url(), settings.connect_timeout)
    engine = create_async_engine(url, poolclass=NullPool, connect_args=connect_args)
    try:
        async with engine.connect() as conn:
            found = await conn.execute(
                text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :n"), {"n": settings.mysql_database}
            )
            if found.scalar() is not None:
                return
            # Texts compare exactly, as on PostgreSQL and SQLite (see migrate.exact_collation).
            collation = exact_collation(conn.dialect)
            await conn.execute(
                text(
                    f"CREATE DATABASE IF NOT EXISTS {_MYSQL_QUOTE(settings.mysql_database)} "
                    f"CHARACTER SET utf8mb4 COLLATE {collation}"
                )
            )
            await conn.commit()
            log.info("created MySQL database %s", settings.mysql_database)
    finally:
        await engine.dispose()


STANDBY_REPLAY_WAIT_SECONDS = 10.0


async def _connect_once_replayed(engine: AsyncEngine, *, several_servers: bool) -> AsyncConnection:
    """A connection to the new database through the server list. asyncpg tries the servers in order and
    checks which one takes writes only after logging in: a standby listed before the primary that has not yet
    replayed the CREATE DATABASE refuses the login as an unknown database, so with several servers that is
    retried for a few seconds."""

    def not_replayed_yet(exc: Exception) -> bool:
        return several_servers and isinstance(exc, DBAPIError) and classify(exc) is FailureClass.UNKNOWN_DATABASE

    return await keep_trying(
        engine.connect, not_replayed_yet, Backoff(0.1, doubling=False, within_seconds=STANDBY_REPLAY_WAIT_SECONDS)
    )


async def _ensure_postgresql(settings: DatabaseSettings) -> None:
    """Connect to the target database first; only when it is missing reach the maintenance database to create
    it, and only when the schema is missing create that: a serving role may lack CONNECT on `postgres` and
    CREATE on the database, and CREATE SCHEMA IF NOT EXISTS checks that privilege even when the schema exists."""
    several_servers = len(settings.hosts("postgresql")) > 1
    options = PoolOptions(max_connections=1, min_connections=0, connect_timeout=settings.connect_timeout)
    url = settings.url()
    # Without search_path (the schema may not be there yet), with the server list (the primary takes the DDL).
    target = create_engine_for(url.set(query={k: v for k, v in url.query.items() if k != "search_path"}), options)
    try:
        conn = await _connect_or_create(target, settings, several_servers=several_servers)
        try:
            await _ensure_schema(conn, settings.postgresql_schema)
        finally:
            await conn.close()
    finally:
        await target.dispose()


async def _connect_or_create(
    target: AsyncEngine, settings: DatabaseSettings, *, several_servers: bool
) -> AsyncConnection:
    """A connection to the target database, created first through the maintenance database when missing."""
    try:
        return await target.connect()
    except DBAPIError as exc:
        if classify(exc) is not FailureClass.UNKNOWN_DATABASE:
            raise
    await _create_postgresql_database(settings)
    return await _connect_once_replayed(target, several_servers=several_servers)


async def _create_postgresql_database(settings: DatabaseSettings) -> None:
    url, connect_args = driver_connect_args(settings.server_url(), settings.connect_timeout)
    server = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT", connect_args=connect_args)
    try:
        async with server.connect() as conn:
            exists = (
                await conn.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": settings.postgresql_database}
                )
            ).scalar()
            if exists:
                return
            try:
                await conn.execute(text(f"CREATE DATABASE {_PG_QUOTE(settings.postgresql_database)}"))
                log.info("created PostgreSQL database %s", settings.postgresql_database)
            except (ProgrammingError, DBAPIError) as exc:
                if not _created_by_another(exc):
                    raise
    finally:
        await server.dispose()


async def _ensure_schema(conn: AsyncConnection, schema: str) -> None:
    """CREATE SCHEMA only when pg_namespace lacks it (a role owning only its pre-made schema may not create)."""
    if schema == "public":
        return
    found = await conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :n"), {"n": schema})
    if found.scalar() is not None:
        await conn.rollback()
        return
    try:
        await conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {_PG_QUOTE(schema)}"))
        await conn.commit()
        log.info("created PostgreSQL schema %s", schema)
    except (ProgrammingError, DBAPIError) as exc:
        if not _created_by_another(exc):
            raise
