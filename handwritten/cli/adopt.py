"""sldb adopt PLUGIN_DIR: swap a checkout of the self-learning plugin onto this data layer.

The plugin names its data layer in two places: its manager module and its `models/orm` package, whose classes it
imports from submodules (`from ...models.orm.message import RawMessage`). Python cannot make a package's
submodules another package's with one line, so this command rewrites those files, each to one import from sldb:

- `services/database/sqlalchemy_database_manager.py` -> `from sldb.generated.manager import SQLAlchemyDatabaseManager`
- `models/orm/__init__.py`                           -> every class the plugin's file exported, from sldb.generated.models
- `models/orm/<module>.py`                           -> the classes that file defined, from sldb.generated.models.<module>

A checkout it does not recognise (a file missing, a submodule or a class the layer does not have) is refused and
nothing is written. --dry-run prints the unified diff and writes nothing. A file already adopted is left as it is.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from sldb.handwritten.cli.output import CliError, Output

MANAGER_FILE = Path("services/database/sqlalchemy_database_manager.py")
ORM_PACKAGE = Path("models/orm")
MARK = "# sldb adopt: this plugin's data layer is sldb"


@dataclass(frozen=True)
class Rewrite:
    path: Path  # relative to the plugin folder
    before: str
    after: str


def _classes_defined(source: str, where: Path) -> list[str]:
    """The public classes a module defines at its top level, in order."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise CliError(f"{where}: not Python ({exc.msg}); is this the plugin?") from None
    return [node.name for node in tree.body if isinstance(node, ast.ClassDef) and not node.name.startswith("_")]


def _exported(source: str, where: Path) -> list[str]:
    """The names models/orm/__init__.py exports: its __all__, else every name it imports or defines."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            value = ast.literal_eval(node.value)
            return [str(name) for name in value]
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            names += [alias.asname or alias.name for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.ClassDef):
            names.append(node.name)
    return [name for name in names if not name.startswith("_")]


def _import_line(module: str, names: list[str]) -> str:
    joined = ", ".join(names)
    line = f"from {module} import {joined}"
    if len(line) <= 100:
        return f"{MARK}\n{line}\n"
    body = "".join(f"    {name},\n" for name in names)
    return f"{MARK}\nfrom {module} import (\n{body})\n"


def _available(module: str) -> set[str]:
    return set(vars(importlib.import_module(module)))


def plan(plugin: Path) -> list[Rewrite]:
    """The files to rewrite, checked against the layer; CliError for a checkout this command does not know."""
    manager = plugin / MANAGER_FILE
    orm = plugin / ORM_PACKAGE
    if not manager.is_file() or not (orm / "__init__.py").is_file():
        raise CliError(
            f"{plugin} is not a checkout of the self-learning plugin: expected {MANAGER_FILE} and {ORM_PACKAGE}/"
        )
    rewrites: list[Rewrite] = []
    source = manager.read_text(encoding="utf-8")
    if MARK not in source:
        if "class SQLAlchemyDatabaseManager" not in source:
            raise CliError(f"{MANAGER_FILE} defines no SQLAlchemyDatabaseManager; is this the plugin?")
        after = _import_line("sldb.generated.manager", ["SQLAlchemyDatabaseManager"])
        rewrites.append(Rewrite(MANAGER_FILE, source, after))
    models = "sldb.generated.models"
    known = {path.stem for path in Path(importlib.import_module(models).__file__ or "").parent.glob("*.py")}
    unknown: list[str] = []
    for path in sorted(orm.glob("*.py")):
        relative = path.relative_to(plugin)
        source = path.read_text(encoding="utf-8")
        if MARK in source:
            continue
        if path.stem == "__init__":
            module, names = models, _exported(source, relative)
        elif path.stem in known:
            module, names = f"{models}.{path.stem}", _classes_defined(source, relative)
        else:
            unknown.append(f"{relative} (no module {models}.{path.stem})")
            continue
        missing = [name for name in names if name not in _available(module)]
        if missing:
            unknown.append(f"{relative}: {', '.join(missing)} not in {module}")
            continue
        if names:
            rewrites.append(Rewrite(relative, source, _import_line(module, names)))
    if unknown:
        raise CliError("the plugin's models do not match this layer, nothing written: " + "; ".join(unknown))
    return rewrites


def diff(rewrite: Rewrite) -> str:
    return "".join(
        difflib.unified_diff(
            rewrite.before.splitlines(keepends=True),
            rewrite.after.splitlines(keepends=True),
            f"a/{rewrite.path.as_posix()}",
            f"b/{rewrite.path.as_posix()}",
        )
    )


def run_adopt(args: argparse.Namespace, out: Output) -> int:
    plugin = Path(args.plugin_dir).expanduser().resolve()
    rewrites = plan(plugin)
    if not args.dry_run:
        for rewrite in rewrites:
            (plugin / rewrite.path).write_text(rewrite.after, encoding="utf-8")
    files = [rewrite.path.as_posix() for rewrite in rewrites]
    if out.as_json:
        out.json({"plugin": str(plugin), "dry_run": bool(args.dry_run), "files": files})
        return 0
    if args.dry_run:
        for rewrite in rewrites:
            sys.stdout.write(diff(rewrite))  # as is: a diff is no rich markup
    verb = "would rewrite" if args.dry_run else "rewrote"
    out.line(f"{verb} {len(files)} file(s) of {plugin}" if files else f"{plugin} already uses sldb")
    return 0
