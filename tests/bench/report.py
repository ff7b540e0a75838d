"""What a run prints (rich tables) and writes (JSON), and the machine it ran on."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

TARGET_RATIO = 0.5
AIM_RATIO = 0.8
PACKAGES = ("SQLAlchemy", "asyncpg", "aiosqlite", "aiomysql", "PyMySQL")


def machine() -> dict[str, Any]:
    """Where the figures come from: CPU, memory, OS, Python, driver versions, load when the run began."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    memory_gib: float | None = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "platform": platform.platform(),
        "cpu": cpu or platform.processor() or "unknown",
        "cpu_count": os.cpu_count(),
        "memory_gib": memory_gib,
        "python": sys.version.split()[0],
        "sqlite_library": sqlite3.sqlite_version,
        "packages": versions,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def _ratio_cell(ratio: float) -> str:
    colour = "red" if ratio < TARGET_RATIO else "yellow" if ratio < AIM_RATIO else "green"
    return f"[{colour}]{ratio:.2f}[/{colour}]"


def print_paths(console: Console, results: dict[str, dict[str, Any]]) -> None:
    table = Table(title="Hot paths: calls per second, ours (the manager) beside the raw driver, same run, same data")
    for header, justify in (
        ("backend", "left"),
        ("path", "left"),
        ("ours/s", "right"),
        ("raw/s", "right"),
        ("ours/raw", "right"),
        ("rows/call", "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for backend, run in results.items():
        for row in run.get("paths", []):
            table.add_row(
                backend,
                row["path"],
                f"{row['ours_per_second']:,.0f}",
                f"{row['raw_per_second']:,.0f}",
                _ratio_cell(row["ratio"]),
                str(row["rows_per_call"]),
            )
        if run.get("error"):
            table.add_row(backend, f"[red]failed: {run['error']}[/red]", "", "", "", "")
        table.add_section()
    console.print(table)
    console.print(f"ours/raw: red below {TARGET_RATIO} (the issue's floor), yellow below {AIM_RATIO} (its aim).")


def print_startup(console: Console, results: dict[str, dict[str, Any]]) -> None:
    rows = [(backend, run["startup"]) for backend, run in results.items() if run.get("startup")]
    if not rows:
        return
    table = Table(title="start(): time and statements sent (catalog reads among them)")
    for header in ("backend", "cold ms", "cold statements", "warm ms (median)", "warm statements"):
        table.add_column(header, justify="left" if header == "backend" else "right")
    for backend, s in rows:
        table.add_row(
            backend,
            f"{s['cold_ms']:,.0f}",
            f"{s['cold_statements']} ({s['cold_catalog_statements']} catalog)",
            f"{s['warm_ms_median']:,.0f}",
            f"{s['warm_statements']} ({s['warm_catalog_statements']} catalog)",
        )
    console.print(table)


def print_plans(console: Console, results: dict[str, dict[str, Any]], verbose: bool) -> None:
    table = Table(title="Query plans of the statements our statistics (and, with --verbose, read) methods emit")
    for header in ("backend", "method", "statement", "access"):
        table.add_column(header)
    for backend, run in results.items():
        for plan in run.get("plans", []):
            if not verbose and "statistics" not in plan["method"]:
                continue
            colour = {"index search": "green", "full index scan": "yellow"}.get(plan["verdict"], "red")
            table.add_row(backend, plan["method"], plan["statement"][:90], f"[{colour}]{plan['verdict']}[/{colour}]")
        table.add_section()
    console.print(table)
    if not verbose:
        return
    for backend, run in results.items():
        for plan in run.get("plans", []):
            console.rule(f"{backend}: {plan['method']}")
            console.print(plan["statement"], markup=False, highlight=False)
            console.print("parameters: " + ", ".join(plan["params"]), markup=False, highlight=False)
            for line in plan["plan"]:
                console.print("  " + line, markup=False, highlight=False)
        if run.get("startup"):
            console.rule(f"{backend}: the statements of a warm start")
            for statement in run["startup"]["warm_statement_list"]:
                console.print("  " + statement, markup=False, highlight=False)


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
