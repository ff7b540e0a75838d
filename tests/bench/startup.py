"""Start-up: cold (the database or file does not exist) and warm (the full schema is there).

Every statement start() sends through SQLAlchemy is counted with a before_cursor_execute listener on all
engines (as tests/runtime/test_startup.py counts them), and the catalog reads among them are counted apart.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from tests.bench.data import COLD_DATABASE, bench_settings, remove_database

CATALOG = re.compile(
    r"information_schema|sqlite_master|sqlite_schema|pg_catalog|pg_indexes|pg_class|pg_namespace|pg_database"
    r"|PRAGMA\s+\w*\.?(table_info|table_xinfo|index_list|index_info|index_xinfo|foreign_key_list)"
    r"|^\s*SHOW\s",
    re.IGNORECASE,
)


@dataclass
class StartRun:
    milliseconds: float
    statements: list[str] = field(default_factory=list)

    @property
    def catalog(self) -> int:
        return sum(1 for s in self.statements if CATALOG.search(s))


@dataclass
class StartupResult:
    cold: StartRun
    warm: list[StartRun]

    def as_json(self) -> dict[str, Any]:
        warm_ms = [run.milliseconds for run in self.warm]
        last = self.warm[-1]
        return {
            "cold_ms": round(self.cold.milliseconds, 1),
            "cold_statements": len(self.cold.statements),
            "cold_catalog_statements": self.cold.catalog,
            "warm_ms_median": round(statistics.median(warm_ms), 1),
            "warm_ms_all": [round(ms, 1) for ms in warm_ms],
            "warm_statements": len(last.statements),
            "warm_catalog_statements": last.catalog,
            "warm_statement_list": [" ".join(s.split())[:200] for s in last.statements],
        }


async def _timed_start(settings: dict[str, Any], backend: str) -> StartRun:
    manager = SQLAlchemyDatabaseManager(settings)
    run = StartRun(0.0)

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        run.statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        started = perf_counter()
        await manager.start()
        run.milliseconds = (perf_counter() - started) * 1000
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    try:
        if manager.backend != backend:
            raise RuntimeError(f"started on {manager.backend}, not {backend}")
    finally:
        await manager.stop()
    return run


async def measure_startup(backend: str, folder: Path, warm_runs: int) -> StartupResult:
    """Cold start on a database that does not exist, then warm starts on the schema it created."""
    settings = bench_settings(backend, folder, COLD_DATABASE)
    await remove_database(backend, folder, COLD_DATABASE)
    try:
        cold = await _timed_start(settings, backend)
        warm = [await _timed_start(settings, backend) for _ in range(max(1, warm_runs))]
    finally:
        await remove_database(backend, folder, COLD_DATABASE)
    return StartupResult(cold, warm)
