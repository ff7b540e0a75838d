"""sldb generate / check / new-table / new-column, on a copy of the project, as subprocesses."""

from __future__ import annotations

import difflib
import json
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from tests.cli.run import ROOT, fails, inside, ok, one_line

PROJECT_PARTS = ("sldb", "codegen", "generated", "handwritten", "schema", "pyproject.toml")
START_ONCE = """
import asyncio, sys
from sldb.generated.manager import SQLAlchemyDatabaseManager

async def main():
    manager = SQLAlchemyDatabaseManager({"db_type": "sqlite", "messages_db_path": sys.argv[1]})
    await manager.start()
    await manager.stop()

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project that the commands may change."""
    copy = tmp_path_factory.mktemp("project")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, copy / part)
    return copy


def dirs(project: Path) -> tuple[str, ...]:
    return ("--schema", str(project / "schema"), "--out", str(project / "generated"))


def start_manager(project: Path, database: Path) -> None:
    """Start and stop the copy's data layer on an SQLite file, in its own process, as the plugin would."""
    subprocess.run(
        [sys.executable, "-c", START_ONCE, str(database)], cwd=project, env={"PYTHONPATH": str(project)}, check=True
    )


def columns(database: Path, table: str) -> list[str]:
    with sqlite3.connect(database) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def indexes(database: Path, table: str) -> set[str]:
    with sqlite3.connect(database) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA index_list({table})")}


def test_check_names_a_stale_file_and_generate_rewrites_it(project: Path) -> None:
    on_disk = sorted(p for p in (project / "generated").rglob("*.py") if "__pycache__" not in p.parts)
    victim = project / "generated" / "models" / "jargon.py"
    original = victim.read_text(encoding="utf-8")
    victim.write_text(original + "# edited by hand\n", encoding="utf-8")

    line = fails("check", cwd=project)
    assert line == "sldb check: 1 generated file(s) are stale: run sldb generate"
    written = ok("generate", "--json", cwd=project).json()
    assert written["written"] == ["models/jargon.py"] and written["removed"] == []
    assert written["unchanged"] == len(on_disk) - 1
    assert written["domain_specs"] == len(list((project / "schema").glob("*.yaml")))
    assert written["facade_specs"] == len(list((project / "schema" / "facades").glob("*.yaml")))
    assert victim.read_text(encoding="utf-8") == original


def test_new_column_and_new_table_edit_only_their_lines_and_the_next_start_adds_them(project: Path) -> None:
    database = project / "old.db"
    start_manager(project, database)  # a database made before the change
    assert "mood" not in columns(database, "raw_messages")
    spec = project / "schema" / "message.yaml"
    before = spec.read_text(encoding="utf-8")

    added = ok(
        "new-column", "message", "raw_messages", "mood", "string", "--length", "32", "--index", "--json", cwd=project
    )
    result = added.json()
    assert result["added"] == {"domain": "message", "table": "raw_messages", "column": "mood", "type": "string(32)"}
    assert "models/message.py" in result["written"]
    changed = [
        line
        for line in difflib.ndiff(before.splitlines(), spec.read_text(encoding="utf-8").splitlines())
        if line.startswith(("+ ", "- "))
    ]
    assert changed == ["+       - {name: mood, type: string, length: 32, index: true}"]  # comments and order kept

    table = ok("new-table", "message", "chat_topics", cwd=project)
    assert "added table chat_topics (class ChatTopics" in table.out
    clean = inside("check", *dirs(project), "--json").json()
    assert clean["up_to_date"] and clean["stale"] == []
    specs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in (project / "schema").glob("*.yaml")]
    assert clean["tables"] == sum(len(spec["tables"]) for spec in specs)

    start_manager(project, database)  # the next start-up
    assert columns(database, "raw_messages")[-1] == "mood"
    assert "ix_raw_messages_mood" in indexes(database, "raw_messages")
    assert columns(database, "chat_topics") == ["id", "created_at"]


def test_spec_edits_refused_with_one_line_and_nothing_changed(project: Path) -> None:
    spec = project / "schema" / "message.yaml"
    before = spec.read_text(encoding="utf-8")
    allowed = json.loads((ROOT / "codegen" / "spec_schema.json").read_text())["$defs"]["ColumnSpec"]["properties"]
    as_people_do = {
        ("new-column", "messages", "raw_messages", "x", "string"): "sldb new-column: unknown domain 'messages'; ",
        ("new-column", "message", "raw_messages", "x", "varchar"): (
            f"sldb new-column: unknown column type 'varchar'; valid types: {', '.join(allowed['type']['enum'])}"
        ),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:  # independent refusals: run them side by side
        lines = dict(zip(as_people_do, pool.map(lambda args: fails(*args, cwd=project), as_people_do), strict=True))
    for args, expected in as_people_do.items():
        assert lines[args].startswith(expected), (args, lines[args])
    assert "message," in lines[("new-column", "messages", "raw_messages", "x", "string")]

    in_process = {
        ("new-column", "message", "raw_messages", "message", "text"): (
            "sldb new-column: table raw_messages already has a column 'message'"
        ),
        ("new-table", "jargon", "raw_messages"): (
            "sldb new-table: table 'raw_messages' already exists in schema/message.yaml"
        ),
        ("new-table", "jargon", "jargon_archive", "--class", "Jargon"): (
            "sldb new-table: class 'Jargon' already exists in schema/jargon.yaml (give --class)"
        ),
        ("new-column", "message", "raw_messages", "Mood", "string"): (
            "sldb new-column: column name 'Mood': use lower-case letters, digits and _, starting with a letter"
        ),
        # The generator's own rule: a TEXT index needs a prefix length on MySQL; the spec is put back.
        ("new-column", "message", "raw_messages", "body", "text", "--index"): (
            "sldb new-column: the generator refused the change, so message.yaml was left as it was: "
            "schema/message.yaml:"
        ),
    }
    for args, expected in in_process.items():
        line = one_line(inside(*args, *dirs(project)), args[0])
        assert line.startswith(expected), (args, line)
    assert spec.read_text(encoding="utf-8") == before
