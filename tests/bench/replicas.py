"""`python -m tests.bench.run --replicas 0,1,2`: read throughput of the replica-marked methods by replica count.

One private PostgreSQL primary with two asynchronous standbys (tests/cluster/postgres.py) is seeded through the
manager; then, for each count, a manager whose postgresql_read_hosts lists that many standbys calls the marked
dashboard reads from CONCURRENCY tasks for the given seconds, each count twice (forwards, then backwards) and
averaged. Printed as calls per second and as the ratio to
no replica, side by side in one run; written as JSON. No figure is asserted: this is a measurement. On one
machine every server shares its cores, so the figures show the routing's overhead and spread, not the capacity
that standbys on their own machines add.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import Console
from rich.table import Table

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.cluster.postgres import PrimaryAndStandby, primary_and_standby

DATABASE = "sldb_bench_replicas"
CONCURRENCY = 8
GROUPS = 20
MESSAGES = 20_000

Call = Callable[[SQLAlchemyDatabaseManager], Awaitable[Any]]
MARKED: dict[str, Call] = {
    "get_message_statistics(group)": lambda m: m.get_message_statistics("g3"),
    "get_group_statistics()": lambda m: m.get_group_statistics(),
    "get_trends_data": lambda m: m.get_trends_data(),
    "get_jargon_statistics()": lambda m: m.get_jargon_statistics(),
}


def _settings(pair: PrimaryAndStandby, replicas: int, folder: str) -> dict[str, Any]:
    return {
        "db_type": "postgresql",
        "postgresql_host": f"127.0.0.1:{pair.primary.port}",
        "postgresql_read_hosts": ",".join(f"127.0.0.1:{s.port}" for s in pair.standbys[:replicas]),
        "postgresql_database": DATABASE,
        "fallback_to_sqlite": False,
        "max_connections": CONCURRENCY,
        "data_dir": folder,
    }


async def _seed(manager: SQLAlchemyDatabaseManager) -> None:
    now = time.time()
    batch = [
        {
            "sender_id": f"u{i % 200}",
            "sender_name": f"user {i % 200}",
            "message": f"message {i}",
            "group_id": f"g{i % GROUPS}",
            "platform": "bench",
            "timestamp": now - (i % (7 * 86_400)),
        }
        for i in range(MESSAGES)
    ]
    for start in range(0, MESSAGES, 1000):
        await manager.save_raw_messages(batch[start : start + 1000])


async def _throughput(manager: SQLAlchemyDatabaseManager, call: Call, seconds: float) -> float:
    done = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            await call(manager)
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return done / (time.perf_counter() - started)


async def run_replicas(counts: list[int], seconds: float, console: Console) -> dict[str, Any]:
    fixture = primary_and_standby(synchronous=False, standbys=max(max(counts), 1))
    pair = next(fixture)
    runs: dict[str, dict[int, list[float]]] = {name: {c: [] for c in counts} for name in MARKED}
    try:
        with tempfile.TemporaryDirectory(prefix="sldb-bench-replicas-") as folder:
            seeder = SQLAlchemyDatabaseManager(_settings(pair, 0, folder))
            await seeder.start()
            await _seed(seeder)
            await seeder.stop()
            await asyncio.sleep(1.0)  # let the standbys replay the seed
            # Each count twice, forwards then backwards, so that no count gains from running later (warm caches).
            for count in [*counts, *reversed(counts)]:
                manager = SQLAlchemyDatabaseManager(_settings(pair, count, folder))
                await manager.start()
                try:
                    for name, call in MARKED.items():
                        await call(manager)  # connections opened, plans cached
                        runs[name][count].append(await _throughput(manager, call, seconds))
                finally:
                    await manager.stop()
    finally:
        fixture.close()
    results = {name: {c: sum(v) / len(v) for c, v in by_count.items()} for name, by_count in runs.items()}
    table = Table(title=f"replica-marked reads, calls/s with {CONCURRENCY} concurrent callers (× no replica)")
    table.add_column("method")
    for count in counts:
        table.add_column(f"{count} replica{'s' if count != 1 else ''}", justify="right")
    for name, by_count in results.items():
        base = by_count[counts[0]]
        table.add_row(name, *(f"{by_count[c]:,.0f} ({by_count[c] / base:.2f})" for c in counts))
    console.print(table)
    return {"concurrency": CONCURRENCY, "messages": MESSAGES, "seconds": seconds, "calls_per_second": results}
