"""The database becomes unreachable: at start (the configured fallback) and later (calls fail fast with a
clear typed error, then work again when the server is back, without restarting the manager).

The manager talks to the shared server through a TCP proxy the test controls: `refuse` is a server that is
down, `stall` a host that never answers (bounded by connect_timeout), `cut` drops every open connection.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError
from tests.backends import db_name
from tests.faults.helpers import Writes, fresh_database, settings_on, shared_server
from tests.faults.proxy import TcpProxy
from tests.fixtures import BACKENDS

SERVER_BACKENDS = [b for b in BACKENDS if b != "sqlite"]
OUTAGE_DATABASE = db_name("sldb_fault_outage")
CONNECT_TIMEOUT = 1  # seconds; the stalled-host cases wait this long per connection attempt
HANG_GUARD_SECONDS = 30  # far above any expected figure: only catches a call that hangs


@pytest.fixture(params=SERVER_BACKENDS)
async def proxied(
    request: pytest.FixtureRequest, make_proxy: type[TcpProxy], tmp_path: Path
) -> AsyncIterator[tuple[SQLAlchemyDatabaseManager, TcpProxy]]:
    """A manager started through a proxy in front of the shared server of one backend."""
    backend = str(request.param)
    server = shared_server(backend)
    assert server is not None and server.host is not None and server.port is not None
    await fresh_database(backend, server, OUTAGE_DATABASE)
    proxy = make_proxy(server.host, server.port)
    await proxy.start()
    settings = settings_on(backend, server, OUTAGE_DATABASE, tmp_path, port=proxy.port, connect_timeout=CONNECT_TIMEOUT)
    manager = SQLAlchemyDatabaseManager(settings)
    await manager.start()
    yield manager, proxy
    await proxy.accept()
    await manager.stop()


async def _timed_unavailable(manager: SQLAlchemyDatabaseManager, group: str) -> tuple[float, str]:
    """Seconds a raising read takes to fail while the database is away, and its message."""
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError) as caught:
        await manager.get_recent_raw_messages(group, limit=10)
    return time.monotonic() - started, str(caught.value)


async def test_unreachable_later_fails_fast_with_a_clear_error_then_recovers(
    proxied: tuple[SQLAlchemyDatabaseManager, TcpProxy], caplog: pytest.LogCaptureFixture
) -> None:
    manager, proxy = proxied
    caplog.set_level(logging.ERROR, logger="sldb")
    writes = Writes(group="outage")
    for i in range(10):
        assert await writes.write(manager, f"before-{i}")

    await proxy.refuse()
    assert proxy.cut() > 0  # the pool's connections were open through the proxy
    refused_in, refused_message = await _timed_unavailable(manager, writes.group)
    assert "get_recent_raw_messages" in refused_message and "unavailable" in refused_message
    assert "Refused" in refused_message or "Can't connect" in refused_message, refused_message
    assert not await writes.write(manager, "while-refused")  # the plugin's value (0), logged with the method
    assert "save_raw_message failed" in caplog.text

    await proxy.accept()
    proxy.stall()
    stalled_in, stalled_message = await _timed_unavailable(manager, writes.group)
    assert "get_recent_raw_messages" in stalled_message and "unavailable" in stalled_message
    assert "timed out" in stalled_message.lower() or "TimeoutError" in stalled_message, stalled_message
    assert max(refused_in, stalled_in) < HANG_GUARD_SECONDS
    proxy.cut()

    proxy.forward()
    started = time.monotonic()
    assert await writes.write(manager, "after")  # the next call works: no restart of the manager
    recovered_in = time.monotonic() - started
    assert await writes.missing(manager) == set()
    assert manager.is_ready
    logging.getLogger("tests.faults").warning(
        "%s outage: refused call failed in %.3f s, stalled call in %.3f s (connect_timeout %s s); "
        "first call after recovery %.3f s",
        manager.backend,
        refused_in,
        stalled_in,
        CONNECT_TIMEOUT,
        recovered_in,
    )


async def test_every_connection_cut_at_once_is_replaced_on_the_next_call(
    proxied: tuple[SQLAlchemyDatabaseManager, TcpProxy],
) -> None:
    manager, proxy = proxied
    writes = Writes(group="cut")
    for round_ in range(3):
        assert await writes.write(manager, f"r{round_}")
        assert proxy.cut() > 0
        # no outage, just dropped connections: the very next read and write succeed
        assert await manager.get_recent_raw_messages(writes.group, limit=1)
        assert await writes.write(manager, f"r{round_}-after-cut")
    assert writes.failed == 0 and await writes.missing(manager) == set()


@pytest.mark.parametrize("fault", ["refuse", "stall"])
@pytest.mark.parametrize("backend", SERVER_BACKENDS)
async def test_unreachable_at_start_then_start_again_succeeds(
    backend: str, fault: str, make_proxy: type[TcpProxy], tmp_path: Path
) -> None:
    server = shared_server(backend)
    assert server is not None and server.host is not None and server.port is not None
    proxy = make_proxy(server.host, server.port)
    await proxy.start()
    if fault == "refuse":
        await proxy.refuse()
    else:
        proxy.stall()
    settings = settings_on(backend, server, OUTAGE_DATABASE, tmp_path, port=proxy.port, connect_timeout=CONNECT_TIMEOUT)
    manager = SQLAlchemyDatabaseManager(settings)
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError, match=rf"127\.0\.0\.1:{proxy.port}"):
        await manager.start()
    assert time.monotonic() - started < HANG_GUARD_SECONDS
    assert not manager.is_ready
    proxy.cut()
    await proxy.accept()
    assert await manager.start()  # the same manager starts once the server is back
    assert manager.backend == backend
    assert await manager.save_raw_message({"message": "started late", "group_id": "late"}) > 0
    await manager.stop()


@pytest.mark.skipif("postgresql" not in BACKENDS, reason="fallback applies to PostgreSQL")
@pytest.mark.parametrize("fault", ["refuse", "stall"])
async def test_postgresql_fallback_at_start_is_loud_and_bounded(
    fault: str, make_proxy: type[TcpProxy], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = shared_server("postgresql")
    assert server is not None and server.host is not None and server.port is not None
    proxy = make_proxy(server.host, server.port)
    await proxy.start()
    if fault == "refuse":
        await proxy.refuse()
    else:
        proxy.stall()
    sqlite_file = tmp_path / "fallback" / "messages.db"
    settings = settings_on(
        "postgresql",
        server,
        OUTAGE_DATABASE,
        tmp_path,
        port=proxy.port,
        connect_timeout=CONNECT_TIMEOUT,
        messages_db_path=str(sqlite_file),
    )

    strict = SQLAlchemyDatabaseManager({**settings, "fallback_to_sqlite": False})
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailableError, match=rf"127\.0\.0\.1:{proxy.port}"):
        await strict.start()
    assert time.monotonic() - started < HANG_GUARD_SECONDS

    caplog.set_level(logging.WARNING, logger="sldb")
    lenient = SQLAlchemyDatabaseManager({**settings, "fallback_to_sqlite": True})
    assert await lenient.start()
    assert lenient.backend == "sqlite" and sqlite_file.exists()
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING and "FALLING BACK" in r.getMessage())
    assert str(sqlite_file) in warning.getMessage() and f"127.0.0.1:{proxy.port}" in warning.getMessage()
    assert await lenient.save_raw_message({"message": "kept in sqlite", "group_id": "fb"}) > 0
    assert [r["message"] for r in await lenient.get_recent_raw_messages("fb")] == ["kept in sqlite"]
    assert lenient.get_engine_info()["backend"] == "sqlite"
    await lenient.stop()
