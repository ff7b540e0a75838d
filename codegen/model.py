"""Stage 3, model: the intermediate model templates print.

Every name, type, expression and argument list is computed here, once, so that templates only loop and print;
nothing is kept here that no template prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from sldb.codegen.facade_model import FacadeSpec, MethodSpec, ShapeField, ShapeSpec, TemplateImpl
from sldb.codegen.fast_model import FastModule, fast_module
from sldb.codegen.load import Loaded
from sldb.codegen.spec_model import ColumnSpec, DomainSpec, FactoryDefault, IndexSpec, SqlFunction, TableSpec
from sldb.handwritten.runtime.schema.hooks import BEFORE_CREATE

# spec type -> (SQLAlchemy type expression, Python type, record type)
_TYPES: dict[str, tuple[str, str, str]] = {
    "integer": ("Integer", "int", "int"),
    "big_integer": ("BigInteger", "int", "int"),
    "string": ("SafeString({length}, field={field!r}, nullable={nullable})", "str", "str"),
    "text": ("LongText(field={field!r}, nullable={nullable})", "str", "str"),
    "float": ("Double", "float", "float"),
    "boolean": ("Boolean", "bool", "bool"),
    "datetime": ("DateTime", "datetime.datetime", "str"),
    "json": ("JSON", "Any", "Any"),
    "binary": ("LargeBinary", "bytes", "bytes"),
}
_FACTORIES = {"list": "list", "dict": "dict", "unix_time": "unix_time"}
# A shape field's json -> how the JSON text of a column is read (handwritten.runtime.values.jsontext).
_JSON_READERS = {
    "object": "loads_as({value}, {{}})",
    "list": "loads_as({value}, [])",
    "lenient_object": "loads_or({value}, {{}})",
    "lenient_list": "loads_or({value}, [])",
}


def _literal(value: str | int | float | bool) -> str:
    return repr(value)


def _default_expr(spec: str | int | float | bool | FactoryDefault | SqlFunction) -> str:
    if isinstance(spec, FactoryDefault):
        return _FACTORIES[spec.factory]
    if isinstance(spec, SqlFunction):
        return "func.now()"
    return _literal(spec)


@dataclass(frozen=True)
class Column:
    name: str
    attribute: str
    kind: str
    primary_key: bool
    mapped_type: str
    mapped_args: str
    record_type: str
    record_expr: str
    values_type: str
    samples: tuple[str, str]
    read_as: tuple[str, str] | None
    parent_table: str | None
    internal: bool  # the layer's own bookkeeping: kept in the table, in no record (spec: internal)


@dataclass(frozen=True)
class Index:
    name: str
    columns: tuple[str, ...]
    unique: bool
    mysql_length: dict[str, int]
    args: str


@dataclass(frozen=True)
class Relationship:
    name: str
    mapped_type: str
    args: str


@dataclass(frozen=True)
class Parent:
    """A row a contract test inserts first: its key fills the foreign key column of the tested table."""

    column: str
    table: Table


@dataclass(frozen=True)
class Table:
    class_name: str
    table: str
    description: str
    columns: tuple[Column, ...]
    indexes: tuple[Index, ...]
    redundant_indexes: tuple[tuple[str, tuple[str, ...], str, str], ...]
    relationships: tuple[Relationship, ...]
    record_name: str
    values_name: str
    record_function: str
    repository_name: str
    primary_key: Column
    table_args: tuple[str, ...]
    parents: tuple[Parent, ...] = ()

    @property
    def key_type(self) -> str:
        """Python type of the primary key."""
        return self.primary_key.mapped_type

    @property
    def generated_key(self) -> bool:
        """Whether the database assigns the primary key (an integer key), or the caller gives it."""
        return self.primary_key.kind in ("integer", "big_integer")

    @property
    def record_columns(self) -> tuple[Column, ...]:
        """Columns a record holds: every column but the internal ones."""
        return tuple(c for c in self.columns if not c.internal)

    @property
    def internal_columns(self) -> tuple[Column, ...]:
        """Columns the layer keeps for itself, which no record or shape holds."""
        return tuple(c for c in self.columns if c.internal)

    @property
    def sample_columns(self) -> tuple[Column, ...]:
        """Columns a contract test fills with sample values (foreign keys aside; the key if the caller gives it)."""
        return tuple(
            c for c in self.columns if (not c.primary_key or not self.generated_key) and c.parent_table is None
        )

    @property
    def updated_columns(self) -> tuple[Column, ...]:
        """Columns a contract test changes in the update step (never the key)."""
        return tuple(c for c in self.sample_columns if not c.primary_key)

    @property
    def read_as_columns(self) -> tuple[Column, ...]:
        """Sample columns whose record holds another form than the value written (date-times as ISO text)."""
        return tuple(c for c in self.sample_columns if c.read_as is not None)


@dataclass(frozen=True)
class Domain:
    name: str
    spec_file: str
    description: str
    tables: tuple[Table, ...]
    parent_imports: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Param:
    name: str
    annotation: str
    default: str | None
    check: str | None = None  # the expression the generated facade binds the parameter to before the body runs

    @property
    def signature(self) -> str:
        return f"{self.name}: {self.annotation}" + (f" = {self.default}" if self.default is not None else "")


@dataclass(frozen=True)
class Method:
    name: str
    description: str
    params: tuple[Param, ...]
    returns: str
    not_ready_default: str | None
    on_failure: str | None
    handwritten: bool
    template: str | None
    table: Table | None
    where: tuple[tuple[str, str], ...]
    extension: bool
    access: str  # "read" or "write"
    db: str  # the Database the body receives: self._db, or self._db.replica() for a replica-marked read
    retry: bool  # the body runs through retried(): again after a failure in which its transaction was rolled back
    rules: tuple[tuple[str, str], ...] = ()  # (constant name, Rule or dict-of-Rule expression) the checks use

    @property
    def signature(self) -> str:
        return ", ".join(p.signature for p in self.params)

    @property
    def not_ready_case(self) -> str:
        """What a contract test expects before start(): RAISES, the default, or a function of the parameters
        the default refers to (it is evaluated where they are bound)."""
        if self.not_ready_default is None:
            return "RAISES"
        used = [p.name for p in self.params if p.name in names_in(self.not_ready_default)]
        return f"lambda {', '.join(used)}: {self.not_ready_default}" if used else self.not_ready_default


@dataclass(frozen=True)
class ShapeKey:
    """One key of a shape; value is its expression over `row` when the shape projects a table."""

    name: str
    annotation: str
    value: str | None


@dataclass(frozen=True)
class Shape:
    name: str
    docstring: str
    fields: tuple[ShapeKey, ...]
    projection: str | None
    table: str | None


@dataclass(frozen=True)
class Facade:
    class_name: str
    module: str
    spec_file: str
    description: str
    shapes: tuple[Shape, ...]
    shape_exports: tuple[str, ...]
    methods: tuple[Method, ...]
    repository_imports: tuple[tuple[str, tuple[str, ...]], ...]
    annotation_imports: tuple[tuple[str, tuple[str, ...]], ...]
    shape_imports: tuple[tuple[str, tuple[str, ...]], ...]
    has_handwritten: bool
    attribute: str

    @property
    def rules(self) -> tuple[tuple[str, str], ...]:
        """Every Rule constant of the facade's methods, in method order."""
        return tuple(rule for m in self.methods for rule in m.rules)

    @property
    def retries(self) -> bool:
        """Whether a method of the facade runs through retried()."""
        return any(m.retry for m in self.methods)

    @property
    def accept_imports(self) -> tuple[str, ...]:
        """The names of handwritten.runtime.values.policy the checks use."""
        used = {"Rule"} if self.rules else set()
        for m in self.methods:
            for p in m.params:
                if p.check is not None:
                    used.add(p.check.split("(", 1)[0])
        return tuple(sorted(used))


