"""Stage 2, check: rules across specs, enforced before any database is touched.

Every rule collects all its findings; check() raises them together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from sldb.codegen.check_fast import check_fast_paths
from sldb.codegen.errors import SpecError, SpecErrors
from sldb.codegen.facade_model import ShapeField
from sldb.codegen.load import Loaded
from sldb.codegen.spec_model import ColumnSpec, TableSpec
from sldb.handwritten.tables import SCHEMA_EXTRAS

POSTGRESQL_MAX_IDENTIFIER = 63  # MySQL allows 64; the stricter limit binds.
MYSQL_MAX_KEY_BYTES = 3072  # InnoDB, DYNAMIC row format
UTF8MB4_BYTES = 4
_FIXED_KEY_BYTES = {"integer": 4, "big_integer": 8, "float": 8, "boolean": 1, "datetime": 8}
_NO_MYSQL_DEFAULT = ("text", "json", "binary")
_JSON_TEXT = ("text", "string")

TableAt = tuple[str, int, TableSpec]


def _tables(loaded: Loaded) -> Iterator[TableAt]:
    for file, spec in loaded.domains:
        for index, table in enumerate(spec.tables):
            yield file, index, table


def _auto_index_name(table: TableSpec, column: ColumnSpec) -> str:
    return f"ix_{table.table}_{column.name}"


def _index_sets(table: TableSpec) -> list[tuple[str, tuple[str, ...], bool, str]]:
    """Every index the table will have: (name, columns, unique, field path) in spec order."""
    found: list[tuple[str, tuple[str, ...], bool, str]] = [
        (_auto_index_name(table, c), (c.name,), bool(c.unique), f"columns.{i}")
        for i, c in enumerate(table.columns)
        if c.index
    ]
    found += [(ix.name, tuple(ix.columns), bool(ix.unique), f"indexes.{i}") for i, ix in enumerate(table.indexes)]
    return found


def _path(field: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in field.split("."))


def check_structure(loaded: Loaded) -> list[SpecError]:
    """Names exist and are unique; references resolve; each table has one primary key."""
    errors: list[SpecError] = []
    classes: dict[str, str] = {}
    tables: dict[str, TableSpec] = {t.table: t for _, _, t in _tables(loaded)}
    seen_tables: dict[str, str] = {}
    for file, ti, table in _tables(loaded):
        at = ("tables", ti)
        where = f"table {table.table}"
        for name, registry, kind in ((table.class_, classes, "class"), (table.table, seen_tables, "table")):
            if name in registry:
                errors.append(
                    SpecError(
                        file, loaded.line(file, *at), where, f"{kind} name '{name}' is already used in {registry[name]}"
                    )
                )
            registry[name] = file
        names = [c.name for c in table.columns]
        for ci, column in enumerate(table.columns):
            cw = f"{where}, column {column.name}"
            cat = (*at, "columns", ci)
            if names.count(column.name) > 1:
                errors.append(SpecError(file, loaded.line(file, *cat), cw, "is declared twice"))
            if column.internal and column.primary_key:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, *cat, "internal"),
                        f"{cw}, field 'internal'",
                        "a primary key is never internal: every record holds its row's key",
                    )
                )
            if column.type == "string" and column.length is None:
                errors.append(
                    SpecError(file, loaded.line(file, *cat), f"{cw}, field 'length'", "is required for type string")
                )
            if column.foreign_key:
                target_table, target_column = column.foreign_key.split(".")
                target = tables.get(target_table)
                if target is None or target_column not in [c.name for c in target.columns]:
                    errors.append(
                        SpecError(
                            file,
                            loaded.line(file, *cat, "foreign_key"),
                            f"{cw}, field 'foreign_key'",
                            f"'{column.foreign_key}' names no column of any spec",
                        )
                    )
            if column.references:
                target_table, target_column = column.references.split(".")
                target = tables.get(target_table)
                if target is None or target_column not in [c.name for c in target.columns]:
                    errors.append(
                        SpecError(
                            file,
                            loaded.line(file, *cat, "references"),
                            f"{cw}, field 'references'",
                            f"'{column.references}' names no column of any spec",
                        )
                    )
        if table.merge is not None:
            for field_name, listed in (("key", table.merge.key), ("add", table.merge.add)):
                for col in listed:
                    if col not in names:
                        errors.append(
                            SpecError(
                                file,
                                loaded.line(file, *at, "merge"),
                                f"{where}, field 'merge.{field_name}'",
                                f"column '{col}' is not a column of {table.table}",
                            )
                        )
        if sum(bool(c.primary_key) for c in table.columns) != 1:
            errors.append(
                SpecError(
                    file,
                    loaded.line(file, *at),
                    where,
                    "needs exactly one primary key column (Galera replicates no table without one)",
                )
            )
        for ii, ix in enumerate(table.indexes):
            for col in ix.columns:
                if col not in names:
                    errors.append(
                        SpecError(
                            file,
                            loaded.line(file, *at, "indexes", ii),
                            f"{where}, index {ix.name}",
                            f"column '{col}' is not a column of {table.table}",
                        )
                    )
            for col in ix.mysql_length or {}:
                if col not in ix.columns:
                    errors.append(
                        SpecError(
                            file,
                            loaded.line(file, *at, "indexes", ii, "mysql_length"),
                            f"{where}, index {ix.name}, field 'mysql_length'",
                            f"column '{col}' is not a column of this index",
                        )
                    )
        for ui, uc in enumerate(table.unique_constraints):
            for col in uc.columns:
                if col not in names:
                    errors.append(
                        SpecError(
                            file,
                            loaded.line(file, *at, "unique_constraints", ui),
                            f"{where}, unique constraint {uc.name}",
                            f"column '{col}' is not a column of {table.table}",
                        )
                    )
    for file, ti, table in _tables(loaded):
        for ri, rel in enumerate(table.relationships):
            target = next((t for _, _, t in _tables(loaded) if t.class_ == rel.target), None)
            if target is None or rel.back_populates not in [r.name for r in target.relationships]:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, "relationships", ri),
                        f"table {table.table}, relationship {rel.name}",
                        f"'{rel.target}.{rel.back_populates}' is not a relationship of any spec",
                    )
                )
    return errors


def check_index_names(loaded: Loaded) -> list[SpecError]:
    """Index and constraint names are unique across the whole database (SQLite and PostgreSQL require it)."""
    errors: list[SpecError] = []
    owners: dict[str, str] = {}
    for file, ti, table in _tables(loaded):
        named = [(n, f) for n, _, _, f in _index_sets(table)]
        named += [(u.name, f"unique_constraints.{i}") for i, u in enumerate(table.unique_constraints) if u.name]
        for name, field in named:
            if name in owners:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, *_path(field)),
                        f"table {table.table}, index {name}",
                        f"index name is already used by {owners[name]}; index names must be unique across the database",
                    )
                )
            else:
                owners[name] = f"table {table.table} ({file})"
    return errors


def check_identifier_lengths(loaded: Loaded) -> list[SpecError]:
    """Table, column, index and constraint names fit PostgreSQL's 63 characters (MySQL: 64)."""
    errors: list[SpecError] = []
    for file, ti, table in _tables(loaded):
        items: list[tuple[str, str, tuple[str | int, ...]]] = [(f"table {table.table}", table.table, ())]
        items += [
            (f"table {table.table}, column {c.name}", c.name, ("columns", i)) for i, c in enumerate(table.columns)
        ]
        items += [(f"table {table.table}, index {n}", n, _path(f)) for n, _, _, f in _index_sets(table)]
        items += [
            (f"table {table.table}, unique constraint {u.name}", u.name, ("unique_constraints", i))
            for i, u in enumerate(table.unique_constraints)
            if u.name
        ]
        for where, name, path in items:
            if len(name) > POSTGRESQL_MAX_IDENTIFIER:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, *path),
                        where,
                        f"identifier '{name}' has {len(name)} characters; PostgreSQL allows {POSTGRESQL_MAX_IDENTIFIER} and MySQL 64",
                    )
                )
    return errors


