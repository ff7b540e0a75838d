"""The MySQL node list (handwritten/runtime/connecting/nodes.py) against the shared MariaDB and ports nobody listens on.

A node that refuses is skipped for the next one, which becomes the current node (one warning); a refused login
is raised at once, as every node would refuse it; when no node takes a connection the error is the typed
unavailable one. (A Galera node that is up but not ready is in tests/cluster/test_galera.py.)
"""

from __future__ import annotations

import logging

import pymysql
import pytest
from sqlalchemy import text

from sldb.handwritten.runtime.connecting.hosts import HostPort
from sldb.handwritten.runtime.connecting.nodes import NodeList
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.failures.classify import FailureClass, classify
from tests.backends import mysql_server
from tests.faults.servers import free_port
from tests.fixtures import BACKENDS

pytestmark = pytest.mark.skipif("mysql" not in BACKENDS, reason="MySQL/MariaDB is not among the selected backends")


def _server() -> HostPort:
    url = mysql_server()
    return HostPort(url.host or "127.0.0.1", url.port or 3306)


def _login() -> dict[str, object]:
    url = mysql_server()
    return {"user": url.username or "root", "password": url.password or "", "db": None}


async def test_a_refusing_node_is_skipped_and_the_next_becomes_current(caplog: pytest.LogCaptureFixture) -> None:
    nodes = NodeList((HostPort("127.0.0.1", free_port()), _server()))
    with caplog.at_level(logging.WARNING, logger="sldb.nodes"):
        first = await nodes.connect(2.0, **_login())
        second = await nodes.connect(2.0, **_login())
    try:
        assert nodes.current == _server()
        assert next(r.getMessage() for r in caplog.records if r.name == "sldb.nodes").startswith(
            "MySQL node 127.0.0.1:"
        )
        assert len([r for r in caplog.records if r.name == "sldb.nodes"]) == 1  # the second opened on it at once
    finally:
        first.close()
        second.close()


async def test_a_refused_login_is_raised_at_once() -> None:
    nodes = NodeList((_server(), HostPort("127.0.0.1", free_port())))
    with pytest.raises(pymysql.err.OperationalError) as caught:
        await nodes.connect(2.0, user="sldb_nobody", password="wrong", db=None)
    assert classify(caught.value) is FailureClass.LOGIN_REFUSED
    assert nodes.current == _server()  # not moved: the next node would have refused it too


async def test_no_node_taking_connections_is_the_unavailable_failure() -> None:
    dead = (HostPort("127.0.0.1", free_port()), HostPort("127.0.0.1", free_port()))
    with pytest.raises(pymysql.err.OperationalError) as caught:
        await NodeList(dead).connect(2.0, **_login())
    assert classify(caught.value) is FailureClass.UNAVAILABLE
    assert all(str(node) in str(caught.value) for node in dead)


async def test_an_engine_on_a_node_list_reaches_the_live_node() -> None:
    url = mysql_server().set(query={"host": (f"127.0.0.1:{free_port()}", str(_server()))})
    engine = create_engine_for(url, PoolOptions())
    try:
        async with engine.connect() as conn:
            assert int((await conn.execute(text("SELECT @@port"))).scalar_one()) == _server().port
    finally:
        await engine.dispose()
