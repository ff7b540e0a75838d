"""The whole pipeline as two calls: generate() writes generated/, check() says whether it is stale."""

from __future__ import annotations

from pathlib import Path

from sldb.codegen.applied import check_online_changes, lock_is_stale, read_lock, write_lock
from sldb.codegen.check import check as check_specs
from sldb.codegen.errors import SpecErrors
from sldb.codegen.load import Loaded, load
from sldb.codegen.model import Project, build
from sldb.codegen.render import render
from sldb.codegen.write import Changes, diff, stale, write

ROOT = Path(__file__).resolve().parent.parent


def checked(schema_dir: Path) -> Loaded:
    """Load and check every spec of schema_dir, and refuse the changes to its tables since the last generate
    that migration cannot apply online (codegen/applied.py); raises SpecErrors."""
    loaded = load(schema_dir)
    check_specs(loaded)
    refused = check_online_changes(loaded, read_lock(schema_dir))
    if refused:
        raise SpecErrors(refused)
    return loaded


def project_of(schema_dir: Path) -> Project:
    """Load, check and model every spec of schema_dir (raises SpecErrors)."""
    return build(checked(schema_dir))


def _rendered(loaded: Loaded) -> dict[str, str]:
    config = ROOT / "pyproject.toml"
    return render(build(loaded), config if config.exists() else None)


def rendered(schema_dir: Path) -> dict[str, str]:
    """Everything generated/ should hold, rendered in memory."""
    return _rendered(checked(schema_dir))


def generate(schema_dir: Path, out_dir: Path) -> Changes:
    """Rewrite out_dir from the specs, then schema_dir's lock (what the next change is checked against)."""
    loaded = checked(schema_dir)
    changes = write(_rendered(loaded), out_dir)
    write_lock(schema_dir, loaded)
    return changes


def check(schema_dir: Path, out_dir: Path) -> tuple[Changes, str]:
    """What generate() would change in out_dir, and the unified diff of it; nothing is written."""
    files = rendered(schema_dir)
    return stale(files, out_dir), diff(files, out_dir)


def lock_stale(schema_dir: Path) -> bool:
    """Whether generate() would rewrite schema_dir's lock (a spec changed since, or it is not there yet)."""
    return lock_is_stale(schema_dir, load(schema_dir))
