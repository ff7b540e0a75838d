"""The checker's rule for fast paths (a method's `fast:` statements): each must render for all three backends."""

from __future__ import annotations

from sldb.codegen.errors import SpecError
from sldb.codegen.facade_model import FastStatement, MethodSpec
from sldb.codegen.fast_model import (
    AT_MOST,
    FAST_KINDS,
    NOT_EMPTY,
    fast_statement_sql,
    inserted_columns,
    on_existing_item,
    set_item,
    where_item,
)
from sldb.codegen.load import Loaded
from sldb.codegen.spec_model import ColumnSpec, TableSpec

_KINDS = ", ".join(FAST_KINDS)


def _unconverted(table: TableSpec, columns: list[ColumnSpec]) -> list[str]:
    """The refusal of each of columns whose kind a fast path does not convert (no bind or read rule written out)."""
    return [
        f"column {table.table}.{c.name} is {c.type}, which a fast path does not convert (it takes {_KINDS})"
        for c in columns
        if c.type not in FAST_KINDS
    ]


def _unique_keys(table: TableSpec) -> list[set[str]]:
    keys = [set(i.columns) for i in table.indexes if i.unique]
    return keys + [{c.name} for c in table.columns if c.unique or c.primary_key]


def _select_errors(fast: FastStatement, table: TableSpec, method: MethodSpec) -> list[str]:
    columns = {c.name: c for c in table.columns}
    errors = []
    if fast.existing_key or fast.set or fast.on_existing or fast.optional:
        errors.append("existing_key, on_existing, optional and set are not for a select")
    named = [where_item(w.root)[0] for w in fast.where] + [o.root.split(" ")[0] for o in fast.order_by]
    named += [fast.column] if fast.column else []
    errors += [f"{table.table} has no column {name}" for name in named if name not in columns]
    errors += _where_errors(fast, table)
    if fast.column in columns and columns[fast.column].type == "boolean":
        errors.append(f"column {fast.column} is boolean, read per backend: give it in a select of records")
    record = [] if fast.column else [c.name for c in table.columns if not c.internal]
    touched = record + [n for n in named if n in columns]
    errors += _unconverted(table, [columns[name] for name in dict.fromkeys(touched)])
    if fast.for_update and not method.fast_transaction:
        errors.append("for_update is for a select in a fast_transaction method (a lock ends with its transaction)")
    if method.access != "read" and not method.fast_transaction:
        errors.append("a select belongs to an access: read method, or to a fast_transaction method")
    return errors


def _where_errors(fast: FastStatement, table: TableSpec) -> list[str]:
    columns = {c.name: c for c in table.columns}
    errors = []
    for name, literal in (where_item(w.root) for w in fast.where):
        textual = literal == NOT_EMPTY or (literal or "").startswith("'")
        if textual and name in columns and columns[name].type not in ("string", "text"):
            errors.append(f"where {name} {literal}: a text condition on a {columns[name].type} column")
    return errors


def _integer_key_errors(table: TableSpec) -> list[str]:
    keys = [c for c in table.columns if c.primary_key]
    if len(keys) != 1 or keys[0].type not in ("integer", "big_integer"):
        return [f"{table.table} has no integer primary key"]
    return []


def _update_errors(fast: FastStatement, table: TableSpec, method: MethodSpec) -> list[str]:
    columns = {c.name: c for c in table.columns}
    errors = []
    if fast.order_by or fast.limit or fast.existing_key or fast.column or fast.on_existing or fast.optional:
        errors.append("order_by, limit, column, existing_key, on_existing and optional are not for an update")
    if fast.for_update:
        errors.append("for_update is for a select (an update locks the rows it changes)")
    if not fast.set:
        errors.append("an update sets at least one column (set)")
    errors += _integer_key_errors(table)
    conditions = [where_item(w.root) for w in fast.where]
    errors += [f"{table.table} has no column {name}" for name, _ in conditions if name not in columns]
    errors += _where_errors(fast, table)
    set_params: set[str] = set()
    for name, rule in (set_item(s.root) for s in fast.set):
        if name not in columns:
            errors.append(f"{table.table} has no column {name}")
        elif columns[name].primary_key:
            errors.append(f"an update does not set the key {table.table}.{name}")
        elif columns[name].type not in FAST_KINDS:
            errors += _unconverted(table, [columns[name]])
        elif rule == AT_MOST and columns[name].type not in ("integer", "big_integer", "float"):
            errors.append(f"set {name} at most: {name} is not a number column")
        if rule is None or rule == AT_MOST:
            set_params.add(name)
    errors += [
        f"where {name}: a parameter of that name is what set gives {name}"
        for name, literal in conditions
        if literal is None and name in set_params
    ]
    errors += _unconverted(table, [columns[name] for name, _ in conditions if name in columns])
    if method.access != "write":
        errors.append("an update belongs to an access: write method")
    return errors


