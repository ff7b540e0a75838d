"""The calls of issue 12 send as many statements whatever the tables hold, and their hot reads use the intended index.

Statements are counted with a before_cursor_execute listener at two sizes of the same kind of data. Plans are
read with EXPLAIN of the very statement the call sent: on SQLite (deterministic, no ANALYZE), on PostgreSQL with
sequential scans switched off for the EXPLAIN (so that the tiny test tables do not make a scan cheaper), on MariaDB
as the index among the possible keys.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from sldb.handwritten.tables.counter_readiness import counters_ready
from tests.growth.test_counters import assert_exact

Call = Callable[[Any], Awaitable[Any]]

READS: dict[str, Call] = {
    "get_groups_for_social_analysis": lambda m: m.get_groups_for_social_analysis(),
    "get_trends_data": lambda m: m.get_trends_data(),
    "get_group_user_statistics": lambda m: m.get_group_user_statistics("g1"),
    "get_messages_statistics": lambda m: m.get_messages_statistics(),
    "get_group_statistics()": lambda m: m.get_group_statistics(None),
    "get_group_statistics(group)": lambda m: m.get_group_statistics("g1"),
    "get_message_statistics(group)": lambda m: m.get_message_statistics("g1"),
    "get_group_messages_statistics": lambda m: m.get_group_messages_statistics("g1"),
    "get_detailed_metrics": lambda m: m.get_detailed_metrics(None),
    "get_filtered_messages_for_learning": lambda m: m.get_filtered_messages_for_learning(10),
    "get_reviewed_persona_learning_updates": lambda m: m.get_reviewed_persona_learning_updates(10, 0, None),
    "get_data_statistics": lambda m: m.get_data_statistics(),
    "export_messages_learning_data": lambda m: m.export_messages_learning_data(None),
    "get_recent_bot_responses": lambda m: m.get_recent_bot_responses("g1", 10),
    "get_recent_filtered_messages": lambda m: m.get_recent_filtered_messages("g1", 10),
    "get_jargon_statistics()": lambda m: m.get_jargon_statistics(None),
    "get_jargon_statistics(group)": lambda m: m.get_jargon_statistics("chat1"),
}
WRITES: dict[str, Call] = {
    "sync_global_jargon_to_group": lambda m: m.sync_global_jargon_to_group("target"),
    "clear_jargon_data": lambda m: m.clear_jargon_data(),
    "clear_persona_reviews_data": lambda m: m.clear_persona_reviews_data(),
    "clear_messages_data": lambda m: m.clear_messages_data(),
    "clear_all_messages_data": lambda m: m.clear_all_messages_data(),
}


@contextmanager
def sent() -> Iterator[list[tuple[str, Any]]]:
    """Every statement sent through SQLAlchemy meanwhile, with its parameters."""
    statements: list[tuple[str, Any]] = []

    def count(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        statements.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", count)


async def seed(manager: Any, n: int) -> None:
    """n raw messages over 4 groups and 12 senders, n/4 filtered and bot messages, n/10 jargon terms and reviews."""
    now = 1_800_000_000
    await manager.save_raw_messages(
        [
            {
                "sender_id": f"s{i % 12}",
                "sender_name": f"name{i % 12}",
                "message": f"m{i}",
                "group_id": f"g{i % 4}",
                "timestamp": now - i * 600,
            }
            for i in range(n)
        ]
    )
    for i in range(n // 4):
        await manager.add_filtered_message(
            {"message": f"f{i}", "sender_id": f"s{i % 12}", "group_id": f"g{i % 4}", "timestamp": now - i}
        )
        await manager.save_bot_message(f"g{i % 4}", f"b{i}", now - i)
    for i in range(n // 10):
        await manager.save_or_update_jargon(
            f"chat{i % 3}", f"term{i}", {"meaning": "m", "is_jargon": True, "is_global": True, "count": i}
        )
        review = await manager.add_persona_learning_review(
            {"group_id": f"g{i % 4}", "update_type": "t", "proposed_content": "p", "timestamp": now - i}
        )
        if i % 2:
            await manager.update_persona_learning_review_status(review, "approved", "ok")


async def statements_per_call(manager: Any, n: int) -> dict[str, int]:
    await seed(manager, n)
    # The counters are read (their readiness is looked up once per engine, then remembered).
    assert await counters_ready(manager)
    counts: dict[str, int] = {}
    for name, call in {**READS, **WRITES}.items():
        with sent() as statements:
            await call(manager)
        counts[name] = len(statements)
    await assert_exact(manager)
    return counts


async def test_statements_per_call_do_not_grow_with_the_rows(manager: Any) -> None:
    from tests.fixtures import empty_all_tables

    small = await statements_per_call(manager, 40)
    await empty_all_tables(manager)
    large = await statements_per_call(manager, 400)
    assert small == large


# The statement of each call whose plan is asserted, and the index it must use.
PLANS = {
    "get_filtered_messages_for_learning": ("filtered_messages", "idx_filtered_unprocessed_time"),
    "get_recent_bot_responses": ("bot_messages", "idx_bot_group_time"),
    "get_recent_filtered_messages": ("filtered_messages", "idx_filtered_group_time"),
    "get_reviewed_persona_learning_updates": ("persona_update_reviews", "idx_persona_review_time"),
    "get_message_statistics(group)": ("message_group_counters", "uq_message_group_counter"),
    "get_group_user_statistics": ("message_sender_counters", "uq_message_sender_counter"),
    "get_trends_data": ("message_quarter_counters", "uq_message_quarter_counter"),
    "get_jargon_statistics(group)": ("jargon_chat_counters", "uq_jargon_chat_counter"),
}


async def _plan(manager: Any, statement: str, parameters: Any) -> str:
    backend = manager.backend
    async with manager.engine.engine.connect() as conn:
        if backend == "postgresql":
            await conn.execute(text("SET enable_seqscan = off"))
            rows = await conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            plan = "\n".join(str(r[0]) for r in rows)
            await conn.execute(text("RESET enable_seqscan"))
        elif backend == "mysql":
            rows = await conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            plan = "\n".join(f"key={r.key} possible={r.possible_keys}" for r in rows)
        else:
            rows = await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plan = "\n".join(str(r[-1]) for r in rows)
        await conn.rollback()
    return plan


@pytest.mark.parametrize("call", sorted(PLANS))
async def test_hot_reads_use_the_intended_index(manager: Any, call: str) -> None:
    await seed(manager, 40)
    table, index = PLANS[call]
    with sent() as statements:
        await READS[call](manager)
    (statement, parameters), *_ = [s for s in statements if table in s[0]]
    plan = await _plan(manager, statement, parameters)
    if manager.backend == "sqlite" and index.startswith("uq_"):
        # SQLite names a UNIQUE constraint's index itself: sqlite_autoindex_<table>_1.
        index = f"sqlite_autoindex_{table}_1"
    assert index in plan, plan
