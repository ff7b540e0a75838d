"""Auto-migration on each backend: an older plugin database is completed without losing rows, K processes
start at once on a fresh database, and plan_migration shows DDL without running it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for, start_at_once

pytestmark = pytest.mark.parametrize("backend", BACKENDS)
KEY = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "SERIAL PRIMARY KEY",
    "mysql": "INTEGER AUTO_INCREMENT PRIMARY KEY",
}

OLD_TABLES = [
    "CREATE TABLE raw_messages (id {key}, sender_id VARCHAR(255) NOT NULL, sender_name VARCHAR(255), "
    "message TEXT NOT NULL, group_id VARCHAR(255), timestamp BIGINT NOT NULL, platform VARCHAR(100), created_at BIGINT NOT NULL)",
    "CREATE TABLE jargon (id {key}, content TEXT NOT NULL, raw_content TEXT, meaning TEXT, is_jargon BOOLEAN, "
    "count INTEGER, last_inference_count INTEGER, is_complete BOOLEAN, chat_id VARCHAR(255) NOT NULL, "
    "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
    "CREATE TABLE jargon_usage_frequency (id {key}, jargon_id INTEGER NOT NULL, group_id VARCHAR(255) NOT NULL, "
    "usage_count INTEGER, last_used_at FLOAT NOT NULL)",
]
OLD_ROWS = [
    (
        "INSERT INTO raw_messages (sender_id, message, group_id, timestamp, created_at) VALUES ('u1', '旧消息', 'g1', 100, 100)",
        {},
    ),
    (
        "INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete, chat_id, created_at, updated_at) "
        "VALUES ('yyds', '[\"a\"]', NULL, TRUE, 3, 1, FALSE, 'g1', 10, 20)",
        {},
    ),
    (
        "INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete, chat_id, created_at, updated_at) "
        "VALUES ('yyds', '[\"b\"]', '永远的神', TRUE, 2, 4, TRUE, 'g1', 5, 30)",
        {},
    ),
    (
        "INSERT INTO jargon_usage_frequency (jargon_id, group_id, usage_count, last_used_at) VALUES (1, 'g1', 7, 0.5)",
        {},
    ),
]


async def _make_old_database(backend: str, tmp_path: Path, database: str) -> dict[str, Any]:
    await drop_database(backend, database)
    config = settings_for(backend, tmp_path, database=database, schema="public")
    settings = DatabaseSettings.from_config(config)
    from sldb.handwritten.runtime.connecting.bootstrap import ensure_database

    await ensure_database(settings)
    engine = create_async_engine(settings.url())
    async with engine.begin() as conn:
        for ddl in OLD_TABLES:
            await conn.execute(text(ddl.format(key=KEY[backend])))
        for sql, params in OLD_ROWS:
            await conn.execute(text(sql), params)
    await engine.dispose()
    return config


async def test_older_plugin_database_is_completed_and_keeps_rows(backend: str, tmp_path: Path) -> None:
    config = await _make_old_database(backend, tmp_path, db_name("sldb_rt_old"))
    manager = SQLAlchemyDatabaseManager(config)
    planned = await manager.plan_migration()
    kinds = {(s.kind, s.table, s.name) for s in planned}
    assert ("add_column", "raw_messages", "processed") in kinds
    assert ("before_create", "jargon", "uk_chat_content") in kinds  # the spec's merge_jargon_duplicates
    assert ("create_table", "bot_messages", "bot_messages") in kinds
    assert await manager.start()
    assert await manager.plan_migration() == []
    async with manager.transaction() as s:
        raw = (await s.execute(text("SELECT message, message_id, processed FROM raw_messages"))).one()
        jargon = (
            await s.execute(
                text(
                    "SELECT id, meaning, count, last_inference_count, is_complete, raw_content, created_at, updated_at FROM jargon"
                )
            )
        ).all()
        usage = (await s.execute(text("SELECT jargon_id, usage_count FROM jargon_usage_frequency"))).one()
    assert raw[0] == "旧消息" and raw[1] is None
    assert len(jargon) == 1
    kept = jargon[0]
    assert (kept[1], kept[2], kept[3], bool(kept[4])) == ("永远的神", 5, 4, True)
    assert json.loads(kept[5]) == ["b"]  # a completed entry keeps its own raw contents
    assert (kept[6], kept[7]) == (5, 30)
    assert usage[0] == kept[0] and usage[1] == 7
    if backend == "mysql":
        async with manager.transaction() as s:
            kind = (
                await s.execute(
                    text(
                        "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                        "AND table_name = 'jargon_usage_frequency' AND column_name = 'last_used_at'"
                    )
                )
            ).scalar()
            message_kind = (
                await s.execute(
                    text(
                        "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                        "AND table_name = 'raw_messages' AND column_name = 'message'"
                    )
                )
            ).scalar()
        assert (kind, message_kind) == ("double", "longtext")
    await manager.stop()


async def test_eight_processes_start_at_once_on_a_fresh_database(backend: str, tmp_path: Path) -> None:
    await drop_database(backend, db_name("sldb_rt_many"))
    config = settings_for(backend, tmp_path, database=db_name("sldb_rt_many"), schema="many_instances")
    results = await asyncio.to_thread(start_at_once, [config] * 8)
    assert [r["tables"] for r in results] == [len(Base.metadata.tables)] * 8
    assert sum(r["steps"] > 0 for r in results) == 1  # one starter migrated; the others found nothing to do
