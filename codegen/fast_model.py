"""The fast paths' part of the model: each `fast:` statement's SQL per backend and the code around it.

SQLAlchemy compiles each statement here, at generation time, with the dialect the runtime uses for the backend
(asyncpg, aiomysql, pysqlite) over a Table of the spec's columns: the text is what SQLAlchemy would send, and the
upsert is built by the runtime's own insert_or_existing_key_statement. What the driver is given for each column
and what a record holds for it is written out per column kind (FAST_KINDS); check.py refuses any other kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    any_,
    bindparam,
    case,
    false,
    func,
    insert,
    literal_column,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.mysql import aiomysql
from sqlalchemy.dialects.postgresql import asyncpg
from sqlalchemy.dialects.sqlite import pysqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement, ColumnElement
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import TypeEngine

from sldb.codegen.facade_model import FacadeSpec, FastStatement
from sldb.codegen.spec_model import ColumnSpec, SqlFunction, TableSpec
from sldb.handwritten.runtime.queries.upsert import insert_or_existing_key_statement, upsert_returning_key_statement

BACKENDS = ("postgresql", "mysql", "sqlite")
_DIALECTS: dict[str, Dialect] = {
    "postgresql": asyncpg.dialect(),  # type: ignore[no-untyped-call]
    "mysql": aiomysql.dialect(),
    "sqlite": pysqlite.dialect(),
}

# The column kinds a fast statement may touch: the SQL type it is compiled with. Their values need no
# conversion by the driver beyond the text rule below; other kinds (datetime, json, binary) would.
FAST_KINDS: dict[str, type[TypeEngine[Any]]] = {
    "integer": Integer,
    "big_integer": BigInteger,
    "string": String,
    "text": Text,
    "float": Double,  # double precision everywhere (column_types.Double), read as the driver's float
    "boolean": Boolean,
}


@dataclass(frozen=True)
class FastSql:
    """A statement's text per backend and the expression of each of its parameters, in order."""

    postgresql: str
    mysql: str
    sqlite: str
    params: tuple[str, ...]


@dataclass(frozen=True)
class FastFunction:
    name: str
    kind: str  # "select", "insert" or "update"
    constant: str  # the Statement constant's name
    sql: FastSql
    signature: str  # the parameters after db
    table: str
    doc: str  # the function's docstring
    record_name: str = ""  # select: the record each row becomes
    converter: str = ""  # select: the name of the dict of row -> record functions per backend
    by_key: FastSql | None = None  # insert with existing_key: the locking read of the stored row's key
    column_read: str = ""  # select of one column: what the list holds for a row
    value_type: str = ""  # select of one column: the Python type of its values
    # update by keys: MySQL's and SQLite's text around the keys' placeholders
    keys_around: tuple[tuple[str, str], tuple[str, str]] | None = None
    in_transaction: bool = False  # it takes the connection of db.driver_transaction() instead of db


@dataclass(frozen=True)
class Converter:
    """Functions from a driver row to a table's record, one per distinct form (per backend)."""

    name: str  # the constant mapping backend -> function
    record_name: str
    functions: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (function name, ((key, expr), ...))
    by_backend: tuple[tuple[str, str], ...]  # (backend, function name)


@dataclass(frozen=True)
class FastMethod:
    name: str
    access: str
    tables: tuple[str, ...]
    statements: tuple[str, ...]
    params: tuple[tuple[str, str], ...]  # (name, annotation)
    seeded: bool  # it updates stored rows by key: its contract test stores rows first
    repeated: bool  # it finds, upserts or updates what an earlier call stored: its contract test repeats each input
    where_texts: tuple[tuple[str, str], ...]  # (column, text) its where compares with: the test stores some


@dataclass(frozen=True)
class FastModule:
    module: str
    class_name: str
    spec_file: str
    functions: tuple[FastFunction, ...]
    converters: tuple[Converter, ...]
    methods: tuple[FastMethod, ...]
    record_imports: tuple[tuple[str, tuple[str, ...]], ...]


