"""Stage 1, load: read the YAML specs into typed objects, remembering where each value stood.

A mistake becomes a SpecError naming the file, the line, the table or method, and the field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sldb.codegen.errors import SpecError, SpecErrors
from sldb.codegen.facade_model import FacadeSpec
from sldb.codegen.spec_model import DomainSpec

Path_ = tuple[str | int, ...]
SpecT = TypeVar("SpecT", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    """Every spec of a schema folder, sorted by name."""

    domains: tuple[tuple[str, DomainSpec], ...]
    facades: tuple[tuple[str, FacadeSpec], ...]
    lines: Mapping[str, Mapping[Path_, int]]

    def line(self, file: str, *path: str | int) -> int:
        """The line of the value at path in file, or of its nearest enclosing value."""
        return _line_for(self.lines.get(file, {}), path)


def _node_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            lines[(*path, name)] = key.start_mark.line + 1
            _node_lines(value, (*path, name), lines)
            lines[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), lines)


def _read_yaml(file: Path, shown: str) -> tuple[Any, dict[Path_, int]]:
    try:
        text = file.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise SpecErrors([SpecError(shown, line, "", f"not valid YAML: {exc.problem}")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecErrors([SpecError(shown, 0, "", f"cannot be read: {exc}")]) from None
    lines: dict[Path_, int] = {}
    if node is not None:
        _node_lines(node, (), lines)
    return data, lines


def _name_of(item: Any) -> str | None:
    if isinstance(item, Mapping):
        for key in ("table", "name"):
            if isinstance(item.get(key), str):
                return str(item[key])
    return None


_KIND = {
    "tables": "table",
    "columns": "column",
    "indexes": "index",
    "methods": "method",
    "params": "parameter",
    "shapes": "shape",
    "fields": "field",
    "relationships": "relationship",
    "unique_constraints": "unique constraint",
    "redundant_indexes": "redundant index",
}


def describe(data: Any, loc: Sequence[str | int]) -> tuple[Path_, str]:
    """The part of loc that exists in data, and a reader's description of it."""
    parts: list[str] = []
    here: Any = data
    known: list[str | int] = []
    parent = ""
    for step in loc:
        if isinstance(step, int) and isinstance(here, list) and 0 <= step < len(here):
            here = here[step]
            name = _name_of(here)
            parts.append(f"{_KIND.get(parent, parent)} {name}" if name else f"{_KIND.get(parent, parent)} #{step + 1}")
        elif isinstance(step, str) and isinstance(here, Mapping):
            if step not in here:
                parts.append(f"field '{step}'")
                known.append(step)
                break
            here = here[step]
            if step not in _KIND:
                parts.append(f"field '{step}'")
            parent = step
        else:
            break
        known.append(step)
    return tuple(known), ", ".join(parts)


def _line_for(lines: Mapping[Path_, int], path: Path_) -> int:
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return 0


def _errors_of(exc: ValidationError, data: Any, lines: Mapping[Path_, int], shown: str) -> list[SpecError]:
    by_place: dict[Path_, list[str]] = {}
    wheres: dict[Path_, str] = {}
    for err in exc.errors():
        path, where = describe(data, err["loc"])
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "is not a field of this spec format"
        elif err["type"] == "missing":
            message = "is required"
        by_place.setdefault(path, []).append(message)
        wheres[path] = where
    found = []
    for path, messages in by_place.items():
        unique = list(dict.fromkeys(messages))
        message = unique[0] if len(unique) == 1 else "matches none of the accepted forms (" + "; ".join(unique) + ")"
        found.append(SpecError(shown, _line_for(lines, path), wheres[path], message))
    return found


def _load_one(
    file: Path, shown: str, model: type[SpecT], name_field: str, all_lines: dict[str, Mapping[Path_, int]]
) -> SpecT:
    data, lines = _read_yaml(file, shown)
    all_lines[shown] = lines
    if not isinstance(data, dict):
        raise SpecErrors([SpecError(shown, 1, "", "must be a mapping with the spec's fields")])
    try:
        spec = model.model_validate(data)
    except ValidationError as exc:
        raise SpecErrors(_errors_of(exc, data, lines, shown)) from None
    if data.get(name_field) != file.stem:
        raise SpecErrors(
            [
                SpecError(
                    shown,
                    _line_for(lines, (name_field,)),
                    f"field '{name_field}'",
                    f"must equal the file name '{file.stem}'",
                )
            ]
        )
    return spec


def spec_files(schema_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every spec file of a schema folder, in a stable order, with the name shown in errors."""
    base = schema_dir.parent
    for file in sorted(schema_dir.glob("*.yaml")):
        yield file, str(file.relative_to(base))
    for file in sorted((schema_dir / "facades").glob("*.yaml")):
        yield file, str(file.relative_to(base))


def load(schema_dir: Path) -> Loaded:
    """Load every spec; raise SpecErrors listing every broken file's errors."""
    errors: list[SpecError] = []
    domains: list[tuple[str, DomainSpec]] = []
    facades: list[tuple[str, FacadeSpec]] = []
    lines: dict[str, Mapping[Path_, int]] = {}
    for file, shown in spec_files(schema_dir):
        try:
            if file.parent.name == "facades":
                facades.append((shown, _load_one(file, shown, FacadeSpec, "module", lines)))
            else:
                domains.append((shown, _load_one(file, shown, DomainSpec, "domain", lines)))
        except SpecErrors as exc:
            errors.extend(exc.errors)
    if not domains and not errors:
        errors.append(SpecError(str(schema_dir), 0, "", "holds no domain spec (*.yaml)"))
    if errors:
        raise SpecErrors(errors)
    return Loaded(tuple(domains), tuple(facades), lines)