def _on_existing_errors(fast: FastStatement, table: TableSpec) -> list[str]:
    columns = {c.name: c for c in table.columns}
    items = [on_existing_item(i.root) for i in fast.on_existing]
    errors = []
    if items and not fast.existing_key:
        errors.append("on_existing needs existing_key")
    set_before: set[str] = set()
    for name, rule, flag in items:
        if name not in columns or (flag is not None and flag not in columns):
            errors.append(f"{table.table} has no column {name if name not in columns else flag}")
            continue
        if columns[name].primary_key or name in {k.root for k in fast.existing_key}:
            errors.append(f"on_existing does not change the key {name}")
        if flag is not None and columns[flag].type != "boolean":
            errors.append(f"on_existing {name} {rule} if {flag}: {flag} is not a boolean column")
        if rule == "added" and columns[name].type not in ("integer", "big_integer", "float"):
            errors.append(f"on_existing {name} added: {name} is not a number column")
        if flag in set_before:
            errors.append(f"on_existing {name} reads {flag} after it is set (MySQL would see the new value)")
        set_before.add(name)
    order = [name for name, _, _ in items if name in columns]
    if order != [c.name for c in table.columns if c.name in order]:
        # PostgreSQL and SQLite set them in that order: MySQL must read them, and take the parameters, alike.
        errors.append(f"on_existing lists its columns in {table.table}'s order")
    given = {name for name, _, _ in items}
    errors += [f"optional {o.root} is not an on_existing column" for o in fast.optional if o.root not in given]
    return errors


def _insert_errors(fast: FastStatement, table: TableSpec, method: MethodSpec) -> list[str]:
    errors = []
    if fast.where or fast.order_by or fast.limit or fast.set or fast.column or fast.for_update:
        errors.append("where, order_by, limit, column, set and for_update are not for an insert")
    if fast.optional and not fast.on_existing:
        errors.append("optional is for on_existing columns")
    errors += [f"{e} to return" for e in _integer_key_errors(table)]
    errors += _unconverted(table, inserted_columns(table))
    existing = {k.root for k in fast.existing_key}
    if existing and existing not in _unique_keys(table):
        errors.append(f"existing_key {sorted(existing)} is not the key of a unique index of {table.table}")
    errors += _on_existing_errors(fast, table)
    if method.access != "write":
        errors.append("an insert belongs to an access: write method")
    return errors


def check_fast_paths(loaded: Loaded) -> list[SpecError]:
    """A fast statement names one table, columns it has, of kinds whose conversion is written out, and renders
    for PostgreSQL, MySQL and SQLite; only a hand-written method has fast statements."""
    tables = {t.table: t for _, spec in loaded.domains for t in spec.tables}
    found: list[SpecError] = []
    for file, spec in loaded.facades:
        names: set[str] = set()
        for mi, method in enumerate(spec.methods):
            if method.fast and not isinstance(method.impl, str):
                line = loaded.line(file, "methods", mi, "fast")
                found.append(SpecError(file, line, f"method {method.name}, field 'fast'", "needs impl: handwritten"))
            if method.fast_transaction and (not method.fast or method.access != "write"):
                line = loaded.line(file, "methods", mi, "fast_transaction")
                where = f"method {method.name}, field 'fast_transaction'"
                found.append(SpecError(file, line, where, "is for an access: write method with fast statements"))
            for fi, fast in enumerate(method.fast):
                line = loaded.line(file, "methods", mi, "fast", fi)
                where = f"method {method.name}, fast statement {fast.name}"
                errors = _statement_errors(fast, tables, method)
                if fast.name in names:
                    errors.append("names a function another fast statement of this facade has")
                names.add(fast.name)
                if not errors:
                    try:
                        fast_statement_sql(fast, tables)
                    except Exception as exc:  # whatever SQLAlchemy says: the statement does not render
                        errors.append(f"cannot be rendered for every backend: {exc}")
                found += [SpecError(file, line, where, e) for e in errors]
    return found


def _statement_errors(fast: FastStatement, tables: dict[str, TableSpec], method: MethodSpec) -> list[str]:
    given = [name for name in (fast.select, fast.insert, fast.update) if name is not None]
    if len(given) != 1:
        return ["give exactly one of select, insert and update"]
    (name,) = given
    if name not in tables:
        return [f"table '{name}' is in no domain spec"]
    if fast.select is not None:
        return _select_errors(fast, tables[name], method)
    if fast.update is not None:
        return _update_errors(fast, tables[name], method)
    return _insert_errors(fast, tables[name], method)
