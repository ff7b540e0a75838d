"""`make bench` / `python -m tests.bench.run`: the hot paths of issue 6 through the manager and through the
raw driver, side by side on each backend, with start-up counts and the statistics' query plans.

Databases: `sldb_bench` (and `sldb_bench_cold` for the cold start; SLDB_TEST_DB_SUFFIX is appended) on the
servers of tests/backends.py, SQLite files of those names under --sqlite-dir. Each run drops and recreates
them, and drops them at the end unless --keep. Results: a table on the terminal and JSON at --json.
No figure here is asserted anywhere: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.backends import selected_backends
from tests.bench import data, growth, measure, paths, plans, report, startup

# A pipe (make, CI) gets a wide table rather than rich's 80 columns.
console = Console(width=None if sys.stdout.isatty() else 150)
STARTUP = "startup"
ANCHOR_ROWS = 20_000  # tests/bench/anchors.py: a copy of raw_messages per contender, seeded alike
ANCHOR_ROUNDS = 5
# Per contender and call with --anchors: rounds of a second each (the medians of 0.2 s rounds moved more between runs).
ANCHOR_SECONDS = 5.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--backends",
        default=",".join(selected_backends()),
        help="comma-separated: sqlite,postgresql,mysql (default: SLDB_TEST_BACKENDS or all three)",
    )
    parser.add_argument(
        "--seconds", type=float, default=None, help="time per side and path (default 1.0; 5.0 with --anchors)"
    )
    parser.add_argument("--calls", type=int, default=None, help="a fixed number of calls per side and path instead")
    parser.add_argument(
        "--rounds", type=int, default=None, help="rounds in which the sides take turns (default 3; 5 with --anchors)"
    )
    parser.add_argument("--warmup", type=int, default=10, help="untimed calls per side before timing (default 10)")
    parser.add_argument(
        "--rows", type=int, default=None, help="raw messages seeded (default 100000; 20000 with --anchors)"
    )
    parser.add_argument("--groups", type=int, default=20, help="chat groups the rows are spread over (default 20)")
    parser.add_argument("--batch", type=int, default=100, help="messages per save_raw_messages call (default 100)")
    parser.add_argument(
        "--paths",
        default="",
        help="only these paths: a path's exact name or the start of names, comma-separated; 'startup' for start-up",
    )
    parser.add_argument("--no-startup", action="store_true", help="skip the cold and warm start measurements")
    parser.add_argument("--startup-runs", type=int, default=3, help="warm starts measured (default 3)")
    parser.add_argument("--json", type=Path, default=data.DEFAULT_DIR / "bench-results.json", help="results file")
    parser.add_argument("--sqlite-dir", type=Path, default=data.DEFAULT_DIR, help="folder of the SQLite files")
    parser.add_argument("--profile", type=Path, default=None, help="folder for pyinstrument profiles of our side")
    parser.add_argument("--verbose", action="store_true", help="print every query plan and the warm start statements")
    parser.add_argument("--keep", action="store_true", help="keep the sldb_bench database after the run")
    parser.add_argument(
        "--growth",
        default="",
        help="growth mode: raw-message sizes to seed and compare, e.g. 10000,1000000 (see tests/bench/growth.py)",
    )
    parser.add_argument(
        "--replicas",
        default="",
        help="replica mode: read throughput of the replica-marked methods with these standby counts, e.g. 0,1,2 "
        "(private servers; see tests/bench/replicas.py)",
    )
    parser.add_argument(
        "--anchors",
        action="store_true",
        help="anchor mode: ours beside SQLAlchemy ORM and Core, Tortoise ORM, Piccolo and the pooled driver on "
        "save_raw_message and get_recent_raw_messages(50) (see tests/bench/anchors.py)",
    )
    parser.add_argument(
        "--online",
        type=int,
        default=0,
        help="online mode: this layer's first start and an upgrade on a database of this many raw messages while "
        "another process inserts every 10 ms (see tests/bench/online.py)",
    )
    parser.add_argument(
        "--triggers",
        action="store_true",
        help="trigger mode: what the counter triggers cost per insert, beside a copy of raw_messages without them "
        "(see tests/bench/triggers.py; --seconds per side and round, --rounds)",
    )
    args = parser.parse_args(argv)
    if args.rows is None:
        args.rows = ANCHOR_ROWS if args.anchors else 100_000
    if args.rounds is None:
        args.rounds = ANCHOR_ROUNDS if args.anchors else 3
    if args.seconds is None:
        args.seconds = ANCHOR_SECONDS if args.anchors else 1.0
    if args.rows < 1000 or args.groups < 1 or args.batch < 1 or args.rounds < 1:
        parser.error("--rows must be at least 1000; --groups, --batch and --rounds at least 1")
    return args


async def _plans(bench: paths.Bench, verbose: bool) -> list[dict[str, Any]]:
    """Plans of what the statistics methods emit (and, with --verbose, the other reads)."""
    m, group = bench.manager, bench.data.groups[0]
    methods: list[tuple[str, Any]] = [
        ("get_messages_statistics", m.get_messages_statistics),
        ("get_message_statistics(group)", lambda: m.get_message_statistics(group)),
    ]
    if verbose:
        methods += [
            ("get_recent_raw_messages(group, 50)", lambda: m.get_recent_raw_messages(group, 50)),
            ("get_unprocessed_messages(100)", lambda: m.get_unprocessed_messages(100)),
            ("get_approved_few_shots(group, 3)", lambda: m.get_approved_few_shots(group, 3)),
        ]
    found: list[dict[str, Any]] = []
    for name, call in methods:
        statements = await plans.emitted(m, call)
        found += [plan.as_json() for plan in await plans.explain(bench.raw, name, statements)]
    return found


async def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    """Every chosen path on one backend, then its start-up figures."""
    only = {name.strip() for name in args.paths.split(",") if name.strip()}
    out: dict[str, Any] = {"paths": []}
    if not only or only - {STARTUP}:
        await _run_paths(backend, args, only - {STARTUP}, out)
    if not args.no_startup and (not only or STARTUP in only):
        out["startup"] = (await startup.measure_startup(backend, args.sqlite_dir, args.startup_runs)).as_json()
    return out


async def _run_paths(backend: str, args: argparse.Namespace, only: set[str], out: dict[str, Any]) -> None:
    folder: Path = args.sqlite_dir
    folder.mkdir(parents=True, exist_ok=True)
    await data.remove_database(backend, folder, data.MAIN_DATABASE)
    manager = SQLAlchemyDatabaseManager(data.bench_settings(backend, folder, data.MAIN_DATABASE))
    await manager.start()
    raw = None
    try:
        if manager.backend != backend:
            raise RuntimeError(f"the manager started on {manager.backend}")
        raw = await data.open_raw(backend, folder, data.MAIN_DATABASE)
        out["server_version"] = await raw.server_version()
        dataset = data.Dataset.plan(args.rows, args.groups)
        started = time.perf_counter()
        await data.seed(raw, dataset)
        out["seed_seconds"] = round(time.perf_counter() - started, 2)
        console.print(
            f"[bold]{backend}[/bold] {out['server_version']}: seeded {args.rows:,} rows in {out['seed_seconds']} s"
        )
        bench = paths.Bench(backend, manager, raw, dataset, args.batch)
        plan = measure.Plan(args.seconds, args.calls, args.rounds, args.warmup)
        chosen = paths.build(bench, only or None)
        for path in chosen:
            await _run_path(backend, path, plan, args, out)
            if path.writes_rows:
                await data.remove_added_rows(raw, dataset)
        if not only or any("statistics" in path.name for path in chosen):
            out["plans"] = await _plans(bench, args.verbose)
    finally:
        if raw is not None:
            await raw.close()
        await manager.stop()
        if not args.keep:
            await data.remove_database(backend, folder, data.MAIN_DATABASE)


async def _run_path(backend: str, path: paths.Path, plan: measure.Plan, args: argparse.Namespace, out: Any) -> None:
    result = await measure.measure(path, plan)
    out["paths"].append(result.as_json())
    console.print(
        f"  {path.name:<38} ours {result.ours.per_second:9,.0f}/s  raw {result.raw.per_second:9,.0f}/s"
        f"  ratio {result.ratio:.2f}"
    )
    if args.profile:
        name = "".join(ch if ch.isalnum() else "_" for ch in path.name).strip("_")
        written = await measure.profile(path, plan, args.profile / f"{backend}-{name}")
        console.print(f"    profile: {written} (.html and .pyisession beside it)")


async def main_async(args: argparse.Namespace) -> int:
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    document: dict[str, Any] = {
        "machine": report.machine(),
        "settings": {
            k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k not in ("verbose", "keep")
        },
        "backends": {},
    }
    started = time.perf_counter()
    failed = False
    for backend in backends:
        try:
            document["backends"][backend] = await run_backend(backend, args)
        except Exception as exc:  # one backend's failure must not hide the others' figures
            failed = True
            console.print_exception(max_frames=5)
            document["backends"][backend] = {"error": f"{type(exc).__name__}: {exc}"}
    document["total_seconds"] = round(time.perf_counter() - started, 1)
    results = document["backends"]
    report.print_paths(console, results)
    report.print_startup(console, results)
    report.print_plans(console, results, args.verbose)
    report.write_json(args.json, document)
    data.remove_folder_if_empty(args.sqlite_dir)
    m = document["machine"]
    console.print(
        f"machine: {m['cpu']} x{m['cpu_count']}, {m['memory_gib']} GiB, {m['platform']}, Python {m['python']};"
        f" load at start {m['load_average_at_start']}"
    )
    console.print(f"{document['total_seconds']} s in all; JSON written to {args.json}")
    return 1 if failed else 0


async def growth_async(args: argparse.Namespace) -> int:
    sizes = [int(size) for size in args.growth.split(",") if size.strip()]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    started = time.perf_counter()
    results = await growth.run_growth(backends, sizes, args.sqlite_dir, console)
    path = (
        args.json if args.json != data.DEFAULT_DIR / "bench-results.json" else data.DEFAULT_DIR / "growth-results.json"
    )
    report.write_json(path, {"machine": report.machine(), "sizes": sizes, "backends": results})
    data.remove_folder_if_empty(args.sqlite_dir)
    console.print(f"{time.perf_counter() - started:.0f} s in all; JSON written to {path}")
    return 0


async def online_async(args: argparse.Namespace) -> int:
    from tests.bench import online

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    started = time.perf_counter()
    results = await online.run_online(backends, args.online, args.sqlite_dir, console)
    path = (
        args.json if args.json != data.DEFAULT_DIR / "bench-results.json" else data.DEFAULT_DIR / "online-results.json"
    )
    report.write_json(path, {"machine": report.machine(), "size": args.online, "backends": results})
    console.print(f"{time.perf_counter() - started:.0f} s in all; JSON written to {path}")
    return 0


async def triggers_async(args: argparse.Namespace) -> int:
    from tests.bench import triggers

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results = await triggers.run_triggers(backends, args.sqlite_dir, args.seconds, max(args.rounds, 2), console)
    path = (
        args.json if args.json != data.DEFAULT_DIR / "bench-results.json" else data.DEFAULT_DIR / "trigger-results.json"
    )
    report.write_json(path, {"machine": report.machine(), "backends": results})
    console.print(f"JSON written to {path}")
    return 0


async def replicas_async(args: argparse.Namespace) -> int:
    from tests.bench import replicas

    counts = [int(count) for count in args.replicas.split(",") if count.strip()]
    results = await replicas.run_replicas(counts, args.seconds, console)
    path = (
        args.json if args.json != data.DEFAULT_DIR / "bench-results.json" else data.DEFAULT_DIR / "replica-results.json"
    )
    report.write_json(path, {"machine": report.machine(), **results})
    console.print(f"JSON written to {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    if args.replicas:
        return asyncio.run(replicas_async(args))
    if args.growth:
        return asyncio.run(growth_async(args))
    if args.online:
        return asyncio.run(online_async(args))
    if args.triggers:
        return asyncio.run(triggers_async(args))
    if args.anchors:
        from tests.bench import anchors  # imports Tortoise ORM and Piccolo only when they run

        return asyncio.run(anchors.anchors_async(args, console))
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