def sql_default(spec: ColumnSpec) -> bool:
    """Whether the column's default is SQL (`default: {sql: now}`): an insert leaves it to the statement."""
    return isinstance(spec.default, SqlFunction)


def _sql_table(spec: TableSpec) -> Table:
    columns = []
    for c in spec.columns:
        kind = FAST_KINDS.get(c.type, Text)
        sql_type = kind(c.length) if kind is String else kind()
        default = func.now() if sql_default(c) else None  # as the model's: SQLAlchemy's insert writes now() in
        columns.append(Column(c.name, sql_type, primary_key=bool(c.primary_key), default=default))
    return Table(spec.table, MetaData(), *columns)


def inserted_columns(spec: TableSpec) -> list[ColumnSpec]:
    """The columns an insert's values give: every one but the key and those whose default is SQL."""
    return [c for c in spec.columns if not c.primary_key and not sql_default(c)]


def bind_expr(table: str, spec: ColumnSpec, arg: str) -> str:
    """What the driver is given for a column's value arg: the column type's input rule, written out."""
    if spec.type in ("string", "text"):
        length = spec.length if spec.type == "string" else None
        nullable = bool(spec.nullable) and not spec.primary_key
        return f"bind_text({arg}, {length}, field={f'{table}.{spec.name}'!r}, nullable={nullable})"
    return arg


def read_expr(spec: ColumnSpec, backend: str, value: str) -> str:
    """What a record holds for a column's stored value: the column type's result rule, written out."""
    if spec.type in ("string", "text"):
        return f"read_text({value})"
    if spec.type == "boolean" and backend != "postgresql":
        return f"stored_bool({value})"  # SQLite and MySQL store 0/1
    return value


_PLACEHOLDERS = {"mysql": "%s", "sqlite": "?"}


def _constants_inlined(sql: str, backend: str, names: list[str], values: dict[str, Any], exprs: dict[str, str]) -> str:
    """sql with the binds SQLAlchemy added itself (SQLite's `OFFSET 0` after a LIMIT) written as their values:
    the function's parameters are then the same, in the same order, on every backend."""
    if all(n in exprs for n in names):
        return sql
    if backend not in _PLACEHOLDERS:
        raise ValueError(f"{backend}: a constant parameter in {sql!r}")
    marker = _PLACEHOLDERS[backend]
    pieces = sql.split(marker)
    assert len(pieces) == len(names) + 1, sql
    out = [pieces[0]]
    for name, piece in zip(names, pieces[1:], strict=True):
        value = values[name]
        if name not in exprs and not isinstance(value, int):
            raise ValueError(f"{backend}: a constant parameter {name}={value!r} in {sql!r}")
        out.append((marker if name in exprs else str(value)) + piece)
    return "".join(out)


def _compiled(
    statement: Callable[[str], ClauseElement], column_keys: list[str] | None, exprs: dict[str, str]
) -> FastSql:
    """statement(backend) compiled by each backend's dialect; exprs give its parameters' values by name."""
    texts: dict[str, str] = {}
    params: tuple[str, ...] | None = None
    for backend in BACKENDS:
        compiled = statement(backend).compile(dialect=_DIALECTS[backend], column_keys=column_keys)
        assert isinstance(compiled, SQLCompiler)
        names = compiled.positiontup or []
        texts[backend] = _constants_inlined(" ".join(str(compiled).split()), backend, names, compiled.params, exprs)
        found = tuple(exprs[n] for n in names if n in exprs)
        if params is not None and found != params:
            raise ValueError(f"parameters differ between backends: {params} and {found}")
        params = found
    return FastSql(texts["postgresql"], texts["mysql"], texts["sqlite"], params or ())


def _record_columns(table: TableSpec) -> list[ColumnSpec]:
    """The columns a record holds (as model.Table.record_columns): every one but the internal ones."""
    return [c for c in table.columns if not c.internal]


# A literal of a `where` item, as SQLAlchemy renders it per backend (false: `false` on PostgreSQL, 0 elsewhere).
_LITERALS: dict[str, Any] = {"true": true(), "false": false()}


