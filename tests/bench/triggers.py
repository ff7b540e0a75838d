"""`python -m tests.bench.run --triggers`: what the counter triggers cost per insert, on each backend.

The same bare-driver INSERT goes, in rounds whose order rotates, into `raw_messages` with this layer's counter
triggers in their settled variant (every backfill finished, as a running bot has them), into it with the
backfill variant (which reads the backfill's progress first; swapped in place between rounds), and into a copy
of it without triggers (tests/bench/anchor_tables.py): one message per transaction, and 100 messages per
statement. The difference of the times per message is what the triggers cost. The groups and senders cycle
over 20 and 200, so each insert updates counter rows that exist, as in a running bot.

On PostgreSQL and MariaDB the same inserts also run inside the server, LOOP of them in one transaction (a DO block;
a stored procedure), with and without the settled triggers: no round trip, one commit, so their difference is the
triggers' statement work alone, apart from the commit and the client's round trip.
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
LOOP = 2_000  # inserts per server-side loop
PROCEDURE = "sldb_bench_insert_loop"


def _loop_values(backend: str) -> str:
    """The values of the i-th message of the server-side loop, as _row gives them (i: the loop's variable)."""
    if backend == "mysql":
        return (
            "CONCAT('s', i MOD 200), CONCAT('name ', i MOD 200), CONCAT('message ', i), CONCAT('g', i MOD 20), "
            "1700000000 + i, 'bench', 1700000000 + i, false"
        )
    return (
        "'s' || mod(i, 200), 'name ' || mod(i, 200), 'message ' || i, 'g' || mod(i, 20), "
        "1700000000 + i, 'bench', 1700000000 + i, false"
    )


async def _create_loops(raw: RawClient) -> None:
    """MariaDB: one stored procedure per table that inserts messages a..b-1 in one transaction (the benchmark's
    database is new each run, and dropped with them after it)."""
    if raw.backend != "mysql":
        return
    for table in ("raw_messages", PLAIN):
        await raw.single().execute(
            f"CREATE PROCEDURE {PROCEDURE}_{table}(a BIGINT, b BIGINT) BEGIN DECLARE i BIGINT DEFAULT a; START TRANSACTION; "
            f"WHILE i < b DO INSERT INTO {table} ({COLUMNS}) VALUES ({_loop_values('mysql')}); SET i = i + 1; "
            "END WHILE; COMMIT; END"
        )


async def _loop_us(raw: RawClient, table: str, start: int) -> float:
    """µs per message of LOOP inserts into table run inside the server, in one transaction."""
    began = time.perf_counter()
    if raw.backend == "mysql":
        await raw.single().execute(f"CALL {PROCEDURE}_{table}(?, ?)", (start, start + LOOP))
    else:
        await raw.single().execute(
            f"DO $$ BEGIN FOR i IN {start}..{start + LOOP - 1} LOOP "
            f"INSERT INTO {table} ({COLUMNS}) VALUES ({_loop_values('postgresql')}); END LOOP; END $$"
        )
    return (time.perf_counter() - began) * 1e6 / LOOP


async def _server_loop(raw: RawClient, backend: str, folder: Path, rounds: int, start: int) -> dict[str, Any]:
    """With the settled triggers and without, alternating: µs per message inside the server."""
    await _variant(backend, folder, settled=True)
    await _create_loops(raw)
    times: dict[str, list[float]] = {"raw_messages": [], PLAIN: []}
    i = start
    for r in range(rounds):
        for table in ("raw_messages", PLAIN) if r % 2 == 0 else (PLAIN, "raw_messages"):
            times[table].append(await _loop_us(raw, table, i))
            i += LOOP
    with_, without = statistics.median(times["raw_messages"]), statistics.median(times[PLAIN])
    return {
        "with_triggers_us": round(with_, 1),
        "without_us": round(without, 1),
        "trigger_us_per_message": round(with_ - without, 1),
    }


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
        if backend != "sqlite":
            out["server_loop"] = await _server_loop(raw, backend, folder, rounds, i)
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
            if name == "server_loop":
                continue
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
    loops = {backend: found["server_loop"] for backend, found in results.items() if "server_loop" in found}
    if loops:
        inside = Table(title=f"inside the server: {LOOP:,} inserts in one loop and one transaction, no round trips")
        for column in ("backend", "settled µs per insert", "without µs", "triggers' statement work, µs"):
            inside.add_column(column, justify="left" if column == "backend" else "right")
        for backend, row in loops.items():
            inside.add_row(
                backend, str(row["with_triggers_us"]), str(row["without_us"]), str(row["trigger_us_per_message"])
            )
        console.print(inside)
        console.print("medians over the rounds; MariaDB: a stored procedure, PostgreSQL: a DO block")


async def run_triggers(backends: list[str], folder: Path, seconds: float, rounds: int, console: Console) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    results = {backend: await one_backend(backend, folder, seconds, rounds) for backend in backends}
    print_triggers(console, results)
    return results
