"""The counter triggers' two variants (handwritten/tables/counter_triggers.py): `backfill` while a backfill is
owed, `settled` once every backfill has finished, replaced in place, with no recount, under writers; an earlier
revision's bodies brought to this one's the same way; MariaDB's triggers spend no AUTO_INCREMENT id per message."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text

from sldb.generated.models import Base, RawMessage
from sldb.handwritten.runtime.schema.migrate import migrate
from sldb.handwritten.tables import counter_backfill, counters
from sldb.handwritten.tables.counter_tallies import COUNTED, COUNTER_TABLES, GROUPS, PROGRESS, QUARTERS, SENDERS
from sldb.handwritten.tables.counter_triggers import tag
from tests.backends import db_name
from tests.cli.run import ok
from tests.cli.test_database_commands import url_of
from tests.fixtures import BACKENDS, drop_database, fresh_database
from tests.growth.test_counter_backfill import _all_ids, _seed_without_counters, _write_some
from tests.growth.test_counters import assert_exact

SETTLED, BACKFILL = tag(settled=True), tag(settled=False)


async def _tags(manager: Any) -> set[str | None]:
    async with manager.engine.engine.connect() as conn:
        return await counters._tags(conn)


async def _counter_rows(manager: Any) -> list[tuple[Any, ...]]:
    async with manager.transaction() as conn:
        found: list[tuple[Any, ...]] = []
        for counter in COUNTER_TABLES:
            found += [(counter, *row) for row in (await conn.execute(text(f"SELECT * FROM {counter} ORDER BY id")))]
        return found


async def _backfilled(manager: Any) -> None:
    """Rows counted by a finished backfill: the backfill variant installed, every progress row finished."""
    await _seed_without_counters(manager, raw=400)
    assert await _tags(manager) == {BACKFILL}
    await counter_backfill.run_backfill(manager.engine.engine, batch=100)
    await assert_exact(manager)


def _metadata() -> Any:
    return Base.metadata


async def test_a_new_database_gets_the_settled_triggers(manager: Any) -> None:
    async with manager.engine.engine.connect() as conn:  # as the migration that created the tables does
        assert await counters.install_counters(conn, (*COUNTED, *COUNTER_TABLES)) is True
        await conn.commit()
    assert await _tags(manager) == {SETTLED}  # nothing was ever owed to a backfill
    assert await counters.settle_counters(manager.engine.engine, _metadata()) is False
    await manager.save_raw_message({"sender_id": "s1", "message": "m", "group_id": "g1", "timestamp": 5})
    await assert_exact(manager)


async def test_a_finished_backfill_settles_the_triggers_in_place(manager: Any) -> None:
    await _backfilled(manager)
    before = await _counter_rows(manager)
    async with manager.engine.engine.connect() as conn:  # what `sldb doctor` shows
        assert dict(await counters.backfill_status(conn, _metadata())) == {
            "counter triggers": "the backfill variant: replaced by the settled one by the next start or `sldb migrate`"
        }
    assert await counters.settle_counters(manager.engine.engine, _metadata()) is True
    async with manager.engine.engine.connect() as conn:
        assert await counters.backfill_status(conn, _metadata()) == []
    assert await _tags(manager) == {SETTLED}
    assert await _counter_rows(manager) == before  # replaced, not counted again
    assert await counters.settle_counters(manager.engine.engine, _metadata()) is False  # nothing left to do
    ids = await _all_ids(manager)
    await _write_some(manager, random.Random(5), ids, 40)  # inserts, updates and deletes in every table
    await assert_exact(manager)


@pytest.mark.parametrize("installed", ["backfill variant", "revision 1"])
async def test_replacing_under_a_concurrent_writer_counts_every_change_once(manager: Any, installed: str) -> None:
    await _backfilled(manager)
    if installed == "revision 1":
        await _install_revision_1(manager)
    ids = await _all_ids(manager)
    rng = random.Random(8)
    stop = asyncio.Event()
    written = 0

    async def writer() -> None:
        nonlocal written
        while not stop.is_set():
            await _write_some(manager, rng, ids, 3)
            written += 1
            await asyncio.sleep(0)

    async def written_at_least(n: int) -> None:
        while written < n:
            if writing.done():
                await writing  # the writer's failure, raised
                raise AssertionError("the writer stopped")
            await asyncio.sleep(0.01)

    writing = asyncio.create_task(writer())
    try:
        await written_at_least(5)  # the writer is under way before the bodies are replaced
        assert await counters.settle_counters(manager.engine.engine, _metadata()) is True
        await written_at_least(written + 5)  # and goes on after
    finally:
        stop.set()
        await writing
    assert await _tags(manager) == {SETTLED}
    await assert_exact(manager)


# The triggers of VERSION 3 before their bodies carried a tag (revision 1: statement-level inserts on
# PostgreSQL, plain upserts on MariaDB), as the databases in the field have them.
_REVISION_1 = json.loads((Path(__file__).parent / "data" / "counter_triggers_3.1.json").read_text())


async def _install_revision_1(manager: Any) -> None:
    async with manager.transaction() as conn:
        installed = await counters._installed(conn)
        await counters._drop(conn, {n: t for n, t in installed.items() if n.startswith("sldb_cnt")})
        for statement in _REVISION_1[conn.dialect.name]:
            await conn.execute(text(statement))


async def test_an_earlier_revision_is_replaced_in_place_without_a_recount(manager: Any) -> None:
    await manager.save_raw_messages(
        [{"sender_id": f"s{i % 3}", "message": f"m{i}", "group_id": f"g{i % 2}", "timestamp": i} for i in range(30)]
    )
    await _install_revision_1(manager)
    assert await _tags(manager) == {None}
    await manager.save_raw_message({"sender_id": "s1", "message": "r1", "group_id": "g1", "timestamp": 50})
    await assert_exact(manager)  # what the earlier revision counted
    before = await _counter_rows(manager)
    async with manager.engine.engine.connect() as conn:  # a migration leaves present triggers alone
        assert await counters.install_counters(conn) is False
        await conn.commit()
    assert await counters.settle_counters(manager.engine.engine, _metadata()) is True
    assert await _tags(manager) == {SETTLED}
    assert await _counter_rows(manager) == before
    await manager.save_raw_message({"sender_id": "s9", "message": "after", "group_id": "g1", "timestamp": 99})
    await assert_exact(manager)


async def test_settled_triggers_found_with_a_backfill_owed_count_everything_again(manager: Any) -> None:
    # A state no step of the layer leaves (install drops the triggers before it marks a backfill owed): if it
    # is ever found, the settled triggers may have counted rows the backfill counts too, so all is recounted.
    await manager.save_raw_messages(
        [{"sender_id": "s1", "message": f"m{i}", "group_id": "g1", "timestamp": i} for i in range(20)]
    )
    async with manager.transaction() as conn:
        await conn.execute(text(f"UPDATE {PROGRESS} SET finished = false, high_id = NULL"))
    async with manager.engine.engine.connect() as conn:
        assert await counters.settle_in_place(conn) is True
        await conn.commit()
    assert await _tags(manager) == {BACKFILL}
    await counter_backfill.run_backfill(manager.engine.engine, batch=7)
    await assert_exact(manager)
    assert await counters.settle_counters(manager.engine.engine, _metadata()) is True
    assert await _tags(manager) == {SETTLED}


async def _next_ids(manager: Any) -> dict[str, int]:
    async with manager.transaction() as conn:
        rows = await conn.execute(
            text(
                "SELECT table_name, auto_increment FROM information_schema.tables "
                "WHERE table_schema = DATABASE() AND table_name IN (:g, :s, :q)"
            ),
            {"g": GROUPS, "s": SENDERS, "q": QUARTERS},
        )
        return {str(t): int(n) for t, n in rows}


async def test_mariadb_counters_spend_no_id_per_message(manager: Any) -> None:
    if manager.backend != "mysql":
        pytest.skip("AUTO_INCREMENT ids: MariaDB's upsert spends one per try; SQLite reuses the highest rowid")
    message = {"sender_id": "s1", "message": "m", "group_id": "g1", "timestamp": 1_700_000_000}
    await manager.save_raw_message(message)  # the group's, sender's and quarter's first: each row inserted
    first = await _next_ids(manager)
    await manager.save_raw_messages([message | {"message": f"m{i}"} for i in range(50)])
    for _ in range(10):
        await manager.save_raw_message(message)
    async with manager.transaction() as conn:  # the layer's and everyone else's writes fire the same triggers
        await conn.execute(insert(RawMessage.__table__), [message | {"created_at": 0}] * 10)
    assert await _next_ids(manager) == first
    await assert_exact(manager)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_sldb_migrate_replaces_the_fields_revision_in_place(backend: str, tmp_path: Path) -> None:
    """An operator's `sldb migrate` ahead of a rollout (as the schema's owner) brings revision 1's triggers to
    this revision's settled variant, counting nothing again."""
    database = db_name("sldb_settle_cli")
    config, engine = await fresh_database(backend, tmp_path, database)
    try:
        await migrate(engine, Base.metadata)
        async with engine.begin() as conn:
            installed = await counters._installed(conn)
            await counters._drop(conn, {n: t for n, t in installed.items() if n.startswith("sldb_cnt")})
            for statement in _REVISION_1[conn.dialect.name]:
                await conn.execute(text(statement))
            await conn.execute(
                insert(RawMessage.__table__),
                [
                    {"sender_id": "s", "message": f"m{i}", "group_id": "g", "timestamp": i, "created_at": 0}
                    for i in range(9)
                ],
            )
        async with engine.connect() as conn:
            assert await counters._tags(conn) == {None}
        doctor = (await asyncio.to_thread(ok, "doctor", "--url", url_of(config), "--json")).json()
        assert "an earlier revision" in doctor["background"]["counter triggers"]
        await asyncio.to_thread(ok, "migrate", "--url", url_of(config))
        doctor = (await asyncio.to_thread(ok, "doctor", "--url", url_of(config), "--json")).json()
        assert doctor["background"] == {}  # nothing left to do
        async with engine.connect() as conn:
            assert await counters._tags(conn) == {SETTLED}
            counted = await conn.execute(text(f"SELECT SUM(raw_count) FROM {GROUPS}"))
            assert counted.scalar_one() == 9  # revision 1 counted them; nothing counted twice
    finally:
        await engine.dispose()
        await drop_database(backend, database)