NOT_EMPTY = "is not empty"


def where_item(item: str) -> tuple[str, str | None]:
    """A `where` (or `set`) item's column and literal (None: a parameter of its name; NOT_EMPTY: neither NULL
    nor '', as length(column) > 0)."""
    if item.endswith(f" {NOT_EMPTY}"):
        return item.removesuffix(f" {NOT_EMPTY}"), NOT_EMPTY
    name, _, literal = item.partition(" = ")
    return name, literal or None


def _conditions(table: Table, items: list[tuple[str, str | None]]) -> list[ColumnElement[bool]]:
    """The SQL of `where` items (where_item's)."""
    out: list[ColumnElement[bool]] = []
    for name, literal in items:
        column = table.c[name]
        if literal == NOT_EMPTY:
            out += [column.is_not(None), func.length(column) > literal_column("0")]
            continue
        value = bindparam(name) if literal is None else _LITERALS.get(literal, literal_column(str(literal)))
        out.append(column == value)
    return out


# What a `column:` select returns per row: its column kind's Python type.
_PYTHON_TYPES = {"integer": "int", "big_integer": "int", "string": "str", "text": "str", "float": "float"}


def _select(fast: FastStatement, table: TableSpec, record_name: str) -> FastFunction:
    sql_table = _sql_table(table)
    by_name = {c.name: c for c in table.columns}
    record = [sql_table.c[c.name] for c in _record_columns(table)]
    stmt = select(sql_table.c[fast.column]) if fast.column else select(*record)
    conditions = [where_item(w.root) for w in fast.where]
    params = [name for name, literal in conditions if literal is None]
    stmt = stmt.where(*_conditions(sql_table, conditions))
    for item in fast.order_by:
        name, _, direction = item.root.partition(" ")
        stmt = stmt.order_by(sql_table.c[name].desc() if direction == "desc" else sql_table.c[name])
    exprs = {name: bind_expr(table.table, by_name[name], name) for name in params}
    signature = [f"{name}: Any" for name in params]
    if fast.limit:
        stmt = stmt.limit(bindparam("limit"))
        exprs["limit"] = "bound_limit(limit)"
        signature.append("limit: Any")
    if fast.for_update:
        stmt = stmt.with_for_update()  # SQLite renders nothing: BEGIN IMMEDIATE holds the write lock already
    doc = _select_doc(
        table.table, [w.root for w in fast.where], [o.root for o in fast.order_by], fast.limit, fast.column
    )
    if fast.for_update:
        doc = doc.replace(" (on db.driver", ", locked for update (on db.driver")
    function = FastFunction(
        name=fast.name,
        kind="select",
        constant=f"_{fast.name.upper()}",
        sql=_compiled(lambda _: stmt, None, exprs),
        signature=", ".join(signature),
        table=table.table,
        doc=doc,
        record_name=record_name,
        converter=f"_{table.table.upper()}_RECORD",
    )
    if not fast.column:
        return function
    spec = by_name[fast.column]
    value_type = _PYTHON_TYPES[spec.type] + (" | None" if spec.nullable and not spec.primary_key else "")
    return replace(
        function,
        record_name="",
        converter="",
        column_read=read_expr(spec, "postgresql", "row[0]"),  # the same on every backend: no boolean (check)
        value_type=value_type,
    )


