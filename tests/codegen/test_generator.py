"""The generator: golden output for a small spec, the exact message of every check rule, and freshness.

SLDB_UPDATE_GOLDENS=1 rewrites the golden files on purpose (then review the diff).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sldb.codegen.errors import SpecErrors
from sldb.codegen.pipeline import ROOT, project_of, rendered
from sldb.codegen.write import diff, write

HERE = Path(__file__).parent
CASES = HERE / "cases"
ERRORS = HERE / "errors"


def _expected_dir(case: str) -> Path:
    return CASES / case / "expected"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden_output(case: str) -> None:
    files = rendered(CASES / case / "schema")
    expected = _expected_dir(case)
    if os.environ.get("SLDB_UPDATE_GOLDENS") == "1":
        write(files, expected)
    assert diff(files, expected) == ""


def test_golden_header_names_its_spec() -> None:
    files = rendered(CASES / "basic" / "schema")
    assert files["models/library.py"].startswith("# Generated from schema/library.yaml by codegen. Do not edit.\n")
    assert files["facades/library.py"].startswith(
        "# Generated from schema/facades/library.yaml by codegen. Do not edit.\n"
    )
    assert all(text.startswith("# Generated from schema/") for text in files.values())


def test_output_is_deterministic() -> None:
    assert rendered(CASES / "basic" / "schema") == rendered(CASES / "basic" / "schema")


@pytest.mark.parametrize("case", sorted(p.name for p in ERRORS.iterdir() if p.is_dir()))
def test_error_message(case: str) -> None:
    expected = (ERRORS / case / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(SpecErrors) as caught:
        project_of(ERRORS / case / "schema")
    assert [str(e) for e in caught.value.errors] == [expected]


def test_cli_reports_errors_without_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sldb.codegen", "check", "--schema", str(ERRORS / "unknown_type" / "schema")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "table items, column price, field 'type'" in done.stderr


def test_check_fails_naming_a_stale_file(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write(rendered(CASES / "basic" / "schema"), out)
    (out / "models" / "library.py").write_text("# edited by hand\n", encoding="utf-8")
    (out / "orphan.py").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sldb.codegen", "check", "--schema", str(CASES / "basic" / "schema"), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert "stale: generated/models/library.py" in done.stderr
    assert "stale: generated/orphan.py" in done.stderr
    assert "+# Generated from schema/library.yaml" in done.stdout


def test_committed_generated_is_fresh() -> None:
    assert diff(rendered(ROOT / "schema"), ROOT / "generated") == ""
