"""Fixtures of the cluster tests: private replicated servers on loopback ports, in temporary folders.

Each fixture starts its servers once per test run, stops them by their pids and removes their folders; it
skips (with the reason) only where the server binaries are missing. The shared servers (5432, 3306) are never
touched.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.cluster.postgres import PrimaryAndStandby, primary_and_standby

# -- PostgreSQL --


@pytest.fixture
def pg_sync_pair() -> Iterator[PrimaryAndStandby]:
    """A primary and one synchronous standby: every acknowledged commit is on both."""
    yield from primary_and_standby(synchronous=True)


@pytest.fixture
def pg_async_pair() -> Iterator[PrimaryAndStandby]:
    """A primary and one asynchronous standby (the usual read replica)."""
    yield from primary_and_standby(synchronous=False)
