"""`python -m tests.bench.run --triggers`: what the counter triggers cost per insert, on each backend.

The same bare-driver INSERT goes, in alternating rounds, into `raw_messages` (with this layer's counter
triggers) and into a copy of it without them (tests/bench/anchor_tables.py): one message per transaction, and
100 messages per statement. The difference of the two times per message is what the triggers cost. The groups
and senders cycle over 20 and 200, so each insert upserts counter rows that exist, as in a running bot.
No figure is asserted: this is a measurement.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.bench import data
from tests.bench.anchor_tables import make_copies, trigger_count
from tests.bench.anchors import target_of
from tests.bench.raw import RawClient

PLAIN = "raw_messages_plain"
BATCH = 100
COLUMNS = "sender_id, sender_name, message, group_id, timestamp, platform, created_at, processed"


def _row(backend: str, i: int) -> tuple[Any, ...]:
    now = 1_700_000_000 + i
    return (
        f"s{i % 200}",
        f"name {i % 200}",
        f"message {i}",
        f"g{i % 20}",
        now,
        "bench",
        now,
        0 if backend == "sqlite" else False,
    )


async def _rate(raw: RawClient, table: str, seconds: float, batch: int, start: int) -> tuple[float, int]:
    """Messages per second inserted into table within about `seconds`; the next message number."""
    sql = f"INSERT INTO {table} ({COLUMNS}) VALUES ({', '.join('?' * 8)})"
    done = 0
    i = start
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        async with raw.transaction() as tx:
            if batch == 1:
                await tx.execute(sql, _row(raw.backend, i))
            else:
                await tx.executemany(sql, [_row(raw.backend, i + k) for k in range(batch)])
        i += batch
        done += batch
    return done / (time.perf_counter() - began), i


async def one_backend(backend: str, folder: Path, seconds: float, rounds: int) -> dict[str, Any]:
    await data.remove_database(backend, folder, data.MAIN_DATABASE)
    manager = SQLAlchemyDatabaseManager(data.bench_settings(backend, folder, data.MAIN_DATABASE))
    await manager.start()
    await manager.background_finished()  # the counters counting (no backfill owed) before anything is timed
    await manager.stop()
    await make_copies(target_of(backend, folder), [PLAIN])
    raw = await data.open_raw(backend, folder, data.MAIN_DATABASE)
    out: dict[str, Any] = {}
    try:
        if await trigger_count(raw, PLAIN) != 0 or await trigger_count(raw, "raw_messages") == 0:
            raise RuntimeError("the copy must have no triggers and raw_messages its counter triggers")
        i = 0
        for batch in (1, BATCH):
            with_triggers: list[float] = []
            without: list[float] = []
            for r in range(rounds):
                for table in ("raw_messages", PLAIN) if r % 2 == 0 else (PLAIN, "raw_messages"):
                    rate, i = await _rate(raw, table, seconds, batch, i)
                    (with_triggers if table == "raw_messages" else without).append(rate)
            t, p = statistics.median(with_triggers), statistics.median(without)
            out[f"batch {batch}"] = {
                "with_triggers_per_s": round(t),
                "without_per_s": round(p),
                "ratio": round(t / p, 3),
                "trigger_us_per_message": round(1e6 / t - 1e6 / p, 1),
            }
    finally:
        await raw.close()
        await data.remove_database(backend, folder, data.MAIN_DATABASE)
    return out


def print_triggers(console: Console, results: dict[str, dict[str, Any]]) -> None:
    table = Table(title="counter triggers: bare-driver inserts into raw_messages beside a copy without triggers")
    for column in ("backend", "messages per statement", "with triggers /s", "without /s", "ratio", "µs per message"):
        table.add_column(column, justify="left" if column == "backend" else "right")
    for backend, found in results.items():
        for name, row in found.items():
            table.add_row(
                backend,
                name.removeprefix("batch "),
                f"{row['with_triggers_per_s']:,}",
                f"{row['without_per_s']:,}",
                str(row["ratio"]),
                str(row["trigger_us_per_message"]),
            )
    console.print(table)
    console.print("medians over the rounds; ratio = with / without; µs per message = what the triggers add")


async def run_triggers(backends: list[str], folder: Path, seconds: float, rounds: int, console: Console) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    results = {backend: await one_backend(backend, folder, seconds, rounds) for backend in backends}
    print_triggers(console, results)
    return results
