"""The database server restarts under a running manager (PostgreSQL, MariaDB): the next call succeeds without
restarting the manager, and no write the manager acknowledged is lost.

Each test restarts a private server (never the shared ones) while a task keeps writing, then checks the first
read and write after the restart and reads every acknowledged write back.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import db_name
from tests.faults.helpers import Writes, fresh_database, open_connections, settings_on, write_until
from tests.faults.servers import PrivateMariaDB, PrivatePostgres

Server = PrivatePostgres | PrivateMariaDB
RESTART_DATABASE = db_name("sldb_fault_restart")


@pytest.fixture(params=["postgresql", "mysql"])
def server(request: pytest.FixtureRequest) -> Server:
    name = "private_pg" if request.param == "postgresql" else "private_maria"
    found: Server = request.getfixturevalue(name)
    return found


def backend_of(server: Server) -> str:
    return "postgresql" if isinstance(server, PrivatePostgres) else "mysql"


@pytest.fixture
async def manager(server: Server, tmp_path: Path) -> AsyncIterator[SQLAlchemyDatabaseManager]:
    backend = backend_of(server)
    await fresh_database(backend, server.url(), RESTART_DATABASE)
    started = SQLAlchemyDatabaseManager(settings_on(backend, server.url(), RESTART_DATABASE, tmp_path))
    await started.start()
    yield started
    await started.stop()
    if not server.is_running():  # a failed test must not leave the server down for the next one
        server.start()


async def _restart(server: Server, mode: str) -> float:
    """Stop the server, leave it down for a moment, start it again; returns when it accepts connections."""
    await asyncio.to_thread(server.stop, mode)
    await asyncio.sleep(0.5)  # calls made now find the server down
    await asyncio.to_thread(server.start)
    return time.monotonic()


@pytest.mark.parametrize("mode", ["fast", "immediate"])
async def test_next_call_after_a_restart_succeeds_and_acknowledged_writes_survive(
    server: Server, manager: SQLAlchemyDatabaseManager, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="sldb")
    writes = Writes(group=f"restart-{mode}")
    for i in range(20):
        assert await writes.write(manager, f"before-{i}")
    stop = asyncio.Event()
    writer = asyncio.create_task(write_until(manager, writes, stop))
    await asyncio.sleep(0.2)

    ready_at = await _restart(server, mode)
    rows = await manager.get_recent_raw_messages(writes.group, limit=-1)  # raises on failure
    assert await writes.write(manager, "after-restart"), caplog.text
    recovered_in = time.monotonic() - ready_at
    stop.set()
    await writer

    assert {f"before-{i}" for i in range(20)} <= {row["message"] for row in rows}
    assert await writes.missing(manager) == set()
    logging.getLogger("tests.faults").warning(
        "%s %s restart: first call done %.3f s after the server was ready; %d writes acknowledged, %d refused",
        backend_of(server),
        mode,
        recovered_in,
        len(writes.acknowledged),
        writes.failed,
    )
    assert manager.is_ready


async def test_every_connection_is_closed_after_a_restart_and_stop(
    server: Server, manager: SQLAlchemyDatabaseManager
) -> None:
    writes = Writes(group="restart-close")
    await asyncio.gather(*(writes.write(manager, f"w{i}") for i in range(10)))
    await _restart(server, "fast")
    await asyncio.gather(*(writes.write(manager, f"x{i}") for i in range(10)))
    assert writes.failed == 0 and await writes.missing(manager) == set()
    await manager.stop()
    assert await open_connections(backend_of(server), server.url(), RESTART_DATABASE) == 0
