"""sldb as people run it: a subprocess, its output and exit code, checked against the database it wrote."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_replays_the_data_flow_and_its_summary_matches_the_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handwritten.cli", "demo", "--dir", str(tmp_path), "--messages", "60"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "messages.db") as conn:
        raw = conn.execute("SELECT COUNT(*) FROM raw_messages").fetchone()[0]
        filtered = conn.execute("SELECT COUNT(*) FROM filtered_messages").fetchone()[0]
        unprocessed = conn.execute("SELECT COUNT(*) FROM raw_messages WHERE NOT processed").fetchone()[0]
        approved = conn.execute(
            "SELECT group_id, few_shots_content FROM style_learning_reviews WHERE status = 'approved'"
        ).fetchall()
    assert (raw, unprocessed) == (60, 0)
    assert f"raw_messages: {raw}" in done.stdout and f"filtered_messages: {filtered}" in done.stdout
    assert len(approved) == 3
    for group, shot in approved:
        assert f"few-shots for {group}: [{shot!r}]" in done.stdout


def test_bad_command_is_one_line_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handwritten.cli", "demo", "--messages", "many"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
