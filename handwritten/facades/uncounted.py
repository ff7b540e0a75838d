"""The statistics that read the counters, computed from the counted tables themselves while the counters' backfill
runs (handwritten/tables/counter_readiness.py says when): each statement gives the rows, in the order and shape,
of the counter statement it stands for. COUNT and GROUP BY over the tables cost time in proportion to their rows,
which is why the counters exist; until the backfill ends they are the only exact answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnClause, Select, bindparam, case, false, func, literal_column, select

from sldb.generated.repositories.jargon import JargonRepository
from sldb.generated.repositories.message import (
    BotMessageRepository,
    FilteredMessageRepository,
    RawMessageRepository,
)
from sldb.handwritten.tables.counter_tallies import QUARTER_SECONDS, quarter

_RAW = RawMessageRepository.table
_FILTERED = FilteredMessageRepository.table
_BOT = BotMessageRepository.table
_JARGON = JargonRepository.table


# message.get_messages_statistics: raw, filtered and bot messages.
TOTALS = select(
    select(func.count()).select_from(_RAW).scalar_subquery(),
    select(func.count()).select_from(_FILTERED).scalar_subquery(),
    select(func.count()).select_from(_BOT).scalar_subquery(),
)

# message.get_message_statistics: one group's raw, unprocessed raw and filtered messages.
OF_GROUP = select(
    select(func.count()).where(_RAW.c.group_id == bindparam("group_id")).scalar_subquery().label("raw_count"),
    select(func.coalesce(func.sum(case((_RAW.c.processed == false(), 1), else_=0)), 0))
    .where(_RAW.c.group_id == bindparam("group_id"))
    .scalar_subquery()
    .label("raw_unprocessed"),
    select(func.count()).where(_FILTERED.c.group_id == bindparam("group_id")).scalar_subquery().label("filtered_count"),
)


def top_senders(limit: int) -> Select[Any]:
    """message.get_group_user_statistics: a group's senders by messages, with their greatest sender_name."""
    message_count = func.count().label("message_count")
    return (
        select(_RAW.c.sender_id, func.max(_RAW.c.sender_name).label("sender_name"), message_count)
        .where(_RAW.c.group_id == bindparam("group_id"))
        .group_by(_RAW.c.sender_id)
        .order_by(message_count.desc(), _RAW.c.sender_id)
        .limit(limit)
    )


_MESSAGE_COUNT = func.count().label("message_count")
# message.get_groups_for_social_analysis: the groups by messages, with their senders; the NULL group last.
GROUPS_BY_SIZE = (
    select(
        _RAW.c.group_id.label("group_id"),
        _MESSAGE_COUNT,
        func.count(_RAW.c.sender_id.distinct()).label("member_count"),
    )
    .group_by(_RAW.c.group_id)
    .order_by(_MESSAGE_COUNT.desc(), _RAW.c.group_id.is_(None), _RAW.c.group_id)
)


def jargon_statistics(group_id: str | None) -> Select[Any]:
    """jargon.get_jargon_statistics: the figures jargon_chat_counters sums, over the terms themselves."""
    stmt = select(
        func.count().label("total"),
        func.coalesce(func.sum(case((_JARGON.c.is_jargon, 1), else_=0)), 0).label("confirmed"),
        func.coalesce(func.sum(case((_JARGON.c.is_complete, 1), else_=0)), 0).label("completed"),
        func.coalesce(func.sum(func.coalesce(_JARGON.c.count, 0)), 0).label("occurrences"),
        func.count(_JARGON.c.count).label("counted"),
        func.count(_JARGON.c.chat_id.distinct()).label("groups"),
    )
    return stmt.where(_JARGON.c.chat_id == group_id) if group_id else stmt


def raw_per_quarter(dialect: str, first_quarter: int) -> Select[int, int]:
    """metrics.get_trends_data: raw messages per quarter of an hour from first_quarter on, as the quarters'
    counter sums them (the same quarter expression as its triggers)."""
    of_row: ColumnClause[int] = literal_column(quarter(_RAW.name, dialect))
    return (
        select(of_row.label("quarter"), func.count().label("n"))
        .where(_RAW.c.timestamp >= first_quarter * QUARTER_SECONDS)
        .group_by(of_row)
        .order_by(of_row)
    )
