"""sldb new-table / sldb new-column: add to a domain spec (comments and order kept), then regenerate.

The YAML is edited round-trip (ruamel.yaml), so the file changes by exactly the added lines. When the
generator refuses the result, the spec file is put back as it was.
"""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path
from typing import Any, get_args

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from sldb.codegen.errors import SpecErrors
from sldb.codegen.load import load
from sldb.codegen.spec_model import ColumnSpec
from sldb.handwritten.cli.generate import Generated, codegen_dirs, print_generated, run_generator
from sldb.handwritten.cli.output import CliError, Output

COLUMN_TYPES: tuple[str, ...] = get_args(ColumnSpec.model_fields["type"].annotation)
DEFAULT_STRING_LENGTH = 255
MAX_IDENTIFIER = 63  # PostgreSQL's limit, the strictest of the three backends
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, key order and quoting kept
    yaml.width = 4096  # never re-wrap the one-line column mappings
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _check_name(kind: str, name: str) -> None:
    if not _NAME.match(name):
        raise CliError(f"{kind} name {name!r}: use lower-case letters, digits and _, starting with a letter")
    if len(name) > MAX_IDENTIFIER:
        raise CliError(f"{kind} name {name!r} is longer than {MAX_IDENTIFIER} characters")


def _spec_file(schema_dir: Path, domain: str) -> Path:
    path = schema_dir / f"{domain}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in schema_dir.glob("*.yaml"))) or "none"
        raise CliError(f"unknown domain {domain!r}; domains in {schema_dir}: {known}")
    return path


def _edit_and_generate(path: Path, edited: Any, out_dir: Path) -> Generated:
    """Write the edited spec and regenerate; put the spec back if the generator refuses it."""
    original = path.read_text(encoding="utf-8")
    text = io.StringIO()
    _yaml().dump(edited, text)
    path.write_text(text.getvalue(), encoding="utf-8")
    try:
        return run_generator(path.parent, out_dir, write_files=True)
    except SpecErrors as exc:
        path.write_text(original, encoding="utf-8")
        first = str(exc.errors[0]) if exc.errors else str(exc)
        raise CliError(f"the generator refused the change, so {path.name} was left as it was: {first}") from None
    except BaseException:
        path.write_text(original, encoding="utf-8")
        raise


def _flow(*items: tuple[str, Any]) -> CommentedMap:
    """A one-line mapping, as the specs write columns: {name: id, type: integer}."""
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def run_new_table(args: argparse.Namespace, out: Output) -> int:
    schema_dir, out_dir = codegen_dirs(args)
    _check_name("table", args.table)
    path = _spec_file(schema_dir, args.domain)
    class_name = args.class_name or "".join(part.capitalize() for part in args.table.split("_") if part)
    if not re.match(r"^[A-Z][A-Za-z0-9]*$", class_name):
        raise CliError(f"class name {class_name!r}: use CamelCase letters and digits, starting with a capital")
    for _, spec in load(schema_dir).domains:
        for table in spec.tables:
            if table.table == args.table:
                raise CliError(f"table {args.table!r} already exists in schema/{spec.domain}.yaml")
            if table.class_ == class_name:
                raise CliError(f"class {class_name!r} already exists in schema/{spec.domain}.yaml (give --class)")
    data = _yaml().load(path.read_text(encoding="utf-8"))
    description = args.description or f"{class_name} rows (added with sldb new-table; describe them here)."
    data["tables"].append(
        CommentedMap(
            [
                ("class", class_name),
                ("table", args.table),
                ("description", DoubleQuotedScalarString(description)),
                ("in_seed", False),
                (
                    "columns",
                    CommentedSeq(
                        [
                            _flow(("name", "id"), ("type", "integer"), ("primary_key", True), ("autoincrement", True)),
                            _flow(
                                ("name", "created_at"),
                                ("type", "big_integer"),
                                ("nullable", False),
                                ("default", _flow(("factory", "unix_time"))),
                            ),
                        ]
                    ),
                ),
            ]
        )
    )
    result = _edit_and_generate(path, data, out_dir)
    out.json({"added": {"domain": args.domain, "table": args.table, "class": class_name}, **result.summary()})
    out.line(f"added table {args.table} (class {class_name}, columns id, created_at) to {path}")
    print_generated(out, result, out_dir)
    out.line(
        "the next start-up creates the table; add columns with: sldb new-column "
        + f"{args.domain} {args.table} NAME TYPE"
    )
    return 0


def _default_value(raw: str) -> Any:
    """--default read as a YAML scalar, so 0, 1.5 and false are numbers and booleans, anything else text."""
    value = YAML(typ="safe").load(raw)
    if value is None or isinstance(value, (dict, list)):
        raise CliError(f"--default {raw!r}: give a number, true/false or text")
    return value


def _column(args: argparse.Namespace) -> CommentedMap:
    if args.type not in COLUMN_TYPES:
        raise CliError(f"unknown column type {args.type!r}; valid types: {', '.join(COLUMN_TYPES)}")
    items: list[tuple[str, Any]] = [("name", args.name), ("type", args.type)]
    if args.type == "string":
        items.append(("length", args.length or DEFAULT_STRING_LENGTH))
    elif args.length is not None:
        raise CliError(f"--length applies to string columns only, not {args.type}")
    if args.not_null:
        items.append(("nullable", False))
    if args.index:
        items.append(("index", True))
    if args.default is not None:
        items.append(("default", _default_value(args.default)))
    if args.description:
        items.append(("description", args.description))
    return _flow(*items)


def run_new_column(args: argparse.Namespace, out: Output) -> int:
    schema_dir, out_dir = codegen_dirs(args)
    _check_name("column", args.name)
    column = _column(args)
    path = _spec_file(schema_dir, args.domain)
    data = _yaml().load(path.read_text(encoding="utf-8"))
    tables = {str(t["table"]): t for t in data["tables"]}
    table = tables.get(args.table)
    if table is None:
        raise CliError(f"no table {args.table!r} in {path.name}; its tables: {', '.join(sorted(tables))}")
    if any(str(c["name"]) == args.name for c in table["columns"]):
        raise CliError(f"table {args.table} already has a column {args.name!r}")
    table["columns"].append(column)
    result = _edit_and_generate(path, data, out_dir)
    shown = f"{args.type}({column['length']})" if args.type == "string" else args.type
    out.json(
        {"added": {"domain": args.domain, "table": args.table, "column": args.name, "type": shown}, **result.summary()}
    )
    out.line(f"added column {args.table}.{args.name} ({shown}) to {path}")
    print_generated(out, result, out_dir)
    out.line(f"the next start-up adds it: ALTER TABLE {args.table} ADD COLUMN {args.name} ...")
    return 0
