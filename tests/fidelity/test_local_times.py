"""A time without an offset is host-local time, read one way by the facades and by `sldb purge` (issue 22).

The tests run under Asia/Shanghai (UTC+8, no daylight saving since 1991), where reading such a time as UTC
moves it by 8 hours: the plugin's datetime.now().isoformat() must store the instant it was made at, and
`sldb purge --before` given the same text must mean the same instant (tests/cli/test_purge.py runs the command
itself under this zone).
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from sldb.generated.repositories.message import RawMessageRepository
from sldb.handwritten.cli.purge import unix_time
from sldb.handwritten.runtime.values.policy import epoch_seconds

LOCAL = "2024-01-02T03:04:05"
INSTANT = 1704135845  # 2024-01-01T19:04:05Z: LOCAL on a host in Shanghai


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The host's time zone is Asia/Shanghai for the test, and what it was afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        assert time.timezone == -8 * 3600, "the Asia/Shanghai zone is not installed"
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


async def test_a_time_without_an_offset_given_to_a_facade_is_host_local(db: Any, shanghai: None) -> None:
    made = datetime.datetime.fromtimestamp(INSTANT)  # what the plugin's datetime.now() returned at INSTANT
    assert made.isoformat() == LOCAL
    for given in (LOCAL, made, INSTANT, INSTANT * 1000, "2024-01-02T03:04:05+08:00", "2024-01-01T19:04:05Z"):
        message_id = await db.save_raw_message({"sender_id": "u", "message": "m", "group_id": "g", "timestamp": given})
        async with db.transaction() as session:
            stored = await RawMessageRepository.get(session, message_id)
        assert stored is not None and stored["timestamp"] == INSTANT, given


def test_sldb_purge_reads_a_time_without_an_offset_as_the_facades_do(shanghai: None) -> None:
    assert unix_time(LOCAL, "--before") == epoch_seconds(LOCAL, field="timestamp") == INSTANT
    assert unix_time("2024-01-02", "--after") == INSTANT - (3 * 3600 + 4 * 60 + 5)
    assert unix_time("2024-01-01T19:04:05Z", "--before") == unix_time(str(INSTANT), "--before") == INSTANT
