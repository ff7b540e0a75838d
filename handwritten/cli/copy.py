"""sldb copy: every table of one database into another, any backend to any backend, then verified.

The target is brought to the full schema first (start-up's migration); the source may be older. See
handwritten.runtime.copy for how rows move; this module picks the two databases, draws a bar per table and
reports.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from sldb.handwritten.cli.live import connect_error, models_metadata
from sldb.handwritten.cli.output import CliError, Output, mask_passwords
from sldb.handwritten.cli.target import describe, for_the_tool, settings_from_file, settings_from_url
from sldb.handwritten.data_tools import copy as copying
from sldb.handwritten.data_tools import merge as merging
from sldb.handwritten.data_tools import verify as verifying
from sldb.handwritten.runtime.connecting import bootstrap
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError
from sldb.handwritten.runtime.lifecycle import fallback
from sldb.handwritten.runtime.schema.migrate import migrate


def side(url: str | None, config: Any) -> DatabaseSettings:
    settings = settings_from_file(config) if config else settings_from_url(str(url))
    return for_the_tool(settings, None)


def source_engine(settings: DatabaseSettings) -> AsyncEngine:
    """The source, read only: on SQLite without start-up's pragmas, and never created."""
    if settings.db_type == "sqlite":
        if not settings.sqlite_path().exists():
            raise CliError(f"the source file {settings.sqlite_path()} does not exist")
        return create_async_engine(settings.url(), poolclass=NullPool)
    return create_engine_for(settings.url(), PoolOptions(max_connections=2, min_connections=0))


async def target_engine(settings: DatabaseSettings) -> AsyncEngine:
    """The target, created when missing and migrated to the full schema, as start-up does."""
    try:
        await bootstrap.ensure_database(settings)
    except DatabaseUnavailableError as exc:
        raise CliError(str(exc)) from None
    engine = create_engine_for(settings.url(), PoolOptions(max_connections=2, min_connections=0))
    try:
        await migrate(engine, models_metadata(), enable_auto_migration=True)
    except Exception as exc:
        await engine.dispose()
        raise connect_error(settings, exc) from None
    return engine


class TableBars:
    """One rich bar per table: rows, rate, time left."""

    def __init__(self, out: Output) -> None:
        self.out = out

    @contextmanager
    def table(self, name: str, total: int) -> Iterator[Callable[[int], None]]:
        with self.out.progress(name, total=total or 1, rate=True) as bar:
            yield bar.advance
            bar.finish()


def resume_command(args: argparse.Namespace) -> str:
    parts = ["sldb copy"]
    parts += [f"--from-config {args.from_config}"] if args.from_config else [f"--from {args.from_url}"]
    parts += [f"--to-config {args.to_config}"] if args.to_config else [f"--to {args.to_url}"]
    if args.batch != copying.DEFAULT_BATCH:
        parts.append(f"--batch {args.batch}")
    return mask_passwords(" ".join(parts) + " --resume")


async def _copy(args: argparse.Namespace, out: Output) -> int:
    source_settings = side(args.from_url, args.from_config)
    target_settings = side(args.to_url, args.to_config)
    if describe(source_settings) == describe(target_settings):
        raise CliError("the source and the target are the same database")
    if args.merge and (args.resume or args.verify):
        raise CliError("--merge cannot be combined with --resume or --verify (a merge resumes by itself)")
    metadata = models_metadata()
    source = source_engine(source_settings)
    if args.merge:
        try:
            return await _merge(args, out, source, source_settings, target_settings)
        finally:
            await source.dispose()
    try:
        target = await target_engine(target_settings)
        try:
            if args.verify:
                reports = [copying.TableReport(t.name) for t in copying.copied_tables(metadata)]
            else:
                try:
                    reports = await copying.copy_all(
                        source, target, metadata, batch=args.batch, resume=args.resume, progress=TableBars(out)
                    )
                except copying.CopyRefused as exc:
                    raise CliError(str(exc)) from None
            mismatches = await verifying.verify(source, target, metadata, reports, args.batch)
            if not mismatches and not args.verify:
                await copying.finish(target)
        finally:
            await target.dispose()
    finally:
        await source.dispose()
    out.json(
        {
            "source": describe(source_settings),
            "target": describe(target_settings),
            "tables": [r.as_json() for r in reports],
            "verified": not mismatches,
            "mismatches": [{"table": m.table, "detail": m.detail} for m in mismatches],
        }
    )
    out.table(
        ["table", "source rows", "copied", "verified"],
        [
            (r.table, r.source_rows, r.copied, r.skipped or ("yes" if r.verified else "NO"))
            for r in reports
            if r.source_rows or r.skipped or r.verified is False
        ],
        title=f"copy of {describe(source_settings)} into {describe(target_settings)}",
        right=2,
    )
    total = sum(r.copied for r in reports)
    out.line(f"{total:,} rows in {sum(1 for r in reports if not r.skipped)} tables copied")
    if mismatches:
        first = mismatches[0]
        more = f" (and {len(mismatches) - 1} more tables)" if len(mismatches) > 1 else ""
        raise CliError(f"verification failed: table {first.table}: {first.detail}{more}")
    return 0


async def _merge(
    args: argparse.Namespace,
    out: Output,
    source: AsyncEngine,
    source_settings: DatabaseSettings,
    target_settings: DatabaseSettings,
) -> int:
    """--merge: the source's rows appended to the target (a fallback file's: those written during the fallback)."""
    metadata = models_metadata()
    async with source.connect() as conn:
        # From the first fallback on (rows merged before are in the target's ledger and skipped).
        marks = await fallback.open_marks(conn, merged_too=True)
    since = {str(k): int(v) for k, v in json.loads(marks[0].high_water).items()} if marks else None
    target = await target_engine(target_settings)
    try:
        reports = await merging.merge_all(
            source, target, metadata, describe(source_settings), since=since, batch=args.batch, progress=TableBars(out)
        )
    finally:
        await target.dispose()
    if marks:
        await fallback.merged(source)
    out.json(
        {
            "source": describe(source_settings),
            "target": describe(target_settings),
            "merge": True,
            "since_fallback": bool(marks),
            "tables": [r.as_json() for r in reports],
        }
    )
    out.table(
        ["table", "source rows", "added", "merged by key", "already merged"],
        [(r.table, r.source_rows, r.merged, r.updated, r.already) for r in reports if r.source_rows],
        title=f"merge of {describe(source_settings)} into {describe(target_settings)}"
        + (" (rows written during the fallback)" if marks else ""),
        right=4,
    )
    out.line(f"{sum(r.merged for r in reports):,} rows added, {sum(r.updated for r in reports):,} merged by key")
    return 0


def run_copy(args: argparse.Namespace, out: Output) -> int:
    if args.batch < 1:
        raise CliError("--batch must be at least 1")
    try:
        return asyncio.run(_copy(args, out))
    except KeyboardInterrupt:
        raise CliError(
            "interrupted; the target holds every batch written so far. Continue with: " + resume_command(args)
        ) from None
