"""MetricsFacade queries: counts across messages and learning (spec: schema/facades/metrics.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Table, false, func, select

from generated.records.learning import learning_batch_record
from generated.repositories.learning import (
    LearningBatchRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from generated.repositories.message import (
    BotMessageRepository,
    FilteredMessageRepository,
    MessageGroupCounterRepository,
    RawMessageRepository,
)
from generated.shapes.metrics import DetailedMetrics, GroupStatistics, TrendsData
from handwritten.runtime.crud import as_mapping, read_one, records
from handwritten.runtime.session import Database

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table
_BOT = BotMessageRepository.table
_PERSONA_REVIEWS = PersonaLearningReviewRepository.table
_STYLE_REVIEWS = StyleLearningReviewRepository.table
_BATCHES = LearningBatchRepository.table
_STYLE_PATTERNS = StyleLearningPatternRepository.table
_GROUP_COUNTS = MessageGroupCounterRepository.table

_TREND_DAYS = 7
_RECENT_BATCHES = 10
_QUARTER = 900  # seconds


_COUNTED = {
    _RAW.name: _GROUP_COUNTS.c.raw_count,
    _FILTERED.name: _GROUP_COUNTS.c.filtered_count,
    _BOT.name: _GROUP_COUNTS.c.bot_count,
}


def _count(table: Table, group_id: str | None) -> Any:
    """Rows of table, only those of group_id when one is given (an empty id counts all, as the plugin does).

    The message tables are counted by their triggers' counters (handwritten/runtime/counters.py), the rest with
    COUNT(*); each is a scalar subquery, so that all of a call's counts are one statement.
    """
    counter = _COUNTED.get(table.name)
    if counter is not None:
        stmt = select(func.coalesce(func.sum(counter), 0))
        if group_id:
            stmt = stmt.where(_GROUP_COUNTS.c.group_id == group_id, _GROUP_COUNTS.c.null_group == false())
        return stmt.scalar_subquery()
    stmt = select(func.count()).select_from(table)
    if group_id:
        stmt = stmt.where(table.c.group_id == group_id)
    return stmt.scalar_subquery()


async def _counts(db: Database, tables: tuple[Table, ...], group_id: str | None) -> list[int]:
    row = await read_one(db, select(*(_count(t, group_id) for t in tables)))
    return [int(n or 0) for n in row]


async def get_group_statistics(db: Database, *, group_id: str | None) -> GroupStatistics:
    raw, filtered, persona, style = await _counts(db, (_RAW, _FILTERED, _PERSONA_REVIEWS, _STYLE_REVIEWS), group_id)
    return {
        "raw_messages": raw,
        "filtered_messages": filtered,
        "persona_reviews": persona,
        "style_reviews": style,
        "group_id": group_id,
    }


async def get_detailed_metrics(db: Database, *, group_id: str | None) -> DetailedMetrics:
    tables = (_RAW, _FILTERED, _BOT, _PERSONA_REVIEWS, _STYLE_REVIEWS, _BATCHES, _STYLE_PATTERNS)
    raw, filtered, bot, persona, style, batches, patterns = await _counts(db, tables, group_id)
    return {
        "messages": {"raw": raw, "filtered": filtered, "bot": bot},
        "learning": {
            "persona_reviews": persona,
            "style_reviews": style,
            "batches": batches,
            "style_patterns": patterns,
        },
        "group_id": group_id,
    }


async def get_trends_data(db: Database) -> TrendsData:
    # raw_messages.timestamp holds whole seconds; days are the server's local calendar days. The database counts
    # per quarter of an hour (every time zone's offset is a whole number of quarters, so no quarter spans two
    # local days): at most 673 rows whatever the table holds, bucketed into days here.
    cutoff = int(time.time()) - _TREND_DAYS * 24 * 3600
    quarter = (_RAW.c.timestamp // _QUARTER).label("quarter")
    per_quarter = (
        select(quarter, func.count().label("n")).where(_RAW.c.timestamp >= cutoff).group_by(quarter).order_by(quarter)
    )
    batches = select(_BATCHES).order_by(_BATCHES.c.start_time.desc(), _BATCHES.c.id.desc()).limit(_RECENT_BATCHES)
    async with db.snapshot() as conn:
        quarters = await records(conn, per_quarter, as_mapping)
        batch_rows = await records(conn, batches, as_mapping)
    daily: dict[str, int] = {}
    for row in quarters:
        day = time.strftime("%Y-%m-%d", time.localtime(int(row["quarter"]) * _QUARTER))
        daily[day] = daily.get(day, 0) + int(row["n"])
    return {"daily_messages": daily, "recent_batches": [learning_batch_record(row) for row in batch_rows]}
