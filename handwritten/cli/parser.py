"""Every sldb command's arguments, in one place, so that running a command imports only that command's code
(the generator, SQLAlchemy and the generated models each take a moment to load)."""

from __future__ import annotations

import argparse
from pathlib import Path

URL_HELP = "a database URL: postgresql://user@host:5432/db?schema=s, mysql://user@host:3306/db, sqlite:///file.db"


def _target(parser: argparse.ArgumentParser) -> None:
    """--config FILE | --url URL, and --schema for PostgreSQL."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--config", type=Path, metavar="FILE", help="the plugin's config (JSON or YAML) holding Database_Settings"
    )
    group.add_argument("--url", metavar="URL", help=URL_HELP)
    parser.add_argument("--schema", metavar="NAME", help="PostgreSQL schema (default: the URL's ?schema= or public)")


def _codegen_dirs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--schema", type=Path, metavar="DIR", help="the specs (default: the project's schema/)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="generated code (default: the project's generated/)")


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    name: str,
    handler: str,
    help: str,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help, description=help)
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sldb",
        description="The AstrBot self-learning plugin's data layer: generator, database checks, demo, export.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print one JSON document for scripts")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _codegen_dirs(_command(sub, common, "generate", "generate:run_generate", "rewrite generated/ from the specs"))
    check = _command(sub, common, "check", "generate:run_check", "fail when generated/ is stale")
    _codegen_dirs(check)
    check.add_argument("--diff", action="store_true", help="also print the unified diff of stale files")

    table = _command(sub, common, "new-table", "new_spec:run_new_table", "add a table to a domain spec, regenerate")
    table.add_argument("domain", help="the spec file schema/DOMAIN.yaml")
    table.add_argument("table", help="the table's name (lower case, digits, _)")
    table.add_argument("--class", dest="class_name", help="ORM class name (default: the table name in CamelCase)")
    table.add_argument("--description", help="what a row is (default: a placeholder naming the command)")
    _codegen_dirs(table)

    column = _command(
        sub, common, "new-column", "new_spec:run_new_column", "add a column to a table's spec, regenerate"
    )
    column.add_argument("domain", help="the spec file schema/DOMAIN.yaml")
    column.add_argument("table", help="a table of that domain")
    column.add_argument("name", help="the column's name (lower case, digits, _)")
    column.add_argument("type", help="a spec column type: integer, big_integer, string, text, float, boolean, ...")
    column.add_argument("--length", type=int, help="characters, for string (default 255)")
    column.add_argument("--not-null", action="store_true", help="NOT NULL (added NULL-able to existing tables)")
    column.add_argument("--default", help="a literal default, read as YAML: 0, 1.5, false, some text")
    column.add_argument("--index", action="store_true", help="also create the ix_<table>_<column> index")
    column.add_argument("--description", help="what the column holds")
    _codegen_dirs(column)

    _target(_command(sub, common, "doctor", "doctor:run_doctor", "check a database against the specs, change nothing"))
    migrate = _command(sub, common, "migrate", "migrate:run_migrate", "add what the database lacks, as start-up does")
    _target(migrate)
    migrate.add_argument("--dry-run", action="store_true", help="print the DDL, change nothing")
    _target(
        _command(sub, common, "introspect", "introspect:run_introspect", "how a live database differs from the specs")
    )

    demo = _command(sub, common, "demo", "demo:run_demo", "replay a chat log through the plugin's data flow")
    demo.add_argument("--dir", type=Path, help="folder for the SQLite file (default: a new temporary folder)")
    demo.add_argument("--url", help="run on this (empty) database instead: " + URL_HELP)
    demo.add_argument("--schema", metavar="NAME", help="PostgreSQL schema, with --url")
    demo.add_argument("--messages", type=int, help="replay only the first N lines of the chat log")

    export = _command(sub, common, "export", "export:run_export", "export messages for learning to a JSON file")
    _target(export)
    export.add_argument("--output", type=Path, metavar="PATH", help="the JSON file (default: sldb-export-<time>.json)")
    export.add_argument("--group", help="only this group's messages")
    export.add_argument("--force", action="store_true", help="overwrite PATH if it exists")

    copy = _command(sub, common, "copy", "copy:run_copy", "copy every table into another database, then verify")
    source = copy.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="from_url", metavar="URL", help="the source: " + URL_HELP)
    source.add_argument("--from-config", type=Path, metavar="FILE", help="the source as the plugin's config file")
    target = copy.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", dest="to_url", metavar="URL", help="the target (created and migrated if needed)")
    target.add_argument("--to-config", type=Path, metavar="FILE", help="the target as the plugin's config file")
    copy.add_argument("--resume", action="store_true", help="continue an interrupted copy where each table stopped")
    copy.add_argument(
        "--merge",
        action="store_true",
        help="append the source's rows to a non-empty target: new ids, references rewritten (a fallback file: "
        "only the rows written during the fallback); a second run adds nothing",
    )
    copy.add_argument("--verify", action="store_true", help="copy nothing: compare the two databases' tables only")
    copy.add_argument("--batch", type=int, default=1000, metavar="N", help="rows per batch and transaction")

    purge = _command(
        sub, common, "purge", "purge:run_purge", "remove messages by filter, with the rows that refer to them"
    )
    _target(purge)
    purge.add_argument("--group", metavar="G", help="only this group's messages")
    purge.add_argument("--sender", metavar="S", help="only this sender's messages")
    purge.add_argument(
        "--before",
        metavar="TIME",
        help="only messages before TIME (Unix seconds, or ISO 8601: host-local time unless it gives an offset)",
    )
    purge.add_argument("--after", metavar="TIME", help="only messages at or after TIME")
    purge.add_argument("--matching", metavar="REGEX", help="only messages whose text matches (Python re.search)")
    purge.add_argument("--dry-run", action="store_true", help="count what would go, remove nothing")
    purge.add_argument("--yes", action="store_true", help="do not ask (required without a terminal)")
    purge.add_argument("--batch", type=int, default=1000, metavar="N", help="rows per batch and transaction")

    adopt = _command(sub, common, "adopt", "adopt:run_adopt", "swap a plugin checkout onto this data layer")
    adopt.add_argument("plugin_dir", metavar="PLUGIN_DIR", help="the self-learning plugin's folder")
    adopt.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    return parser
