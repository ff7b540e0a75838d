"""Query plans of the SQL the manager really emits: captured with a before_cursor_execute listener while a
method runs, then explained through the raw driver (PostgreSQL EXPLAIN (ANALYZE, BUFFERS), MariaDB EXPLAIN,
SQLite EXPLAIN QUERY PLAN) with the same parameters.

Each plan gets a verdict: `index search` (an index narrows the rows), `full index scan` (every entry of an
index is read: cheaper than the table, still proportional to it), or `table scan`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

from tests.bench.raw import RawClient

VERDICTS = ("index search", "full index scan", "table scan")  # from best to worst


@dataclass
class StatementPlan:
    method: str
    statement: str
    params: Any
    plan: list[str]
    verdict: str

    def as_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "statement": " ".join(self.statement.split()),
            "params": [repr(p) for p in (self.params or ())],
            "plan": self.plan,
            "verdict": self.verdict,
        }


async def emitted(manager: Any, call: Callable[[], Awaitable[Any]]) -> list[tuple[str, Any]]:
    """The statements (with parameters) the manager sends to the database while call runs.

    Listened for on every Engine: reads and single writes use engines of their own (the autocommit engine
    of PostgreSQL and MySQL, SQLite's pysqlite engine), not the manager's main one.
    """
    del manager  # the listener covers all of its engines
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", listen)
    try:
        await call()
    finally:
        event.remove(Engine, "before_cursor_execute", listen)
    return seen


def verdict(backend: str, plan: list[str]) -> str:
    """The worst access any line of the plan makes (see VERDICTS)."""
    found = []
    for line in plan:
        found.append(_line_verdict(backend, line))
    known = [v for v in found if v]
    return max(known, key=VERDICTS.index) if known else "no table access"


def _line_verdict(backend: str, line: str) -> str | None:
    if backend == "postgresql":
        if "Seq Scan" in line:
            return "table scan"
        if re.search(r"Index (Only )?Scan|Bitmap Index Scan", line):
            return "index search" if "Index Cond" in line else "full index scan"
        if "Index Cond" in line:
            return "index search"
        return None
    if backend == "sqlite":
        if line.lstrip().startswith("SEARCH"):
            return "index search"
        if line.lstrip().startswith("SCAN CONSTANT ROW"):  # the outer SELECT of scalar subqueries: no table
            return None
        if line.lstrip().startswith("SCAN"):
            return "full index scan" if "INDEX" in line else "table scan"
        return None
    match = re.search(r"type=(\w+)", line)
    if not match:
        return None
    kind = match.group(1)
    if kind == "ALL":
        return "table scan"
    if kind == "index":
        return "full index scan"
    return None if kind == "None" else "index search"


def _pg_index_lines(plan: list[str]) -> list[str]:
    """PostgreSQL prints Index Cond on the line after the scan: fold it into the scan line for the verdict."""
    folded: list[str] = []
    for line in plan:
        if line.strip().startswith("Index Cond") and folded:
            folded[-1] += " " + line.strip()
        else:
            folded.append(line)
    return folded


async def explain(raw: RawClient, method: str, statements: list[tuple[str, Any]]) -> list[StatementPlan]:
    plans = []
    for statement, params in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        lines = await raw.explain(statement, params)
        judged = _pg_index_lines(lines) if raw.backend == "postgresql" else lines
        plans.append(StatementPlan(method, statement, params, lines, verdict(raw.backend, judged)))
    return plans