def _insert(fast: FastStatement, table: TableSpec) -> FastFunction:
    sql_table = _sql_table(table)
    (key,) = [sql_table.c[c.name] for c in table.columns if c.primary_key]
    names = [c.name for c in inserted_columns(table)]
    exprs = {c.name: bind_expr(table.table, c, f"values[{c.name!r}]") for c in inserted_columns(table)}
    existing = tuple(k.root for k in fast.existing_key)
    by_key = None
    optional = [o.root for o in fast.optional]
    if fast.on_existing:
        # The runtime's own upsert-returning-key statement, whose form differs on MySQL.
        changes = _changes(sql_table, [item.root for item in fast.on_existing], optional)
        exprs |= {f"{name}_given": f"{name!r} in given" for name in optional}
        sql = _compiled(
            lambda backend: upsert_returning_key_statement(backend, sql_table, existing, changes), names, exprs
        )
    elif existing:
        # The runtime's own insert-or-existing-key statement, whose form differs on MySQL.
        sql = _compiled(lambda backend: insert_or_existing_key_statement(backend, sql_table, existing), names, exprs)
    else:
        # MySQL has no RETURNING: the driver's lastrowid is the new key.
        returning = insert(sql_table).returning(key)
        sql = _compiled(lambda backend: insert(sql_table) if backend == "mysql" else returning, names, exprs)
    if existing:
        # MariaDB may report 0 for the stored row's key: inserted_or_existing_id reads it by existing_key then.
        lookup = select(key).where(*(sql_table.c[name] == bindparam(name) for name in existing))
        by_key = _compiled(lambda _: lookup.with_for_update(read=True), None, exprs)
    return FastFunction(
        name=fast.name,
        kind="insert",
        constant=f"_{fast.name.upper()}",
        sql=sql,
        signature="values: Mapping[str, Any]" + (", given: Container[str]" if optional else ""),
        table=table.table,
        doc=_insert_doc(table.table, key.name, existing, [item.root for item in fast.on_existing], optional),
        by_key=by_key,
    )


_KEYS = "__[POSTCOMPILE_keys]"  # where SQLAlchemy would expand the keys (MySQL, SQLite)


def _update(fast: FastStatement, table: TableSpec) -> FastFunction:
    sql_table = _sql_table(table)
    by_name = {c.name: c for c in table.columns}
    (key,) = [sql_table.c[c.name] for c in table.columns if c.primary_key]
    items = [set_item(s.root) for s in fast.set]
    values = {name: _assignment(sql_table, name, rule) for name, rule in items}
    params = [name for name, rule in items if rule is None or rule == AT_MOST]
    exprs = {name: bind_expr(table.table, by_name[name], name) for name in params}
    exprs |= {f"{name}{_AGAIN}": exprs[name] for name, rule in items if rule == AT_MOST}
    if fast.where:
        return _update_where(fast, table, sql_table, values, params, exprs)
    exprs["keys"] = "keys"

    def statement(backend: str) -> ClauseElement:
        # PostgreSQL: one array parameter, one prepared statement for any count; elsewhere one placeholder a key.
        keys = key == any_(bindparam("keys", type_=ARRAY(key.type))) if backend == "postgresql" else None
        where = keys if keys is not None else key.in_(bindparam("keys", expanding=True))
        return update(sql_table).where(where).values(values)

    sql = _compiled(statement, None, exprs)
    if sql.params[-1:] != ("keys",):
        raise ValueError(f"the keys are not the last parameter: {sql.params}")
    mysql_head, _, mysql_tail = sql.mysql.partition(_KEYS)
    sqlite_head, _, sqlite_tail = sql.sqlite.partition(_KEYS)
    return FastFunction(
        name=fast.name,
        kind="update",
        constant=f"_{fast.name.upper()}",
        sql=FastSql(sql.postgresql, "", "", sql.params[:-1]),  # MySQL's and SQLite's: keys_around
        signature=", ".join(f"{name}: Any" for name in params),
        table=table.table,
        doc=_update_doc(table.table, key.name, [s.root for s in fast.set]),
        keys_around=((mysql_head, mysql_tail), (sqlite_head, sqlite_tail)),
    )


