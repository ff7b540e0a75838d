"""sldb adopt: a plugin checkout swapped onto this layer, one import per file, on a stand-in checkout.

The stand-in has the plugin's file layout and class names (written here, none of the plugin's code): its manager
module and its models/orm package with submodules. After adopt, the plugin's own imports, relative and absolute,
reach this layer's classes themselves (the same objects, so SQLAlchemy sees one set of tables).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.run import fails, inside

STAND_IN = {
    "sibling_plugin/__init__.py": "",
    "sibling_plugin/services/__init__.py": "",
    "sibling_plugin/services/database/__init__.py": "",
    "sibling_plugin/services/database/sqlalchemy_database_manager.py": (
        "class SQLAlchemyDatabaseManager:\n    def __init__(self, config, context=None):\n        self.config = config\n"
    ),
    "sibling_plugin/services/uses_the_layer.py": (
        "from ..models.orm.message import RawMessage\n"
        "from ..models.orm import Jargon\n"
        "from .database.sqlalchemy_database_manager import SQLAlchemyDatabaseManager\n"
    ),
    "sibling_plugin/models/__init__.py": "",
    "sibling_plugin/models/orm/__init__.py": (
        "from .base import Base\nfrom .message import RawMessage, FilteredMessage\nfrom .jargon import Jargon\n"
        "__all__ = ['Base', 'RawMessage', 'FilteredMessage', 'Jargon']\n"
    ),
    "sibling_plugin/models/orm/base.py": "class Base:\n    pass\n",
    "sibling_plugin/models/orm/message.py": "class RawMessage:\n    pass\n\n\nclass FilteredMessage:\n    pass\n",
    "sibling_plugin/models/orm/jargon.py": "class Jargon:\n    pass\n",
}

CHECK = """
import sldb.generated.models as layer
from sldb.generated.manager import SQLAlchemyDatabaseManager as LayerManager
from sibling_plugin.services import uses_the_layer as user
from sibling_plugin.models.orm.base import Base
assert user.RawMessage is layer.RawMessage and user.Jargon is layer.Jargon and Base is layer.Base
assert user.SQLAlchemyDatabaseManager is LayerManager
print("same classes")
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for name, text in STAND_IN.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "sibling_plugin"


def _contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*.py"))}


def test_dry_run_prints_the_diff_and_writes_nothing(checkout: Path) -> None:
    before = _contents(checkout)
    done = inside("adopt", str(checkout), "--dry-run")
    assert done.code == 0, done.err
    assert "+from sldb.generated.manager import SQLAlchemyDatabaseManager" in done.out
    assert "+from sldb.generated.models.message import RawMessage, FilteredMessage" in done.out
    assert "would rewrite 5 file(s)" in done.out
    assert _contents(checkout) == before


def test_adopt_swaps_each_file_to_one_import_and_the_plugin_imports_the_layer(checkout: Path) -> None:
    done = inside("adopt", str(checkout), "--json")
    assert done.code == 0, done.err
    manager = (checkout / "services/database/sqlalchemy_database_manager.py").read_text()
    assert [line for line in manager.splitlines() if line.startswith(("from", "import"))] == [
        "from sldb.generated.manager import SQLAlchemyDatabaseManager"
    ]
    env = {**os.environ, "PYTHONPATH": f"{checkout.parent}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, check=False)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "same classes"
    # A second run finds nothing to do.
    again = inside("adopt", str(checkout))
    assert again.code == 0 and "already uses sldb" in again.out


def test_a_checkout_it_does_not_know_is_refused_and_left_as_it_is(checkout: Path) -> None:
    (checkout / "models/orm/telemetry.py").write_text("class Probe:\n    pass\n")
    (checkout / "models/orm/jargon.py").write_text("class Jargon:\n    pass\n\n\nclass JargonVote:\n    pass\n")
    before = _contents(checkout)
    line = fails("adopt", str(checkout))
    assert "models/orm/telemetry.py" in line and "JargonVote" in line and "nothing written" in line
    assert _contents(checkout) == before
    assert "is not a checkout of the self-learning plugin" in fails("adopt", str(checkout / "models"))
