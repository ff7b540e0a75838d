"""What connecting/liveness.py reads of the drivers' private attributes is there, on real connections.

The pool checks a connection without a round trip by reading the driver's transport (asyncpg `_transport`,
aiomysql `_writer.transport`) and shuts idle sockets through SQLAlchemy's pool queue and aiomysql's
`_writer`/`_reader`. None of that is public API: an upgrade of asyncpg, aiomysql or SQLAlchemy that renames it
fails here, not silently in production (where the checks would fall back to "no transport": dead connections
then reach callers).
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from sldb.handwritten.runtime.connecting import liveness
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from tests.backends import mysql_server, postgresql_server
from tests.fixtures import BACKENDS

SERVERS = [b for b in ("postgresql", "mysql") if b in BACKENDS]
pytestmark = pytest.mark.skipif(not SERVERS, reason="no server backend selected")


def _url(backend: str) -> URL:
    server = postgresql_server() if backend == "postgresql" else mysql_server()
    return server.set(database="postgres" if backend == "postgresql" else None)


@pytest.mark.parametrize("backend", SERVERS)
async def test_the_driver_connection_exposes_its_transport_and_socket(backend: str) -> None:
    engine = create_engine_for(_url(backend), PoolOptions(2, 0))
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            transport = liveness.transport_of(driver)
            assert transport is not None, "the driver no longer keeps its transport where liveness.py reads it"
            assert transport.get_extra_info("socket").fileno() >= 0  # what has_unread_input polls
            assert not liveness.closed_by_server(driver)
            assert not liveness.has_unread_input(driver)
            if backend == "mysql":  # what shut_pooled_sockets clears on aiomysql's connection
                assert hasattr(driver, "_writer") and hasattr(driver, "_reader")
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", SERVERS)
async def test_idle_pooled_connections_are_found_in_the_pool_queue(backend: str) -> None:
    engine = create_engine_for(_url(backend), PoolOptions(2, 0))
    try:
        async with engine.connect() as first, engine.connect() as second:
            await first.execute(text("SELECT 1"))
            await second.execute(text("SELECT 1"))
        idle = liveness.idle_records(engine)
        assert len(idle) == 2, "SQLAlchemy's pool no longer keeps idle connections where liveness.py reads them"
        drivers = [record.dbapi_connection.driver_connection for record in idle]
        assert all(liveness.transport_of(d) is not None for d in drivers)
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", SERVERS)
async def test_a_checkout_runs_without_a_greenlet_only_when_it_does_no_io(backend: str) -> None:
    """checkout_without_io reads SQLAlchemy's pool (its queue order, the records' start and invalidation times):
    True for a healthy idle connection, whose checkout then runs on the loop's thread; False for one the pool
    would reconnect, one the server closed, and an empty queue; each then takes the greenlet path. The engine is
    the autocommit one db.driver() checks out of: its return does no I/O either (nothing to roll back)."""
    engine = create_engine_for(_url(backend), PoolOptions(2, 0), autocommit=True)
    try:
        assert not liveness.checkout_without_io(engine)  # nothing idle yet: a checkout would connect
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        assert liveness.checkout_without_io(engine)
        raw = engine.sync_engine.raw_connection()  # on the loop's thread, no greenlet: it must not need one
        assert not liveness.checkout_without_io(engine)  # the only idle connection is out
        raw.close()
        assert liveness.checkout_without_io(engine)
        (record,) = liveness.idle_records(engine)
        _close(backend, record.dbapi_connection.driver_connection)
        assert not liveness.checkout_without_io(engine)  # closed: the checkout would replace it
        async with engine.connect() as conn:  # and the greenlet path does
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert liveness.checkout_without_io(engine)
        engine.sync_engine.pool._invalidate_time = time.time() + 1  # as after a disconnect: reconnect at checkout
        assert not liveness.checkout_without_io(engine)
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", SERVERS)
async def test_it_asks_about_the_connection_the_queue_gives_next(backend: str) -> None:
    """The pools are LIFO: the connection returned last is the one a checkout takes, so that one is checked."""
    engine = create_engine_for(_url(backend), PoolOptions(2, 0), autocommit=True)
    try:
        async with engine.connect() as first, engine.connect() as second:
            await first.execute(text("SELECT 1"))
            await second.execute(text("SELECT 1"))
        older, newer = liveness.idle_records(engine)
        assert liveness.checkout_without_io(engine)
        _close(backend, older.dbapi_connection.driver_connection)
        assert liveness.checkout_without_io(engine)  # the one taken next is still open
        _close(backend, newer.dbapi_connection.driver_connection)
        assert not liveness.checkout_without_io(engine)
        raw = await engine.raw_connection()
        assert raw._connection_record is newer  # LIFO: the record taken first (its connection replaced)
        raw.close()
    finally:
        await engine.dispose()


def _close(backend: str, driver: Any) -> None:
    driver.terminate() if backend == "postgresql" else driver.close()
