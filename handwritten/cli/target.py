"""Which database a command works on: --config FILE (the plugin's Database_Settings) or --url URL.

The URL -> settings mapping lives here because only the tool takes URLs; the data layer takes the plugin's
config. Either way the result is a DatabaseSettings, so the tool connects exactly as start() would, except
that it never falls back to SQLite: a command pointed at an unreachable server says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sldb.handwritten.cli.output import CliError, mask_passwords
from sldb.handwritten.runtime.backends.identity import BACKEND_NAMES, backend_named
from sldb.handwritten.runtime.connecting.hosts import host_setting_of, netloc_hosts_into_query
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings

URL_EXAMPLES = "postgresql://user@host:5432/db?schema=s, mysql://user@host:3306/db or sqlite:///path/to/messages.db"
_SETTING_KEYS = {f.name for f in dataclasses.fields(DatabaseSettings)}


def settings_of(args: argparse.Namespace) -> DatabaseSettings:
    """The settings the command line names, validated, without the fallback to SQLite."""
    settings = settings_from_file(args.config) if args.config else settings_from_url(args.url)
    return for_the_tool(settings, args.schema)


def for_the_tool(settings: DatabaseSettings, schema: str | None) -> DatabaseSettings:
    """settings with --schema applied and no fallback to SQLite, validated."""
    if schema is not None:
        if settings.db_type != "postgresql":
            raise CliError("--schema applies to PostgreSQL only")
        settings = dataclasses.replace(settings, postgresql_schema=schema)
    settings = dataclasses.replace(settings, fallback_to_sqlite=False)
    settings.validate()
    return settings


def describe(settings: DatabaseSettings) -> str:
    """The settings' database URL, without its password."""
    return settings.url().render_as_string(hide_password=True)


def settings_from_file(path: Path) -> DatabaseSettings:
    """Settings from the plugin's config file: {"Database_Settings": {...}} or the fields at the top level."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read the config file {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise CliError(f"{path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {exc}") from None
    if not isinstance(data, dict):
        raise CliError(f"{path} holds no settings: expected a mapping with Database_Settings or db_type")
    nested = data.get("Database_Settings")
    keys = set(nested) if isinstance(nested, dict) else set(data)
    if not keys & _SETTING_KEYS:
        raise CliError(f"{path} holds no Database_Settings (expected keys such as db_type, postgresql_host)")
    return DatabaseSettings.from_config(data)


def settings_from_url(raw: str) -> DatabaseSettings:
    """Settings from an SQLAlchemy URL; plain postgresql://, mysql:// and sqlite:/// use the async drivers."""
    try:
        url = make_url(netloc_hosts_into_query(raw))
    except (ArgumentError, ValueError):
        raise CliError(f"cannot read the URL {mask_passwords(raw)!r}; expected e.g. {URL_EXAMPLES}") from None
    backend = backend_named(url.get_backend_name())
    if backend is None:
        accepted = ", ".join(f"{name}://" for name in BACKEND_NAMES)
        raise CliError(f"unsupported URL scheme {url.drivername!r}; accepted: {accepted}")
    if backend == "sqlite":
        return DatabaseSettings.from_config(_sqlite_fields(url))
    if backend == "mysql":
        return DatabaseSettings.from_config(_mysql_fields(url))
    return DatabaseSettings.from_config(_postgresql_fields(url))


def _query(url: URL, accepted: dict[str, str | None]) -> dict[str, str]:
    """The URL's query parameters, each one accepted (by name, and by value where one is required)."""
    found: dict[str, str] = {}
    for key, value in url.query.items():
        if key == "host":
            continue  # the server list (host_setting_of)
        text = value if isinstance(value, str) else value[-1]
        if key not in accepted:
            names = ", ".join(accepted) or "none"
            raise CliError(f"unknown URL parameter {key!r} for {url.get_backend_name()}; accepted: {names}")
        required = accepted[key]
        if required is not None and text.lower() != required:
            raise CliError(f"URL parameter {key}={text!r}: this data layer uses {required} only")
        found[key] = text
    return found


def _sqlite_fields(url: URL) -> dict[str, Any]:
    _query(url, {})
    if not url.database or url.database == ":memory:":
        raise CliError("an SQLite URL needs a file: sqlite:///relative/path.db or sqlite:////absolute/path.db")
    return {"db_type": "sqlite", "messages_db_path": url.database}


def _mysql_fields(url: URL) -> dict[str, Any]:
    _query(url, {"charset": "utf8mb4"})
    fields: dict[str, Any] = {
        "db_type": "mysql",
        "mysql_host": host_setting_of(url, "localhost"),
        "mysql_port": url.port or 3306,
    }
    if url.username:
        fields["mysql_user"] = url.username
    if url.password:
        fields["mysql_password"] = url.password
    if url.database:
        fields["mysql_database"] = url.database
    return fields


def _postgresql_fields(url: URL) -> dict[str, Any]:
    query = _query(url, {"schema": None, "search_path": None, "target_session_attrs": "read-write", "read_hosts": None})
    fields: dict[str, Any] = {
        "db_type": "postgresql",
        "postgresql_host": host_setting_of(url, "localhost"),
        "postgresql_port": url.port or 5432,
    }
    if "read_hosts" in query:
        fields["postgresql_read_hosts"] = query["read_hosts"]
    if url.username:
        fields["postgresql_user"] = url.username
    if url.password:
        fields["postgresql_password"] = url.password
    if url.database:
        fields["postgresql_database"] = url.database
    schema = query.get("schema", query.get("search_path"))
    if schema is not None:
        fields["postgresql_schema"] = schema
    return fields
