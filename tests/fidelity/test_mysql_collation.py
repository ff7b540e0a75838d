"""MySQL/MariaDB compare texts exactly, like PostgreSQL and SQLite, in new and in existing databases.

A database made by an older plugin version uses a case- and accent-insensitive collation, under which every
emoji equals every other; start-up converts the database and its tables (losslessly) to an exact one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.connecting.bootstrap import ensure_database
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for

pytestmark = pytest.mark.skipif("mysql" not in BACKENDS, reason="MySQL/MariaDB collations")

OLD_JARGON = (
    "CREATE TABLE jargon (id INTEGER AUTO_INCREMENT PRIMARY KEY, content TEXT NOT NULL, raw_content TEXT, "
    "meaning TEXT, is_jargon BOOLEAN, count INTEGER, last_inference_count INTEGER, is_complete BOOLEAN, "
    "chat_id VARCHAR(255) NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL) "
    "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"
)


async def _collations(manager: Any) -> tuple[str, set[str]]:
    async with manager.transaction() as session:
        database = (await session.execute(text("SELECT @@collation_database"))).scalar_one()
        columns = await session.execute(
            text(
                "SELECT DISTINCT collation_name FROM information_schema.columns "
                "WHERE table_schema = DATABASE() AND table_name = 'jargon' AND collation_name IS NOT NULL"
            )
        )
        return str(database), {str(c) for (c,) in columns}


async def test_an_older_database_is_converted_to_exact_comparison_and_keeps_its_rows(tmp_path: Path) -> None:
    name = db_name("sldb_fid_collation")
    await drop_database("mysql", name)
    config = settings_for("mysql", tmp_path, database=name)
    settings = DatabaseSettings.from_config(config)
    await ensure_database(settings)
    engine = create_async_engine(settings.url())
    async with engine.begin() as conn:
        await conn.execute(text("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
        await conn.execute(text(OLD_JARGON))
        await conn.execute(
            text(
                "INSERT INTO jargon (content, meaning, count, chat_id, created_at, updated_at) "
                "VALUES ('😀', '笑', 1, 'g', 1, 1)"
            )
        )
    await engine.dispose()

    manager = SQLAlchemyDatabaseManager(config)
    planned = {(s.kind, s.table) for s in await manager.plan_migration()}
    assert ("convert_database", "") in planned and ("convert_table", "jargon") in planned
    await manager.start()
    try:
        database, columns = await _collations(manager)
        assert database.startswith("utf8mb4_") and database.endswith("bin")
        assert columns == {database}
        kept = await manager.get_jargon("g", "😀")
        assert kept is not None and kept["meaning"] == "笑"
        assert await manager.save_or_update_jargon("g", "😂", {"meaning": "哭笑", "count": 1}) != kept["id"]
        assert await manager.plan_migration() == []
    finally:
        await manager.stop()
        await drop_database("mysql", name)


async def test_the_database_collation_is_read_as_it_is_now_not_as_the_connection_began(tmp_path: Path) -> None:
    """A starter that waited for the migration lock must see the ALTER DATABASE another starter ran meanwhile;
    @@collation_database keeps the value of the connection's start, so 3-13 of 16 starters repeated it."""
    from sldb.handwritten.runtime.backends.identity import exact_collation
    from sldb.handwritten.runtime.schema.catalog import read_live_schema

    name = db_name("sldb_fid_collation_now")
    await drop_database("mysql", name)
    settings = DatabaseSettings.from_config(settings_for("mysql", tmp_path, database=name))
    await ensure_database(settings)
    engine = create_async_engine(settings.url())
    try:
        async with engine.connect() as waiting, engine.connect() as other:
            exact = exact_collation(waiting.dialect)
            await other.execute(text("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
            assert (await read_live_schema(waiting)).database_collation == "utf8mb4_unicode_ci"
            await other.execute(text(f"ALTER DATABASE CHARACTER SET utf8mb4 COLLATE {exact}"))
            assert (await read_live_schema(waiting)).database_collation == exact
    finally:
        await engine.dispose()
        await drop_database("mysql", name)
