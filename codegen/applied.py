"""Spec changes migration cannot apply online, found by comparing the specs with the tables as `make generate`
last wrote them: schema/generated.lock.json (written by generate, compared by check; never edited by hand).

Migration only adds (a table, a column, an index) and never retypes, drops or rebuilds. So a change to a table
the lock already holds is refused when migration would leave databases made before it different from the specs,
or when applying it may fail on their rows:
- a column's type changes (narrower values may not fit; any other change is simply never made there);
- a column is removed while it is NOT NULL without a server default (the databases keep it; inserts fail);
- a column is added NOT NULL without a server default (migration adds it NULL-able: older rows have no value);
- a unique index is added (rows there may hold duplicates and its build fails) unless the index names a
  `before_create` hook that merges them or says `may_fail_on_duplicates: true`; or one of its columns is new
  and fills with NULL, which no unique index compares equal;
- an index keeps its name but changes its columns or uniqueness (migration never rebuilds an index it finds);
- a unique constraint is added (migration adds no constraint to an existing table: declare a unique index).
A table not in the lock is new: it is created empty, with everything, and nothing is refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sldb.codegen.errors import SpecError, SpecErrors
from sldb.codegen.load import Loaded
from sldb.codegen.spec_model import ColumnSpec, TableSpec

LOCK_FILE = "generated.lock.json"
_NOTE = "The tables as `make generate` last wrote them; the spec checker compares the next change with this."
_ONE_WAY = {("big_integer", "integer"), ("float", "integer"), ("text", "string")}  # (from, to): narrower
_FAMILY = {"integer": "integer", "big_integer": "integer", "string": "text", "text": "text"}


def _type(column: ColumnSpec) -> str:
    return f"{column.type}({column.length})" if column.type == "string" else column.type


def _column_text(column: ColumnSpec) -> str:
    """A column as the lock holds it: its type, then NOT NULL and DEFAULT (a server default) when they hold."""
    not_null = " NOT NULL" if not column.nullable or column.primary_key else ""
    return _type(column) + not_null + (" DEFAULT" if column.server_default is not None else "")


def _index_text(columns: list[str], unique: bool) -> str:
    return ("UNIQUE " if unique else "") + f"({', '.join(columns)})"


def _table_snapshot(table: TableSpec) -> dict[str, Any]:
    """One line per column and index (so that a change of the lock reads as a change of the spec)."""
    indexes = {f"ix_{table.table}_{c.name}": _index_text([c.name], c.unique) for c in table.columns if c.index}
    indexes |= {ix.name: _index_text(ix.columns, ix.unique) for ix in table.indexes}
    uniques = [", ".join(u.columns) for u in table.unique_constraints]
    uniques += [c.name for c in table.columns if c.unique and not c.index and not c.primary_key]
    return {
        "columns": {c.name: _column_text(c) for c in table.columns},
        "indexes": indexes,
        "unique_constraints": sorted(uniques),
    }


def snapshot(loaded: Loaded) -> dict[str, Any]:
    """What the lock holds for these specs: per table, its columns, indexes and unique constraints."""
    tables = {table.table: _table_snapshot(table) for _, spec in loaded.domains for table in spec.tables}
    return {"note": _NOTE, "tables": dict(sorted(tables.items()))}


def lock_text(loaded: Loaded) -> str:
    return json.dumps(snapshot(loaded), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read_lock(schema_dir: Path) -> dict[str, Any] | None:
    """The lock of schema_dir, or None before the first generate; SpecErrors when it is not one generate wrote."""
    path = schema_dir / LOCK_FILE
    if not path.exists():
        return None
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        tables = found["tables"]
        well_formed = all(
            isinstance(line, str)
            for table in tables.values()
            for part in ("columns", "indexes")
            for line in table[part].values()
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        well_formed = False
    if not well_formed:
        shown = f"{schema_dir.name}/{LOCK_FILE}"
        raise SpecErrors([SpecError(shown, 0, "", "is not a lock the generator wrote: restore it from git")])
    return dict(found)


def lock_is_stale(schema_dir: Path, loaded: Loaded) -> bool:
    path = schema_dir / LOCK_FILE
    return not path.exists() or path.read_text(encoding="utf-8") != lock_text(loaded)


def write_lock(schema_dir: Path, loaded: Loaded) -> bool:
    """Write the lock for these specs; whether it changed."""
    if not lock_is_stale(schema_dir, loaded):
        return False
    (schema_dir / LOCK_FILE).write_text(lock_text(loaded), encoding="utf-8")
    return True


def _retyped(before: str, after: str) -> str:
    old, new = before.split("(")[0], after.split("(")[0]
    narrower = (old, new) in _ONE_WAY or (
        old == new == "string" and int(after[7:-1]) < int(before[7:-1])  # string(n)
    )
    if narrower:
        return f"type {before} -> {after} is narrower: values stored already may not fit"
    if _FAMILY.get(old, old) != _FAMILY.get(new, new):
        return f"type {before} -> {after} changes the kind of value it holds"
    return f"type {before} -> {after}: databases made before keep {before}"


def _column_errors(before: dict[str, Any], table: TableSpec) -> list[tuple[str, tuple[str | int, ...], str]]:
    """(where, path, message) of each refused column change of a table the lock holds."""
    found: list[tuple[str, tuple[str | int, ...], str]] = []
    for ci, column in enumerate(table.columns):
        old = before["columns"].get(column.name)
        where, at = f"column {column.name}", ("columns", ci)
        if old is None:
            if (not column.nullable or column.primary_key) and column.server_default is None:
                found.append(
                    (
                        where,
                        at,
                        "added NOT NULL without a server_default to a table that exists: its rows have no value, so "
                        "migration adds it NULL-able there; give it a server_default, or leave it nullable",
                    )
                )
        elif old.split()[0] != _type(column):
            change = _retyped(old.split()[0], _type(column))
            found.append(
                (
                    where,
                    (*at, "type"),
                    f"{change}, and migration never changes a column's type; add a new column instead",
                )
            )
    names = {c.name for c in table.columns}
    for name, old in sorted(before["columns"].items()):
        if name not in names and " NOT NULL" in old and " DEFAULT" not in old:
            found.append(
                (
                    f"column {name}",
                    (),
                    "removed, but it is NOT NULL without a server_default: migration never drops a column, so the "
                    "databases keep it and every insert without it fails; keep it (nullable, or with a server_default)",
                )
            )
    return found


def _index_errors(before: dict[str, Any], table: TableSpec) -> list[tuple[str, tuple[str | int, ...], str]]:
    found: list[tuple[str, tuple[str | int, ...], str]] = []
    added_null = {c.name for c in table.columns if c.name not in before["columns"] and c.server_default is None}
    specs = {ix.name: (("indexes", i), ix) for i, ix in enumerate(table.indexes)}
    on_columns = {f"ix_{table.table}_{c.name}": (("columns", i), c.name) for i, c in enumerate(table.columns)}
    for name, now in _table_snapshot(table)["indexes"].items():
        at, spec = specs.get(name, ((), None))
        columns = set(spec.columns) if spec is not None else {on_columns[name][1]}
        at = at or on_columns[name][0]
        old = before["indexes"].get(name)
        if old is not None:
            if old != now:
                found.append(
                    (
                        f"index {name}",
                        at,
                        "changes its columns or uniqueness, but migration never rebuilds an index it finds: "
                        "give the changed index a new name",
                    )
                )
            continue
        marked = spec is not None and (spec.before_create is not None or spec.may_fail_on_duplicates)
        if now.startswith("UNIQUE") and not marked and not added_null & columns:
            found.append(
                (
                    f"index {name}",
                    at,
                    "a unique index added to a table that exists: its rows may hold duplicates, and then the build "
                    "fails and the index stays missing there; name a before_create hook that merges them, or accept "
                    "that with may_fail_on_duplicates: true (under indexes:)",
                )
            )
    for unique in sorted(set(_table_snapshot(table)["unique_constraints"]) - set(before["unique_constraints"])):
        found.append(
            (
                f"unique constraint ({unique})",
                ("unique_constraints",),
                "added to a table that exists: migration adds no constraint to an existing table; "
                "declare a unique index under indexes: instead",
            )
        )
    return found


def check_online_changes(loaded: Loaded, lock: dict[str, Any] | None) -> list[SpecError]:
    """Each change to a table the lock holds that migration cannot apply online (see the module's docstring)."""
    if lock is None:
        return []
    errors: list[SpecError] = []
    for file, spec in loaded.domains:
        for ti, table in enumerate(spec.tables):
            before = lock["tables"].get(table.table)
            if before is None:
                continue
            for where, at, message in [*_column_errors(before, table), *_index_errors(before, table)]:
                line = loaded.line(file, "tables", ti, *at)
                errors.append(SpecError(file, line, f"table {table.table}, {where}", message))
    return errors
