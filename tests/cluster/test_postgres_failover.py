"""A PostgreSQL primary and a synchronous standby, both in postgresql_host, the standby listed first.

Start-up finds the primary (DDL never reaches the standby); the primary's writes stream to the standby; when the
primary dies, calls fail fast with the typed unavailable error until the standby is promoted, and the first call
after the promotion reaches the new primary without a restart of the manager, with no acknowledged write lost.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError
from tests.cluster.postgres import PrimaryAndStandby
from tests.faults.helpers import Writes
from tests.fixtures import BACKENDS

pytestmark = [pytest.mark.cluster, pytest.mark.slow]
if "postgresql" not in BACKENDS:
    pytestmark.append(pytest.mark.skip(reason="PostgreSQL is not among the selected backends"))

DATABASE = "sldb_failover"
CONNECT_TIMEOUT = 2
HANG_GUARD_SECONDS = 30  # far above any expected figure: only catches a call that hangs


def _settings(pair: PrimaryAndStandby, tmp: Path, schema: str) -> dict[str, Any]:
    return {
        "db_type": "postgresql",
        "postgresql_host": pair.hosts,
        "postgresql_user": "postgres",
        "postgresql_database": DATABASE,
        "postgresql_schema": schema,
        "fallback_to_sqlite": False,
        "connect_timeout": CONNECT_TIMEOUT,
        "data_dir": str(tmp),
    }


async def _answering_server(manager: SQLAlchemyDatabaseManager) -> tuple[int, bool]:
    async with manager.reading() as conn:
        row = (await conn.execute(text("SELECT inet_server_port(), pg_is_in_recovery()"))).one()
    return int(row[0]), bool(row[1])


async def _standby_count(pair: PrimaryAndStandby, schema: str, group: str) -> int:
    engine = create_async_engine(pair.standby.url().set(database=DATABASE))
    try:
        async with engine.connect() as conn:
            query = text(f"SELECT count(*) FROM {schema}.raw_messages WHERE group_id = :g")
            return int((await conn.execute(query, {"g": group})).scalar_one())
    finally:
        await engine.dispose()


@pytest.mark.parametrize("schema", ["learning", "public"])
async def test_the_primary_is_found_and_a_promoted_standby_takes_over_with_no_acknowledged_write_lost(
    pg_sync_pair: PrimaryAndStandby, tmp_path: Path, schema: str
) -> None:
    pair = pg_sync_pair
    manager = SQLAlchemyDatabaseManager(_settings(pair, tmp_path, schema))
    assert await manager.start()  # the database, schema and tables were created on the primary
    try:
        assert await _answering_server(manager) == (pair.primary.port, False)
        writes = Writes(group="failover")
        for i in range(20):
            assert await writes.write(manager, f"before-{i}")
        # Synchronous replication: every acknowledged write is already on the standby.
        assert await _standby_count(pair, schema, writes.group) == 20

        pair.primary.kill()
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailableError) as caught:
            await manager.get_recent_raw_messages(writes.group, limit=10)
        assert time.monotonic() - started < HANG_GUARD_SECONDS
        assert "get_recent_raw_messages" in str(caught.value)
        assert not await writes.write(manager, "while-down")  # the plugin's value (0), logged

        pair.standby.promote()
        assert await writes.write(manager, "after")  # no restart of the manager
        assert await _answering_server(manager) == (pair.standby.port, False)
        assert await writes.missing(manager) == set()
        assert len(writes.acknowledged) == 21
    finally:
        await manager.stop()
