"""The plan people read before a migration: per step, the lock it takes (as its backend names it), whether the
table's readers and writers go on (Operation.online, from compare()), and the rows it touches.

`sldb migrate --dry-run`, `sldb doctor` and `sldb migrate`'s progress read it. The rows are the table's, as
catalog.read_row_estimates gives them (PostgreSQL and MySQL estimate them from their statistics; SQLite counts);
a table the migration creates holds none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Dialect

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.schema.diff import Operation, OpKind
from sldb.handwritten.runtime.schema.online import DDL_LOCK_TIMEOUT_MS, DDL_LOCK_WAIT_SECONDS


@dataclass(frozen=True)
class PlannedStep:
    """One migration step as the plan shows it."""

    step: Operation
    lock: str  # the lock it takes, in its backend's words
    touches: str  # what it does to the table's rows
    rows: int | None  # rows its table holds: 0 for a table the migration creates; None when unknown or no table

    @property
    def online(self) -> bool:
        return self.step.online


NEW = "none (a new, empty table)"
_READS = "reads every row"
_COPIES = "copies every row"
_CATALOG = "none (a change of the catalog only)"
_MERGES = "reads every row, rewrites the duplicates it merges"
_COPY_LOCK = "blocks writes (the table is copied)"
_HOOK_LOCK = "row locks on the rows it merges (its own transaction)"

_POSTGRESQL = {
    OpKind.ADD_COLUMN: (f"ACCESS EXCLUSIVE (brief, lock_timeout {DDL_LOCK_TIMEOUT_MS / 1000:g}s, retried)", _CATALOG),
    OpKind.CREATE_INDEX: ("SHARE UPDATE EXCLUSIVE (CONCURRENTLY: reads and writes go on)", _READS),
    OpKind.DROP_INVALID_INDEX: ("SHARE UPDATE EXCLUSIVE (CONCURRENTLY)", "none (drops an index no query uses)"),
    OpKind.BEFORE_CREATE: (_HOOK_LOCK, _MERGES),
}
_MYSQL = {
    OpKind.CONVERT_DATABASE: ("metadata lock on the database (brief)", "none (the database's default only)"),
    OpKind.CONVERT_TABLE: (_COPY_LOCK, _COPIES),
    OpKind.ADD_COLUMN: (
        f"metadata lock (brief, lock_wait_timeout {DDL_LOCK_WAIT_SECONDS}s; ALGORITHM=INSTANT)",
        _CATALOG,
    ),
    OpKind.CREATE_INDEX: ("none (LOCK=NONE; a brief metadata lock at its start and end)", _READS),
    OpKind.WIDEN_COLUMN: (_COPY_LOCK, _COPIES),
    OpKind.BEFORE_CREATE: (_HOOK_LOCK, _MERGES),
}
_SQLITE = {
    OpKind.ADD_COLUMN: _CATALOG,
    OpKind.CREATE_INDEX: _READS,
    OpKind.BEFORE_CREATE: _MERGES,
}
_SQLITE_LOCK = "database write lock (until the migration commits)"


def _on_a_new_table(step: Operation, dialect: Dialect) -> str:
    if dialect.name == "sqlite":
        return _SQLITE_LOCK
    if is_mysql(dialect):
        return "metadata lock on the new table (nobody uses it yet)"
    if step.kind is OpKind.CREATE_TABLE:
        return "ACCESS EXCLUSIVE on the new table (nobody uses it yet)"
    return "SHARE on the new table (nobody uses it yet)"


def lock_and_touches(step: Operation, dialect: Dialect, new_tables: frozenset[str]) -> tuple[str, str]:
    """The lock a step takes and what it does to the rows, on dialect's backend."""
    if step.table in new_tables and step.kind in (OpKind.CREATE_TABLE, OpKind.CREATE_INDEX):
        return _on_a_new_table(step, dialect), NEW
    if dialect.name == "sqlite":
        return _SQLITE_LOCK, _SQLITE.get(step.kind, _COPIES)
    known = _MYSQL if is_mysql(dialect) else _POSTGRESQL
    return known.get(step.kind, (_COPY_LOCK, _COPIES))


def plan_steps(steps: Sequence[Operation], dialect: Dialect, rows: Mapping[str, int | None]) -> list[PlannedStep]:
    """Each step with its lock, what it touches and its table's rows (rows: read_row_estimates of tables_altered)."""
    new_tables = frozenset(s.table for s in steps if s.kind is OpKind.CREATE_TABLE)
    planned = []
    for step in steps:
        lock, touches = lock_and_touches(step, dialect, new_tables)
        count = 0 if step.table in new_tables else rows.get(step.table) if step.table else None
        planned.append(PlannedStep(step, lock, touches, count))
    return planned


def tables_altered(steps: Sequence[Operation]) -> list[str]:
    """The existing tables the steps work on: the ones whose rows the plan shows."""
    new_tables = {s.table for s in steps if s.kind is OpKind.CREATE_TABLE}
    return sorted({s.table for s in steps if s.table} - new_tables)