def check_mysql_keys(loaded: Loaded) -> list[SpecError]:
    """Every index fits MySQL's 3072-byte key under utf8mb4; TEXT columns in an index carry a prefix length."""
    errors: list[SpecError] = []
    for file, ti, table in _tables(loaded):
        columns = {c.name: c for c in table.columns}
        lengths_of = {ix.name: dict(ix.mysql_length or {}) for ix in table.indexes}
        for name, cols, _, field in _index_sets(table):
            line = loaded.line(file, "tables", ti, *_path(field))
            where = f"table {table.table}, index {name}"
            total = 0
            for col in cols:
                column = columns.get(col)
                if column is None:
                    continue
                prefix = lengths_of.get(name, {}).get(col)
                if column.type in ("text", "json", "binary"):
                    if prefix is None:
                        errors.append(
                            SpecError(
                                file,
                                line,
                                where,
                                f"{column.type} column '{col}' needs a prefix length in mysql_length to be indexed on MySQL",
                            )
                        )
                        continue
                    total += prefix * UTF8MB4_BYTES
                elif column.type == "string":
                    total += (prefix or column.length or 0) * UTF8MB4_BYTES
                else:
                    total += _FIXED_KEY_BYTES[column.type]
            if total > MYSQL_MAX_KEY_BYTES:
                errors.append(
                    SpecError(
                        file, line, where, f"key is {total} bytes under utf8mb4; MySQL allows {MYSQL_MAX_KEY_BYTES}"
                    )
                )
    return errors


