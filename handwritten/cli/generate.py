"""sldb generate / sldb check: the generator (make generate / make check) with a summary of what it did."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sldb.codegen.applied import LOCK_FILE, lock_is_stale, write_lock
from sldb.codegen.model import build
from sldb.codegen.pipeline import ROOT, checked
from sldb.codegen.render import render
from sldb.codegen.write import Changes, diff, stale, write
from sldb.handwritten.cli.output import CliError, Output


@dataclass(frozen=True)
class Generated:
    """What one generator run found and did."""

    domains: int
    facades: int
    tables: int
    changes: Changes
    diff: str = ""
    stale_lock: tuple[str, ...] = ()  # check: the specs' lock, when generate would rewrite it

    def summary(self) -> dict[str, Any]:
        return {
            "specs": self.domains + self.facades,
            "domain_specs": self.domains,
            "facade_specs": self.facades,
            "tables": self.tables,
            "written": list(self.changes.written),
            "removed": list(self.changes.removed),
            "unchanged": self.changes.unchanged,
        }


def codegen_dirs(args: argparse.Namespace) -> tuple[Path, Path]:
    """--schema and --out, defaulting to the project's schema/ and generated/."""
    return args.schema or ROOT / "schema", args.out or ROOT / "generated"


def run_generator(schema_dir: Path, out_dir: Path, *, write_files: bool) -> Generated:
    """Load, check, model and render the specs; then write out_dir, or only compare with it."""
    if not schema_dir.is_dir():
        raise CliError(f"no spec folder at {schema_dir}")
    loaded = checked(schema_dir)
    project = build(loaded)
    config = ROOT / "pyproject.toml"
    files = render(project, config if config.exists() else None)
    counts = (len(project.domains), len(project.facades), len(project.tables))
    if write_files:
        changes = write(files, out_dir)
        write_lock(schema_dir, loaded)  # what the next change of the specs is checked against
        return Generated(*counts, changes)
    stale_lock = (f"{schema_dir.name}/{LOCK_FILE}",) if lock_is_stale(schema_dir, loaded) else ()
    return Generated(*counts, stale(files, out_dir), diff(files, out_dir), stale_lock)


def print_generated(out: Output, result: Generated, out_dir: Path) -> None:
    changes = result.changes
    out.table(
        ["specs", "tables", "files written", "removed", "unchanged"],
        [
            (
                f"{result.domains} domains + {result.facades} facades",
                result.tables,
                len(changes.written),
                len(changes.removed),
                changes.unchanged,
            )
        ],
        title=f"generator: {out_dir}",
        right=4,
    )
    for rel in changes.written:
        out.line(f"  wrote   {rel}")
    for rel in changes.removed:
        out.line(f"  removed {rel}")


def run_generate(args: argparse.Namespace, out: Output) -> int:
    schema_dir, out_dir = codegen_dirs(args)
    result = run_generator(schema_dir, out_dir, write_files=True)
    out.json(result.summary())
    print_generated(out, result, out_dir)
    return 0


def run_check(args: argparse.Namespace, out: Output) -> int:
    schema_dir, out_dir = codegen_dirs(args)
    result = run_generator(schema_dir, out_dir, write_files=False)
    stale_files = [*result.changes.written, *result.changes.removed, *result.stale_lock]
    out.json({**result.summary(), "stale": stale_files, "up_to_date": not stale_files})
    out.table(
        ["specs", "tables", "files up to date", "stale"],
        [(result.domains + result.facades, result.tables, result.changes.unchanged, len(stale_files))],
        title=f"generator check: {out_dir}",
        right=4,
    )
    if not stale_files:
        out.line("generated code is up to date")
        return 0
    for rel in stale_files:
        out.line(f"  stale   {rel}")
    if args.diff:
        out.line(result.diff.rstrip("\n"))
    raise CliError(f"{len(stale_files)} generated file(s) are stale: run sldb generate")
