"""Rows written during a fallback to SQLite: the mark start-up leaves, the warning and doctor's report when the
server is back, and `sldb copy --merge` appending them (new ids, references rewritten, jargon counts added),
twice without adding anything the second time."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base, FilteredMessage, Jargon, JargonUsageFrequency, RawMessage
from sldb.handwritten.runtime.lifecycle import fallback
from tests.cli.run import ok
from tests.cli.test_copy import fresh, migrated
from tests.cli.test_database_commands import url_of
from tests.fixtures import BACKENDS


def raw(i: int, text: str) -> dict[str, Any]:
    return {"sender_id": f"u{i}", "message": text, "group_id": "g", "timestamp": i, "created_at": i}


def jargon(content: str, count: int) -> dict[str, Any]:
    return {"chat_id": "g", "content": content, "count": count, "created_at": 1, "updated_at": 1}


async def insert(engine: AsyncEngine, model: Any, row: dict[str, Any]) -> int:
    async with engine.begin() as conn:
        return int((await conn.execute(model.__table__.insert().values(**row))).inserted_primary_key[0])


async def all_of(engine: AsyncEngine, model: Any) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(select(model.__table__).order_by(model.__table__.c.id))).all())


@pytest.mark.parametrize("backend", BACKENDS)
async def test_merge_appends_the_fallback_rows_once(backend: str, tmp_path: Path) -> None:
    primary_config = await fresh(backend, tmp_path, "sldb_merge_primary")
    primary = await migrated(primary_config)
    file_config = await fresh("sqlite", tmp_path, "sldb_merge_fallback")
    fb = await migrated(file_config)
    try:
        # the primary already holds two messages, one filtered, and the jargon "yyds" counted twice
        for i in range(2):
            await insert(primary, RawMessage, raw(i, f"primary {i}"))
        await insert(primary, FilteredMessage, {**raw(0, "primary 0"), "raw_message_id": 1})
        await insert(primary, Jargon, jargon("yyds", 2))
        # the fallback file: a row from before the fallback (the mark's high water), then rows written during it
        await insert(fb, RawMessage, raw(9, "before the fallback"))
        await fallback.mark(fb, "postgresql at 127.0.0.1:1", Base.metadata)
        during = [await insert(fb, RawMessage, raw(10 + i, f"during {i} 𠮷\x00")) for i in range(3)]
        await insert(fb, FilteredMessage, {**raw(11, "during 1 𠮷\x00"), "raw_message_id": during[1]})
        yyds = await insert(fb, Jargon, jargon("yyds", 5))
        await insert(fb, Jargon, jargon("绝绝子", 1))
        await insert(
            fb, JargonUsageFrequency, {"jargon_id": yyds, "group_id": "g", "usage_count": 4, "last_used_at": 1.5}
        )
        path = Path(file_config["messages_db_path"])
        pending = await fallback.pending(path, Base.metadata)
        assert pending.rows == {"raw_messages": 3, "filtered_messages": 1, "jargon": 2, "jargon_usage_frequency": 1}

        args = ("copy", "--merge", "--from", url_of(file_config), "--to", url_of(primary_config), "--json")
        first = {t["table"]: t for t in ok(*args).json()["tables"]}
        assert first["raw_messages"]["merged"] == 3
        assert first["jargon"]["merged"] == 1 and first["jargon"]["updated"] == 1
        raws = await all_of(primary, RawMessage)
        assert [r.message for r in raws] == ["primary 0", "primary 1", *(f"during {i} 𠮷\x00" for i in range(3))]
        by_text = {r.message: r.id for r in raws}
        filtered = await all_of(primary, FilteredMessage)
        assert [(f.message, f.raw_message_id) for f in filtered] == [
            ("primary 0", 1),
            ("during 1 𠮷\x00", by_text["during 1 𠮷\x00"]),
        ]
        jargons = {j.content: j for j in await all_of(primary, Jargon)}
        assert {k: j.count for k, j in jargons.items()} == {"yyds": 7, "绝绝子": 1}
        usage = await all_of(primary, JargonUsageFrequency)
        assert [(u.jargon_id, u.usage_count) for u in usage] == [(jargons["yyds"].id, 4)]
        assert (await fallback.pending(path, Base.metadata)).total == 0  # the file's mark is merged

        again = ok(*args).json()["tables"]
        assert sum(t.get("merged", 0) + t.get("updated", 0) for t in again) == 0
        assert len(await all_of(primary, RawMessage)) == 5
        assert {j.content: j.count for j in await all_of(primary, Jargon)} == {"yyds": 7, "绝绝子": 1}
    finally:
        await primary.dispose()
        await fb.dispose()


async def test_start_marks_a_fallback_and_warns_when_the_server_is_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if "postgresql" not in BACKENDS:
        pytest.skip("only PostgreSQL falls back to SQLite")
    path = tmp_path / "fallback.db"
    down = {
        "db_type": "postgresql",
        "postgresql_host": "127.0.0.1",
        "postgresql_port": 1,
        "messages_db_path": str(path),
    }
    manager = SQLAlchemyDatabaseManager(down)
    await manager.start()
    assert manager.backend == "sqlite"
    await manager.save_raw_message({"group_id": "g", "sender_id": "u1", "message": "写在回退期间", "timestamp": 1})
    await manager.stop()
    assert (await fallback.pending(path, Base.metadata)).rows == {"raw_messages": 1}

    config = {**await fresh("postgresql", tmp_path, "sldb_merge_back"), "messages_db_path": str(path)}
    back = SQLAlchemyDatabaseManager(config)
    with caplog.at_level(logging.WARNING, logger="sldb.fallback"):
        await back.start()
        await back.stop()
        await back.start()  # warned once per file and process
        await back.stop()
    warnings = [r.getMessage() for r in caplog.records if r.name == "sldb.fallback"]
    assert len(warnings) == 1 and str(path) in warnings[0] and "raw_messages 1" in warnings[0]

    config_file = tmp_path / "config.json"
    import json

    config_file.write_text(json.dumps({"Database_Settings": config}), encoding="utf-8")
    report = ok("doctor", "--config", str(config_file), "--json").json()
    assert report["fallback"]["rows"] == {"raw_messages": 1} and report["fallback"]["path"] == str(path)
    shown = ok("doctor", "--config", str(config_file)).out
    assert "during a fallback" in shown
    ok("copy", "--merge", "--from", f"sqlite:///{path}", "--to", url_of(config))
    assert ok("doctor", "--config", str(config_file), "--json").json()["fallback"]["total"] == 0