def check_mysql_text_defaults(loaded: Loaded) -> list[SpecError]:
    """No server default on TEXT/BLOB/JSON columns: MySQL rejects such DDL."""
    errors: list[SpecError] = []
    for file, ti, table in _tables(loaded):
        for ci, column in enumerate(table.columns):
            if column.type in _NO_MYSQL_DEFAULT and column.server_default is not None:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, "columns", ci, "server_default"),
                        f"table {table.table}, column {column.name}, field 'server_default'",
                        f"MySQL cannot hold a DEFAULT on a {column.type} column; use 'default' (set by the client)",
                    )
                )
    return errors


def check_redundant_indexes(loaded: Loaded) -> list[SpecError]:
    """No two indexes of a table cover the same columns; every dropped index names the index kept for it,
    whose columns begin with the dropped one's (so it serves the same lookups)."""
    errors: list[SpecError] = []
    for file, ti, table in _tables(loaded):
        indexes = _index_sets(table)
        by_columns: dict[tuple[str, ...], str] = {}
        for name, cols, _, field in indexes:
            if cols in by_columns:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, *_path(field)),
                        f"table {table.table}, index {name}",
                        f"repeats index {by_columns[cols]} on ({', '.join(cols)}); keep one and list the other under redundant_indexes",
                    )
                )
            else:
                by_columns[cols] = name
        names = {name: cols for name, cols, _, _ in indexes}
        for ri, dropped in enumerate(table.redundant_indexes):
            where = f"table {table.table}, redundant index {dropped.name}"
            line = loaded.line(file, "tables", ti, "redundant_indexes", ri)
            if dropped.name in names:
                errors.append(SpecError(file, line, where, "is declared dropped but the spec still creates it"))
            kept = names.get(dropped.kept)
            if kept is None:
                errors.append(
                    SpecError(
                        file, line, f"{where}, field 'kept'", f"'{dropped.kept}' is not an index of {table.table}"
                    )
                )
            elif kept[: len(dropped.columns)] != tuple(dropped.columns):  # a leading prefix serves the same lookups
                errors.append(
                    SpecError(
                        file,
                        line,
                        f"{where}, field 'kept'",
                        f"'{dropped.kept}' covers ({', '.join(kept)}), which does not begin with ({', '.join(dropped.columns)})",
                    )
                )
    return errors


