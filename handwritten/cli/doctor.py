"""sldb doctor: connect, say what is there, and show the DDL start-up would run, without running it."""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from typing import Any

from sldb.handwritten.cli.introspect import comparison, diff_counts, diff_json, print_differences
from sldb.handwritten.cli.live import background_status, inspect_live, models_metadata
from sldb.handwritten.cli.output import Output
from sldb.handwritten.cli.target import describe, settings_of
from sldb.handwritten.runtime.cluster import replicas
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.lifecycle import fallback
from sldb.handwritten.runtime.schema.diff import Operation, OpKind
from sldb.handwritten.runtime.schema.plan import PlannedStep, plan_steps


def pool_settings(settings: DatabaseSettings) -> dict[str, Any]:
    pool: dict[str, Any] = {
        "max_connections": settings.max_connections,
        "min_connections": settings.min_connections,
    }
    if settings.db_type == "sqlite":
        pool["sqlite_pool"] = settings.sqlite_pool
    return pool


def steps_json(planned: list[PlannedStep]) -> list[dict[str, Any]]:
    return [
        {
            "kind": p.step.kind,
            "table": p.step.table,
            "name": p.step.name,
            "sql": p.step.sql,
            "online": p.online,
            "lock": p.lock,
            "rows": p.rows,
            "touches": p.touches,
            "fallbacks": [*p.step.fallbacks],
        }
        for p in planned
    ]


def _lock_note(planned: PlannedStep, new_tables: set[str]) -> str:
    """Whether a step on an existing table lets its readers and writers go on (nothing uses a new table yet)."""
    step = planned.step
    if not step.table or step.table in new_tables:
        return ""
    if not step.online:
        return f"  -- holds writes to {step.table} while it runs"
    return "  -- online" + (" (a plainer form if the server refuses it)" if step.fallbacks else "")


def _about(step: Operation) -> str:
    """What a step is about: the table, table.column or table.index, or the database's collation."""
    if not step.table:
        return f"database ({step.name})"
    return step.table if step.name == step.table else f"{step.table}.{step.name}"


def _rows_text(rows: int | None) -> str:
    return "unknown" if rows is None else f"{rows:,}"


def _plan_rows(planned: list[PlannedStep], new_tables: set[str]) -> list[tuple[str, ...]]:
    """One row per step on an existing table or the database; one per new table, its indexes folded in."""
    indexes = Counter(
        p.step.table for p in planned if p.step.kind is OpKind.CREATE_INDEX and p.step.table in new_tables
    )
    rows: list[tuple[str, ...]] = []
    for p in planned:
        step = p.step
        if step.table in new_tables and step.kind is not OpKind.CREATE_TABLE:
            continue  # an index of a new table: folded into its table's row
        kind = str(step.kind)
        if step.kind is OpKind.CREATE_TABLE and indexes[step.table]:
            kind += f" (+{indexes[step.table]} indexes)"
        online = "new table" if step.table in new_tables else ("yes" if p.online else "no: holds writes")
        rows.append((kind, _about(step), online, p.lock, p.touches, _rows_text(p.rows)))
    return rows


def print_plan(out: Output, planned: list[PlannedStep]) -> None:
    """The steps as a table (what each locks, whether it is online, the rows of its table), then their DDL."""
    if not planned:
        out.line("start-up would change nothing")
        return
    new_tables = {p.step.table for p in planned if p.step.kind is OpKind.CREATE_TABLE}
    out.table(
        ["step", "on", "online", "lock", "touches", "rows"],
        _plan_rows(planned, new_tables),
        title="the plan (rows: PostgreSQL and MySQL estimate them from their statistics; SQLite counts)",
        right=1,
    )
    kinds = Counter(p.step.kind for p in planned)
    out.line(f"start-up would run {len(planned)} step(s) ({', '.join(f'{n} {k}' for k, n in kinds.items())}):")
    for p in planned:
        out.line(p.step.sql.rstrip(";") + ";" + _lock_note(p, new_tables))


def _role_text(role: replicas.ServerRole) -> str:
    if role.role == "down":
        return f"down: {role.detail}"
    return role.role + (f", {role.lag_s:.1f} s behind" if role.lag_s is not None else "")


async def _doctor(args: argparse.Namespace, out: Output) -> int:
    settings = settings_of(args)
    found = await inspect_live(settings, with_rows=True)
    diff = comparison(found)  # start-up's plan (plan_migration without a second read) and the report
    diffs = diff.tables()
    planned = plan_steps(diff.migration, found.dialect, found.rows)
    pool = pool_settings(settings)
    pending = None
    background = await background_status(settings) if found.exists else []
    roles: list[replicas.ServerRole] = []
    if settings.db_type == "postgresql":  # only PostgreSQL falls back to SQLite
        pending = await fallback.pending(settings.sqlite_path(), models_metadata())
        roles = await replicas.server_roles(settings)
    elif settings.db_type == "mysql":
        roles = await replicas.node_roles(settings)
    out.json(
        {
            "url": describe(settings),
            "backend": settings.db_type,
            "server": found.backend,
            "server_version": found.server_version,
            "database": found.database,
            "schema": found.schema,
            "database_exists": found.exists,
            "pool": pool,
            "tables_in_specs": len(models_metadata().tables),
            "tables_live": len(found.live.columns),
            "counts": diff_counts(diffs),
            "tables": diff_json(diffs),
            "plan": steps_json(planned),
            "fallback": pending.as_json() if pending is not None else None,
            "hosts": [role.as_json() for role in roles],
            "background": dict(background),
        }
    )
    where = found.database + (f" (schema {found.schema})" if found.schema else "")
    out.table(
        ["", ""],
        [
            ("url", describe(settings)),
            ("server", found.server),
            (
                "database",
                where
                + (
                    "" if found.exists else f" — the {found.missing.split()[0]} does not exist yet; start-up creates it"
                ),
            ),
            ("pool", ", ".join(f"{k} {v}" for k, v in pool.items())),
            *((f"{r.listed_as} {r.host}", _role_text(r)) for r in roles),
            ("tables", f"{len(models_metadata().tables)} in the specs, {len(found.live.columns)} in the database"),
            *background,
            *(
                [("fallback", pending.describe() if pending.total else f"no rows to merge in {pending.path}")]
                if pending is not None
                else []
            ),
        ],
        title="sldb doctor",
        show_header=False,
    )
    print_differences(out, diffs, "differences from the specs")
    print_plan(out, planned)
    return 0


def run_doctor(args: argparse.Namespace, out: Output) -> int:
    return asyncio.run(_doctor(args, out))
