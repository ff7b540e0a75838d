"""sldb migrate: run start-up's additive migration now, with a progress bar; --dry-run only prints the DDL."""

from __future__ import annotations

import argparse
import asyncio

from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.handwritten.cli.doctor import print_plan, steps_json
from sldb.handwritten.cli.introspect import comparison
from sldb.handwritten.cli.live import connect_error, follow_up_steps, inspect_live, models_metadata
from sldb.handwritten.cli.output import Bar, CliError, Output
from sldb.handwritten.cli.target import describe, settings_of
from sldb.handwritten.runtime.connecting import bootstrap
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError
from sldb.handwritten.runtime.schema.catalog import read_row_estimates
from sldb.handwritten.runtime.schema.diff import Operation
from sldb.handwritten.runtime.schema.extras import extras_of
from sldb.handwritten.runtime.schema.migrate import migrate, plan_migration
from sldb.handwritten.runtime.schema.plan import plan_steps, tables_altered


class StepBar:
    """migrate()'s progress shown as a bar weighted by the rows each step's table holds."""

    def __init__(self, bar: Bar, rows: dict[str, int]) -> None:
        self.bar = bar
        self.rows = rows
        self.results: list[tuple[Operation, bool]] = []

    def weight(self, step: Operation) -> int:
        return self.rows.get(step.table, 0) + 1

    def started(self, step: Operation) -> None:
        rows = self.rows.get(step.table)
        size = f" ({rows:,} rows)" if rows else ""
        self.bar.describe(f"{step.table}{size}: {step.kind}")

    def finished(self, step: Operation, ok: bool) -> None:
        self.results.append((step, ok))
        self.bar.advance(self.weight(step))


async def _rows(engine: AsyncEngine, steps: list[Operation]) -> dict[str, int | None]:
    """Rows of each existing table a step alters, as the plan shows them (a new table is empty)."""
    async with engine.connect() as conn:
        return await read_row_estimates(conn, tables_altered(steps))


async def _run(
    settings: DatabaseSettings, out: Output
) -> tuple[list[tuple[Operation, bool]], Dialect, dict[str, int | None]]:
    try:
        await bootstrap.ensure_database(settings)
    except DatabaseUnavailableError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:
        raise connect_error(settings, exc) from None
    engine = create_engine_for(settings.url(), PoolOptions(max_connections=1, min_connections=0))
    metadata = models_metadata()
    try:
        try:
            planned = await plan_migration(engine, metadata)
        except Exception as exc:
            raise connect_error(settings, exc) from None
        estimates = await _rows(engine, planned)
        rows = {table: count or 0 for table, count in estimates.items()}
        with out.progress("migrating", total=sum(rows.get(s.table, 0) + 1 for s in planned) or 1) as bar:
            progress = StepBar(bar, rows)
            await migrate(engine, metadata, enable_auto_migration=True, progress=progress)
            for settle in extras_of(metadata).settle:  # e.g. the counter triggers' settled variant, in place
                await settle(engine, metadata)
            bar.finish()
        return progress.results, engine.dialect, estimates
    finally:
        await engine.dispose()


async def _dry_run(settings: DatabaseSettings, out: Output) -> int:
    found = await inspect_live(settings, with_rows=True)
    planned = plan_steps(comparison(found).migration, found.dialect, found.rows)
    after = await follow_up_steps(settings) if found.exists else []
    out.json(
        {
            "url": describe(settings),
            "dry_run": True,
            "database_exists": found.exists,
            "plan": steps_json(planned),
            "after": [{"step": step, "does": does} for step, does in after],
        }
    )
    out.line(f"{describe(settings)}  ({found.server}) — dry run, nothing is changed")
    if not found.exists:
        out.line(f"{found.missing} does not exist yet: migrate creates it first")
    print_plan(out, planned)
    if after:
        out.table(["step", "does"], after, title="after the migration (the tables' own steps)")
    return 0


def run_migrate(args: argparse.Namespace, out: Output) -> int:
    settings = settings_of(args)
    if args.dry_run:
        return asyncio.run(_dry_run(settings, out))
    results, dialect, rows = asyncio.run(_run(settings, out))
    failed = [step for step, ok in results if not ok]
    ran = plan_steps([step for step, _ in results], dialect, rows)
    out.json(
        {
            "url": describe(settings),
            "dry_run": False,
            "steps": [{**shown, "ok": ok} for shown, (_, ok) in zip(steps_json(ran), results, strict=True)],
            "failed": len(failed),
        }
    )
    if results:
        kinds = sorted({step.kind for step, _ in results})
        out.table(
            ["step", "ran", "failed"],
            [
                (k, sum(s.kind == k for s, _ in results), sum(s.kind == k and not ok for s, ok in results))
                for k in kinds
            ],
            title=f"migration of {describe(settings)}",
            right=2,
        )
    for step in failed:
        out.line(f"FAILED {step.kind} {step.table}.{step.name}: {step.sql}")
    out.line(
        f"{len(results) - len(failed)} of {len(results)} step(s) ran"
        if results
        else "nothing to migrate: the database matches the specs"
    )
    if failed:
        raise CliError(f"{len(failed)} of {len(results)} migration step(s) failed; every other step was applied")
    return 0
