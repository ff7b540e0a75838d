"""Database_Settings: read from the plugin's config, validated, turned into connection URLs.

Accepted shapes: {"Database_Settings": {...}}, a flat dict of the fields, or any object with the fields
as attributes (the plugin passes its PluginConfig).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from sldb.handwritten.runtime.backends.identity import BACKEND_NAMES, backend_named
from sldb.handwritten.runtime.connecting.hosts import (
    HostPort,
    host_list_text,
    parse_hosts,
    port_number,
    query_of_hosts,
    whole_number,
)
from sldb.handwritten.runtime.contract.database import Backend
from sldb.handwritten.runtime.contract.errors import SettingsError

SQLITE_FILE_NAME = "messages.db"


def normalize_db_type(value: Any) -> Backend:
    """The backend a db_type names; case and surrounding spaces are ignored; empty means PostgreSQL."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "postgresql"
    backend = backend_named(str(value))
    if backend is None:
        accepted = ", ".join(BACKEND_NAMES)
        raise SettingsError("db_type", f"unknown database type {value!r}; accepted: {accepted}")
    return backend


@dataclass(frozen=True)
class DatabaseSettings:
    """Every setting of the data layer, with the design document's defaults."""

    db_type: Backend = "postgresql"
    mysql_host: str = "localhost"
    mysql_port: int = 3306
    mysql_user: str = "root"
    mysql_password: str = field(default="", repr=False)  # never in a repr, a log line or an error
    mysql_database: str = "astrbot_self_learning"
    postgresql_host: str = "localhost"
    postgresql_port: int = 5432
    postgresql_user: str = "postgres"
    postgresql_password: str = field(default="", repr=False)
    postgresql_database: str = "astrbot_self_learning"
    postgresql_schema: str = "public"
    max_connections: int = 10
    min_connections: int = 2
    messages_db_path: str | None = None
    data_dir: str | None = None
    fallback_to_sqlite: bool = True
    sqlite_pool: str = "queue"  # "queue" (default, measured faster) or "null" (a new connection per session)
    echo: bool = False
    connect_timeout: float = 10.0  # seconds to open a connection before the call fails as unavailable
    # Replicated setups (README "Scaling out"). postgresql_host and mysql_host also take several servers,
    # "db1:5432,db2:5432" or a list; a server without a port has postgresql_port / mysql_port.
    postgresql_read_hosts: str = ""  # hot standbys for the reads the facade specs mark `replica: true`
    max_replica_lag_s: float = 5.0  # a standby further behind than this is skipped for the primary
    log_to: str = ""  # a host logger's name (e.g. "astrbot") that the layer's log records are handed to

    # -- reading -----------------------------------------------------------------------------

    @classmethod
    def from_config(cls, config: Any) -> DatabaseSettings:
        """Settings from a config dict (nested under Database_Settings or flat) or an object with attributes."""
        raw = _raw_fields(config)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in raw.items() if k in known and v is not None}
        values["db_type"] = normalize_db_type(raw.get("db_type"))
        for name in ("mysql_port", "postgresql_port"):
            if name in values:
                values[name] = port_number(name, values[name])
        for name in ("max_connections", "min_connections"):
            if name in values:
                values[name] = whole_number(name, values[name], minimum=1 if name == "max_connections" else 0)
        for name in ("fallback_to_sqlite", "echo"):
            if name in values:
                values[name] = _flag(name, values[name])
        for name in ("connect_timeout", "max_replica_lag_s"):
            if name in values:
                values[name] = _seconds(name, values[name])
        for name in ("mysql_host", "postgresql_host", "postgresql_read_hosts"):
            if name in values:
                values[name] = host_list_text(name, values[name])
        for name in (
            "mysql_user",
            "mysql_password",
            "mysql_database",
            "postgresql_user",
            "postgresql_password",
            "postgresql_database",
            "postgresql_schema",
            "log_to",
        ):
            if name in values:
                values[name] = str(values[name])
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.min_connections > self.max_connections:
            raise SettingsError(
                "min_connections", f"{self.min_connections} exceeds max_connections {self.max_connections}"
            )
        if self.sqlite_pool not in ("queue", "null"):
            raise SettingsError("sqlite_pool", f"{self.sqlite_pool!r}; accepted: queue, null")
        if self.db_type == "postgresql":
            _identifier("postgresql_schema", self.postgresql_schema)
            _identifier("postgresql_database", self.postgresql_database)
        if self.db_type == "mysql":
            _identifier("mysql_database", self.mysql_database)
            if self.mysql_database != self.mysql_database.rstrip(" "):
                # MySQL and MariaDB refuse such a name ("Incorrect database name"); say so before connecting.
                raise SettingsError("mysql_database", f"{self.mysql_database!r} ends with a space; MySQL refuses it")

        for name, default_port in (
            ("mysql_host", self.mysql_port),
            ("postgresql_host", self.postgresql_port),
            ("postgresql_read_hosts", self.postgresql_port),
        ):
            parse_hosts(name, getattr(self, name), default_port, allow_empty=name == "postgresql_read_hosts")

    # -- hosts -------------------------------------------------------------------------------

    def hosts(self, backend: Backend | None = None) -> tuple[HostPort, ...]:
        """The configured servers of the primary role, in order (one for a single server; none for SQLite)."""
        which = backend or self.db_type
        if which == "mysql":
            return parse_hosts("mysql_host", self.mysql_host, self.mysql_port)
        if which == "postgresql":
            return parse_hosts("postgresql_host", self.postgresql_host, self.postgresql_port)
        return ()

    def read_hosts(self) -> tuple[HostPort, ...]:
        """The PostgreSQL read replicas (none unless postgresql_read_hosts is set)."""
        return parse_hosts("postgresql_read_hosts", self.postgresql_read_hosts, self.postgresql_port, allow_empty=True)

    # -- URLs --------------------------------------------------------------------------------

    def sqlite_path(self) -> Path:
        """The SQLite file: messages_db_path, else data_dir/messages.db, else ./data/messages.db."""
        raw = self.messages_db_path or str(Path(self.data_dir or "data") / SQLITE_FILE_NAME)
        return Path(os.path.expandvars(os.path.expanduser(raw))).resolve()

    def url(self, backend: Backend | None = None) -> URL:
        """The SQLAlchemy URL of the target database (passwords travel inside URL, never as text)."""
        which = backend or self.db_type
        if which == "sqlite":
            return URL.create("sqlite+aiosqlite", database=str(self.sqlite_path()))
        if which == "mysql":
            nodes = self.hosts("mysql")
            mysql_query: dict[str, str | tuple[str, ...]] = {"charset": "utf8mb4"}
            if len(nodes) > 1:
                # Several nodes (Galera): the engine uses one at a time, from the first, and moves to a live
                # one when it fails (nodes.py).
                mysql_query["host"] = query_of_hosts(nodes)
            return URL.create(
                "mysql+aiomysql",
                username=self.mysql_user,
                password=self.mysql_password or None,
                host=nodes[0].host,
                port=nodes[0].port,
                database=self.mysql_database,
                query=mysql_query,
            )
        query: dict[str, str | tuple[str, ...]] = {}
        if self.postgresql_schema != "public":
            query["search_path"] = self.postgresql_schema
        hosts = self.hosts("postgresql")
        if len(hosts) == 1:
            host, port = hosts[0].host, hosts[0].port
        else:
            # Several servers: SQLAlchemy's asyncpg multi-host form; asyncpg connects to the one that
            # accepts writes (after a promotion, the new primary).
            host, port = None, None
            query["host"] = query_of_hosts(hosts)
            query["target_session_attrs"] = "read-write"
        return URL.create(
            "postgresql+asyncpg",
            username=self.postgresql_user,
            password=self.postgresql_password or None,
            host=host,
            port=port,
            database=self.postgresql_database,
            query=query,
        )

    def replica_url(self, replica: HostPort) -> URL:
        """The URL of one PostgreSQL read replica: the primary's URL with that one host."""
        url = self.url("postgresql")
        query = {k: v for k, v in url.query.items() if k not in ("host", "target_session_attrs")}
        return url.set(host=replica.host, port=replica.port, query=query)

    def server_url(self) -> URL:
        """The URL of the maintenance connection that creates the database: postgres db, or no db on MySQL."""
        url = self.url()
        if self.db_type == "postgresql":
            keep = {k: v for k, v in url.query.items() if k in ("host", "target_session_attrs")}
            return url.set(database="postgres", query=keep)
        return url._replace(database=None)  # URL.set() cannot unset a field

    def where(self) -> str:
        """host:port (or file) of the configured server, for messages; never includes a password."""
        if self.db_type == "sqlite":
            return str(self.sqlite_path())
        return ",".join(str(h) for h in self.hosts())


