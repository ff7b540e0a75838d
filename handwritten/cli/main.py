"""sldb: the data layer's command line.

generate, check          the generator, with a summary
new-table, new-column    add to a spec (comments kept), then regenerate
doctor, introspect       a live database against the specs, changing nothing
migrate                  start-up's additive migration, now (--dry-run: the DDL only)
demo                     the plugin's data flow on a bundled chat log (SQLite by default)
export                   the Admin export to a JSON file
copy                     every table into another database (any backends), verified by checksums
purge                    remove messages by group, sender, time or text, with the rows referring to them
adopt                    swap a checkout of the plugin onto this layer (one import per file; --dry-run: the diff)

Every command takes --json. An error is one line, `sldb <command>: <message>`, and exit code 1
(2 for a usage error); never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from importlib import import_module

from sldb.handwritten.cli.output import CliError, Output, error_text
from sldb.handwritten.cli.parser import build_parser
from sldb.handwritten.runtime.contract.errors import DataLayerError


def handler_of(args: argparse.Namespace) -> Callable[[argparse.Namespace, Output], int]:
    """The command's run function, imported now (module:function under handwritten.cli)."""
    module, function = str(args.handler).split(":")
    run: Callable[[argparse.Namespace, Output], int] = getattr(
        import_module(f"sldb.handwritten.cli.{module}"), function
    )
    return run


def describe_error(exc: BaseException) -> str:
    """Any failure as one line."""
    from sldb.codegen.errors import SpecErrors

    if isinstance(exc, SpecErrors):
        more = len(exc.errors) - 1
        return str(exc.errors[0]) + (f" (and {more} more)" if more > 0 else "")
    return error_text(exc)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The data layer's warnings (a skipped migration step, an unreachable server) reach people on stderr.
    logging.basicConfig(level=logging.WARNING, format="sldb: %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    out = Output(args.json)
    try:
        return int(handler_of(args)(args, out))
    except (CliError, DataLayerError) as exc:  # messages written for people already
        message = str(exc)
    except KeyboardInterrupt:
        message = "interrupted"
    except Exception as exc:
        message = describe_error(exc)
    print(f"sldb {args.command}: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
