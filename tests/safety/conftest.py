"""The safety tests log in as users with real passwords: on private servers, never on the shared ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.faults.servers import PrivateMariaDB, PrivatePostgres, private_mariadb, private_postgres


@pytest.fixture(scope="session")
def private_pg() -> Iterator[PrivatePostgres]:
    """A PostgreSQL server of this test run alone; roles other than postgres log in with their password."""
    yield from private_postgres()


@pytest.fixture(scope="session")
def private_maria() -> Iterator[PrivateMariaDB]:
    """A MariaDB server of this test run alone."""
    yield from private_mariadb()
