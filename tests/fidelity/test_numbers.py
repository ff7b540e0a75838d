"""Numbers mean the same on every backend: double-precision floats, plain int/float aggregates."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import insert, select

from sldb.generated.repositories.reinforcement import StrategyOptimizationResultRepository

AGGREGATES: list[tuple[str, tuple[Any, ...]]] = [
    ("get_total_affection", ("g",)),
    ("get_message_statistics", ()),
    ("get_message_statistics", ("g",)),
    ("get_messages_statistics", ()),
    ("get_group_messages_statistics", ("g",)),
    ("get_group_user_statistics", ("g",)),
    ("count_pending_persona_updates", ()),
    ("count_style_learning_patterns", ()),
    ("count_refined_messages", ()),
    ("get_style_learning_statistics", ()),
    ("get_jargon_statistics", ()),
    ("get_jargon_statistics", ("g",)),
    ("get_jargon_count", ()),
    ("get_expression_patterns_statistics", ()),
    ("get_group_statistics", ("g",)),
    ("get_data_statistics", ()),
]


def _plain_numbers(value: Any, where: str) -> list[str]:
    """Where a value that is not plain JSON data (a Decimal, say) hides inside value."""
    if isinstance(value, dict):
        return [bad for k, v in value.items() for bad in _plain_numbers(v, f"{where}.{k}")]
    if isinstance(value, (list, tuple)):
        return [bad for i, v in enumerate(value) for bad in _plain_numbers(v, f"{where}[{i}]")]
    if value is None or isinstance(value, (str, bool, int, float)):
        return []
    return [f"{where}: {type(value).__name__} {value!r}"]


async def _populate(db: Any) -> None:
    for i in range(5):
        await db.save_raw_message({"group_id": "g", "sender_id": f"u{i % 2}", "message": f"m{i}", "timestamp": 100 + i})
    await db.add_filtered_message(
        {"raw_message_id": 1, "message": "m", "sender_id": "u0", "group_id": "g", "confidence": 0.75}
    )
    await db.save_bot_message("g", "reply")
    await db.update_user_affection("g", "u0", 45, "greeting")
    await db.update_user_affection("g", "u1", 100, "praise")
    await db.save_or_update_jargon("g", "yyds", {"meaning": "永远的神", "count": 3, "is_jargon": True})


@pytest.mark.parametrize(("method", "args"), AGGREGATES, ids=[f"{m}{len(a)}" for m, a in AGGREGATES])
async def test_aggregates_are_plain_python_numbers(db: Any, method: str, args: tuple[Any, ...]) -> None:
    await _populate(db)
    result = await getattr(db, method)(*args)
    assert _plain_numbers(result, method) == []


async def test_total_affection_is_an_int_sum(db: Any) -> None:
    await _populate(db)
    total = await db.get_total_affection("g")
    assert type(total) is int and total == 145


async def test_a_unix_time_in_a_float_column_keeps_double_precision(db: Any) -> None:
    """MySQL FLOAT is 4 bytes and would round time.time() by ~100 s; the columns are DOUBLE everywhere."""
    table = StrategyOptimizationResultRepository.table
    stamps = [time.time(), 1735701000.0, 1735701001.5, 1735701000.000001]
    async with db.transaction() as session:
        for stamp in stamps:
            await session.execute(insert(table).values(group_id="g", timestamp=stamp))
    async with db.transaction() as session:
        rows = (await session.execute(select(table.c.timestamp).order_by(table.c.id))).scalars().all()
    assert list(rows) == stamps
    assert all(type(v) is float for v in rows)
    async with db.transaction() as session:
        newest = (
            (await session.execute(select(table.c.timestamp).order_by(table.c.timestamp.desc(), table.c.id).limit(2)))
            .scalars()
            .all()
        )
    assert list(newest) == sorted(stamps, reverse=True)[:2]
