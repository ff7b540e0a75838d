"""The layer's own columns stay inside, on every backend: raw_messages.ingest_key and jargon.content_key are
stored, but the manager's reads return exactly the plugin's columns (tests/reference/schema.json), which its
WebUI passes on to browsers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.repositories.message import RawMessageRepository

REFERENCE = json.loads((Path(__file__).parent.parent / "reference" / "schema.json").read_text(encoding="utf-8"))
PLUGIN_COLUMNS = {t["table"]: {c["name"] for c in t["columns"]} for ts in REFERENCE["files"].values() for t in ts}


async def _stored(db: Any, column: Any, row_id: int) -> Any:
    """One column of one row, read past the records (which leave internal columns out)."""
    table = column.table
    async with db.transaction() as session:
        return (await session.execute(select(column).where(table.c.id == row_id))).scalar_one()


async def test_raw_message_reads_hold_no_ingest_key(db: Any) -> None:
    message_id = await db.save_raw_message(
        {
            "sender_id": "u1",
            "message": "早",
            "group_id": "g1",
            "timestamp": 1700000000,
            "platform": "qq",
            "message_id": 7,
        }
    )
    assert await _stored(db, RawMessageRepository.table.c.ingest_key, message_id) is not None

    for group_id in ("g1", ""):  # a group's messages, and every group's
        [row] = await db.get_recent_raw_messages(group_id)
        assert row["id"] == message_id
        assert "ingest_key" not in row
        assert set(row) == PLUGIN_COLUMNS["raw_messages"]


async def test_jargon_reads_hold_no_content_key(db: Any) -> None:
    jargon_id = await db.insert_jargon({"chat_id": "c1", "content": "YYDS", "meaning": "forever", "is_jargon": True})
    assert isinstance(jargon_id, int)
    assert await db.set_jargon_global(jargon_id, True)
    assert await _stored(db, JargonRepository.table.c.content_key, jargon_id) == "yyds"

    found = {
        "get_jargon": [await db.get_jargon("c1", "YYDS")],
        "get_jargon_by_id": [await db.get_jargon_by_id(jargon_id)],
        "get_recent_jargon_list": await db.get_recent_jargon_list(chat_id="c1"),
        "get_global_jargon_list": await db.get_global_jargon_list(),
        "search_jargon": await db.search_jargon("yy"),
    }
    for method, rows in found.items():
        assert [row["id"] for row in rows] == [jargon_id], method
        assert "content_key" not in rows[0], method
        assert set(rows[0]) == PLUGIN_COLUMNS["jargon"], method