def _update_where(
    fast: FastStatement,
    table: TableSpec,
    sql_table: Table,
    values: dict[str, Any],
    params: list[str],
    exprs: dict[str, str],
) -> FastFunction:
    """_update's statement for the rows its `where` matches: the set parameters' exprs, then the where ones."""
    by_name = {c.name: c for c in table.columns}
    conditions = [where_item(w.root) for w in fast.where]
    wheres = [name for name, literal in conditions if literal is None]
    params = params + wheres
    exprs = exprs | {name: bind_expr(table.table, by_name[name], name) for name in wheres}
    stmt = update(sql_table).where(*_conditions(sql_table, conditions)).values(values)
    sets = ", ".join(_set_doc(s.root) for s in fast.set)
    where = _where_doc([w.root for w in fast.where])
    return FastFunction(
        name=fast.name,
        kind="update",
        constant=f"_{fast.name.upper()}",
        sql=_compiled(lambda _: stmt, None, exprs),
        signature=", ".join(f"{name}: Any" for name in params),
        table=table.table,
        doc=f"Set {sets} on the rows of {table.table} with {where}, on db.driver(write=True); how many rows matched.",
    )


AT_MOST = "at most"
_AGAIN = "_again"  # the name of a parameter's second placeholder (set ... at most)


def set_item(item: str) -> tuple[str, str | None]:
    """A `set` item's column and rule: a literal, AT_MOST, or None (a parameter of its name)."""
    if item.endswith(f" {AT_MOST}"):
        return item.removesuffix(f" {AT_MOST}"), AT_MOST
    return where_item(item)


def _assignment(table: Table, name: str, rule: str | None) -> Any:
    if rule is None:
        return bindparam(name)
    if rule == AT_MOST:  # NULL counts as above the cap
        # The cap twice, as two parameters of one value: PostgreSQL would number a repeated one once, MySQL and
        # SQLite not, and the functions' parameters are the same on every backend.
        column = table.c[name]
        cap: BindParameter[Any] = bindparam(f"{name}{_AGAIN}")
        return case((column.is_(None) | (column > cap), bindparam(name)), else_=column)
    return _LITERALS.get(rule, literal_column(str(rule)))


def _set_doc(item: str) -> str:
    name, rule = set_item(item)
    if rule == AT_MOST:
        return f"{name} = {name} when NULL or above it"
    return item if rule is not None else f"{name} = {name}"


def _where_doc(where: list[str]) -> str:
    return " and ".join(w if where_item(w)[1] else f"{w} = {w}" for w in where)


def _select_doc(table: str, where: list[str], order_by: list[str], limit: bool, column: str | None) -> str:
    parts = [f"The {column} of the rows of {table}" if column else f"The rows of {table}"]
    if where:
        parts.append(" with " + _where_doc(where))
    if order_by:
        parts.append(", ordered by " + ", ".join(order_by))
    if limit:
        parts.append(", at most limit")
    return "".join(parts) + f", as {'values' if column else 'records'} (on db.driver(write=False))."


def _insert_doc(table: str, key: str, existing: tuple[str, ...], on_existing: list[str], optional: list[str]) -> str:
    doc = f"Insert one row of {table} (values: every column but {key}) on db.driver(write=True); its {key}"
    if on_existing:
        doc += f", or that of the row already stored with the same {', '.join(existing)}, which takes "
        doc += "; ".join(on_existing)
        if optional:
            doc += f" ({', '.join(optional)}: only those named in given)"
    elif existing:
        doc += f", or that of the row already stored with the same {', '.join(existing)}, left as it is"
    return doc + "."


def on_existing_item(item: str) -> tuple[str, str | None, str | None]:
    """An `on_existing` item's column, rule (kept, added or None: the proposed value) and flag column."""
    name, _, rest = item.partition(" ")
    rule, _, flag = rest.partition(" if ")
    return name, rule or None, flag or None


def _changes(table: Table, items: list[str], optional: list[str]) -> Callable[[Any], list[tuple[str, Any]]]:
    """The assignments of an upsert, given the proposed row (upsert_returning_key_statement's changes)."""

    def changes(proposed: Any) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for name, rule, flag in map(on_existing_item, items):
            current, new = table.c[name], proposed[name]
            value: Any = new
            if flag is not None:
                changed = current if rule == "kept" else func.coalesce(current, literal_column("0")) + new
                value = case((table.c[flag].is_(True), changed), else_=new)
            if name in optional:
                value = case((bindparam(f"{name}_given", type_=Boolean), value), else_=current)
            out.append((name, value))
        return out

    return changes


