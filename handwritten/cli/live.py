"""Reading a live database without changing it: reachable? which server? which tables, columns, indexes?

doctor, introspect and migrate --dry-run use this; a database (or PostgreSQL schema) that does not exist yet
reads as empty, which is what start-up would find before creating it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import MetaData, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.cli.output import CliError, error_text
from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.failures.classify import FailureClass, classify
from sldb.handwritten.runtime.schema.catalog import LiveSchema, read_live_schema, read_row_estimates
from sldb.handwritten.runtime.schema.diff import compare
from sldb.handwritten.runtime.schema.extras import RowsReport, SchemaExtras, extras_of
from sldb.handwritten.runtime.schema.plan import tables_altered


def models_metadata() -> MetaData:
    """The tables the specs define (imported late: the generated models take a moment to load)."""
    from sldb.generated.models import Base

    return Base.metadata


@dataclass
class LiveDatabase:
    """What a command found at the configured database."""

    backend: str  # PostgreSQL, MariaDB, MySQL or SQLite
    server_version: str
    database: str
    schema: str | None
    exists: bool  # False: the database, schema or SQLite file is not there yet
    dialect: Dialect
    live: LiveSchema = field(default_factory=LiveSchema)
    missing: str = ""  # what is not there yet, for people: "database x", "schema y", "file z"
    rows: dict[str, int | None] = field(default_factory=dict)  # with_rows: the rows of each table the plan alters

    @property
    def server(self) -> str:
        return f"{self.backend} {self.server_version}"


def reading_engine(settings: DatabaseSettings) -> AsyncEngine:
    """An engine that only reads: one connection, and on SQLite none of start-up's pragmas (WAL is persistent)."""
    if settings.db_type == "sqlite":
        return create_async_engine(settings.url(), poolclass=NullPool)
    return create_engine_for(settings.url(), PoolOptions(max_connections=1, min_connections=0))


def connect_error(settings: DatabaseSettings, exc: BaseException) -> CliError:
    """One line naming the server (never its password) and the driver's reason."""
    return CliError(f"cannot connect to {settings.db_type} at {settings.where()}: {error_text(exc)}")


def _is_unknown_database(settings: DatabaseSettings, exc: BaseException) -> bool:
    """Whether the server says the database is not there (a missing SQLite file is seen before connecting)."""
    return settings.db_type != "sqlite" and classify(exc) is FailureClass.UNKNOWN_DATABASE


async def _version(conn: AsyncConnection) -> tuple[str, str]:
    """(backend, version) as the server reports them."""
    name = conn.dialect.name
    if name == "sqlite":
        return "SQLite", str((await conn.execute(text("SELECT sqlite_version()"))).scalar())
    if is_mysql(name):
        version = str((await conn.execute(text("SELECT VERSION()"))).scalar())
        return ("MariaDB" if "mariadb" in version.lower() else "MySQL"), version.split("-")[0]
    return "PostgreSQL", str((await conn.execute(text("SHOW server_version"))).scalar()).split(" ")[0]


def _names(settings: DatabaseSettings) -> tuple[str, str | None]:
    if settings.db_type == "sqlite":
        return str(settings.sqlite_path()), None
    if settings.db_type == "mysql":
        return settings.mysql_database, None
    return settings.postgresql_database, settings.postgresql_schema


async def inspect_live(settings: DatabaseSettings, with_rows: bool = False) -> LiveDatabase:
    """Connect (creating nothing), identify the server and read the live schema; with_rows, also the rows of
    each existing table start-up's migration would alter (estimated from the catalog; counted on SQLite)."""
    database, schema = _names(settings)
    engine = reading_engine(settings)
    try:
        if settings.db_type == "sqlite" and not settings.sqlite_path().exists():
            missing = f"file {database}"
            return LiveDatabase(
                "SQLite", sqlite3.sqlite_version, database, None, False, engine.dialect, missing=missing
            )
        try:
            async with engine.connect() as conn:
                backend, version = await _version(conn)
                if schema is not None and not await _schema_exists(conn, schema):
                    return LiveDatabase(
                        backend, version, database, schema, False, conn.dialect, missing=f"schema {schema}"
                    )
                live = await read_live_schema(conn)
                rows = await _rows_of_the_plan(conn, live) if with_rows else {}
                return LiveDatabase(backend, version, database, schema, True, conn.dialect, live, rows=rows)
        except Exception as exc:
            if not _is_unknown_database(settings, exc):
                raise connect_error(settings, exc) from None
        backend, version = await _server_version(settings)
        return LiveDatabase(backend, version, database, schema, False, engine.dialect, missing=f"database {database}")
    finally:
        await engine.dispose()


async def background_status(settings: DatabaseSettings) -> list[tuple[str, str]]:
    """How far the background steps after start are (the counters' backfill), as SchemaExtras reports it."""
    return await _extras_rows(settings, lambda extras: extras.background_status)


async def follow_up_steps(settings: DatabaseSettings) -> list[tuple[str, str]]:
    """What the steps after the migration would do on the database now, as SchemaExtras reports it."""
    return await _extras_rows(settings, lambda extras: extras.follow_up)


async def _extras_rows(
    settings: DatabaseSettings, reports: Callable[[SchemaExtras], Sequence[RowsReport]]
) -> list[tuple[str, str]]:
    """The rows of the SchemaExtras reports chosen by `reports`, read on one connection of the database."""
    metadata = models_metadata()
    engine = reading_engine(settings)
    try:
        async with engine.connect() as conn:
            return [row for report in reports(extras_of(metadata)) for row in await report(conn, metadata)]
    finally:
        await engine.dispose()


async def _rows_of_the_plan(conn: AsyncConnection, live: LiveSchema) -> dict[str, int | None]:
    steps = compare(models_metadata(), live, conn.dialect).migration
    return await read_row_estimates(conn, tables_altered(steps))


async def _schema_exists(conn: AsyncConnection, schema: str) -> bool:
    found = await conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema})
    return found.scalar() is not None


async def _server_version(settings: DatabaseSettings) -> tuple[str, str]:
    """The server's version through the maintenance connection, for a database that does not exist yet."""
    engine = create_engine_for(settings.server_url(), PoolOptions(max_connections=1, min_connections=0))
    try:
        async with engine.connect() as conn:
            return await _version(conn)
    except Exception as exc:
        raise connect_error(settings, exc) from None
    finally:
        await engine.dispose()
