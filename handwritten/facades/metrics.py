"""MetricsFacade queries: counts across messages and learning (spec: schema/facades/metrics.yaml)."""

from __future__ import annotations

import time

from sqlalchemy import Table, func, select

from generated.records.learning import learning_batch_record
from generated.repositories.learning import (
    LearningBatchRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from generated.repositories.message import BotMessageRepository, FilteredMessageRepository, RawMessageRepository
from generated.shapes.metrics import DetailedMetrics, GroupStatistics, TrendsData
from handwritten.runtime.crud import as_mapping, column, records, scalar
from handwritten.runtime.session import Database, Executor

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table
_BOT = BotMessageRepository.table
_PERSONA_REVIEWS = PersonaLearningReviewRepository.table
_STYLE_REVIEWS = StyleLearningReviewRepository.table
_BATCHES = LearningBatchRepository.table
_STYLE_PATTERNS = StyleLearningPatternRepository.table

_TREND_DAYS = 7
_RECENT_BATCHES = 10


async def _count(conn: Executor, table: Table, group_id: str | None) -> int:
    """Rows of table, only those of group_id when one is given (an empty id counts all, as the plugin does)."""
    stmt = select(func.count()).select_from(table)
    if group_id:
        stmt = stmt.where(table.c.group_id == group_id)
    return int(await scalar(conn, stmt) or 0)


async def get_group_statistics(db: Database, *, group_id: str | None) -> GroupStatistics:
    async with db.snapshot() as conn:  # counts as of one moment
        return {
            "raw_messages": await _count(conn, _RAW, group_id),
            "filtered_messages": await _count(conn, _FILTERED, group_id),
            "persona_reviews": await _count(conn, _PERSONA_REVIEWS, group_id),
            "style_reviews": await _count(conn, _STYLE_REVIEWS, group_id),
            "group_id": group_id,
        }


async def get_detailed_metrics(db: Database, *, group_id: str | None) -> DetailedMetrics:
    async with db.snapshot() as conn:  # counts as of one moment
        return {
            "messages": {
                "raw": await _count(conn, _RAW, group_id),
                "filtered": await _count(conn, _FILTERED, group_id),
                "bot": await _count(conn, _BOT, group_id),
            },
            "learning": {
                "persona_reviews": await _count(conn, _PERSONA_REVIEWS, group_id),
                "style_reviews": await _count(conn, _STYLE_REVIEWS, group_id),
                "batches": await _count(conn, _BATCHES, group_id),
                "style_patterns": await _count(conn, _STYLE_PATTERNS, group_id),
            },
            "group_id": group_id,
        }


async def get_trends_data(db: Database) -> TrendsData:
    # raw_messages.timestamp holds whole seconds; days are the server's local calendar days.
    cutoff = int(time.time()) - _TREND_DAYS * 24 * 3600
    stamps = select(_RAW.c.timestamp).where(_RAW.c.timestamp >= cutoff).order_by(_RAW.c.timestamp)
    batches = select(_BATCHES).order_by(_BATCHES.c.start_time.desc(), _BATCHES.c.id.desc()).limit(_RECENT_BATCHES)
    async with db.snapshot() as conn:
        timestamps = await column(conn, stamps)
        batch_rows = await records(conn, batches, as_mapping)
    daily: dict[str, int] = {}
    for stamp in timestamps:
        day = time.strftime("%Y-%m-%d", time.localtime(stamp))
        daily[day] = daily.get(day, 0) + 1
    return {"daily_messages": daily, "recent_batches": [learning_batch_record(row) for row in batch_rows]}
