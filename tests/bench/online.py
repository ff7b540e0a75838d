"""`python -m tests.bench.run --online 1000000`: this layer's start on a grown database while another instance writes.

Per backend, on `sldb_bench`:
1. The database is laid out as the plugin's own layer leaves it: the manager creates the schema, then this
   layer's additions are taken away (layouts.py: the counter triggers and tables and the backfill's progress, the
   text key and ingest key columns and their indexes), and SIZE raw messages (with filtered and bot messages,
   jargon, reviews) are written.
2. **first start**: a second process (online_writer.py) inserts one message every 10 ms with a bare driver;
   after PAUSE seconds the manager starts for the first time on that database; PAUSE seconds later the writer
   stops.
3. **upgrade**: the same with a database that lacks one index and one column of raw_messages (a new release
   adding them): the manager starts again while the writer writes.
For each step: start()'s duration, the counters' backfill's (a task start() leaves running), the writer's
median and maximum insert latency before, during the start, during the backfill and after, the statements that
took longest meanwhile, the inserts the server refused (with their error codes: a deadlock the migration caused loses that
instance's message), whether every acknowledged insert is there, and whether the counters are exact. No figure is asserted.
tests/growth/test_online_at_scale.py runs the same steps at 200,000 messages as a test, asserting what needs no clock.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, event, text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.bench import data, growth, layouts
from tests.bench.online_writer import Writer

PAUSE_SECONDS = 3.0


class _SlowestStatements:
    """The statements that took longest while it is entered (every engine of the process), as (ms, text)."""

    def __init__(self) -> None:
        self.timed: list[tuple[float, str]] = []

    def _before(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        conn.info["sldb_bench_began"] = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        began = conn.info.pop("sldb_bench_began", None)
        if began is not None:
            self.timed.append(((time.perf_counter() - began) * 1000, " ".join(statement.split())[:160]))

    def __enter__(self) -> _SlowestStatements:
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self._before)
        event.remove(Engine, "after_cursor_execute", self._after)

    def longest(self, n: int = 5) -> list[tuple[float, str]]:
        return [(round(ms, 1), statement) for ms, statement in sorted(self.timed, reverse=True)[:n]]


def _latencies(
    lines: list[tuple[float, float]], start: float, end: float, filled: float
) -> dict[str, dict[str, float]]:
    phases = {
        "before": [ms for t, ms in lines if t < start],
        "during": [ms for t, ms in lines if start <= t <= end],
        "backfill": [ms for t, ms in lines if end < t <= filled],
        "after": [ms for t, ms in lines if t > filled],
    }
    return {
        name: {"median_ms": round(statistics.median(v), 2), "max_ms": round(max(v), 1), "inserts": len(v)}
        for name, v in phases.items()
        if v
    }


async def _step(backend: str, folder: Path, name: str, manager: SQLAlchemyDatabaseManager) -> dict[str, Any]:
    """Start manager while the writer writes; what the writer saw and what start took."""
    out_file = folder / f"online-{backend}-{name}.log"
    writer = await Writer.start(backend, folder, data.MAIN_DATABASE, out_file, name)
    slowest = _SlowestStatements()
    try:
        await asyncio.sleep(PAUSE_SECONDS)
        with slowest:
            started = time.monotonic()
            await manager.start()
            ended = time.monotonic()
            await manager.background_finished()
            filled = time.monotonic()
        await asyncio.sleep(PAUSE_SECONDS)
    finally:
        written = await writer.stop()
    out_file.unlink()
    failed = [code for _, code in written.failed]
    acked = [message_id for _, _, message_id in written.acked]
    async with manager.reading() as conn:
        present = (
            await conn.execute(text("SELECT count(*) FROM raw_messages WHERE message_id LIKE :p"), {"p": f"{name}-%"})
        ).scalar_one()
    exact = True
    try:
        from tests.growth.test_counters import assert_exact

        await assert_exact(manager)
    except AssertionError:
        exact = False
    return {
        "start_seconds": round(ended - started, 2),
        "backfill_seconds": round(filled - ended, 2),
        "writer": _latencies([(t, ms) for t, ms, _ in written.acked], started, ended, filled),
        "slowest_statements": slowest.longest(),
        "acknowledged": len(acked),
        "failed": len(failed),
        "failed_codes": sorted(set(failed)),
        "present": int(present),
        "counters_exact": exact,
    }


async def one_backend(backend: str, size: int, folder: Path, console: Console) -> dict[str, Any]:
    await data.remove_database(backend, folder, data.MAIN_DATABASE)
    settings = data.bench_settings(backend, folder, data.MAIN_DATABASE)
    manager = SQLAlchemyDatabaseManager(settings)
    await manager.start()
    await manager.background_finished()  # nothing of the layer may run while its additions are taken away
    result: dict[str, Any] = {"size": size}
    try:
        await layouts.as_the_plugin_left_it(manager)
        await manager.stop()
        raw = await data.open_raw(backend, folder, data.MAIN_DATABASE)
        try:
            result["seed_seconds"] = round(await growth.seed(raw, size), 1)
        finally:
            await raw.close()
        console.print(f"[bold]{backend}[/bold]: {size:,} raw messages as the plugin's layer leaves them")
        result["first start"] = await _step(backend, folder, "first", manager)
        await layouts.before_the_upgrade(manager)
        await manager.stop()
        result["upgrade"] = await _step(backend, folder, "upgrade", manager)
    finally:
        await manager.stop()
        await data.remove_database(backend, folder, data.MAIN_DATABASE)
    return result


def print_online(console: Console, results: dict[str, dict[str, Any]]) -> None:
    table = Table(title="start() on a grown database while another instance inserts every 10 ms")
    for column in (
        "backend",
        "rows",
        "step",
        "start() s",
        "backfill s",
        "writer before",
        "during start",
        "during backfill",
        "after",
        "acked/present",
        "refused",
        "exact",
    ):
        table.add_column(column, justify="left" if column in ("backend", "step") else "right")

    def cell(step: dict[str, Any], phase: str) -> str:
        found = step["writer"].get(phase)
        return f"{found['median_ms']} / {found['max_ms']} ms" if found else "—"

    for backend, result in results.items():
        for name in ("first start", "upgrade"):
            step = result[name]
            table.add_row(
                backend,
                f"{result['size']:,}",
                name,
                str(step["start_seconds"]),
                str(step["backfill_seconds"]),
                cell(step, "before"),
                cell(step, "during"),
                cell(step, "backfill"),
                cell(step, "after"),
                f"{step['acknowledged']}/{step['present']}",
                f"{step['failed']} {' '.join(map(str, step['failed_codes']))}".strip(),
                "yes" if step["counters_exact"] else "NO",
            )
    console.print(table)
    console.print("writer cells: median / maximum insert latency")
    for backend, result in results.items():
        for name in ("first start", "upgrade"):
            for ms, statement in result[name]["slowest_statements"][:3]:
                console.print(f"  {backend} {name}: {ms} ms  {statement}")


async def run_online(backends: list[str], size: int, folder: Path, console: Console) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    results = {backend: await one_backend(backend, size, folder, console) for backend in backends}
    print_online(console, results)
    return results
