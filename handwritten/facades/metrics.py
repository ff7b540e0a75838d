"""MetricsFacade queries: counts across messages and learning (spec: schema/facades/metrics.yaml)."""

from __future__ import annotations

import time

from sqlalchemy import Table, func, select

from sldb.generated.records.learning import learning_batch_record
from sldb.generated.repositories.learning import (
    LearningBatchRepository,
    PersonaLearningReviewRepository,
    StyleLearningPatternRepository,
    StyleLearningReviewRepository,
)
from sldb.generated.repositories.message import (
    BotMessageRepository,
    FilteredMessageRepository,
    MessageQuarterCounterRepository,
    RawMessageRepository,
)
from sldb.generated.shapes.metrics import DetailedMetrics, GroupStatistics, TrendsData
from sldb.handwritten.facades import uncounted
from sldb.handwritten.facades.counts import count_rows
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import as_mapping, read_one, records
from sldb.handwritten.tables.counter_readiness import counters_ready
from sldb.handwritten.tables.counter_tallies import QUARTER_SECONDS

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table
_BOT = BotMessageRepository.table
_PERSONA_REVIEWS = PersonaLearningReviewRepository.table
_STYLE_REVIEWS = StyleLearningReviewRepository.table
_BATCHES = LearningBatchRepository.table
_STYLE_PATTERNS = StyleLearningPatternRepository.table
_QUARTER_COUNTS = MessageQuarterCounterRepository.table

_TREND_DAYS = 7
_RECENT_BATCHES = 10


async def _counts(db: Database, tables: tuple[Table, ...], group_id: str | None) -> list[int]:
    ready = await counters_ready(db)
    row = await read_one(db, select(*(count_rows(t, group_id, counters=ready) for t in tables)))
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
    # raw_messages.timestamp holds whole seconds; days are the server's local calendar days. The triggers count
    # raw messages per quarter of an hour and group (every time zone's offset is a whole number of quarters, so
    # no quarter spans two local days): the 7 days are at most 673 quarters per group whatever the table holds,
    # summed per quarter by the database and bucketed into days here. The quarter the cutoff falls in is counted
    # from the messages themselves (a range of the timestamp index), so the window starts at the cutoff exactly.
    cutoff = int(time.time()) - _TREND_DAYS * 24 * 3600
    first_whole = -(-cutoff // QUARTER_SECONDS)  # the first quarter that starts at or after the cutoff
    per_quarter = (
        select(_QUARTER_COUNTS.c.quarter, func.sum(_QUARTER_COUNTS.c.raw_count).label("n"))
        .where(_QUARTER_COUNTS.c.quarter >= first_whole)
        .group_by(_QUARTER_COUNTS.c.quarter)
        .order_by(_QUARTER_COUNTS.c.quarter)
    )
    partial = select(func.count()).where(_RAW.c.timestamp >= cutoff, _RAW.c.timestamp < first_whole * QUARTER_SECONDS)
    ready = await counters_ready(db)
    batches = select(_BATCHES).order_by(_BATCHES.c.start_time.desc(), _BATCHES.c.id.desc()).limit(_RECENT_BATCHES)
    async with db.snapshot() as conn:
        quarters = [(first_whole - 1, int((await conn.execute(partial)).scalar_one()))]
        whole = per_quarter if ready else uncounted.raw_per_quarter(conn.dialect.name, first_whole)
        quarters += [(int(q), int(n)) for q, n in (await conn.execute(whole)).all()]
        batch_rows = await records(conn, batches, as_mapping)
    daily: dict[str, int] = {}
    for quarter, n in quarters:
        if n:
            day = time.strftime("%Y-%m-%d", time.localtime(quarter * QUARTER_SECONDS))
            daily[day] = daily.get(day, 0) + n
    return {"daily_messages": daily, "recent_batches": [learning_batch_record(row) for row in batch_rows]}
