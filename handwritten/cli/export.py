"""sldb export: the Admin export (export_messages_learning_data) and row counts, to a JSON file."""

from __future__ import annotations

import argparse
import asyncio
import datetime
from pathlib import Path
from typing import Any

from sldb.handwritten.cli.output import CliError, Output, to_json
from sldb.handwritten.cli.target import describe, settings_of
from sldb.handwritten.runtime.contract.errors import DatabaseUnavailableError


async def _export(args: argparse.Namespace, path: Path, out: Output) -> dict[str, Any]:
    """Stream the export to path in batches (bounded memory, a progress bar); the summary's counts."""
    from sldb.generated.manager import SQLAlchemyDatabaseManager
    from sldb.handwritten.facades.admin import stream_messages_learning_data

    settings = settings_of(args)
    manager = SQLAlchemyDatabaseManager(settings)
    try:
        await manager.start()  # as the plugin starts: an older database is brought up to date first
    except DatabaseUnavailableError as exc:
        raise CliError(str(exc)) from None
    written = {"raw_messages": 0, "filtered_messages": 0}
    try:
        statistics = await manager.get_data_statistics()
        counts = await manager.get_message_statistics(args.group)
        total = int(counts["raw_messages"]) + int(counts["filtered_messages"])
        header = {
            "exported_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "source": describe(settings),
            "backend": settings.db_type,
            "group_id": args.group,
            "statistics": statistics,
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as file, out.progress("exporting", total=total or 1) as bar:
                file.write("{\n")
                for key, value in header.items():
                    file.write(f"  {to_json(key)}: {to_json(value, indent=None)},\n")
                sections = list(written)  # the lists, in the order the stream yields them
                at = -1  # the section being written

                def open_up_to(index: int) -> None:
                    nonlocal at
                    while at < index:
                        if at >= 0:
                            file.write("\n  ]," if written[sections[at]] else "],")
                            file.write("\n")
                        at += 1
                        file.write(f"  {to_json(sections[at])}: [")

                async for name, rows in stream_messages_learning_data(manager, group_id=args.group):
                    open_up_to(sections.index(name))
                    for row in rows:
                        file.write(("\n    " if written[name] == 0 else ",\n    ") + to_json(row, indent=None))
                        written[name] += 1
                    bar.advance(len(rows))
                open_up_to(len(sections) - 1)
                file.write("\n  ]\n}\n" if written[sections[at]] else "]\n}\n")
        except OSError as exc:
            raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        await manager.stop()
    return {"source": header["source"], **written}


def run_export(args: argparse.Namespace, out: Output) -> int:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path: Path = args.output or Path(f"sldb-export-{stamp}.json")
    if path.exists() and not args.force:
        raise CliError(f"{path} exists; give another --output or --force")
    done = asyncio.run(_export(args, path, out))
    summary = {
        "output": str(path.resolve()),
        "bytes": path.stat().st_size,
        "raw_messages": done["raw_messages"],
        "filtered_messages": done["filtered_messages"],
        "group_id": args.group,
        "source": done["source"],
    }
    out.json(summary)
    out.table(
        ["file", "raw messages", "filtered messages", "bytes"],
        [(summary["output"], summary["raw_messages"], summary["filtered_messages"], summary["bytes"])],
        title=f"export of {done['source']}" + (f", group {args.group}" if args.group else ""),
        right=3,
    )
    return 0
