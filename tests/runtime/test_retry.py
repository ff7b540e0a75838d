"""retried() (handwritten/runtime/failures/retry.py) on real failures: a deadlock is rolled back and run again; a failure
that kept something, or that another try would meet again, is raised after one try. (Galera's certification
conflicts and a node that is not ready are in tests/cluster/test_galera.py.)"""

from __future__ import annotations

import asyncio
from typing import Any

import pymysql
import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from sldb.generated.models import RawMessage
from sldb.handwritten.runtime.failures.classify import rolled_back
from sldb.handwritten.runtime.failures.retry import retried


async def _two_rows(manager: Any) -> tuple[int, int]:
    ids = await manager.save_raw_messages(
        [{"sender_id": "s", "message": f"m{i}", "group_id": "g", "timestamp": 1_700_000_000} for i in range(2)]
    )
    return ids[0], ids[1]


async def _deadlock(manager: Any, first: int, second: int) -> None:
    """Two transactions that each hold one row and want the other's: the server rolls one back; raise its error."""
    holds = [asyncio.Event(), asyncio.Event()]

    async def side(me: int, mine: int, theirs: int) -> None:
        async with manager.transaction() as conn:
            await conn.execute(text("UPDATE raw_messages SET message = 'x' WHERE id = :i"), {"i": mine})
            holds[me].set()
            await holds[1 - me].wait()
            await conn.execute(text("UPDATE raw_messages SET message = 'y' WHERE id = :i"), {"i": theirs})

    outcomes = await asyncio.gather(side(0, first, second), side(1, second, first), return_exceptions=True)
    lost = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(lost) == 1, outcomes
    raise lost[0]


async def test_a_deadlocked_transaction_runs_again(manager: Any) -> None:
    if manager.backend == "sqlite":
        pytest.skip("SQLite admits one writer at a time: no deadlock to lose")
    first, second = await _two_rows(manager)
    tries = 0

    async def write() -> str:
        nonlocal tries
        tries += 1
        if tries == 1:
            await _deadlock(manager, first, second)
        return "written"

    assert await retried(write) == "written"
    assert tries == 2


async def test_a_failure_another_try_would_meet_again_is_raised_after_one_try(manager: Any) -> None:
    first, _ = await _two_rows(manager)
    tries = 0

    async def write() -> None:
        nonlocal tries
        tries += 1
        async with manager.transaction() as conn:
            await conn.execute(
                insert(RawMessage.__table__).values(id=first, sender_id="s", message="m", timestamp=1, created_at=1)
            )

    with pytest.raises(IntegrityError) as caught:
        await retried(write)
    assert tries == 1 and not rolled_back(caught.value)


async def test_rolled_back_names_the_deadlock_of_each_server(manager: Any) -> None:
    if manager.backend == "sqlite":
        pytest.skip("SQLite admits one writer at a time: no deadlock to lose")
    first, second = await _two_rows(manager)
    with pytest.raises(SQLAlchemyError) as caught:
        await _deadlock(manager, first, second)
    assert rolled_back(caught.value)


def test_a_trigger_body_failing_to_load_is_galeras_abort_and_any_other_syntax_error_is_not() -> None:
    """MariaDB Galera reports a transaction brute-force aborted while its statement loads the table's triggers as
    a syntax error in a trigger's body (seen in tests/cluster/test_galera.py); the layer's triggers are fixed
    text, so that is run again, and a syntax error of a statement itself is not."""
    aborted = pymysql.err.ProgrammingError(
        1064, "Trigger 'sldb_cnt3g_raw_messages_names' has an error in its body: 'You have an error in your SQL ...'"
    )
    assert rolled_back(DBAPIError("UPDATE raw_messages ...", None, aborted))
    plain = pymysql.err.ProgrammingError(1064, "You have an error in your SQL syntax; check the manual ...")
    assert not rolled_back(DBAPIError("SELEC 1", None, plain))