def _raw_fields(config: Any) -> dict[str, Any]:
    if config is None:
        return {}
    if isinstance(config, DatabaseSettings):
        return {f.name: getattr(config, f.name) for f in fields(config)}
    if isinstance(config, Mapping):
        nested = config.get("Database_Settings")
        if isinstance(nested, Mapping):
            merged = {k: v for k, v in config.items() if k != "Database_Settings"}
            merged.update(nested)
            return merged
        return dict(config)
    names = [f.name for f in fields(DatabaseSettings)]
    return {name: getattr(config, name) for name in names if hasattr(config, name)}


def _seconds(name: str, value: Any) -> float:
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise SettingsError(name, f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:
        raise SettingsError(name, f"{value!r} is out of range; accepted: more than 0, at most 3600 seconds")
    return seconds


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise SettingsError(name, f"{value!r}; accepted: true or false")


def _identifier(name: str, value: str) -> None:
    """A database or schema name: any text a quoted identifier can hold, but not empty and not a NUL."""
    if not value or not value.strip():
        raise SettingsError(name, "must not be empty")
    if "\x00" in value:
        raise SettingsError(name, "must not contain a NUL character")
    if len(value.encode("utf-8")) > 63:
        raise SettingsError(name, f"{value!r} is longer than 63 bytes")
