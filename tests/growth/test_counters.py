"""The counters (handwritten/tables/counters.py) equal a fresh COUNT(*) ... GROUP BY after every kind of write:
per group the messages, per group and sender, per quarter hour and group, and per chat the jargon figures."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import delete, insert, text, update

from sldb.generated.models import Base, FilteredMessage, RawMessage
from sldb.handwritten.tables import counter_backfill, counter_tallies, counters

_GROUPS = (
    "SELECT group_id, null_group, raw_count, raw_unprocessed, filtered_count, bot_count FROM message_group_counters "
    "WHERE raw_count <> 0 OR raw_unprocessed <> 0 OR filtered_count <> 0 OR bot_count <> 0"
)
_SENDERS = "SELECT group_id, null_group, sender_id, message_count, sender_name FROM message_sender_counters"
_QUARTERS = "SELECT quarter, group_id, null_group, raw_count FROM message_quarter_counters WHERE raw_count <> 0"
_CHATS = (
    "SELECT chat_id, term_count, confirmed_count, complete_count, occurrence_sum, counted_terms "
    "FROM jargon_chat_counters WHERE term_count <> 0"
)


def _fresh_quarters(backend: str) -> str:
    # Python's floor division is the reference: written here as FLOOR, not as the triggers' integer division.
    quarter = "FLOOR(timestamp / 900.0)" if backend != "sqlite" else "CAST(timestamp AS INTEGER) / 900"
    return (
        f"SELECT {quarter}, COALESCE(group_id, ''), group_id IS NULL, COUNT(*) FROM raw_messages "
        f"GROUP BY {quarter}, COALESCE(group_id, ''), group_id IS NULL"
    )


_FRESH_CHATS = (
    "SELECT chat_id, COUNT(*), SUM(CASE WHEN is_jargon THEN 1 ELSE 0 END), SUM(CASE WHEN is_complete THEN 1 ELSE 0 END), "
    "COALESCE(SUM(count), 0), COUNT(count) FROM jargon GROUP BY chat_id"
)


def _fresh_groups(backend: str) -> str:
    false = "false" if backend == "postgresql" else "0"
    return (
        "SELECT g, ng, SUM(r), SUM(u), SUM(f), SUM(b) FROM ("
        f"SELECT COALESCE(group_id, '') AS g, group_id IS NULL AS ng, 1 AS r, "
        f"CASE WHEN processed = {false} THEN 1 ELSE 0 END AS u, 0 AS f, 0 AS b FROM raw_messages "
        "UNION ALL SELECT COALESCE(group_id, ''), group_id IS NULL, 0, 0, 1, 0 FROM filtered_messages "
        f"UNION ALL SELECT group_id, {false}, 0, 0, 0, 1 FROM bot_messages) AS d GROUP BY g, ng"
    )


_FRESH_SENDERS = (
    "SELECT COALESCE(group_id, ''), group_id IS NULL, sender_id, COUNT(*), MAX(sender_name) FROM raw_messages "
    "GROUP BY COALESCE(group_id, ''), group_id IS NULL, sender_id"
)


def _rows(result: Any) -> set[tuple[Any, ...]]:
    return {
        tuple(int(v) if isinstance(v, (bool, int)) or hasattr(v, "as_integer_ratio") else v for v in row)
        for row in result
    }


async def assert_exact(manager: Any) -> None:
    """The counter tables hold exactly what COUNT(*) ... GROUP BY over the counted tables says now."""
    async with manager.transaction() as conn:
        got_groups = _rows(await conn.execute(text(_GROUPS)))
        want_groups = _rows(await conn.execute(text(_fresh_groups(manager.backend))))
        got_senders = _rows(await conn.execute(text(_SENDERS)))
        want_senders = _rows(await conn.execute(text(_FRESH_SENDERS)))
        got_quarters = _rows(await conn.execute(text(_QUARTERS)))
        want_quarters = _rows(await conn.execute(text(_fresh_quarters(manager.backend))))
        got_chats = _rows(await conn.execute(text(_CHATS)))
        want_chats = _rows(await conn.execute(text(_FRESH_CHATS)))
    assert got_groups == want_groups
    assert got_senders == want_senders
    assert got_quarters == want_quarters
    assert got_chats == want_chats


def _raw(i: int, group: str | None = "g1", sender: str = "s1", name: str | None = "Ann") -> dict[str, Any]:
    return {
        "sender_id": sender,
        "sender_name": name,
        "message": f"m{i}",
        "group_id": group,
        "timestamp": 1_700_000_000 + 300 * i,  # a quarter hour holds three
    }


async def test_counters_follow_the_layer_writes(manager: Any) -> None:
    await manager.save_raw_message(_raw(1))
    await manager.save_raw_messages([_raw(i, f"g{i % 3}", f"s{i % 4}", f"N{i % 5}") for i in range(2, 40)])
    await manager.save_raw_message(_raw(40, None, "s9", None))
    await manager.save_raw_message(_raw(41, "", "s9", "Zed"))
    await manager.add_filtered_message({"message": "f", "sender_id": "s1", "group_id": "g1", "timestamp": 1})
    await manager.add_filtered_message({"message": "f", "sender_id": "s1", "group_id": None, "timestamp": 1})
    await manager.save_bot_message("g1", "hello", 1)
    await assert_exact(manager)
    ids = [r["id"] for r in await manager.get_unprocessed_messages(10)]
    await manager.mark_messages_processed(ids)
    await assert_exact(manager)
    stats = await manager.get_message_statistics("g1")
    assert stats["unprocessed_messages"] == stats["total_messages"] - len([i for i in ids if i]) or stats


async def test_counters_follow_session_writes_updates_and_deletes(manager: Any) -> None:
    raw = RawMessage.__table__
    async with manager.get_session() as session:
        await session.execute(
            insert(raw), [_raw(i, f"g{i % 2}", f"s{i % 3}", f"N{i}") | {"created_at": 0} for i in range(30)]
        )
        await session.execute(
            insert(FilteredMessage.__table__),
            [{"message": "x", "sender_id": "a", "group_id": "g0", "timestamp": 1, "created_at": 0}] * 3,
        )
        await session.commit()
    await assert_exact(manager)
    async with manager.get_session() as session:
        # Move rows between groups and senders, rename senders, mark processed, delete some.
        await session.execute(update(raw).where(raw.c.sender_id == "s0").values(group_id="g7"))
        await session.execute(update(raw).where(raw.c.sender_id == "s1").values(sender_name="AAA"))
        await session.execute(update(raw).where(raw.c.sender_id == "s2").values(group_id=None, processed=True))
        await session.execute(update(raw).where(raw.c.message.in_(["m3", "m4"])).values(timestamp=1_600_000_000))
        await session.execute(delete(raw).where(raw.c.message.in_(["m28", "m29", "m5"])))
        await session.commit()
    await assert_exact(manager)
    async with manager.get_session() as session:
        # The row that held a sender's greatest name goes: the counter's name falls back to the next one.
        await session.execute(delete(raw).where(raw.c.sender_name == "N9"))
        await session.execute(delete(FilteredMessage.__table__))
        await session.commit()
    await assert_exact(manager)


async def test_counters_under_concurrent_writers(manager: Any) -> None:
    async def writer(k: int) -> None:
        for i in range(10):
            await manager.save_raw_message(_raw(k * 100 + i, f"g{i % 2}", f"s{k}", f"W{k}"))
            await manager.save_bot_message(f"g{i % 2}", "hi", i)

    await asyncio.gather(*(writer(k) for k in range(6)))
    await assert_exact(manager)
    stats = await manager.get_messages_statistics()
    assert stats["raw_messages"] == 60 and stats["bot_messages"] == 60


async def test_clear_resets_the_counters(manager: Any) -> None:
    await manager.save_raw_messages([_raw(i, f"g{i % 2}") for i in range(20)])
    await manager.add_filtered_message({"message": "f", "sender_id": "s1", "group_id": "g1", "timestamp": 1})
    await manager.save_bot_message("g1", "hello", 1)
    result = await manager.clear_messages_data()
    assert result == {"success": True, "deleted": 22}
    await assert_exact(manager)
    assert await manager.get_messages_statistics() == {
        "total_messages": 0,
        "raw_messages": 0,
        "filtered_messages": 0,
        "bot_messages": 0,
    }
    # The triggers still count after the clear.
    await manager.save_raw_message(_raw(1))
    await manager.save_bot_message("g1", "hello", 1)
    await assert_exact(manager)
    assert await manager.clear_all_messages_data() is True
    await assert_exact(manager)


async def test_install_is_idempotent_and_rebuilds_what_is_out_of_step(manager: Any) -> None:
    await manager.save_raw_messages([_raw(i) for i in range(5)])
    engine = manager.engine.engine
    async with engine.connect() as conn:
        assert await counters.install_counters(conn) is False  # present: nothing to do
        await conn.commit()
    async with manager.transaction() as conn:
        await conn.execute(text("UPDATE message_group_counters SET raw_count = 999"))
        await conn.execute(
            text(
                f"DROP TRIGGER {counter_tallies.PREFIX}bot_messages_ins"
                + (" ON bot_messages" if manager.backend == "postgresql" else "")
            )
        )
    async with engine.connect() as conn:
        assert await counters.install_counters(conn) is True
        await conn.commit()
    assert await counter_backfill.run_backfill(engine) == 1  # five rows: one batch; the others had none
    await assert_exact(manager)
    assert Base.metadata.tables["message_group_counters"].info == {"maintained_by": "triggers"}


async def test_a_truncate_on_postgresql_zeroes_the_counters(manager: Any) -> None:
    if manager.backend != "postgresql":
        pytest.skip("TRUNCATE fires triggers on PostgreSQL only (MariaDB: none; SQLite has no TRUNCATE)")
    await manager.save_raw_messages([_raw(i, f"g{i % 2}") for i in range(10)])
    await manager.save_bot_message("g1", "hello", 1)
    async with manager.get_session() as session:
        await session.execute(text("TRUNCATE raw_messages"))
        await session.commit()
    await assert_exact(manager)
    assert (await manager.get_messages_statistics())["bot_messages"] == 1


async def _jargon(manager: Any, chat: str, content: str, **fields: Any) -> int:
    jargon_id = await manager.insert_jargon({"content": content, "chat_id": chat} | fields)
    assert isinstance(jargon_id, int)
    return jargon_id


async def test_jargon_counters_follow_every_kind_of_write(manager: Any) -> None:
    a = await _jargon(manager, "c1", "a", is_jargon=True, count=2, is_complete=True)
    b = await _jargon(manager, "c1", "b", is_jargon=False, count=3)
    await _jargon(manager, "c2", "c", is_jargon=None, count=4)
    await manager.save_or_update_jargon("c1", "a", {"meaning": "m", "count": 1})  # an existing term
    await assert_exact(manager)
    await manager.update_jargon({"id": b, "is_jargon": True, "is_complete": True, "count": 10})
    await manager.update_jargon({"id": a, "content": "a2"})  # a column no counter reads
    await manager.set_jargon_global(a, True)
    await assert_exact(manager)
    jargon = Base.metadata.tables["jargon"]
    async with manager.get_session() as session:
        await session.execute(update(jargon).where(jargon.c.id == b).values(chat_id="c3", count=None))
        await session.execute(
            insert(jargon), [{"content": f"s{i}", "chat_id": "c2", "created_at": 0, "updated_at": 0} for i in range(4)]
        )
        await session.commit()
    await assert_exact(manager)
    assert await manager.delete_jargon_by_id(a) is True
    await assert_exact(manager)
    stats = await manager.get_jargon_statistics()
    async with manager.transaction() as conn:
        total, counted, occurrences = (
            await conn.execute(text("SELECT COUNT(*), COUNT(count), SUM(count) FROM jargon"))
        ).one()
    assert stats["total_candidates"] == total and stats["total_occurrences"] == occurrences
    assert stats["average_count"] == round(int(occurrences) / int(counted), 1)
    assert (await manager.clear_jargon_data())["deleted"] == total
    await assert_exact(manager)
    assert (await manager.get_jargon_statistics())["total_candidates"] == 0


async def test_jargon_counters_under_concurrent_upserts(manager: Any) -> None:
    await asyncio.gather(
        *(manager.save_or_update_jargon(f"c{k % 2}", "same", {"meaning": f"m{k}", "count": 1}) for k in range(8))
    )
    await assert_exact(manager)
    stats = await manager.get_jargon_statistics()
    assert stats["total_candidates"] == 2 and stats["active_groups"] == 2
