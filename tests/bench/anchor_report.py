"""The table `--anchors` prints: each contender's calls per second over ours's, per backend and call."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

BACKEND_TITLES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MariaDB"}
CALL_TITLES = {"recent": "read 50", "insert": "insert 1"}
NOTES = (
    "ours: save_raw_message(dict) and get_recent_raw_messages(group, 50) through SQLAlchemyDatabaseManager, on"
    " raw_messages, which has our counter triggers ({triggers}); the copies have none, so every insert of ours"
    " also updates counter rows. Our insert is one upsert on ingest_key (ON CONFLICT … DO UPDATE … RETURNING id;"
    " MySQL: ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)); the others run a plain INSERT of the same values"
    " (ingest_key included). Each message has its own platform id: no insert is a repeat.",
    "The driver also inserts into ours's raw_messages, paying our counter triggers (its messages with their own"
    " platform ids): the least a call can cost that keeps the counters exact in the writer's transaction.",
    "The copies: our Table under another name (same columns, types, collation, indexes; compared in the catalog),"
    " seeded with the same rows; the same pragmas on every SQLite connection; pools of 10 on PostgreSQL and MariaDB.",
    "SQLAlchemy: its own column types (ours checks every text value in SafeString and LongText). Core: statements"
    " built once, an autocommit engine (no BEGIN/COMMIT, no ROLLBACK at check-in), as ours. ORM: a session per"
    " call, add() and commit(), the select() built per call, its default engine: on PostgreSQL BEGIN and COMMIT"
    " (ROLLBACK after a read) around each statement, on MariaDB COMMIT (ROLLBACK) after it. On SQLite both use"
    " aiosqlite; ours runs pysqlite on the event loop's own connection when the statement can run at once"
    " (LoopSqlite), else in a worker thread.",
    "PostgreSQL: asyncpg's pool (the driver, Tortoise, Piccolo) resets each connection it takes back (RESET ALL,"
    " UNLISTEN *, …): one more round trip per call. SQLAlchemy's pool does not. `make bench` has the driver on one"
    " connection, without it.",
    "SQLite: the driver and Tortoise keep one aiosqlite connection (Tortoise has no pool there); Piccolo opens an"
    " aiosqlite connection for every query (its SQLite engine has no pool).",
)


def _cell(run: dict[str, Any], call: str, key: str, footnotes: dict[str, int]) -> str:
    if "error" in run:
        return "[red]failed[/red]"
    reason = run.get("unavailable", {}).get(key)
    if reason:
        number = footnotes.setdefault(reason, len(footnotes) + 1)
        return f"— ({number})"
    figures = run.get("calls", {}).get(call, {}).get("contenders", {}).get(key)
    if not figures:
        return ""
    low, middle, high = figures["ratio_min"], figures["ratio_median"], figures["ratio_max"]
    return f"{low:.2f}–{high:.2f} ({middle:.2f})"


def print_anchors(console: Console, results: dict[str, dict[str, Any]], rounds: int) -> None:
    table = Table(
        title="Anchors: each contender's calls per second over ours in the same round, "
        f"min–max (median) over {rounds} rounds; above 1 = faster than ours"
    )
    table.add_column("contender")
    columns = [(backend, call) for backend in results for call in CALL_TITLES]
    for backend, call in columns:
        table.add_column(f"{BACKEND_TITLES.get(backend, backend)}\n{CALL_TITLES[call]}", justify="right")
    ours = ["ours, calls/s"]
    for backend, call in columns:
        figure = results[backend].get("calls", {}).get(call, {}).get("ours_per_second")
        ours.append(f"{figure:,.0f}" if figure is not None else "[red]failed[/red]")
    table.add_row(*ours)
    table.add_section()
    labels: dict[str, str] = {}
    for run in results.values():
        labels.update({k: v for k, v in run.get("contenders", {}).items() if k != "ours"})
    footnotes: dict[str, int] = {}
    for key, label in labels.items():
        table.add_row(label, *(_cell(results[backend], call, key, footnotes) for backend, call in columns))
    console.print(table)
    for reason, number in footnotes.items():
        console.print(f"({number}) {reason}", markup=False, highlight=False)
    triggers = ", ".join(
        f"{run['triggers_on_ours']} on {BACKEND_TITLES.get(b, b)}"
        for b, run in results.items()
        if "triggers_on_ours" in run
    )
    for note in NOTES:
        console.print("- " + note.format(triggers=triggers or "?"), markup=False, highlight=False)
    for backend, run in results.items():
        if "error" in run:
            console.print(f"{backend} failed: {run['error']}", markup=False, highlight=False)