@dataclass(frozen=True)
class Project:
    domains: tuple[Domain, ...]
    facades: tuple[Facade, ...] = field(default_factory=tuple)
    fast_modules: tuple[FastModule, ...] = field(default_factory=tuple)  # generated/fast/<module>.py

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for d in self.domains for t in d.tables)

    @property
    def manager_imports(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Every name the manager's annotations use, grouped by module."""
        return _grouped({(m, n) for f in self.facades for m, names in f.annotation_imports for n in names})

    @property
    def methods(self) -> tuple[tuple[Facade, Method], ...]:
        """Every facade method, facades in name order, methods in spec order."""
        return tuple((f, m) for f in self.facades for m in f.methods)

    @property
    def read_only_methods(self) -> tuple[str, ...]:
        """The names of the methods whose spec says access: read, sorted."""
        return tuple(sorted(m.name for _, m in self.methods if m.access == "read"))


def _samples(spec: ColumnSpec) -> tuple[tuple[str, str], tuple[str, str] | None]:
    """Two distinct sample values per column (as source text), and their record forms when those differ."""
    name = spec.name
    if spec.type in ("integer", "big_integer"):
        return ("7", "11") if spec.type == "integer" else ("1735701000123", "1735701999456"), None
    if spec.type == "float":
        return ("1735701000.25", "0.125"), None
    if spec.type == "boolean":
        return ("True", "False"), None
    if spec.type == "datetime":
        return (
            ("datetime.datetime(2024, 1, 2, 3, 4, 5)", "datetime.datetime(2025, 6, 7, 8, 9, 10)"),
            ("'2024-01-02T03:04:05'", "'2025-06-07T08:09:10'"),
        )
    if spec.type == "json":
        return ("{'k': [1, '二']}", "['x', 2.5, None]"), None
    if spec.type == "binary":
        return ("b'\\x00\\x01\\xff'", "b'b'"), None
    limit = spec.length or 1000
    return (repr(f"{name} 一 🙂"[:limit]), repr(f"{name}-2"[:limit])), None


def may_read_null(spec: ColumnSpec) -> bool:
    """Whether a row of a live database may hold NULL in this column.

    True for NULL-able columns, and for NOT NULL columns without a server default: when such a column is added
    to a table an older version created, migration adds it NULL-able (existing rows have no value;
    handwritten.runtime.schema.diff.add_column_sql), so those rows hold NULL. The primary key is never added.
    """
    if spec.primary_key:
        return False
    return spec.nullable is not False or spec.server_default is None


def _column(table: str, spec: ColumnSpec) -> Column:
    sa_type, py_type, record_type = _TYPES[spec.type]
    nullable = bool(spec.nullable) and not spec.primary_key
    sa_type = sa_type.format(length=spec.length, field=f"{table}.{spec.name}", nullable=nullable)
    mapped_type = f"{py_type} | None" if nullable and py_type != "Any" else py_type
    args: list[str] = []
    attribute = spec.attribute or spec.name
    if spec.attribute:
        args.append(repr(spec.name))
    args.append(sa_type)
    if spec.foreign_key:
        args.append(f"ForeignKey({spec.foreign_key!r})")
    info: dict[str, object] = {}
    if spec.references:
        info["references"] = spec.references  # followed by sldb copy --merge and sldb purge
    if spec.internal:
        info["internal"] = True  # the tests hold records to it: no record holds such a column
    if info:
        args.append(f"info={info!r}")
    if spec.primary_key:
        args.append("primary_key=True")
        if spec.autoincrement:
            args.append("autoincrement=True")
    else:
        args.append(f"nullable={nullable}")
    if spec.index:
        args.append("index=True")
    if spec.unique:
        args.append("unique=True")
    if spec.default is not None:
        args.append(f"default={_default_expr(spec.default)}")
    if spec.server_default is not None:
        args.append(f"server_default={spec.server_default!r}")
    if spec.onupdate is not None:
        args.append("onupdate=func.now()")
    # Date-times read as ISO text, NULL when the column is; see may_read_null for the rest.
    record_nullable = may_read_null(spec) or spec.type == "datetime"
    rtype = f"{record_type} | None" if record_nullable and record_type != "Any" else record_type
    expr = f"iso_datetime(row[{spec.name!r}])" if spec.type == "datetime" else f"row[{spec.name!r}]"
    samples, read_as = _samples(spec)
    return Column(
        name=spec.name,
        attribute=attribute,
        kind=spec.type,
        primary_key=bool(spec.primary_key),
        mapped_type=mapped_type,
        mapped_args=", ".join(args),
        record_type=rtype,
        record_expr=expr,
        values_type=f"{mapped_type} | None" if spec.primary_key else mapped_type,
        samples=samples,
        read_as=read_as,
        parent_table=spec.foreign_key.split(".")[0] if spec.foreign_key else None,
        internal=bool(spec.internal),
    )


def _index(spec: IndexSpec) -> Index:
    args = [repr(spec.name), *(repr(c) for c in spec.columns)]
    if spec.unique:
        args.append("unique=True")
    lengths = dict(spec.mysql_length or {})
    if lengths:
        args.append(f"mysql_length={lengths!r}")
        args.append(f"mariadb_length={lengths!r}")
    if spec.before_create:
        info = {BEFORE_CREATE: spec.before_create}  # read by the migration (handwritten.runtime.schema.migrate)
        args.append(f"info={info!r}")
    return Index(spec.name, tuple(spec.columns), bool(spec.unique), lengths, ", ".join(args))


def _snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _table(spec: TableSpec) -> Table:
    columns = tuple(_column(spec.table, c) for c in spec.columns)
    indexes = tuple(_index(i) for i in spec.indexes)
    uniques = tuple(
        ", ".join([*(repr(c) for c in u.columns), *([f"name={u.name!r}"] if u.name else [])])
        for u in spec.unique_constraints
    )
    rels = tuple(
        Relationship(
            name=r.name,
            mapped_type=f"list[{r.target}]" if r.uselist else r.target,
            args=f"back_populates={r.back_populates!r}, lazy={r.lazy!r}",
        )
        for r in spec.relationships
    )
    table_args = tuple(f"Index({i.args})" for i in indexes) + tuple(f"UniqueConstraint({u})" for u in uniques)
    info: dict[str, object] = {}
    if spec.maintained_by is not None:
        info["maintained_by"] = spec.maintained_by  # sldb copy skips these: the target's triggers rebuild them
    if spec.merge is not None:
        info["merge"] = {"key": list(spec.merge.key), "add": list(spec.merge.add)}
    if info:
        # The last element of __table_args__ holds Table keyword arguments: info is read by sldb copy.
        table_args += (repr({"info": info}),)
    primary = next(c for c in columns if c.primary_key)
    return Table(
        class_name=spec.class_,
        table=spec.table,
        description=spec.description,
        columns=columns,
        indexes=indexes,
        redundant_indexes=tuple((r.name, tuple(r.columns), r.kept, r.reason) for r in spec.redundant_indexes),
        relationships=rels,
        record_name=f"{spec.class_}Record",
        values_name=f"{spec.class_}Values",
        record_function=f"{_snake(spec.class_)}_record",
        repository_name=f"{spec.class_}Repository",
        primary_key=primary,
        table_args=table_args,
    )


def _with_parents(table: Table, tables: dict[str, Table]) -> Table:
    parents = tuple(Parent(c.name, tables[c.parent_table]) for c in table.columns if c.parent_table is not None)
    return replace(table, parents=parents)


def _domain(spec_file: str, spec: DomainSpec, tables: dict[str, Table], domain_of: dict[str, str]) -> Domain:
    own = tuple(_with_parents(tables[t.table], tables) for t in spec.tables)
    # Contract tests insert parent rows of other domains through those domains' repositories.
    imports = {
        (f"sldb.generated.repositories.{domain_of[p.table.table]}", p.table.repository_name)
        for t in own
        for p in t.parents
        if domain_of[p.table.table] != spec.domain
    }
    return Domain(
        name=spec.domain,
        spec_file=spec_file,
        description=spec.description,
        tables=own,
        parent_imports=_grouped(imports),
    )


_RULE_KINDS = {"bigint": "int"}
_RULE_RANGE = re.compile(r"^(-?[0-9]+)\.\.(-?[0-9]+)$")
# The range of int and bigint when the spec gives none (the INTEGER / BIGINT columns of every backend).
_DEFAULT_RANGES = {"int": (-(2**31), 2**31 - 1), "bigint": (-(2**63), 2**63 - 1)}


def rule_expr(value_type: str, lengths: dict[str, int | None]) -> str:
    """The Rule(...) expression of a ValueType (see codegen/facade_schema.json); lengths: 'table.column' ->
    the column's length (None for TEXT)."""
    nullable = value_type.endswith("?")
    words = value_type.rstrip("?").split(" ")
    kind = words[0]
    args = [repr(_RULE_KINDS.get(kind, kind))]
    if kind in _DEFAULT_RANGES:
        low, high = _DEFAULT_RANGES[kind]
        found = _RULE_RANGE.match(words[1]) if len(words) > 1 else None
        if found:
            low, high = int(found.group(1)), int(found.group(2))
        args += [str(low), str(high)]
        if "clamp" in words:
            args.append("clamp=True")
    if kind == "float" and len(words) > 1:
        low_text, high_text = words[1].split("..")
        args += [low_text, high_text]
    if kind == "text" and len(words) > 1:
        limit = int(words[1]) if words[1].isdigit() else lengths.get(words[1])
        if limit is not None:
            args.append(f"max_chars={limit}")
    if nullable:
        args.append("nullable=True")
    return f"Rule({', '.join(args)})"


def _check(method: str, param: str, accepts: Any, annotation: str) -> tuple[str | None, str | None]:
    """(the check expression of a parameter, the Rule constant it uses) for its accepts."""
    if accepts is None:
        return None, None
    constant = f"_{method}_{param}".upper()
    if isinstance(accepts, dict):
        # A parameter typed Any may also be an object with attributes (the plugin's message objects).
        helper = (
            "accept_fields"
            if annotation == "Any"
            else "accept_each"
            if annotation.startswith("list[")
            else "accept_payload"
        )
        extra = ", nullable=True" if "None" in names_in(annotation) else ""
        return f"{helper}({method!r}, {param!r}, {param}, {constant}{extra})", constant
    return f"accept({method!r}, {param!r}, {param}, {constant})", constant


def _method(spec: MethodSpec, tables: dict[str, Table], lengths: dict[str, int | None]) -> Method:
    params_list: list[Param] = []
    rules: list[tuple[str, str]] = []
    for p in spec.params:
        accepts = p.accepts.root if p.accepts is not None and not isinstance(p.accepts, dict) else p.accepts
        check, constant = _check(spec.name, p.name, accepts, p.type)
        if constant is not None:
            if isinstance(accepts, dict):
                items = ", ".join(f"{k!r}: {rule_expr(v.root, lengths)}" for k, v in accepts.items())
                rules.append((constant, f"{{{items}}}"))
            else:
                rules.append((constant, rule_expr(str(accepts), lengths)))
        params_list.append(Param(p.name, p.type, p.default, check))
    params = tuple(params_list)
    impl = spec.impl
    template = impl.template if isinstance(impl, TemplateImpl) else None
    table = tables[impl.table] if isinstance(impl, TemplateImpl) else None
    where = tuple(sorted((k, repr(v)) for k, v in (impl.where or {}).items())) if isinstance(impl, TemplateImpl) else ()
    return Method(
        name=spec.name,
        description=spec.description,
        params=params,
        returns=spec.returns,
        not_ready_default=spec.not_ready_default,
        on_failure=spec.on_failure,
        handwritten=template is None,
        template=template,
        table=table,
        where=where,
        extension=bool(spec.extension),
        access=spec.access,
        db="self._db.replica()" if spec.replica else "self._db",
        retry=spec.retry,
        rules=tuple(rules),
    )


def _projected(spec: ShapeField, table: Table) -> str:
    """The expression that reads one field of a shape from a row of the table it projects."""
    name = spec.from_ or spec.name
    column = next(c for c in table.columns if c.name == name)
    if spec.json_ is not None:
        return _JSON_READERS[spec.json_].format(value=f"row[{name!r}]")
    if spec.null_as is not None:
        return f"{column.record_expr} if row[{name!r}] is not None else {spec.null_as}"
    return column.record_expr


def _shape(spec: ShapeSpec, tables: dict[str, Table]) -> Shape:
    table = tables[spec.projects] if spec.projects is not None else None
    fields = tuple(ShapeKey(f.name, f.type, _projected(f, table) if table is not None else None) for f in spec.fields)
    return Shape(
        name=spec.name,
        docstring=spec.description or spec.name,
        fields=fields,
        projection=_snake(spec.name) if table is not None else None,
        table=spec.projects,
    )


_TYPING_NAMES = frozenset({"Any", "Literal"})


def names_in(annotation: str) -> set[str]:
    """The identifiers an annotation refers to."""
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", annotation))


def _grouped(pairs: set[tuple[str, str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out: dict[str, set[str]] = {}
    for module, name in pairs:
        out.setdefault(module, set()).add(name)
    return tuple((m, tuple(sorted(n))) for m, n in sorted(out.items()))


def annotation_sources(tables: dict[str, Table], domain_of: dict[str, str], shapes: dict[str, str]) -> dict[str, str]:
    """Name -> module of every name an annotation in a facade spec may use."""
    found = {name: "typing" for name in _TYPING_NAMES}
    for table in tables.values():
        found[table.record_name] = f"sldb.generated.records.{domain_of[table.table]}"
    for name, module in shapes.items():
        found[name] = f"sldb.generated.shapes.{module}"
    return found


def _facade(
    spec_file: str,
    spec: FacadeSpec,
    tables: dict[str, Table],
    domain_of: dict[str, str],
    sources: dict[str, str],
    lengths: dict[str, int | None],
) -> Facade:
    methods = tuple(_method(m, tables, lengths) for m in spec.methods)
    repos = {
        (f"sldb.generated.repositories.{domain_of[m.table.table]}", m.table.repository_name)
        for m in methods
        if m.table is not None
    }
    annotations = [p.annotation for m in methods for p in m.params] + [m.returns for m in methods]
    used = {(sources[n], n) for a in annotations for n in names_in(a) if n in sources}
    own_shapes = tuple(_shape(s, tables) for s in spec.shapes)
    shape_names = {
        (sources[n], n) for s in own_shapes for f in s.fields for n in names_in(f.annotation) if n in sources
    }
    own_module = f"sldb.generated.shapes.{spec.module}"
    exports = [s.name for s in own_shapes] + [s.projection for s in own_shapes if s.projection is not None]
    return Facade(
        class_name=spec.facade,
        module=spec.module,
        spec_file=spec_file,
        description=spec.description,
        shapes=own_shapes,
        shape_exports=tuple(sorted(exports)),
        methods=methods,
        repository_imports=_grouped(repos),
        annotation_imports=_grouped(used),
        shape_imports=_grouped({(m, n) for m, n in shape_names if m != own_module}),
        has_handwritten=any(m.handwritten for m in methods),
        attribute=_snake(spec.facade.removesuffix("Facade")),
    )


def build(loaded: Loaded) -> Project:
    """The intermediate model of every spec, domains and facades sorted by name."""
    specs = sorted(loaded.domains, key=lambda d: d[1].domain)
    tables = {t.table: _table(t) for _, spec in specs for t in spec.tables}
    domain_of = {t.table: spec.domain for _, spec in specs for t in spec.tables}
    domains = tuple(_domain(f, s, tables, domain_of) for f, s in specs)
    shapes = {s.name: spec.module for _, spec in loaded.facades for s in spec.shapes}
    sources = annotation_sources(tables, domain_of, shapes)
    lengths = {f"{t.table}.{c.name}": c.length for _, spec in specs for t in spec.tables for c in t.columns}
    facades = tuple(
        sorted((_facade(f, s, tables, domain_of, sources, lengths) for f, s in loaded.facades), key=lambda f: f.module)
    )
    table_specs = {t.table: t for _, spec in specs for t in spec.tables}
    records = {name: (f"sldb.generated.records.{domain_of[name]}", t.record_name) for name, t in tables.items()}
    fast = (fast_module(f, s, table_specs, records) for f, s in sorted(loaded.facades, key=lambda f: f[1].module))
    return Project(domains=domains, facades=facades, fast_modules=tuple(m for m in fast if m is not None))
