"""Fixtures of the fault tests: private servers that may be restarted, and a TCP proxy the test controls."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.faults.proxy import TcpProxy
from tests.faults.servers import PrivateMariaDB, PrivatePostgres, private_mariadb, private_postgres


@pytest.fixture(scope="session")
def private_pg() -> Iterator[PrivatePostgres]:
    """A PostgreSQL server of this test run alone, on a free port; tests may stop it but must start it again."""
    yield from private_postgres()


@pytest.fixture(scope="session")
def private_maria() -> Iterator[PrivateMariaDB]:
    """A MariaDB server of this test run alone, on a free port; tests may stop it but must start it again."""
    yield from private_mariadb()


@pytest.fixture
async def make_proxy() -> AsyncIterator[type[TcpProxy]]:
    """Start proxies with `await make_proxy(host, port).start()`; all are closed after the test."""
    proxies: list[TcpProxy] = []

    class Tracked(TcpProxy):
        def __init__(self, host: str, port: int) -> None:
            super().__init__(host, port)
            proxies.append(self)

    yield Tracked
    for proxy in proxies:
        await proxy.close()
