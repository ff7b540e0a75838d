"""What a user installs: the wheel built from this checkout holds one top-level package, sldb, with every package
folder of the repository's codegen/, generated/ and handwritten/ (the contract tests excepted); installed with no
extra into a fresh virtual environment it runs the data layer on SQLite and brings none of the tools.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("codegen", "generated", "handwritten")
# What the cli extra brings; the runtime install must not.
TOOLS = ("jinja2", "rich", "ruamel", "pydantic", "yaml")

pytestmark = pytest.mark.slow

RUN_THE_LAYER = """
import asyncio, sys
from sldb.generated.manager import SQLAlchemyDatabaseManager

async def main():
    db = SQLAlchemyDatabaseManager({"db_type": "sqlite", "messages_db_path": sys.argv[1]})
    await db.start()
    key = await db.save_raw_message({"sender_id": "42", "message": "你好", "group_id": "g1", "timestamp": 1735701000})
    (row,) = await db.get_recent_raw_messages("g1", 5)
    assert row["id"] == key and row["message"] == "你好", row
    await db.stop()
    print("ok", key)

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("sldb-*.whl")
    return built


def _package_folders() -> set[str]:
    """Every folder of the repository's parts that is a package, as the wheel names it."""
    found = set()
    for part in PARTS:
        for init in (ROOT / part).rglob("__init__.py"):
            folder = init.parent.relative_to(ROOT).as_posix()
            if "contract_tests" not in folder:
                found.add(f"sldb/{folder}")
    return found


def test_the_wheel_installs_only_sldb_with_every_package_folder(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"sldb"}
    folders = {name.rsplit("/", 1)[0] for name in names if name.endswith("/__init__.py")}
    assert _package_folders() <= folders, sorted(_package_folders() - folders)
    assert not [name for name in names if "contract_tests" in name]
    # The files the runtime and the tools read that are not Python.
    assert "sldb/py.typed" in names
    assert any(name.startswith("sldb/codegen/templates/") and name.endswith(".j2") for name in names)
    assert "sldb/handwritten/cli/data/chat_log.jsonl" in names


def test_the_runtime_install_runs_the_layer_without_the_tools(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    clean = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, env=clean, timeout=600, capture_output=True
    )
    missing = subprocess.run(
        [str(python), "-c", f"import importlib.util as u; print([m for m in {TOOLS!r} if u.find_spec(m)])"],
        check=True,
        env=clean,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert missing.stdout.strip() == "[]"
    ran = subprocess.run(
        [str(python), "-c", RUN_THE_LAYER, str(tmp_path / "messages.db")],
        env=clean,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout: the installed package is what runs
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("ok ")
    # The console script is there and names the extra it needs.
    command = subprocess.run(
        [str(env_dir / "bin" / "sldb"), "doctor"], env=clean, capture_output=True, text=True, cwd=tmp_path
    )
    assert command.returncode == 1
    assert "pip install 'sldb[cli]'" in command.stderr
