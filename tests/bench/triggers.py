"""`python -m tests.bench.run --triggers`: what the counter triggers cost per insert, on each backend.

The same bare-driver INSERT goes, in rounds whose order rotates, into `raw_messages` with this layer's counter
triggers in their settled variant (every backfill finished, as a running bot has them), into it with the
backfill variant (which reads the backfill's progress first; swapped in place between rounds), and into a copy
of it without triggers (tests/bench/anchor_tables.py): one message per transaction, and 100 messages per
statement. The difference of the times per message is what the triggers cost. The groups and senders cycle
over 20 and 200, so each insert updates counter rows that exist, as in a running bot.
No figure is asserted: this is a measurement.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.tables.counter_triggers import replacing_ddl
from tests.bench import data
from tests.bench.anchor_contenders import stock_engine
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


async def _variant(backend: str, folder: Path, settled: bool) -> None:
    """Replace the counter triggers' bodies in place by a variant (as settle_counters does)."""
    engine = stock_engine(target_of(backend, folder), autocommit=False)
    try:
        async with engine.begin() as conn:
            for statement in replacing_ddl(conn.dialect.name, False, settled):
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


SERIES = ("settled", "backfill variant", "without")


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
            rates: dict[str, list[float]] = {name: [] for name in SERIES}
            for r in range(rounds):
                for name in SERIES[r % 3 :] + SERIES[: r % 3]:
                    if name != "without":
                        await _variant(backend, folder, settled=name == "settled")
                    rate, i = await _rate(raw, PLAIN if name == "without" else "raw_messages", seconds, batch, i)
                    rates[name].append(rate)
            t, b, p = (statistics.median(rates[name]) for name in SERIES)
            out[f"batch {batch}"] = {
                "with_triggers_per_s": round(t),
                "backfill_variant_per_s": round(b),
                "without_per_s": round(p),
                "ratio": round(t / p, 3),
                "trigger_us_per_message": round(1e6 / t - 1e6 / p, 1),
                "backfill_variant_us_per_message": round(1e6 / b - 1e6 / p, 1),
            }
    finally:
        await raw.close()
        await data.remove_database(backend, folder, data.MAIN_DATABASE)
    return out


def print_triggers(console: Console, results: dict[str, dict[str, Any]]) -> None:
    table = Table(title="counter triggers: bare-driver inserts into raw_messages beside a copy without triggers")
    columns = (
        "backend",
        "messages per statement",
        "settled /s",
        "without /s",
        "ratio",
        "µs per message",
        "backfill variant /s",
        "its µs per message",
    )
    for column in columns:
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
                f"{row['backfill_variant_per_s']:,}",
                str(row["backfill_variant_us_per_message"]),
            )
    console.print(table)
    console.print(
        "medians over the rounds; ratio = settled / without; µs per message = what the triggers add "
        "(settled: every backfill finished; backfill variant: the form while one is owed)"
    )


async def run_triggers(backends: list[str], folder: Path, seconds: float, rounds: int, console: Console) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    results = {backend: await one_backend(backend, folder, seconds, rounds) for backend in backends}
    print_triggers(console, results)
    return results
