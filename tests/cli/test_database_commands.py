"""sldb introspect / doctor / migrate against a database an older plugin version made, on each backend.

The old database is made here with raw DDL: two tables of the specs with some of their columns and indexes
left out, one column and one index the specs do not have, and a table they do not know. The commands must
report exactly what was left out and what is extra, --dry-run must change nothing, migrate must add what is
missing (keeping the old row and the extras), and a second introspect must find nothing missing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.generated.models import Base
from sldb.handwritten.runtime.connecting.bootstrap import ensure_database
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from tests.backends import db_name
from tests.cli.run import fails, inside, ok, one_line
from tests.fixtures import BACKENDS, drop_database, settings_for

KEY = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "SERIAL PRIMARY KEY",
    "mysql": "INTEGER AUTO_INCREMENT PRIMARY KEY",
}
OLD_RAW_COLUMNS = ("id", "sender_id", "sender_name", "message", "group_id", "timestamp", "platform", "created_at")
OLD_DDL = (
    "CREATE TABLE raw_messages (id {key}, sender_id VARCHAR(255) NOT NULL, sender_name VARCHAR(255), "
    "message TEXT NOT NULL, group_id VARCHAR(255), timestamp BIGINT NOT NULL, platform VARCHAR(100), "
    "created_at BIGINT NOT NULL, legacy_flag INTEGER)",
    "CREATE INDEX {kept_index} ON raw_messages ({kept_columns})",
    "CREATE INDEX ix_raw_messages_legacy_flag ON raw_messages (legacy_flag)",
    "CREATE TABLE bot_messages (id {key}, group_id VARCHAR(255) NOT NULL, message TEXT NOT NULL, "
    "timestamp BIGINT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE plugin_notes_v1 (id {key}, note TEXT)",
    "CREATE TABLE sldb_locks (name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(255) NOT NULL)",  # the layer's
    "INSERT INTO raw_messages (sender_id, message, group_id, timestamp, created_at) VALUES ('u1', '旧消息 𠮷', 'g1', 1, 1)",
)


def kept_index() -> Any:
    """An index of the specs that the older version already had: the first one over its columns."""
    return next(
        i for i in Base.metadata.tables["raw_messages"].indexes if all(c.name in OLD_RAW_COLUMNS for c in i.columns)
    )


def url_of(config: dict[str, Any]) -> str:
    """The settings as the URL a person would type (plain scheme; the tool picks the async driver)."""
    if config["db_type"] == "sqlite":
        return f"sqlite:///{config['messages_db_path']}"
    if config["db_type"] == "mysql":
        return (
            f"mysql://{config['mysql_user']}@{config['mysql_host']}:{config['mysql_port']}/{config['mysql_database']}"
        )
    return (
        f"postgresql://{config['postgresql_user']}@{config['postgresql_host']}:{config['postgresql_port']}"
        f"/{config['postgresql_database']}?schema={config['postgresql_schema']}"
    )


@pytest.fixture
async def old_database(backend: str, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    """Database_Settings of a database an older plugin version made (PostgreSQL: in a non-public schema)."""
    database = db_name("sldb_cli_old")
    await drop_database(backend, database)
    config = settings_for(backend, tmp_path, database=database, schema="legacy")
    settings = DatabaseSettings.from_config(config)
    await ensure_database(settings)
    engine = old_engine(settings)
    async with engine.begin() as conn:
        index = kept_index()
        columns = ", ".join(c.name for c in index.columns)
        for statement in OLD_DDL:
            await conn.execute(text(statement.format(key=KEY[backend], kept_index=index.name, kept_columns=columns)))
    await engine.dispose()
    yield config
    await drop_database(backend, database)


def old_engine(settings: DatabaseSettings) -> AsyncEngine:
    from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for

    return create_engine_for(settings.url(), PoolOptions(max_connections=1, min_connections=0))


async def live_columns(config: dict[str, Any], table: str) -> list[str]:
    """Read directly (not through sldb): the columns the table has now."""
    engine = old_engine(DatabaseSettings.from_config(config))
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda sync: [c["name"] for c in inspect(sync).get_columns(table)])
        rows = (await conn.execute(text("SELECT message FROM raw_messages"))).scalars().all()
    await engine.dispose()
    assert rows == ["旧消息 𠮷"]  # the old row is never lost
    return names


def expected_missing() -> dict[str, Any]:
    """What the old database lacks, from the models: every other table, and the left-out columns and indexes."""
    raw, bot = Base.metadata.tables["raw_messages"], Base.metadata.tables["bot_messages"]
    return {
        "tables": sorted(set(Base.metadata.tables) - {"raw_messages", "bot_messages"}),
        "raw_columns": [c.name for c in raw.columns if c.name not in OLD_RAW_COLUMNS],
        "raw_indexes": sorted(str(i.name) for i in raw.indexes if i.name != kept_index().name),
        "bot_indexes": sorted(str(i.name) for i in bot.indexes),
    }


def by_table(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["table"]: entry for entry in report["tables"]}


@pytest.mark.parametrize("backend", BACKENDS)
async def test_introspect_doctor_migrate_on_an_older_plugin_database(
    backend: str, old_database: dict[str, Any], tmp_path: Path
) -> None:
    url = url_of(old_database)
    config_file = tmp_path / "plugin_config.json"
    config_file.write_text(json.dumps({"Database_Settings": old_database}), encoding="utf-8")
    want = expected_missing()

    report = ok("introspect", "--url", url, "--json").json()
    tables = by_table(report)
    assert sorted(t for t, d in tables.items() if d["state"] == "missing") == want["tables"]
    assert tables["raw_messages"]["missing_columns"] == want["raw_columns"]
    assert tables["raw_messages"]["missing_indexes"] == want["raw_indexes"]
    assert tables["bot_messages"]["missing_indexes"] == want["bot_indexes"]
    assert tables["raw_messages"]["extra_columns"] == ["legacy_flag"]
    assert tables["raw_messages"]["extra_indexes"] == ["ix_raw_messages_legacy_flag"]
    assert tables["plugin_notes_v1"]["state"] == "extra"
    assert "sldb_locks" not in tables  # the layer's own bookkeeping is not the plugin's data
    if backend == "mysql":  # TEXT holds 64 KiB there; the specs want LONGTEXT and migration widens it
        assert {t["column"]: t["note"] for t in tables["raw_messages"]["type_differences"]} == {
            "message": "narrower; migration widens it"
        }
    assert report["counts"]["missing_tables"] == len(want["tables"])

    doctor = ok("doctor", "--config", str(config_file), "--json").json()
    assert doctor["server"] == {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MariaDB"}[backend]
    assert doctor["database_exists"] and doctor["schema"] == ("legacy" if backend == "postgresql" else None)
    assert doctor["tables"] == report["tables"]
    added = {s["name"] for s in doctor["plan"] if s["kind"] == "add_column" and s["table"] == "raw_messages"}
    assert added == set(want["raw_columns"])
    assert {s["table"] for s in doctor["plan"] if s["kind"] == "create_table"} == set(want["tables"])
    if backend == "sqlite":  # what people read: the same report as tables and DDL
        people = (await asyncio.to_thread(inside, "doctor", "--url", url)).out
        assert f"start-up would run {len(doctor['plan'])} step(s)" in people
        assert "legacy_flag" in people and "plugin_notes_v1" in people and "ALTER TABLE raw_messages ADD" in people

    dry = (await asyncio.to_thread(inside, "migrate", "--url", url, "--dry-run", "--json")).json()
    assert dry["plan"] == doctor["plan"]
    assert await live_columns(old_database, "raw_messages") == [*OLD_RAW_COLUMNS, "legacy_flag"]  # unchanged

    migrated = ok("migrate", "--config", str(config_file), "--json").json()
    assert migrated["failed"] == 0 and len(migrated["steps"]) == len(doctor["plan"])
    assert await live_columns(old_database, "raw_messages") == [*OLD_RAW_COLUMNS, "legacy_flag", *want["raw_columns"]]

    after = (await asyncio.to_thread(inside, "introspect", "--url", url, "--json")).json()
    assert {k: v for k, v in after["counts"].items() if k.startswith("missing") or k == "type_differences"} == {
        "missing_tables": 0,
        "missing_columns": 0,
        "missing_indexes": 0,
        "type_differences": 0,
    }
    assert (after["counts"]["extra_tables"], after["counts"]["extra_columns"]) == (1, 1)  # nothing dropped


def test_bad_or_unreachable_targets_are_one_line_without_the_password(tmp_path: Path) -> None:
    as_people_do = {
        "postgresql://someone:s3cret@127.0.0.1:1/db": "sldb doctor: cannot connect to postgresql at 127.0.0.1:1: ",
        "oracle://someone:s3cret@host/db": "sldb doctor: unsupported URL scheme 'oracle'; accepted: ",
    }
    with ThreadPoolExecutor(max_workers=2) as pool:  # independent processes: run them side by side
        lines = dict(zip(as_people_do, pool.map(lambda url: fails("doctor", "--url", url), as_people_do), strict=True))
    for url, expected in as_people_do.items():
        assert lines[url].startswith(expected) and "s3cret" not in lines[url], lines[url]

    bad_port = tmp_path / "bad_port.yaml"
    bad_port.write_text("Database_Settings:\n  db_type: mysql\n  mysql_port: 70000\n", encoding="utf-8")
    in_process = {
        (
            "migrate",
            "--url",
            "mysql://someone:s3cret@127.0.0.1:1/db",
        ): "sldb migrate: cannot reach mysql at 127.0.0.1:1",
        ("introspect", "--config", str(tmp_path / "missing.json")): "sldb introspect: cannot read the config file ",
        ("export", "--config", str(bad_port)): "sldb export: Database_Settings.mysql_port: 70000 is out of range",
    }
    for args, expected in in_process.items():
        line = one_line(inside(*args), args[0])
        assert line.startswith(expected) and "s3cret" not in line, line
    usage = inside("migrate", "--dry-run")
    assert usage.code == 2 and "one of the arguments --config --url is required" in usage.err
