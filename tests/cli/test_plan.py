"""The plan `sldb migrate --dry-run` and `sldb doctor` show, per step: the lock it takes as its backend names it,
whether it is online, what it does to the rows and how many rows its table holds. On each backend, for an index
and a column missing from a table with rows, and for a missing table."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.schema import DropIndex, DropTable

from sldb.generated.models import Base
from sldb.handwritten.runtime.schema.migrate import migrate
from sldb.handwritten.tables import counters
from tests.backends import db_name
from tests.cli.run import inside, ok
from tests.cli.test_database_commands import url_of
from tests.fixtures import BACKENDS, drop_database, fresh_database

pytestmark = pytest.mark.parametrize("backend", BACKENDS)
TABLE, COLUMN, INDEX, NEW_TABLE = "raw_messages", "reply_to", "idx_raw_timestamp", "persona_backups"
ROWS = 120

EXPECTED: dict[str, dict[str, tuple[bool, str, str]]] = {  # backend -> step -> (online, lock, touches)
    "postgresql": {
        "index": (True, "SHARE UPDATE EXCLUSIVE (CONCURRENTLY: reads and writes go on)", "reads every row"),
        "column": (True, "ACCESS EXCLUSIVE (brief, lock_timeout 2s, retried)", "none (a change of the catalog only)"),
        "table": (True, "ACCESS EXCLUSIVE on the new table (nobody uses it yet)", "none (a new, empty table)"),
    },
    "mysql": {
        "index": (True, "none (LOCK=NONE; a brief metadata lock at its start and end)", "reads every row"),
        "column": (
            True,
            "metadata lock (brief, lock_wait_timeout 5s; ALGORITHM=INSTANT)",
            "none (a change of the catalog only)",
        ),
        "table": (True, "metadata lock on the new table (nobody uses it yet)", "none (a new, empty table)"),
    },
    "sqlite": {
        "index": (False, "database write lock (until the migration commits)", "reads every row"),
        "column": (False, "database write lock (until the migration commits)", "none (a change of the catalog only)"),
        "table": (True, "database write lock (until the migration commits)", "none (a new, empty table)"),
    },
}


@pytest.fixture
async def grown(backend: str, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    """A migrated database whose raw_messages holds ROWS rows and has since lost a column and an index, and which
    lacks one table; its statistics are fresh (ANALYZE), as a server's own maintenance keeps them."""
    database = db_name("sldb_cli_plan")
    config, engine = await fresh_database(backend, tmp_path, database)
    await migrate(engine, Base.metadata)
    tables = Base.metadata.tables
    rows = [
        {"sender_id": f"u{n}", "message": f"消息 {n}", "group_id": "g1", "timestamp": n, "created_at": n}
        for n in range(ROWS)
    ]
    async with engine.begin() as conn:
        await conn.execute(tables[TABLE].insert(), rows)
        await conn.execute(DropIndex(next(i for i in tables[TABLE].indexes if i.name == INDEX)))
        await conn.execute(text(f"ALTER TABLE {TABLE} DROP COLUMN {COLUMN}"))
        await conn.execute(DropTable(tables[NEW_TABLE]))
    async with engine.begin() as conn:
        await conn.execute(text(f"{'ANALYZE TABLE' if backend == 'mysql' else 'ANALYZE'} {TABLE}"))
    await engine.dispose()
    yield config
    await drop_database(backend, database)


def _step(plan: list[dict[str, Any]], kind: str, table: str, name: str) -> dict[str, Any]:
    [found] = [s for s in plan if (s["kind"], s["table"], s["name"]) == (kind, table, name)]
    return found


async def test_the_plan_names_each_steps_lock_online_and_rows(backend: str, grown: dict[str, Any]) -> None:
    url = url_of(grown)
    dry = ok("migrate", "--url", url, "--dry-run", "--json").json()
    plan = dry["plan"]
    expected = EXPECTED[backend]
    steps = {
        "index": _step(plan, "create_index", TABLE, INDEX),
        "column": _step(plan, "add_column", TABLE, COLUMN),
        "table": _step(plan, "create_table", NEW_TABLE, NEW_TABLE),
    }
    for what, step in steps.items():
        online, lock, touches = expected[what]
        assert (step["online"], step["lock"], step["touches"]) == (online, lock, touches), what
    assert steps["index"]["rows"] == steps["column"]["rows"] == ROWS  # exact here: ANALYZE saw every row
    assert steps["table"]["rows"] == 0
    new_indexes = [s for s in plan if s["kind"] == "create_index" and s["table"] == NEW_TABLE]
    assert new_indexes and all(s["rows"] == 0 and s["touches"] == expected["table"][2] for s in new_indexes)

    doctor = (await asyncio.to_thread(inside, "doctor", "--url", url, "--json")).json()
    assert doctor["plan"] == plan

    people = (await asyncio.to_thread(inside, "migrate", "--url", url, "--dry-run")).out
    index_lock = expected["index"][1]
    assert index_lock.split(" (")[0] in people and f"{TABLE}.{INDEX}" in people and f"{ROWS:,}" in people
    assert "new table" in people


@pytest.fixture
async def older(backend: str, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    """A migrated database as an older version left it: ROWS raw messages, no counter triggers, and JARGON
    jargon rows without their text key."""
    database = db_name("sldb_cli_follow")
    config, engine = await fresh_database(backend, tmp_path, database)
    await migrate(engine, Base.metadata)
    tables = Base.metadata.tables
    raw = [
        {"sender_id": "u", "message": f"m{n}", "group_id": "g1", "timestamp": n, "created_at": n} for n in range(ROWS)
    ]
    jargon = [{"content": f"词{n}", "chat_id": "g1", "created_at": 0, "updated_at": 0} for n in range(JARGON)]
    async with engine.begin() as conn:
        installed = await counters._installed(conn)
        await counters._drop(conn, {n: t for n, t in installed.items() if n.startswith("sldb_cnt")})
    async with engine.begin() as conn:
        await conn.execute(tables[TABLE].insert(), raw)
        await conn.execute(tables["jargon"].insert(), jargon)
        await conn.execute(text(f"{'ANALYZE TABLE' if backend == 'mysql' else 'ANALYZE'} {TABLE}"))
    await engine.dispose()
    yield config
    await drop_database(backend, database)


JARGON = 7


async def test_the_dry_run_shows_the_steps_after_the_migration(backend: str, older: dict[str, Any]) -> None:
    """Before: the triggers to install, the backfill each counted table would owe, the jargon keys to fill.
    After `sldb migrate` (which installs the triggers; the backfill runs after a start): the rows still owed."""
    url = url_of(older)
    before = {row["step"]: row["does"] for row in ok("migrate", "--url", url, "--dry-run", "--json").json()["after"]}
    assert any(step.startswith("counter triggers") for step in before)
    assert f"about {ROWS:,} rows" in before["counters' backfill: raw_messages"]
    assert f"{JARGON} rows" in before["jargon text keys"]

    ok("migrate", "--url", url)
    after = {row["step"]: row["does"] for row in ok("migrate", "--url", url, "--dry-run", "--json").json()["after"]}
    assert not any(step.startswith("counter triggers") for step in after)
    assert f"every row owed (about {ROWS:,})" in after["counters' backfill: raw_messages"]
    people = ok("migrate", "--url", url, "--dry-run").out
    assert "counters' backfill: raw_messages" in people and "after the migration" in people
