"""sldb export: the Admin export (export_messages_learning_data) and row counts, to a JSON file."""

from __future__ import annotations

import argparse
import asyncio
import datetime
from pathlib import Path
from typing import Any

from handwritten.cli.output import CliError, Output, to_json
from handwritten.cli.target import describe, settings_of
from handwritten.runtime.errors import DatabaseUnavailableError


async def _export(args: argparse.Namespace) -> dict[str, Any]:
    from generated.manager import SQLAlchemyDatabaseManager

    settings = settings_of(args)
    manager = SQLAlchemyDatabaseManager(settings)
    try:
        await manager.start()  # as the plugin starts: an older database is brought up to date first
    except DatabaseUnavailableError as exc:
        raise CliError(str(exc)) from None
    try:
        data = await manager.export_messages_learning_data(args.group)
        statistics = await manager.get_data_statistics()
    finally:
        await manager.stop()
    return {
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "source": describe(settings),
        "backend": settings.db_type,
        "group_id": args.group,
        "statistics": statistics,
        "raw_messages": data["raw_messages"],
        "filtered_messages": data["filtered_messages"],
    }


def run_export(args: argparse.Namespace, out: Output) -> int:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path: Path = args.output or Path(f"sldb-export-{stamp}.json")
    if path.exists() and not args.force:
        raise CliError(f"{path} exists; give another --output or --force")
    document = asyncio.run(_export(args))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_json(document) + "\n", encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None
    summary = {
        "output": str(path.resolve()),
        "bytes": path.stat().st_size,
        "raw_messages": len(document["raw_messages"]),
        "filtered_messages": len(document["filtered_messages"]),
        "group_id": args.group,
        "source": document["source"],
    }
    out.json(summary)
    out.table(
        ["file", "raw messages", "filtered messages", "bytes"],
        [(summary["output"], summary["raw_messages"], summary["filtered_messages"], summary["bytes"])],
        title=f"export of {document['source']}" + (f", group {args.group}" if args.group else ""),
        right=3,
    )
    return 0