def _update_doc(table: str, key: str, assignments: list[str]) -> str:
    sets = ", ".join(map(_set_doc, assignments))
    return (
        f"Set {sets} on the rows of {table} whose {key} is in keys, on db.driver(write=True); how many rows"
        " matched (0 for no keys, without a statement)."
    )


def _converter(table: TableSpec, record_name: str) -> Converter:
    forms: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for backend in BACKENDS:
        items = tuple((c.name, read_expr(c, backend, f"row[{i}]")) for i, c in enumerate(_record_columns(table)))
        forms.setdefault(items, []).append(backend)
    functions: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    by_backend: list[tuple[str, str]] = []
    for items, backends in forms.items():
        suffix = "" if len(forms) == 1 else "_" + "_".join(backends)
        fn = f"_{table.table}_record{suffix}"
        functions.append((fn, items))
        by_backend.extend((b, fn) for b in backends)
    return Converter(f"_{table.table.upper()}_RECORD", record_name, tuple(functions), tuple(by_backend))


def _where_texts(statements: list[FastStatement]) -> list[tuple[str, str]]:
    items = [where_item(w.root) for fast in statements for w in fast.where]
    return [(name, literal.strip("'")) for name, literal in items if literal and literal.startswith("'")]


def fast_statement_sql(fast: FastStatement, tables: dict[str, TableSpec]) -> FastSql:
    """A statement's SQL per backend (the checker renders it, refusing one that does not render)."""
    return _function(fast, tables, "").sql


def _function(fast: FastStatement, tables: dict[str, TableSpec], record_name: str) -> FastFunction:
    if fast.select is not None:
        return _select(fast, tables[fast.select], record_name)
    if fast.update is not None:
        return _update(fast, tables[fast.update])
    assert fast.insert is not None
    return _insert(fast, tables[fast.insert])


def _in_transaction(function: FastFunction) -> FastFunction:
    """function taking the connection of db.driver_transaction() (the hand-written body's) instead of db."""
    doc = function.doc.replace("db.driver(write=False)", "conn").replace("db.driver(write=True)", "conn")
    return replace(function, in_transaction=True, doc=doc)


def fast_module(
    spec_file: str,
    spec: FacadeSpec,
    tables: dict[str, TableSpec],
    records: dict[str, tuple[str, str]],
) -> FastModule | None:
    """The fast paths of one facade, or None when it has none; records: table -> (module, record name)."""
    functions: list[FastFunction] = []
    methods: list[FastMethod] = []
    for method in spec.methods:
        if not method.fast:
            continue
        names = []
        for fast in method.fast:
            record_name = records[fast.select][1] if fast.select is not None and not fast.column else ""
            function = _function(fast, tables, record_name)
            if method.fast_transaction:
                function = _in_transaction(function)
            functions.append(function)
            names.append(fast.name)
        mine = [f for f in functions if f.name in names]
        touched = sorted({f.table for f in mine})
        params = tuple((p.name, p.type) for p in method.params)
        seeded = any(f.kind == "update" and f.keys_around is not None for f in mine)
        repeated = any(fast.existing_key or (fast.update is not None and fast.where) for fast in method.fast)
        texts = tuple(dict.fromkeys(_where_texts(method.fast)))
        methods.append(
            FastMethod(method.name, method.access, tuple(touched), tuple(names), params, seeded, repeated, texts)
        )
    if not functions:
        return None
    read = sorted({f.table for f in functions if f.converter})
    converters = tuple(_converter(tables[t], records[t][1]) for t in read)
    imports: dict[str, set[str]] = {}
    for name in read:
        module, record_name = records[name]
        imports.setdefault(module, set()).add(record_name)
    return FastModule(
        module=spec.module,
        class_name=spec.facade,
        spec_file=spec_file,
        functions=tuple(functions),
        converters=converters,
        methods=tuple(methods),
        record_imports=tuple(sorted((m, tuple(sorted(n))) for m, n in imports.items())),
    )
