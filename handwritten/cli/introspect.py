"""sldb introspect: how a live database differs from the specs, table by table.

The common case is a database an older plugin version made: tables and columns it lacks (start-up or
`sldb migrate` adds them), tables, columns and indexes it has that the specs do not (nothing drops them),
and column types worth knowing about.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import asdict
from typing import Any

from sldb.handwritten.cli.live import LiveDatabase, inspect_live, models_metadata
from sldb.handwritten.cli.output import Output
from sldb.handwritten.cli.target import describe, settings_of
from sldb.handwritten.runtime.schema.diff import SchemaDiff, TableDiff, compare


def comparison(found: LiveDatabase) -> SchemaDiff:
    """The one comparison of what was found with the models: doctor, introspect and migrate --dry-run read it."""
    return compare(models_metadata(), found.live, found.dialect)


_LABELS = {  # (one, several)
    "missing_tables": ("missing table", "missing tables"),
    "missing_columns": ("missing column", "missing columns"),
    "missing_indexes": ("missing index", "missing indexes"),
    "extra_tables": ("extra table", "extra tables"),
    "extra_columns": ("extra column", "extra columns"),
    "extra_indexes": ("extra index", "extra indexes"),
    "type_differences": ("type difference", "type differences"),
}


def diff_counts(diffs: list[TableDiff]) -> dict[str, int]:
    """How many of each kind of difference, for a summary line and for scripts."""
    return {
        "missing_tables": sum(d.state == "missing" for d in diffs),
        "missing_columns": sum(len(d.missing_columns) for d in diffs),
        "missing_indexes": sum(len(d.missing_indexes) for d in diffs),
        "extra_tables": sum(d.state == "extra" for d in diffs),
        "extra_columns": sum(len(d.extra_columns) for d in diffs),
        "extra_indexes": sum(len(d.extra_indexes) for d in diffs),
        "type_differences": sum(len(d.type_differences) for d in diffs),
    }


def diff_json(diffs: list[TableDiff]) -> list[dict[str, Any]]:
    return [{**asdict(d), "missing_items": d.missing_items} for d in diffs]


def _named(label: str, names: tuple[str, ...]) -> str:
    return f"{label} {', '.join(names)}" if names else ""


def _cell(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def print_differences(out: Output, diffs: list[TableDiff], title: str) -> None:
    """Missing tables as one list; every other table that differs as a row: missing, extra, types."""
    missing_tables = [d.table for d in diffs if d.state == "missing"]
    if missing_tables:
        out.line(f"missing tables ({len(missing_tables)}), created with their indexes at start-up:")
        out.line("  " + ", ".join(missing_tables), wrap=True)
    rows = [
        (
            d.table,
            _cell(_named("columns", d.missing_columns), _named("indexes", d.missing_indexes)),
            "table"
            if d.state == "extra"
            else _cell(_named("columns", d.extra_columns), _named("indexes", d.extra_indexes)),
            _cell(*(f"{t.column}: {t.live}, specs {t.expected} ({t.note})" for t in d.type_differences)),
        )
        for d in diffs
        if d.state != "missing"
    ]
    if rows:
        out.table(["table", "missing (start-up adds)", "extra (kept)", "type differences"], rows, title=title)
    counts = diff_counts(diffs)
    summary = ", ".join(f"{n} {_LABELS[k][n != 1]}" for k, n in counts.items() if n)
    out.line(f"differences: {summary}" if summary else "no differences: the database matches the specs")


async def _introspect(args: argparse.Namespace, out: Output) -> int:
    settings = settings_of(args)
    found = await inspect_live(settings)
    diffs = comparison(found).tables()
    out.json(
        {
            "url": describe(settings),
            "server": found.server,
            "database_exists": found.exists,
            "tables_in_specs": len(models_metadata().tables),
            "tables_live": len(found.live.columns),
            "counts": diff_counts(diffs),
            "tables": diff_json(diffs),
        }
    )
    out.line(f"{describe(settings)}  ({found.server})")
    if not found.exists:
        out.line(f"{found.missing} does not exist yet: start-up (or sldb migrate) creates it with every table")
    out.line(f"tables: {len(models_metadata().tables)} in the specs, {len(found.live.columns)} in the database")
    print_differences(out, diffs, "differences from the specs")
    return 0


def run_introspect(args: argparse.Namespace, out: Output) -> int:
    return asyncio.run(_introspect(args, out))
