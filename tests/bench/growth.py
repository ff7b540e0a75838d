"""`python -m tests.bench.run --growth 10000,1000000`: what each manager method costs as the database grows.

For each size, on each backend: a fresh `sldb_bench` database, started by the manager (counters and their
triggers included), seeded through the raw driver with realistic data (raw, filtered and bot messages over
20 groups and 200 senders across 90 days, jargon with global terms, persona and style reviews), written with
the triggers live, in multi-row batches (PostgreSQL: COPY). Then every method below is called: its median time,
the statements it sends (a before_cursor_execute listener) and the Python memory it peaks at (tracemalloc).
Printed per backend as a table (time at each size, growth = largest / smallest), written as JSON.
No figure is asserted: this is a measurement.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.facades.admin import stream_messages_learning_data
from tests.bench import data
from tests.bench.raw import PgClient, RawClient

GROUPS = 20
SENDERS = 200
DAYS = 90
DAY = 86_400
CHUNK = 5_000

Call = Callable[[SQLAlchemyDatabaseManager], Awaitable[Any]]


async def _export_stream(m: SQLAlchemyDatabaseManager) -> int:
    """What `sldb export` reads: every row in batches, each batch dropped once written."""
    n = 0
    async for _, rows in stream_messages_learning_data(m, group_id=None):
        n += len(rows)
    return n


_targets = iter(range(10**9))

READS: dict[str, Call] = {
    "get_groups_for_social_analysis": lambda m: m.get_groups_for_social_analysis(),
    "get_trends_data": lambda m: m.get_trends_data(),
    "get_group_user_statistics": lambda m: m.get_group_user_statistics("group_000"),
    "get_messages_statistics": lambda m: m.get_messages_statistics(),
    "get_group_statistics()": lambda m: m.get_group_statistics(None),
    "get_message_statistics(group)": lambda m: m.get_message_statistics("group_000"),
    "get_group_messages_statistics": lambda m: m.get_group_messages_statistics("group_000"),
    "get_detailed_metrics()": lambda m: m.get_detailed_metrics(None),
    "get_filtered_messages_for_learning(100)": lambda m: m.get_filtered_messages_for_learning(100),
    "get_reviewed_persona_learning_updates(20)": lambda m: m.get_reviewed_persona_learning_updates(20, 0, None),
    "get_data_statistics": lambda m: m.get_data_statistics(),
    "get_recent_raw_messages(group, 50)": lambda m: m.get_recent_raw_messages("group_000", 50),
    "get_recent_filtered_messages(group, 50)": lambda m: m.get_recent_filtered_messages("group_000", 50),
    "get_recent_bot_responses(group, 50)": lambda m: m.get_recent_bot_responses("group_000", 50),
    "get_unprocessed_messages(100)": lambda m: m.get_unprocessed_messages(100),
    "get_jargon_statistics()": lambda m: m.get_jargon_statistics(None),
    "sync_global_jargon_to_group": lambda m: m.sync_global_jargon_to_group(f"target_{next(_targets)}"),
    "export_messages_learning_data (all)": lambda m: m.export_messages_learning_data(None),
    "sldb export stream (all)": _export_stream,
}
# Run once each, last: they empty what they clear.
CLEARS: dict[str, Call] = {
    "clear_jargon_data": lambda m: m.clear_jargon_data(),
    "clear_persona_reviews_data": lambda m: m.clear_persona_reviews_data(),
    "clear_messages_data": lambda m: m.clear_messages_data(),
}
ROWS_RETURNED = {"export_messages_learning_data (all)", "sldb export stream (all)", "sync_global_jargon_to_group"}


def _text(rng: random.Random, i: int) -> str:
    return data.chat_text(rng, i)


def _rows(size: int, now: int) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    rng = random.Random(20241202)
    start = now - DAYS * DAY
    step = DAYS * DAY / size
    raw = []
    processed_until = int(size * 0.9)
    for i in range(size):
        sender = rng.randrange(SENDERS)
        ts = int(start + i * step)
        raw.append(
            (
                f"u{sender}",
                f"用户{sender}",
                None,
                _text(rng, i),
                f"group_{i % GROUPS:03d}",
                ts,
                "aiocqhttp",
                f"m{i}",
                None,
                ts,
                i < processed_until,
            )
        )
    tenth = max(size // 10, 1)
    filtered = [
        (
            i * 10 + 1,
            _text(rng, i),
            f"u{rng.randrange(SENDERS)}",
            f"group_{i % GROUPS:03d}",
            int(start + i * 10 * step),
            round(rng.random(), 3),
            '{"clarity": 0.8}',
            "bench",
            int(start + i * 10 * step),
            i < tenth * 0.7,
        )
        for i in range(tenth)
    ]
    bot = [
        (f"group_{i % GROUPS:03d}", _text(rng, i), int(start + i * 10 * step), int(start + i * 10 * step))
        for i in range(tenth)
    ]
    terms = max(size // 1000, 5)  # per group
    jargon = [
        (f"黑话{k}", "[]", f"意思{k}", True, 1 + k, 0, k % 2 == 0, k % 4 == 0, f"group_{g:03d}", start, start)
        for g in range(GROUPS)
        for k in range(terms)
    ]
    statuses = ("approved", "pending", "rejected")
    reviews = max(size // 200, 10)
    persona = [
        (
            float(start + k * 60),
            f"group_{k % GROUPS:03d}",
            "prompt_update",
            "old",
            "new",
            "proposed",
            0.8,
            "bench",
            statuses[k % 3],
            None,
            None if statuses[k % 3] == "pending" else float(start + k * 90),
            "{}",
        )
        for k in range(reviews)
    ]
    style = [
        (
            "style_learning",
            f"group_{k % GROUPS:03d}",
            float(start + k * 60),
            "A: 你好\nB: 哈喽",
            statuses[k % 3],
            "bench",
        )
        for k in range(reviews)
    ]
    return {
        "raw_messages": (
            [
                "sender_id",
                "sender_name",
                "sender_qq",
                "message",
                "group_id",
                "timestamp",
                "platform",
                "message_id",
                "reply_to",
                "created_at",
                "processed",
            ],
            raw,
        ),
        "filtered_messages": (
            [
                "raw_message_id",
                "message",
                "sender_id",
                "group_id",
                "timestamp",
                "confidence",
                "quality_scores",
                "filter_reason",
                "created_at",
                "processed",
            ],
            filtered,
        ),
        "bot_messages": (["group_id", "message", "timestamp", "created_at"], bot),
        "jargon": (
            [
                "content",
                "raw_content",
                "meaning",
                "is_jargon",
                "count",
                "last_inference_count",
                "is_complete",
                "is_global",
                "chat_id",
                "created_at",
                "updated_at",
            ],
            jargon,
        ),
        "persona_update_reviews": (
            [
                "timestamp",
                "group_id",
                "update_type",
                "original_content",
                "new_content",
                "proposed_content",
                "confidence_score",
                "reason",
                "status",
                "reviewer_comment",
                "review_time",
                "metadata",
            ],
            persona,
        ),
        "style_learning_reviews": (
            ["type", "group_id", "timestamp", "few_shots_content", "status", "description"],
            style,
        ),
    }


async def seed(raw: RawClient, size: int) -> float:
    """Write the data with the counter triggers live, in multi-row batches; seconds taken."""
    started = time.perf_counter()
    for table, (columns, rows) in _rows(size, int(time.time())).items():
        for first in range(0, len(rows), CHUNK):
            chunk = rows[first : first + CHUNK]
            if isinstance(raw, PgClient):
                await raw.conn.copy_records_to_table(table, records=chunk, columns=columns, schema_name=data.PG_SCHEMA)
                continue
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            async with raw.transaction() as tx:
                await tx.executemany(sql, chunk)
    await data.refresh_statistics(raw)
    return time.perf_counter() - started


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, *args: Any) -> None:
        self.n += 1


async def _measure(m: SQLAlchemyDatabaseManager, call: Call, repeat: bool) -> dict[str, Any]:
    counter = Counter()
    event.listen(Engine, "before_cursor_execute", counter)
    try:
        await call(m)  # warm-up, and the statements of one call
    finally:
        event.remove(Engine, "before_cursor_execute", counter)
    times = []
    budget = time.perf_counter() + 1.5
    for _ in range(15 if repeat else 1):
        t = time.perf_counter()
        await call(m)
        times.append(time.perf_counter() - t)
        if time.perf_counter() > budget and len(times) >= 3:
            break
    tracemalloc.start()
    await call(m)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"ms": round(statistics.median(times) * 1000, 2), "statements": counter.n, "peak_mb": round(peak / 2**20, 2)}


async def _clear(m: SQLAlchemyDatabaseManager, call: Call) -> dict[str, Any]:
    counter = Counter()
    event.listen(Engine, "before_cursor_execute", counter)
    t = time.perf_counter()
    try:
        await call(m)
    finally:
        event.remove(Engine, "before_cursor_execute", counter)
    return {"ms": round((time.perf_counter() - t) * 1000, 2), "statements": counter.n, "peak_mb": None}


async def one_size(backend: str, size: int, folder: Path, console: Console) -> dict[str, Any]:
    await data.remove_database(backend, folder, data.MAIN_DATABASE)
    manager = SQLAlchemyDatabaseManager(data.bench_settings(backend, folder, data.MAIN_DATABASE))
    await manager.start()
    raw = await data.open_raw(backend, folder, data.MAIN_DATABASE)
    out: dict[str, Any] = {"size": size, "methods": {}}
    try:
        out["seed_seconds"] = round(await seed(raw, size), 1)
        console.print(f"[bold]{backend}[/bold] {size:,} raw messages seeded in {out['seed_seconds']} s")
        for name, call in READS.items():
            out["methods"][name] = await _measure(manager, call, repeat=name not in ROWS_RETURNED or size <= 100_000)
        for name, call in CLEARS.items():
            out["methods"][name] = await _clear(manager, call)
        stats = await manager.get_messages_statistics()
        if stats["raw_messages"] != 0:
            raise RuntimeError(f"clear_messages_data left {stats}")
    finally:
        await raw.close()
        await manager.stop()
        await data.remove_database(backend, folder, data.MAIN_DATABASE)
    return out


def print_growth(console: Console, backend: str, sizes: list[int], runs: list[dict[str, Any]]) -> None:
    table = Table(title=f"growth on {backend}")
    table.add_column("method")
    for size in sizes:
        table.add_column(f"{size:,} ms", justify="right")
    table.add_column("growth", justify="right")
    table.add_column("statements", justify="right")
    table.add_column("peak MB", justify="right")
    for name in runs[0]["methods"]:
        cells = [runs[i]["methods"][name] for i in range(len(runs))]
        small, large = cells[0]["ms"], cells[-1]["ms"]
        growth = f"{large / small:.1f}x" if small else "-"
        statements = "/".join(str(c["statements"]) for c in cells)
        peak = "/".join("-" if c["peak_mb"] is None else f"{c['peak_mb']:.1f}" for c in cells)
        table.add_row(name, *(f"{c['ms']:,.1f}" for c in cells), growth, statements, peak)
    console.print(table)


async def run_growth(backends: list[str], sizes: list[int], folder: Path, console: Console) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    for backend in backends:
        runs = [await one_size(backend, size, folder, console) for size in sizes]
        results[backend] = runs
        print_growth(console, backend, sizes, runs)
    return results
