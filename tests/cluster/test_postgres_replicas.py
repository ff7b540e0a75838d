"""Reads the facade specs mark `replica: true` go to a hot standby (postgresql_read_hosts); nothing else does.

Which server ran a statement is recorded from the engine that sent it (its URL's port) and checked against the
server itself (pg_is_in_recovery() on the same routed connection). A standby that stops is skipped, with one
warning, and used again once it is back.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.cluster import replicas
from sldb.handwritten.runtime.connecting.engine import DatabaseEngine
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from tests.cli.run import ROOT, sldb
from tests.cluster.postgres import PrimaryAndStandby
from tests.faults.helpers import Writes
from tests.fixtures import BACKENDS

pytestmark = [pytest.mark.cluster, pytest.mark.slow]
if "postgresql" not in BACKENDS:
    pytestmark.append(pytest.mark.skip(reason="PostgreSQL is not among the selected backends"))

DATABASE = "sldb_replicas"
LAG_BOUND_SECONDS = 10.0  # how long a write may take to show on the standby before the test fails


@pytest.fixture
def ports_used() -> Iterator[list[int]]:
    """The port of the server each statement was sent to, in order."""
    seen: list[int] = []

    def record(conn: Any, *_: Any) -> None:
        seen.append(int(conn.engine.url.port or 0))

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


async def _ports_of(seen: list[int], call: Any) -> set[int]:
    seen.clear()
    await call
    return set(seen)


async def test_marked_reads_go_to_the_standby_and_unmarked_ones_never_do(
    pg_async_pair: PrimaryAndStandby, tmp_path: Path, ports_used: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    pair = pg_async_pair
    primary, standby = pair.primary.port, pair.standby.port
    manager = SQLAlchemyDatabaseManager(
        {
            "db_type": "postgresql",
            "postgresql_host": f"127.0.0.1:{primary}",
            "postgresql_read_hosts": f"127.0.0.1:{standby}",
            "postgresql_database": DATABASE,
            "postgresql_schema": "learning",
            "fallback_to_sqlite": False,
            "connect_timeout": 2,
            "data_dir": str(tmp_path),
        }
    )
    assert await manager.start()
    caplog.set_level(logging.WARNING, logger="sldb.replicas")
    try:
        writes = Writes(group="replicated")
        for i in range(10):
            assert await writes.write(manager, f"m{i}")
        # Marked reads answer from the primary until the standby has replayed what start-up created, then
        # from the standby, within the lag bound; none of them fails on the way (checked below by caplog).
        deadline = time.monotonic() + LAG_BOUND_SECONDS
        while True:
            async with manager.replica().reading() as conn:
                server = (await conn.execute(text("SELECT pg_is_in_recovery(), inet_server_port()"))).one()
            if server == (True, standby):
                break
            assert time.monotonic() < deadline, "the standby was not used within the bound"
            assert (await manager.get_message_statistics(writes.group))["total_messages"] == 10
            await asyncio.sleep(0.1)
        while (await manager.get_message_statistics(writes.group))["total_messages"] != 10:
            assert time.monotonic() < deadline, "the standby did not replay the writes within the bound"
            await asyncio.sleep(0.1)
        marked = [
            manager.get_message_statistics(writes.group),
            manager.get_messages_statistics(),
            manager.get_group_statistics(),
            manager.get_trends_data(),
            manager.get_jargon_statistics(),
            manager.get_data_statistics(),
        ]
        for call in marked:
            assert await _ports_of(ports_used, call) == {standby}
        unmarked = [
            manager.get_recent_raw_messages(writes.group, limit=5),
            manager.get_unprocessed_messages(limit=5),
            manager.get_recent_jargon_list(limit=5),
        ]
        for call in unmarked:
            assert await _ports_of(ports_used, call) == {primary}
        assert await _ports_of(ports_used, writes.write(manager, "m10")) == {primary}
        assert not caplog.records  # the standby was usable throughout

        # The standby stops: marked reads go to the primary at once (the first call finds it down, whenever it
        # was last checked), with one warning however many calls.
        pair.standby.kill()
        for _ in range(3):
            assert await _ports_of(ports_used, manager.get_message_statistics(writes.group)) == {primary}
            await asyncio.sleep(replicas.CHECK_INTERVAL_SECONDS / 2)
        skipped = [r for r in caplog.records if "is skipped (down)" in r.getMessage()]
        assert len(skipped) == 1 and f"127.0.0.1:{standby}" in skipped[0].getMessage()

        # Back again: used again after the next check, and said so once.
        pair.standby.start()
        deadline = time.monotonic() + LAG_BOUND_SECONDS
        while await _ports_of(ports_used, manager.get_message_statistics(writes.group)) != {standby}:
            assert time.monotonic() < deadline, "the standby was not used again"
            await asyncio.sleep(0.2)
        assert sum("usable again" in r.getMessage() for r in caplog.records) == 1
        assert (await manager.get_message_statistics(writes.group))["total_messages"] == 11
    finally:
        await manager.stop()


async def test_doctor_shows_each_servers_role_and_lag(pg_async_pair: PrimaryAndStandby, tmp_path: Path) -> None:
    pair = pg_async_pair
    primary, standby = pair.primary.port, pair.standby.port
    url = f"postgresql://postgres@127.0.0.1:{standby},127.0.0.1:{primary}/postgres?read_hosts=127.0.0.1:{standby}"
    done = sldb("doctor", "--url", url, "--json", cwd=ROOT)
    assert done.code == 0, done.err
    roles = {(h["host"], h["listed_as"]): (h["role"], h["lag_s"]) for h in done.json()["hosts"]}
    assert roles[(f"127.0.0.1:{primary}", "primary")] == ("primary", None)
    role, lag = roles[(f"127.0.0.1:{standby}", "primary")]
    assert role == "standby" and lag is not None and lag >= 0
    assert roles[(f"127.0.0.1:{standby}", "read replica")][0] == "standby"

    pair.standby.kill()
    table = sldb("doctor", "--url", url, cwd=ROOT)
    assert table.code == 0, table.err
    assert f"read replica 127.0.0.1:{standby}" in table.out and "down:" in table.out


async def test_a_standby_that_has_not_replayed_start_up_is_not_used(pg_async_pair: PrimaryAndStandby) -> None:
    """Its replay lag reads 0 when it has not even received the WAL, so the WAL position is what tells."""
    pair = pg_async_pair
    settings = DatabaseSettings.from_config(
        {
            "db_type": "postgresql",
            "postgresql_host": f"127.0.0.1:{pair.standby.port}",
            "postgresql_database": "postgres",
        }
    )
    replica = replicas.Replica(settings.hosts("postgresql")[0], DatabaseEngine(settings.url("postgresql")))
    try:
        async with replica.engine.reading() as conn:
            replayed = str((await conn.execute(text("SELECT CAST(pg_last_wal_replay_lsn() AS text)"))).scalar_one())
        ahead = replicas.ReplicaSet([replica], max_lag_s=60.0, schema_position="FFFFFFFF/0")
        assert await ahead.pick() is None and replica.state == "behind the schema"
        replica.checked_at = 0.0
        caught_up = replicas.ReplicaSet([replica], max_lag_s=60.0, schema_position=replayed)
        assert await caught_up.pick() is replica and replica.state == "usable"
    finally:
        await replica.engine.close()
