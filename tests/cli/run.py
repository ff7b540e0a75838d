"""Running sldb as people do: a subprocess, its exit code, stdout and stderr; never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def sldb(*args: str, cwd: Path = ROOT, timeout: float = 180) -> Done:
    """Run `python -m sldb.handwritten.cli ARGS` with cwd (and the import path) at cwd."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "sldb.handwritten.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return Done(done.returncode, done.stdout, done.stderr)


def ok(*args: str, cwd: Path = ROOT) -> Done:
    """sldb that must succeed."""
    done = sldb(*args, cwd=cwd)
    assert done.code == 0, f"sldb {' '.join(args)} exited {done.code}: {done.err}"
    return done


def fails(*args: str, cwd: Path = ROOT) -> str:
    """sldb that must fail with one line `sldb <command>: ...` on stderr and exit code 1; that line."""
    return one_line(sldb(*args, cwd=cwd), args[0])


def inside(*args: str) -> Done:
    """sldb's main() in this process: the same code path without a new interpreter (for the many cases of a
    command already run once as a subprocess). From an async test, call it through asyncio.to_thread."""
    from sldb.handwritten.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as usage:  # argparse's exit on a usage error
            code = int(usage.code or 0)
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return Done(code, out.getvalue(), err.getvalue())


def one_line(done: Done, command: str) -> str:
    """The single stderr line of a failed command (exit code 1)."""
    assert done.code == 1, f"expected exit 1, got {done.code}: {done.out}{done.err}"
    lines = done.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"sldb {command}: "), done.err
    return lines[0]
