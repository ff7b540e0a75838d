"""One text key for jargon (handwritten/tables/jargon_keys.py): counts, lists, search and insert_jargon agree.

Before the key, get_jargon_count compared Python's strip().casefold() while the lists compared SQL's
lower(trim()) (SQLite's lower folds only ASCII), so 'Ä'/'ä', 'ß'/'SS', 'YYDS'/'yyds' and 'x '/'x' counted as two
and listed as one; search_jargon('ä') missed 'Ä' on SQLite.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update

from sldb.generated.repositories.jargon import JargonRepository
from sldb.handwritten.tables.jargon_keys import BATCH, content_key, fill_content_keys

PAIRS = [("Ä", "ä"), ("ß", "SS"), ("YYDS", "yyds"), ("x ", "x"), ("ｶﾞ", "ガ")]


def test_the_key_is_nfkc_casefolded_and_trimmed() -> None:
    assert [content_key(a) == content_key(b) for a, b in PAIRS] == [True] * len(PAIRS)
    assert content_key(" Straße ") == "strasse"
    assert content_key("cafe") != content_key("café")


async def _both_of_each_pair(db: Any, chat: str) -> None:
    for pair in PAIRS:
        for content in pair:
            assert await db.save_or_update_jargon(chat, content, {"is_jargon": True})


async def test_count_and_list_agree_in_a_chat_and_across_chats(db: Any) -> None:
    await _both_of_each_pair(db, "c1")
    await _both_of_each_pair(db, "c2")
    assert await db.get_jargon_count("c1") == len(PAIRS)
    assert len(await db.get_recent_jargon_list(chat_id="c1", limit=100)) == len(PAIRS)
    assert await db.get_jargon_count() == len(PAIRS)
    assert len(await db.get_recent_jargon_list(limit=100)) == len(PAIRS)


async def test_insert_jargon_finds_the_term_under_its_key(db: Any) -> None:
    first = await db.insert_jargon({"chat_id": "c", "content": "YYDS"})
    assert await db.insert_jargon({"chat_id": "c", "content": " yyds"}) == first
    assert await db.insert_jargon({"chat_id": "other", "content": "yyds"}) != first


async def test_search_matches_the_key_and_percent_and_underscore_are_literal(db: Any) -> None:
    for content in ("Äpfel", "100%", "1000", "a_b", "axb"):
        assert await db.save_or_update_jargon("c", content, {})
    assert [r["content"] for r in await db.search_jargon("ä")] == ["Äpfel"]
    assert [r["content"] for r in await db.search_jargon("%")] == ["100%"]
    assert [r["content"] for r in await db.search_jargon("_")] == ["a_b"]


async def test_rows_an_older_version_wrote_get_their_key_at_start_up(db: Any) -> None:
    table = JargonRepository.table
    row = {"chat_id": "c", "content": "Ärger", "created_at": 1, "updated_at": 1, "is_jargon": True}
    async with db.transaction() as conn:
        await conn.execute(insert(table).values([row, {**row, "content": "OLD"}]))
    assert await db.get_jargon_count("c") == 0  # no key yet: not counted, not listed
    assert await fill_content_keys(db.engine.engine, table) == 2
    assert await fill_content_keys(db.engine.engine, table) == 0
    async with db.reading() as conn:
        keys = sorted((await conn.execute(select(table.c.content_key))).scalars().all())
    assert keys == ["old", "ärger"]
    assert await db.get_jargon_count("c") == 2
    assert [r["content"] for r in await db.search_jargon("ÄR")] == ["Ärger"]


async def test_the_fill_reads_by_key_from_the_first_unkeyed_row_and_writes_only_those(db: Any) -> None:
    """A rolling upgrade: an older instance wrote a few rows without a key between this layer's. The fill starts
    at the first of them, reads in batches of the primary key, and keys only the rows that lack one."""
    table = JargonRepository.table
    for n in range(3 * BATCH):
        await db.insert_jargon({"chat_id": "c", "content": f"term {n}", "meaning": "m", "count": 1})
    async with db.transaction() as conn:
        ids = sorted((await conn.execute(select(table.c.id))).scalars().all())
        older = ids[BATCH // 2 :: BATCH // 3]  # a few rows, spread over later batches
        await conn.execute(update(table).where(table.c.id.in_(older)).values(content_key=None))
    assert await fill_content_keys(db.engine.engine, table) == len(older)
    async with db.reading() as conn:
        missing = (await conn.execute(select(table.c.id).where(table.c.content_key.is_(None)))).all()
    assert missing == []
    assert await db.get_jargon_count("c") == 3 * BATCH
