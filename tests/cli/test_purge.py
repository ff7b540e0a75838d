"""sldb purge as a subprocess on each backend: each filter removes exactly its messages and the rows that refer
to them (filtered messages of purged raw messages, quality metrics of purged bot messages); the other groups'
rows are untouched; no filter, or no terminal without --yes, refuses; --dry-run only counts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.generated.models import Base, BotMessage, ConversationQualityMetrics, FilteredMessage, RawMessage
from tests.cli.run import fails, ok
from tests.cli.test_copy import fresh, migrated
from tests.cli.test_database_commands import url_of
from tests.fixtures import BACKENDS

TABLES = (RawMessage, FilteredMessage, BotMessage, ConversationQualityMetrics)
# (group, sender, timestamp, text) of each raw message; a filtered copy is kept of each, and the bot answers each
MESSAGES = [
    ("g1", "alice", 100, "hello 你好"),
    ("g1", "logbot", 200, "[INFO] plugin loaded"),
    ("g1", "bob", 300, "[INFO] not a log, bob says"),
    ("g2", "alice", 150, "g2 chat 𠮷"),
    ("g2", "logbot", 250, "[INFO] other group log"),
]


@pytest.fixture(scope="module")
def tmp_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("purge")


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, tmp_dir: Path) -> AsyncIterator[tuple[dict[str, Any], AsyncEngine]]:
    config = await fresh(str(request.param), tmp_dir, "sldb_purge")
    engine = await migrated(config)
    async with engine.begin() as conn:
        for i, (group, sender, ts, text) in enumerate(MESSAGES, start=1):
            row = {"sender_id": sender, "message": text, "group_id": group, "timestamp": ts, "created_at": ts}
            await conn.execute(RawMessage.__table__.insert().values(id=i, **row))
            await conn.execute(FilteredMessage.__table__.insert().values(id=i, raw_message_id=i, **row))
            await conn.execute(
                BotMessage.__table__.insert().values(
                    id=i, group_id=group, message=f"re: {text}", timestamp=ts, created_at=ts
                )
            )
            await conn.execute(
                ConversationQualityMetrics.__table__.insert().values(
                    id=i, group_id=group, message_id=i, calculated_at=ts
                )
            )
    try:
        yield config, engine
    finally:
        await engine.dispose()


async def contents(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    async with engine.connect() as conn:
        for model in TABLES:
            t = model.__table__
            found[t.name] = [tuple(r) for r in (await conn.execute(select(t).order_by(t.c.id))).all()]
    return found


CASES = {
    # filter arguments -> raw message ids purged (each takes its filtered copy along)
    "group": (("--group", "g2"), {4, 5}),
    "sender": (("--sender", "logbot"), {2, 5}),
    "before": (("--before", "1970-01-01T00:02:30Z"), {1}),  # 150 s: strictly before
    "after": (("--after", "250"), {3, 5}),
    "matching": (("--matching", r"^\[INFO\] (plugin|other)"), {2, 5}),
    "combined": (("--group", "g1", "--matching", "INFO", "--after", "250"), {3}),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_each_filter_removes_exactly_its_rows(case: str, database: Any) -> None:
    config, engine = database
    args, raw_ids = CASES[case]
    before = await contents(engine)
    dry = ok("purge", "--url", url_of(config), *args, "--dry-run", "--json").json()
    assert await contents(engine) == before
    # bot messages have no sender, and their text starts "re: " (so the anchored regex misses them)
    bot_ids = set() if case in ("sender", "matching") else raw_ids
    expected = {
        "raw_messages": len(raw_ids),
        "filtered_messages": len(raw_ids),
        "bot_messages": len(bot_ids),
        "conversation_quality_metrics": len(bot_ids),
    }
    expected = {k: v for k, v in sorted(expected.items()) if v}
    assert dry["would_remove"] == expected and dry["removed"] == {}
    done = ok("purge", "--url", url_of(config), *args, "--yes", "--json", "--batch", "1").json()
    assert done["removed"] == expected
    after = await contents(engine)
    for name, rows in before.items():
        gone = bot_ids if name in ("bot_messages", "conversation_quality_metrics") else raw_ids
        assert after[name] == [r for r in rows if r[0] not in gone], name


async def test_a_time_without_an_offset_is_host_local_as_in_the_facades(
    database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under UTC+8, 08:02:30 on 1 January 1970 is 150 s (as values.epoch_seconds reads it for the facades), not
    8 hours later, which would take every message (issue 22)."""
    config, _ = database
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    for flag, text, raw_ids in (("--before", "1970-01-01T08:02:30", {1}), ("--after", "1970-01-01T08:04:10", {3, 5})):
        dry = ok("purge", "--url", url_of(config), flag, text, "--dry-run", "--json").json()
        assert dry["would_remove"].get("raw_messages") == len(raw_ids), (flag, text, dry)
    assert "host-local time" in fails("purge", "--url", url_of(config), "--before", "yesterday")


async def test_refuses_without_a_filter_or_a_terminal(database: Any) -> None:
    config, engine = database
    before = await contents(engine)
    assert "without a filter" in fails("purge", "--url", url_of(config))
    assert "--yes is required" in fails("purge", "--url", url_of(config), "--group", "g1")
    assert "regular expression" in fails("purge", "--url", url_of(config), "--matching", "(")
    assert await contents(engine) == before
    assert Base.metadata.tables["raw_messages"] is RawMessage.__table__
