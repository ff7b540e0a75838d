"""The whole pipeline as two calls: generate() writes generated/, check() says whether it is stale."""

from __future__ import annotations

from pathlib import Path

from sldb.codegen.check import check as check_specs
from sldb.codegen.load import load
from sldb.codegen.model import Project, build
from sldb.codegen.render import render
from sldb.codegen.write import Changes, diff, stale, write

ROOT = Path(__file__).resolve().parent.parent


def project_of(schema_dir: Path) -> Project:
    """Load, check and model every spec of schema_dir (raises SpecErrors)."""
    loaded = load(schema_dir)
    check_specs(loaded)
    return build(loaded)


def rendered(schema_dir: Path) -> dict[str, str]:
    """Everything generated/ should hold, rendered in memory."""
    config = ROOT / "pyproject.toml"
    return render(project_of(schema_dir), config if config.exists() else None)


def generate(schema_dir: Path, out_dir: Path) -> Changes:
    """Rewrite out_dir from the specs."""
    return write(rendered(schema_dir), out_dir)


def check(schema_dir: Path, out_dir: Path) -> tuple[Changes, str]:
    """What generate() would change, and the unified diff of it; nothing is written."""
    files = rendered(schema_dir)
    return stale(files, out_dir), diff(files, out_dir)
