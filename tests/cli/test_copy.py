"""sldb copy as a subprocess, on every pair of backends: every column type and hostile text arrives as it left,
ids and sequences follow, the checksum catches a row altered on the target, an interrupted copy resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.generated.models import Base, RawMessage
from sldb.handwritten.data_tools import copy as copying
from sldb.handwritten.data_tools import verify as verifying
from sldb.handwritten.runtime.connecting.bootstrap import ensure_database
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.schema.migrate import migrate
from tests.backends import db_name
from tests.cli.copy_data import seed
from tests.cli.run import ROOT, fails, ok
from tests.cli.test_database_commands import url_of
from tests.fixtures import BACKENDS, drop_database, settings_for

PAIRS = [(s, t) for s in BACKENDS for t in BACKENDS]


def config_of(backend: str, tmp: Path, name: str) -> dict[str, Any]:
    return settings_for(backend, tmp, database=db_name(name), schema="copied")


async def fresh(backend: str, tmp: Path, name: str) -> dict[str, Any]:
    """A database that does not exist yet (removed if an earlier run left it)."""
    config = config_of(backend, tmp, name)
    await drop_database(backend, config.get("mysql_database") or config.get("postgresql_database") or "")
    Path(config.get("messages_db_path", tmp / "none")).unlink(missing_ok=True)
    return config


def engine_of(config: dict[str, Any]) -> AsyncEngine:
    return create_engine_for(DatabaseSettings.from_config(config).url(), PoolOptions(max_connections=2))


async def migrated(config: dict[str, Any]) -> AsyncEngine:
    await ensure_database(DatabaseSettings.from_config(config))
    engine = engine_of(config)
    await migrate(engine, Base.metadata)
    return engine


@pytest.fixture(scope="module")
def tmp_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("copy")


@pytest.fixture(scope="module")
async def sources(tmp_dir: Path) -> AsyncIterator[dict[str, tuple[dict[str, Any], dict[str, int]]]]:
    """A seeded source database on each backend: its settings and rows per table."""
    made = {}
    for backend in BACKENDS:
        config = await fresh(backend, tmp_dir, f"sldb_cp_src_{backend}")
        engine = await migrated(config)
        made[backend] = (config, await seed(engine))
        await engine.dispose()
    yield made


async def rows_of(engine: AsyncEngine, table: str) -> list[dict[str, Any]]:
    t = Base.metadata.tables[table]
    async with engine.connect() as conn:
        return [dict(r._mapping) for r in (await conn.execute(select(t).order_by(*copying.key_of(t)))).all()]


@pytest.mark.parametrize(("src", "dst"), PAIRS, ids=[f"{s}-to-{t}" for s, t in PAIRS])
async def test_copy_between_backends(src: str, dst: str, sources: Any, tmp_dir: Path) -> None:
    source, counts = sources[src]
    target = await fresh(dst, tmp_dir, f"sldb_cp_{src}_{dst}")
    report = ok("copy", "--from", url_of(source), "--to", url_of(target), "--json", "--batch", "2").json()
    assert report["verified"] is True and report["mismatches"] == []
    copied = {t["table"]: t["copied"] for t in report["tables"]}
    assert copied == counts
    s_engine, t_engine = engine_of(source), engine_of(target)
    try:
        whole = copying.whole_seconds_for(s_engine.dialect.name, t_engine.dialect.name)
        for table in ("raw_messages", "jargon", "conversation_context", "filtered_messages"):
            columns = [c.name for c in Base.metadata.tables[table].columns]
            theirs = await rows_of(t_engine, table)
            mine = await rows_of(s_engine, table)
            assert [[verifying.canonical(r[c], whole) for c in columns] for r in theirs] == [
                [verifying.canonical(r[c], whole) for c in columns] for r in mine
            ]
        # the sequence / AUTO_INCREMENT is past the copied ids
        async with t_engine.begin() as conn:
            new_id = (
                await conn.execute(
                    RawMessage.__table__.insert().values(sender_id="u", message="m", timestamp=1, created_at=1)
                )
            ).inserted_primary_key[0]
        assert new_id == counts["raw_messages"] + 1
        # a row altered on the target is caught, by table and id
        async with t_engine.begin() as conn:
            await conn.execute(update(RawMessage).where(RawMessage.id == 2).values(message="changed"))
            await conn.execute(RawMessage.__table__.delete().where(RawMessage.id == new_id))
    finally:
        await s_engine.dispose()
        await t_engine.dispose()
    line = fails("copy", "--from", url_of(source), "--to", url_of(target), "--verify")
    assert "raw_messages" in line and "id 2" in line and "message" in line
    again = fails("copy", "--from", url_of(source), "--to", url_of(target))
    assert "not empty" in line or "not empty" in again


def _interruptible() -> None:
    # A test run started in the background of a non-interactive shell (`make test &`) ignores SIGINT, and a child
    # inherits that: its Python would then never raise KeyboardInterrupt, and the copy would run to its end.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _popen(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "sldb.handwritten.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_interruptible,
    )


async def _copied(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(RawMessage))).scalar_one())


async def _stop_when_copying(proc: subprocess.Popen[str], engine: AsyncEngine, sig: int, above: int) -> tuple[int, str]:
    """Send sig once the target holds more than `above` raw messages; the count at that moment, and stderr."""
    seen = above
    while proc.poll() is None:
        try:
            seen = await _copied(engine)
        except Exception:  # the table is not there yet
            seen = above
        if seen > above:
            proc.send_signal(sig)
            break
        time.sleep(0.02)
    _, err = proc.communicate(timeout=120)
    return seen, err


@pytest.mark.parametrize("dst", BACKENDS)
async def test_resume_after_an_interrupted_and_a_killed_copy(dst: str, tmp_dir: Path) -> None:
    source = await fresh("sqlite", tmp_dir, f"sldb_cp_big_{dst}")
    engine = await migrated(source)
    async with engine.begin() as conn:
        await conn.execute(
            RawMessage.__table__.insert(),
            [{"sender_id": f"u{i}", "message": f"消息 {i}", "timestamp": i, "created_at": i} for i in range(3000)],
        )
    await engine.dispose()
    target = await fresh(dst, tmp_dir, f"sldb_cp_resume_{dst}")
    await ensure_database(DatabaseSettings.from_config(target))
    t_engine = engine_of(target)
    try:
        args = ("copy", "--from", url_of(source), "--to", url_of(target), "--batch", "1")
        first = _popen(*args)
        seen, message = await _stop_when_copying(first, t_engine, signal.SIGINT, 0)
        assert first.returncode == 1 and 0 < seen < 3000, message
        assert "--resume" in message and "Traceback" not in message, message
        assert "interrupted copy" in fails(*args)  # without --resume: refused
        second = _popen(*args, "--resume")
        await _stop_when_copying(second, t_engine, signal.SIGKILL, seen + 5)
        assert second.returncode == -signal.SIGKILL
        report = ok(*args, "--resume", "--json").json()
        assert report["verified"] is True
        assert {t["table"]: t["copied"] for t in report["tables"]}["raw_messages"] == 3000
        assert await _copied(t_engine) == 3000
        async with t_engine.connect() as conn:
            ids = (await conn.execute(text("SELECT COUNT(DISTINCT id) FROM raw_messages"))).scalar_one()
        assert ids == 3000
    finally:
        await t_engine.dispose()
