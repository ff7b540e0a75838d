"""A clean checkout must hold every file the code reads at run time: none of them may be ignored by git.

The chat log `sldb demo` replays once sat under a `data/` ignore rule: every test passed here, where the file
existed, and failed on the clean checkout CI runs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("schema", "codegen", "generated", "handwritten", "tests")
BUILD_LEFTOVERS = ("__pycache__", ".pyc", ".egg-info")


def test_no_shipped_file_is_ignored_by_git() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git work tree")
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", *SHIPPED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    ignored = [path for path in listed if not any(part in path for part in BUILD_LEFTOVERS)]
    assert ignored == [], f"files git ignores, so a clean checkout lacks them: {ignored}"
    assert (ROOT / "handwritten" / "cli" / "data" / "chat_log.jsonl").is_file()
