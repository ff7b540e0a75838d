"""The runtime's rooms (handwritten/runtime/*/) and what may point at what.

Rooms are layered, lowest first; a module imports only from its own room and the rooms below it. The runtime
is generic: it imports nothing of the generated layer, the plugin's tables, facades or tools, and names none
of the plugin's tables. What particular tables need reaches it through SchemaExtras (schema/extras.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sldb.generated.models import Base

RUNTIME = Path(__file__).resolve().parents[2] / "handwritten" / "runtime"
ROOMS = ("contract", "backends", "failures", "values", "connecting", "cluster", "schema", "queries", "lifecycle")
PLUGIN_SIDE = (
    "sldb.generated",
    "sldb.codegen",
    "sldb.handwritten.tables",
    "sldb.handwritten.facades",
    "sldb.handwritten.cli",
    "sldb.handwritten.data_tools",
)
MAX_LINES = 400  # "about 350": a file over this is split by concern


def _modules() -> list[Path]:
    return sorted(p for p in RUNTIME.rglob("*.py") if p.name != "__init__.py")


def _imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_every_runtime_module_sits_in_a_room() -> None:
    loose = [p.name for p in RUNTIME.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert sorted(p.name for p in RUNTIME.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(ROOMS)
    for room in ROOMS:
        assert (RUNTIME / room / "__init__.py").read_text(encoding="utf-8").startswith('"""'), room


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_module_imports_only_its_room_and_the_rooms_below(path: Path) -> None:
    rank = ROOMS.index(path.parent.name)
    for module in _imports(path):
        assert not module.startswith(PLUGIN_SIDE), f"{path.name} imports {module}"
        if module.startswith("sldb.handwritten.runtime."):
            room = module.split(".")[3]
            assert ROOMS.index(room) <= rank, f"{path.parent.name}/{path.name} imports the higher room {room}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_module_names_no_plugin_table_and_stays_short(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tables = set(Base.metadata.tables)
    named = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in tables
    }
    assert named == set(), f"{path.name} names plugin tables"
    assert len(source.splitlines()) <= MAX_LINES, f"{path.name}: split it by concern"
