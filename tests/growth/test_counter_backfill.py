"""The counters' backfill (handwritten/tables/counter_backfill.py): bounded batches, exact while a writer changes
rows in every id range, resumable after an interruption (a cancelled task, a killed process) without counting a
row twice."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, insert, text, update
from sqlalchemy.engine import Engine

from sldb.generated.models import BotMessage, FilteredMessage, Jargon, RawMessage
from sldb.handwritten.tables import counter_backfill, counters
from sldb.handwritten.tables.counter_tallies import COUNTED, COUNTER_TABLES, PROGRESS
from tests.growth.test_counters import assert_exact

_RAW, _FILTERED, _BOT, _JARGON = (m.__table__ for m in (RawMessage, FilteredMessage, BotMessage, Jargon))
_ROWS = 1500
_BATCH = 50


def _raw(i: int) -> dict[str, Any]:
    return {
        "sender_id": f"s{i % 7}",
        "sender_name": f"N{i % 11}",
        "message": f"m{i}",
        "group_id": None if i % 13 == 0 else f"g{i % 4}",
        "timestamp": 1_700_000_000 + 137 * i,
        "created_at": 0,
        "processed": i % 3 == 0,
    }


def _jargon(i: int) -> dict[str, Any]:
    return {
        "content": f"t{i}",
        "chat_id": f"g{i % 4}",
        "is_jargon": i % 2 == 0,
        "is_complete": i % 5 == 0,
        "count": None if i % 6 == 0 else i % 9,
        "created_at": 0,
        "updated_at": 0,
    }


async def _seed_without_counters(manager: Any, raw: int = _ROWS) -> None:
    """A database holding rows that no counter counts: the triggers dropped, the counters emptied, then the
    triggers installed again as a first start does (every table's backfill unmeasured)."""
    async with manager.transaction() as conn:
        await counters._drop(conn, {n: t for n, t in (await counters._installed(conn)).items() if "sldb_cnt" in n})
    async with manager.transaction() as conn:
        await conn.execute(insert(_RAW), [_raw(i) for i in range(raw)])
        await conn.execute(
            insert(_FILTERED),
            [
                {"message": "f", "sender_id": "a", "group_id": f"g{i % 3}", "timestamp": i, "created_at": 0}
                for i in range(raw // 5)
            ],
        )
        await conn.execute(
            insert(_BOT),
            [{"group_id": f"g{i % 3}", "message": "b", "timestamp": i, "created_at": 0} for i in range(raw // 7)],
        )
        await conn.execute(insert(_JARGON), [_jargon(i) for i in range(raw // 5)])
        for counter in COUNTER_TABLES:
            await conn.execute(text(f"DELETE FROM {counter}"))
    async with manager.engine.engine.connect() as conn:
        assert await counters.install_counters(conn) is True
        await conn.commit()


async def _ids(manager: Any, table: Any) -> list[int]:
    async with manager.transaction() as conn:
        return [int(i) for i in (await conn.execute(text(f"SELECT id FROM {table.name}"))).scalars()]


# The test's writers take turns: two of them moving rows between the same groups in opposite orders would
# deadlock each other (row triggers lock the old key's counter, then the new one's), whatever the backfill does.
_ONE_WRITER: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}


async def _write_some(manager: Any, rng: random.Random, ids: dict[str, list[int]], n: int) -> None:
    """One writer transaction: rows inserted, updated (every column a tally reads) and deleted, at ids drawn from
    every range: already backfilled, still owed, and new."""
    async with _ONE_WRITER.setdefault(asyncio.get_running_loop(), asyncio.Lock()), manager.transaction() as conn:
        for _ in range(n):
            raw = rng.choice(ids["raw"])
            kind = rng.randrange(6)
            if kind == 0:
                i = rng.randrange(10**6)
                new = (await conn.execute(insert(_RAW).values(_raw(i)).returning(_RAW.c.id))).scalar_one()
                ids["raw"].append(int(new))
            elif kind == 1:
                await conn.execute(
                    update(_RAW)
                    .where(_RAW.c.id == raw)
                    .values(group_id=rng.choice(["g1", "g9", None]), processed=rng.random() < 0.5)
                )
            elif kind == 2:
                await conn.execute(
                    update(_RAW)
                    .where(_RAW.c.id == raw)
                    .values(sender_name=rng.choice(["A", "ZZ", None]), timestamp=1_600_000_000 + rng.randrange(10**6))
                )
            elif kind == 3:
                await conn.execute(delete(_RAW).where(_RAW.c.id == raw))
            elif kind == 4:
                term = rng.choice(ids["jargon"])
                await conn.execute(
                    update(_JARGON)
                    .where(_JARGON.c.id == term)
                    .values(count=rng.choice([None, 3, 40]), is_jargon=rng.random() < 0.5, chat_id="g7")
                )
            else:
                await conn.execute(delete(_FILTERED).where(_FILTERED.c.id == rng.choice(ids["filtered"])))
                await conn.execute(insert(_BOT).values(group_id="g2", message="b", timestamp=1, created_at=0))


async def _all_ids(manager: Any) -> dict[str, list[int]]:
    return {
        "raw": await _ids(manager, _RAW),
        "jargon": await _ids(manager, _JARGON),
        "filtered": await _ids(manager, _FILTERED),
    }


async def _progress(manager: Any) -> list[tuple[str, bool]]:
    async with manager.transaction() as conn:
        rows = await conn.execute(text(f"SELECT table_name, finished FROM {PROGRESS} ORDER BY table_name"))
        return [(str(t), bool(f)) for t, f in rows]


def _assert_ranges_cover_once(batches: list[counter_backfill.Batch]) -> None:
    """No id range was counted twice: per table, each batch starts where the one before it ended."""
    for table in COUNTED:
        mine = [b for b in batches if b.table == table]
        for before, after in itertools.pairwise(mine):
            assert after.low == before.high, (table, before, after)


async def test_a_backfill_in_small_batches_is_exact_under_a_concurrent_writer(manager: Any) -> None:
    await _seed_without_counters(manager)
    ids = await _all_ids(manager)
    rng = random.Random(21)
    batches: list[counter_backfill.Batch] = []

    async def after_batch(batch: counter_backfill.Batch) -> None:
        batches.append(batch)
        await _write_some(manager, rng, ids, 3)  # a write between every two batches, whatever the scheduling

    stop = asyncio.Event()

    async def writer() -> None:
        while not stop.is_set():
            await _write_some(manager, rng, ids, 2)
            await asyncio.sleep(0)

    writing = asyncio.create_task(writer())
    try:
        ran = await counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH, after_batch=after_batch)
    finally:
        stop.set()
        await writing
    assert ran == len(batches) and ran >= _ROWS // _BATCH
    assert all(b.rows <= _BATCH for b in batches)
    _assert_ranges_cover_once(batches)
    assert all(finished for _, finished in await _progress(manager))
    await assert_exact(manager)
    await _write_some(manager, rng, ids, 20)  # finished: the triggers count every row
    await assert_exact(manager)


async def test_each_batch_is_one_short_transaction(manager: Any) -> None:
    await _seed_without_counters(manager, raw=300)
    statements: list[list[str]] = [[]]

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements[-1].append(statement)

    async def after_batch(batch: counter_backfill.Batch) -> None:
        statements.append([])

    event.listen(Engine, "before_cursor_execute", count)
    try:
        await counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH, after_batch=after_batch)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    # The first holds the look and the measure; every other: lock the progress rows, find the batch's end, one
    # upsert per tally (raw_messages: groups, quarters, senders), move the progress.
    per_batch = [len([s for s in batch if not s.startswith(("SET", "BEGIN", "SHOW"))]) for batch in statements[1:-1]]
    assert per_batch and max(per_batch) <= 6, per_batch
    await assert_exact(manager)


async def test_an_interrupted_backfill_resumes_where_it_stopped(manager: Any) -> None:
    await _seed_without_counters(manager)
    ids = await _all_ids(manager)
    rng = random.Random(7)
    batches: list[counter_backfill.Batch] = []

    class Interrupted(Exception):
        pass

    async def stop_after_five(batch: counter_backfill.Batch) -> None:
        batches.append(batch)
        await _write_some(manager, rng, ids, 2)
        if len(batches) == 5:
            raise Interrupted

    with contextlib.suppress(Interrupted):
        await counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH, after_batch=stop_after_five)
    assert len(batches) == 5
    assert not all(finished for _, finished in await _progress(manager))

    # A cancelled task: it stops after the batch in flight.
    task = asyncio.create_task(counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH))
    await asyncio.sleep(0.05)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task

    async def record(batch: counter_backfill.Batch) -> None:
        batches.append(batch)
        await _write_some(manager, rng, ids, 1)

    await counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH, after_batch=record)
    assert all(finished for _, finished in await _progress(manager))
    await assert_exact(manager)


_KILLED = """
import asyncio, json, sys
from sldb.generated.models import Base
from sldb.handwritten.runtime.connecting.engine import DatabaseEngine
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.tables import counter_backfill

async def run():
    settings = DatabaseSettings.from_config(json.loads(sys.argv[1]))
    engine = DatabaseEngine(settings.url(settings.db_type), Base.metadata)
    async def after(batch):
        print(json.dumps([batch.table, batch.low, batch.high]), flush=True)
    await counter_backfill.run_backfill(engine.engine, batch=int(sys.argv[2]), after_batch=after)

asyncio.run(run())
"""


async def test_a_killed_backfill_resumes_exact(manager: Any) -> None:
    await _seed_without_counters(manager)
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED, json.dumps(manager.config), str(_BATCH)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    printed = [json.loads(await asyncio.to_thread(proc.stdout.readline)) for _ in range(4)]
    os.kill(proc.pid, signal.SIGKILL)  # most likely inside a later batch's transaction
    printed += [json.loads(line) for line in proc.stdout.read().splitlines() if line.strip()]
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not all(finished for _, finished in await _progress(manager))
    ids = await _all_ids(manager)
    await _write_some(manager, random.Random(9), ids, 30)
    resumed: list[counter_backfill.Batch] = []

    async def record(batch: counter_backfill.Batch) -> None:
        resumed.append(batch)

    await counter_backfill.run_backfill(manager.engine.engine, batch=_BATCH, after_batch=record)
    # It went on from the killed run's last committed batch: no range of it was counted again.
    for table, _low, high in printed:
        assert all(b.low >= high for b in resumed if b.table == table)
    await assert_exact(manager)
