"""sldb purge: remove chat messages by group, sender, time or text, with the rows that refer to them.

Always counts first (per table, referring rows included) and prints the count; --dry-run stops there.
Otherwise it asks on a terminal (--yes skips the question and is required without one), then deletes in one
transaction per batch. See handwritten.runtime.purge for what each filter matches.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys

from sldb.handwritten.cli.live import connect_error, models_metadata
from sldb.handwritten.cli.output import CliError, Output
from sldb.handwritten.cli.target import describe, settings_of
from sldb.handwritten.data_tools import purge
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.values.policy import epoch_seconds


def unix_time(raw: str, flag: str) -> float:
    """A time as Unix seconds, read as the facades read one (values.epoch_seconds): Unix seconds (or
    milliseconds), or ISO 8601, a date or a date-time, in host-local time unless it gives an offset."""
    try:
        seconds = epoch_seconds(raw, field=flag)
    except InvalidValueError:
        seconds = None
    if seconds is None:
        raise CliError(
            f"{flag} {raw!r}: expected Unix seconds or an ISO 8601 date/time such as 2025-01-31T12:00 "
            "(host-local time unless it gives an offset: 2025-01-31T12:00Z, 2025-01-31T12:00+08:00)"
        )
    return seconds


def filters_of(args: argparse.Namespace) -> purge.Filters:
    try:
        pattern = re.compile(args.matching) if args.matching is not None else None
    except re.error as exc:
        raise CliError(f"--matching {args.matching!r} is not a valid regular expression: {exc}") from None
    filters = purge.Filters(
        group=args.group,
        sender=args.sender,
        before=unix_time(args.before, "--before") if args.before is not None else None,
        after=unix_time(args.after, "--after") if args.after is not None else None,
        matching=pattern,
    )
    if filters.empty:
        raise CliError("refusing to purge without a filter: give --group, --sender, --before, --after or --matching")
    return filters


def confirmed(args: argparse.Namespace, total: int) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CliError("without a terminal to ask on, --yes is required (or --dry-run to count only)")
    answer = input(f"delete these {total:,} rows? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


async def _purge(args: argparse.Namespace, out: Output) -> int:
    filters = filters_of(args)
    settings = settings_of(args)
    metadata = models_metadata()
    engine = create_engine_for(settings.url(), PoolOptions(max_connections=2, min_connections=0))
    try:
        try:
            doomed = await purge.plan_purge(engine, metadata, filters, args.batch)
        except Exception as exc:
            raise connect_error(settings, exc) from None
        counts = {name: len(ids) for name, ids in sorted(doomed.items())}
        total = sum(counts.values())
        out.table(
            ["table", "rows"],
            [(name, n) for name, n in counts.items()],
            title=f"rows matching in {describe(settings)}",
            right=1,
        )
        if args.dry_run or total == 0:
            out.json({"url": describe(settings), "dry_run": bool(args.dry_run), "would_remove": counts, "removed": {}})
            out.line("nothing matches" if total == 0 else f"dry run: {total:,} rows would be removed, nothing was")
            return 0
        if not confirmed(args, total):
            out.line("nothing removed")
            return 1
        with out.progress("deleting", total=total) as bar:
            removed = await purge.delete_rows(engine, metadata, doomed, args.batch, bar.advance)
    finally:
        await engine.dispose()
    out.json({"url": describe(settings), "dry_run": False, "would_remove": counts, "removed": removed})
    out.table(["table", "removed"], sorted(removed.items()), title="removed", right=1)
    out.line(f"{sum(removed.values()):,} rows removed")
    return 0


def run_purge(args: argparse.Namespace, out: Output) -> int:
    if args.batch < 1:
        raise CliError("--batch must be at least 1")
    return asyncio.run(_purge(args, out))
