"""The benchmark is not run by the tests, so a module of it that no longer imports (a moved runtime module) would
go unnoticed until someone measures: every module of tests/bench is imported here."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

MODULES = sorted(p.stem for p in Path(__file__).parent.glob("*.py") if p.stem not in ("__init__", "test_imports"))


@pytest.mark.parametrize("module", MODULES)
def test_every_benchmark_module_imports(module: str) -> None:
    assert importlib.import_module(f"tests.bench.{module}").__name__ == f"tests.bench.{module}"