def check_facades(loaded: Loaded) -> list[SpecError]:
    """Method names are unique across facades (they share the manager); template tables exist; only reads may
    be answered by a replica; only hand-written writes are retried."""
    errors: list[SpecError] = []
    owners: dict[str, str] = {}
    tables = {t.table for _, _, t in _tables(loaded)}
    for file, spec in loaded.facades:
        for mi, method in enumerate(spec.methods):
            line = loaded.line(file, "methods", mi)
            where = f"method {method.name}"
            if method.name in owners:
                errors.append(SpecError(file, line, where, f"is already declared by {owners[method.name]}"))
            owners[method.name] = f"{spec.facade} ({file})"
            impl = method.impl
            if not isinstance(impl, str) and impl.table not in tables:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "methods", mi, "impl", "table"),
                        f"{where}, field 'impl'",
                        f"table '{impl.table}' is in no domain spec",
                    )
                )
            params = [p.name for p in method.params]
            if len(set(params)) != len(params):
                errors.append(SpecError(file, line, f"{where}, field 'params'", "names a parameter twice"))
            if method.replica and method.access != "read":
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "methods", mi, "replica"),
                        f"{where}, field 'replica'",
                        "a read replica cannot write: only an access: read method may be replica: true",
                    )
                )
            if method.retry and (method.access != "write" or not isinstance(impl, str)):
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "methods", mi, "retry"),
                        f"{where}, field 'retry'",
                        "only a hand-written access: write method is run again after a rolled-back transaction",
                    )
                )
    return errors


_INT_RANGES = {"int": (-(2**31), 2**31 - 1), "bigint": (-(2**63), 2**63 - 1)}


def _is_id(name: str, annotation: str) -> bool:
    """A parameter naming a row by its integer key (jargon_id, review_id, message_ids)."""
    words = set(annotation.replace("|", " ").replace("[", " ").replace("]", " ").split())
    return (name.endswith("_id") or name.endswith("_ids")) and "int" in words and "str" not in words


def _value_type_errors(value_type: str, columns: dict[str, ColumnSpec]) -> list[str]:
    words = value_type.rstrip("?").split(" ")
    kind = words[0]
    errors: list[str] = []
    if kind in _INT_RANGES and len(words) > 1:
        low, high = (int(x) for x in words[1].split(".."))
        bottom, top = _INT_RANGES[kind]
        if low > high:
            errors.append(f"'{value_type}': the range {low}..{high} is empty")
        elif low < bottom or high > top:
            errors.append(f"'{value_type}': the range exceeds {kind} ({bottom}..{top})")
    if kind == "float" and len(words) > 1:
        low, high = (int(x) for x in words[1].split(".."))
        if low > high:
            errors.append(f"'{value_type}': the range {low}..{high} is empty")
    if kind == "text" and len(words) > 1 and not words[1].isdigit():
        column = columns.get(words[1])
        if column is None:
            errors.append(f"'{value_type}': column '{words[1]}' is in no domain spec")
        elif column.type not in _JSON_TEXT:
            errors.append(f"'{value_type}': column '{words[1]}' is {column.type}, not string or text")
    return errors


def check_accepts(loaded: Loaded) -> list[SpecError]:
    """Every parameter of a write method, and every id, declares what it accepts; each declaration is sound."""
    errors: list[SpecError] = []
    columns = {f"{t.table}.{c.name}": c for _, _, t in _tables(loaded) for c in t.columns}
    for file, spec in loaded.facades:
        for mi, method in enumerate(spec.methods):
            for pi, param in enumerate(method.params):
                at = ("methods", mi, "params", pi)
                where = f"method {method.name}, parameter {param.name}"
                accepts = param.accepts
                if accepts is None:
                    if method.access == "write" or _is_id(param.name, param.type):
                        reason = "an id" if _is_id(param.name, param.type) else "a parameter of a write method"
                        errors.append(
                            SpecError(file, loaded.line(file, *at), where, f"is {reason} and declares no 'accepts'")
                        )
                    continue
                if isinstance(accepts, dict):
                    if not ("dict" in param.type or param.type == "Any"):
                        errors.append(
                            SpecError(
                                file,
                                loaded.line(file, *at, "accepts"),
                                f"{where}, field 'accepts'",
                                f"types keys, but the parameter is {param.type}, not a dict",
                            )
                        )
                    found = [
                        (f"{where}, field 'accepts.{k}'", m)
                        for k, v in accepts.items()
                        for m in _value_type_errors(v.root, columns)
                    ]
                else:
                    found = [(f"{where}, field 'accepts'", m) for m in _value_type_errors(accepts.root, columns)]
                errors += [SpecError(file, loaded.line(file, *at, "accepts"), w, m) for w, m in found]
    return errors


