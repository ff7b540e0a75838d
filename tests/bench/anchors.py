"""`python -m tests.bench.run --anchors` (`make bench-anchors`): ours beside other ways of making the plugin's two
commonest calls, on each backend, in one process.

The calls: store one chat message and return its id (ours: save_raw_message), and read a group's newest 50
messages with every column (ours: get_recent_raw_messages(group, 50)). The contenders (anchor_contenders.py,
anchor_tortoise.py, anchor_piccolo.py) each work on a copy of raw_messages (anchor_tables.py) seeded with the
same rows. Before timing, every contender's read must return ours's rows (same ids, every column) and its
insert must store the row ours stores. Then each call is timed in rounds in which the contenders take turns,
the first place moving round by round; a contender's figure is its calls per second over ours's in the same
round (min–max over the rounds). Nothing here is asserted anywhere.
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import mysql_server, postgresql_server
from tests.bench import data, report
from tests.bench.anchor_contenders import (
    COLUMNS,
    RECENT_LIMIT,
    Contender,
    Driver,
    DriverCounted,
    Ours,
    OursWithoutTriggers,
    SqlalchemyCore,
    SqlalchemyOrm,
    Target,
    Unavailable,
    row_id,
)
from tests.bench.anchor_report import print_anchors
from tests.bench.anchor_tables import check_copies, make_copies

# Contenders from optional packages (the `bench` extra): key, label, module, class, package.
OPTIONAL = (
    ("tortoise", "Tortoise ORM", "tests.bench.anchor_tortoise", "TortoiseOrm", "tortoise-orm"),
    ("piccolo", "Piccolo", "tests.bench.anchor_piccolo", "PiccoloOrm", "piccolo"),
)
ROW_CHECK_SKIPS = ("id", "created_at")  # a new id each, and the second the row was written


class _Missing(Contender):
    """A contender whose package is not installed: shown as "—" with the reason."""

    def __init__(self, target: Target, key: str, label: str, reason: str) -> None:
        self.key, self.label, self.reason = key, label, reason
        super().__init__(target)

    async def open(self) -> None:
        raise Unavailable(self.reason)

    async def insert(self, message: dict[str, Any]) -> int:
        raise NotImplementedError

    async def recent(self, group_id: str) -> list[Any]:
        raise NotImplementedError


def contenders(target: Target, manager: Any) -> list[Contender]:
    made: list[Contender] = [
        Ours(target, manager),
        OursWithoutTriggers(target, manager),
        Driver(target),
        DriverCounted(target),
        SqlalchemyCore(target),
        SqlalchemyOrm(target),
    ]
    for key, label, module, name, package in OPTIONAL:
        try:
            made.append(getattr(importlib.import_module(module), name)(target))
        except ImportError as exc:
            reason = f"{package} is not installed ({exc}); pip install -e '.[bench]'"
            made.append(_Missing(target, key, label, reason))
    return made


def target_of(backend: str, folder: Path) -> Target:
    database = data.MAIN_DATABASE
    if backend == "sqlite":
        return Target(backend, database, path=str(folder / f"{database}.db"))
    server = postgresql_server() if backend == "postgresql" else mysql_server()
    return Target(
        backend,
        database,
        host=server.host or "127.0.0.1",
        port=server.port or (5432 if backend == "postgresql" else 3306),
        user=server.username or ("postgres" if backend == "postgresql" else "root"),
        password=server.password or "",
        schema=data.PG_SCHEMA if backend == "postgresql" else "",
    )


class Messages:
    """The messages the inserts send: the i-th is the same for every contender; each has its own platform id,
    so no insert is a repeat (ours would return the stored row's id)."""

    POOL = 1_000

    def __init__(self, dataset: data.Dataset) -> None:
        rng = random.Random(23)
        self.texts = [data.chat_text(rng, i) for i in range(self.POOL)]
        self.groups = dataset.groups
        self.now = int(time.time())

    def __call__(self, i: int) -> dict[str, Any]:
        return {
            "sender_id": f"u{i % 500}",
            "sender_name": f"用户{i % 500}",
            "message": self.texts[i % self.POOL],
            "group_id": self.groups[i % len(self.groups)],
            "timestamp": self.now + i,
            "platform": "aiocqhttp",
            "message_id": f"anchor{i}",
        }


@dataclass
class Tally:
    """One contender's timed calls of one kind: per round, calls and seconds; unavailable says why not."""

    calls: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    next_index: int = 0
    unavailable: str = ""

    def rate(self, r: int) -> float:
        return self.calls[r] / self.seconds[r] if self.seconds[r] > 0 else 0.0

    @property
    def per_second(self) -> float:
        return sum(self.calls) / sum(self.seconds) if sum(self.seconds) > 0 else 0.0


Call = Callable[[Contender, int], Awaitable[Any]]


def _calls(messages: Messages, groups: list[str]) -> dict[str, tuple[Call, Callable[[Any], bool]]]:
    """Each kind of call, by its index i, and what a call that did its work returns."""

    async def insert(c: Contender, i: int) -> Any:
        return await c.insert(messages(i))

    async def recent(c: Contender, i: int) -> Any:
        return await c.recent(groups[i % len(groups)])

    # Reads first, on the seeded rows (the same in every table), then inserts, which add rows at their own rates.
    return {
        "recent": (recent, lambda rows: len(rows) == RECENT_LIMIT),
        "insert": (insert, lambda new_id: isinstance(new_id, int) and new_id > 0),
    }


def _has_every_column(row: Any) -> bool:
    """Whether a row read carries every column ours's record has (ours's SELECT also reads ingest_key)."""
    wanted = set(COLUMNS) - {"ingest_key"}
    return wanted <= (set(row) if isinstance(row, dict) else {c for c in wanted if hasattr(row, c)})


async def _check_read(contender: Contender, expected: list[int], group: str) -> None:
    """The contender reads ours's rows (the same ids, every column), or it is not timed."""
    rows = await contender.recent(group)
    if [row_id(row) for row in rows] != expected or not all(_has_every_column(row) for row in rows):
        raise Unavailable(f"its read differs from ours: {rows[:1]!r:.200}")


async def _check_insert(contender: Contender, ours: Contender, raw: Any, message: dict[str, Any]) -> None:
    """The contender stores the row ours stores (ours's later inserts of message find its first row), or it is
    not timed."""
    stored = []
    for who in (ours, contender):
        new_id = await who.insert(message)
        found = await raw.rows(f"SELECT * FROM {who.table} WHERE id = ?", (new_id,))
        skips = ROW_CHECK_SKIPS + contender.check_skips
        stored.append({k: v for k, v in (found[0] if found else {}).items() if k not in skips})
    if stored[0] != stored[1] or not stored[0]:
        raise Unavailable(f"it stores {stored[1]!r:.300} where ours stores {stored[0]!r:.300}")


async def _open_and_check(everyone: list[Contender], raw: Any, messages: Messages, group: str, out: Any) -> list:
    """Open every contender, then check every read, then every insert (after the reads: the check's rows are
    the newest of their group); one that fails is left out, with why. The contenders opened come back."""
    ours = everyone[0]
    expected = [row_id(row) for row in await ours.recent(group)]
    opened: list[Contender] = []

    async def open_(c: Contender) -> None:
        await c.open()
        opened.append(c)

    async def read(c: Contender) -> None:
        await _check_read(c, expected, group)

    async def insert(c: Contender) -> None:
        await _check_insert(c, ours, raw, messages(0))

    for step in (open_, read, insert):
        for c in everyone[1:]:
            if c.key in out["unavailable"]:
                continue
            try:
                await step(c)
            except Exception as exc:  # a contender that cannot do the work is shown as "—", with why
                out["unavailable"][c.key] = str(exc) if isinstance(exc, Unavailable) else f"{type(exc).__name__}: {exc}"
    return opened


async def _round(call: Call, valid: Callable[[Any], bool], c: Contender, tally: Tally, args: Any) -> None:
    budget = args.seconds / args.rounds
    wanted = max(1, args.calls // args.rounds) if args.calls else None
    done = 0
    await c.before_round()
    try:
        started = time.perf_counter()
        while True:
            result = await call(c, tally.next_index + done)
            done += 1
            if not valid(result):
                raise RuntimeError(f"{c.name}: call {tally.next_index + done - 1} returned {result!r:.200}")
            if (wanted is not None and done >= wanted) or (wanted is None and time.perf_counter() - started >= budget):
                break
        tally.seconds.append(time.perf_counter() - started)
    finally:
        await c.after_round()
    tally.calls.append(done)
    tally.next_index += done


async def _time(call: Call, valid: Callable[[Any], bool], running: list[Contender], args: Any) -> dict:
    tallies = {c.key: Tally(next_index=1) for c in running}  # index 0 was the check's insert
    for c in running:
        for _ in range(args.warmup):
            await call(c, tallies[c.key].next_index)
            tallies[c.key].next_index += 1
    for r in range(args.rounds):
        turn = r % len(running)
        for c in running[turn:] + running[:turn]:
            await _round(call, valid, c, tallies[c.key], args)
    ours = tallies["ours"]
    result: dict[str, Any] = {
        "ours_per_second": round(ours.per_second, 1),
        "ours_round_per_second": [round(ours.rate(r), 1) for r in range(args.rounds)],
        "contenders": {},
    }
    for c in running[1:]:
        t = tallies[c.key]
        ratios = [t.rate(r) / ours.rate(r) for r in range(args.rounds)]
        result["contenders"][c.key] = {
            "per_second": round(t.per_second, 1),
            "round_per_second": [round(t.rate(r), 1) for r in range(args.rounds)],
            "round_ratios": [round(x, 3) for x in ratios],
            "ratio_min": round(min(ratios), 3),
            "ratio_median": round(statistics.median(ratios), 3),
            "ratio_max": round(max(ratios), 3),
        }
    return result


async def run_backend(backend: str, args: argparse.Namespace, console: Console) -> dict[str, Any]:
    folder: Path = args.sqlite_dir
    folder.mkdir(parents=True, exist_ok=True)
    await data.remove_database(backend, folder, data.MAIN_DATABASE)
    manager = SQLAlchemyDatabaseManager(data.bench_settings(backend, folder, data.MAIN_DATABASE))
    await manager.start()
    raw = None
    opened: list[Contender] = []
    out: dict[str, Any] = {"contenders": {}, "unavailable": {}, "calls": {}}
    try:
        target = target_of(backend, folder)
        raw = await data.open_raw(backend, folder, data.MAIN_DATABASE)
        out["server_version"] = await raw.server_version()
        dataset = data.Dataset.plan(args.rows, args.groups)
        everyone = contenders(target, manager)
        copies = [c.table for c in everyone[1:] if c.table != "raw_messages"]
        started = time.perf_counter()
        await data.seed(raw, dataset)
        await make_copies(target, copies)
        for table in copies:
            await data.seed_raw_copy(raw, dataset, table)
        out["seed_seconds"] = round(time.perf_counter() - started, 2)
        out["triggers_on_ours"] = await check_copies(raw, copies)
        console.print(
            f"[bold]{backend}[/bold] {out['server_version']}: {args.rows:,} rows seeded in raw_messages and"
            f" {len(copies)} copies in {out['seed_seconds']} s"
        )
        messages = Messages(dataset)
        out["contenders"] = {c.key: c.label for c in everyone}
        opened = await _open_and_check(everyone, raw, messages, dataset.groups[0], out)
        for key, why in out["unavailable"].items():
            console.print(f"  {key}: — {why}", markup=False, highlight=False)
        running = [c for c in everyone if c.key not in out["unavailable"]]
        for kind, (call, valid) in _calls(messages, dataset.groups).items():
            out["calls"][kind] = await _time(call, valid, running, args)
            line = ", ".join(
                f"{key} {v['ratio_min']:.2f}–{v['ratio_max']:.2f}"
                for key, v in out["calls"][kind]["contenders"].items()
            )
            console.print(f"  {kind:<7} ours {out['calls'][kind]['ours_per_second']:,.0f}/s; over ours: {line}")
    finally:
        for c in reversed(opened):
            await c.close()
        if raw is not None:
            await raw.close()
        await manager.stop()
        if not args.keep:
            await data.remove_database(backend, folder, data.MAIN_DATABASE)
    return out


def _versions(packages: Iterable[str]) -> dict[str, str]:
    found = {}
    for package in packages:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


async def anchors_async(args: argparse.Namespace, console: Console) -> int:
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    document: dict[str, Any] = {
        "machine": report.machine(),
        "anchor_packages": _versions(name for *_, name in OPTIONAL),
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "backends": {},
    }
    started = time.perf_counter()
    failed = False
    for backend in backends:
        try:
            document["backends"][backend] = await run_backend(backend, args, console)
        except Exception as exc:  # one backend's failure must not hide the others' figures
            failed = True
            console.print_exception(max_frames=5)
            document["backends"][backend] = {"error": f"{type(exc).__name__}: {exc}"}
    document["total_seconds"] = round(time.perf_counter() - started, 1)
    print_anchors(console, document["backends"], args.rounds)
    default_json = data.DEFAULT_DIR / "bench-results.json"
    path = args.json if args.json != default_json else data.DEFAULT_DIR / "anchors-results.json"
    report.write_json(path, document)
    data.remove_folder_if_empty(args.sqlite_dir)
    console.print(f"{document['total_seconds']} s in all; JSON written to {path}")
    return 1 if failed else 0