def _is_literal(source: str) -> bool:
    try:
        ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return False
    return True


def _projection_errors(
    field: ShapeField, columns: dict[str, ColumnSpec], table: str | None
) -> list[tuple[str | None, str]]:
    """(spec field or None for the shape field itself, message) for each way one shape field does not fit the
    table its shape projects."""
    own = [("from", field.from_), ("json", field.json_), ("null_as", field.null_as)]
    if table is None:
        return [(name, "needs the shape to declare 'projects'") for name, value in own if value is not None]
    errors: list[tuple[str | None, str]] = []
    name = field.from_ or field.name
    column = columns.get(name)
    if column is None:
        errors.append(("from" if field.from_ else None, f"'{name}' is not a column of {table}"))
    elif column.internal:
        errors.append(
            (
                "from" if field.from_ else None,
                f"'{name}' is an internal column of {table} (the layer's own bookkeeping): no shape returns it",
            )
        )
    elif field.json_ is not None and column.type not in _JSON_TEXT:
        errors.append(("json", f"column '{name}' is {column.type}; JSON text is read from text and string columns"))
    if field.null_as is not None and not _is_literal(field.null_as):
        errors.append(("null_as", f"{field.null_as!r} is not a Python literal"))
    if field.null_as is not None and field.json_ is not None:
        errors.append(("null_as", "is not used with 'json', which reads NULL as its empty value"))
    return errors


def check_shapes(loaded: Loaded) -> list[SpecError]:
    """A shape that projects a table names a table, and each field a column of it that is not internal (JSON
    only from text)."""
    errors: list[SpecError] = []
    tables = {t.table: t for _, _, t in _tables(loaded)}
    for file, spec in loaded.facades:
        for si, shape in enumerate(spec.shapes):
            where = f"shape {shape.name}"
            projected = tables.get(shape.projects) if shape.projects is not None else None
            if shape.projects is not None and projected is None:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "shapes", si, "projects"),
                        f"{where}, field 'projects'",
                        f"table '{shape.projects}' is in no domain spec",
                    )
                )
                continue
            columns = {c.name: c for c in projected.columns} if projected is not None else {}
            for fi, field in enumerate(shape.fields):
                for name, message in _projection_errors(field, columns, shape.projects):
                    at: tuple[str | int, ...] = ("shapes", si, "fields", fi, *([name] if name else []))
                    detail = f", field '{name}'" if name else ""
                    errors.append(
                        SpecError(file, loaded.line(file, *at), f"{where}, field {field.name}{detail}", message)
                    )
    return errors


def check_migration_hooks(loaded: Loaded) -> list[SpecError]:
    """An index's before_create names a preparation the plugin's tables register (handwritten/tables)."""
    errors: list[SpecError] = []
    for file, ti, table in _tables(loaded):
        for ii, ix in enumerate(table.indexes):
            if ix.before_create is not None and ix.before_create not in SCHEMA_EXTRAS.hooks:
                errors.append(
                    SpecError(
                        file,
                        loaded.line(file, "tables", ti, "indexes", ii, "before_create"),
                        f"table {table.table}, index {ix.name}, field 'before_create'",
                        f"'{ix.before_create}' is not a registered migration hook "
                        f"(handwritten/tables/__init__.py registers: {', '.join(sorted(SCHEMA_EXTRAS.hooks))})",
                    )
                )
    return errors


RULES = (
    check_structure,
    check_index_names,
    check_identifier_lengths,
    check_mysql_keys,
    check_mysql_text_defaults,
    check_migration_hooks,
    check_redundant_indexes,
    check_facades,
    check_shapes,
    check_accepts,
    check_fast_paths,
)


def check(loaded: Loaded) -> None:
    """Run every rule; raise SpecErrors with all findings."""
    errors = [e for rule in RULES for e in rule(loaded)]
    if errors:
        raise SpecErrors(errors)
