"""ExpressionFacade queries: expression patterns and style data (spec: schema/facades/expression.yaml)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import ColumnElement, Select, func, insert, select, update

from sldb.generated.records.expression import ExpressionPatternRecord, expression_pattern_record
from sldb.generated.repositories.expression import (
    ExpressionPatternRepository,
    LanguageStylePatternRepository,
    StyleLearningRecordRepository,
    StyleProfileRepository,
)
from sldb.generated.shapes.expression import ExpressionPatternStatistics, StyleProfileView, style_profile_view
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import affected, page, read_first, read_one, read_records, scalar
from sldb.handwritten.runtime.values.jsontext import dumps

_PATTERNS = ExpressionPatternRepository.table
_PROFILES = StyleProfileRepository.table
_RECORDS = StyleLearningRecordRepository.table
_LANGUAGE = LanguageStylePatternRepository.table

# The plugin reads at most this many patterns when it lists all groups.
_ALL_PATTERNS_CAP = 1000
_GROUP_DEFAULT_LIMIT = 100
_PROFILE_SCORES = (
    "vocabulary_richness",
    "sentence_complexity",
    "emotional_expression",
    "interaction_tendency",
    "topic_diversity",
    "formality_level",
    "creativity_score",
)


def _persona_scope(persona_id: Any) -> str:
    """The persona key patterns are stored under: blank, None or the unset marker mean 'default'."""
    scope = str(persona_id or "").strip()
    if not scope or scope == "[%None]":
        return "default"
    return scope


def _user_filter(user_id: str | None) -> ColumnElement[bool]:
    """No user selects the patterns shared by the whole group (user_id NULL)."""
    column = _PATTERNS.c.user_id
    return column.is_(None) if user_id is None else column == user_id


def _heaviest_first(stmt: Select[Any]) -> Select[Any]:
    return stmt.order_by(_PATTERNS.c.weight.desc(), _PATTERNS.c.id)


async def get_all_expression_patterns(db: Database) -> dict[str, list[ExpressionPatternRecord]]:
    stmt = _heaviest_first(select(_PATTERNS)).limit(_ALL_PATTERNS_CAP)
    grouped: dict[str, list[ExpressionPatternRecord]] = {}
    for record in await read_records(db, stmt, expression_pattern_record):
        grouped.setdefault(record["group_id"] or "global", []).append(record)
    return grouped


async def get_expression_patterns_statistics(db: Database) -> ExpressionPatternStatistics:
    stmt = select(func.count(), func.count(func.distinct(_PATTERNS.c.group_id))).select_from(_PATTERNS)
    total, groups = await read_one(db, stmt)
    return {"total_patterns": int(total or 0), "groups_with_patterns": int(groups or 0)}


async def get_group_expression_patterns(
    db: Database, *, group_id: str, limit: int | None, persona_id: str, user_id: str | None
) -> list[ExpressionPatternRecord]:
    stmt = select(_PATTERNS).where(
        _PATTERNS.c.group_id == group_id,
        _PATTERNS.c.persona_id == _persona_scope(persona_id),
        _user_filter(user_id),
    )
    # The plugin treats a missing or zero limit as its default of 100.
    return await read_records(db, page(_heaviest_first(stmt), limit or _GROUP_DEFAULT_LIMIT), expression_pattern_record)


async def get_recent_week_expression_patterns(
    db: Database, *, group_id: str | None, limit: int, hours: int, persona_id: str, user_id: str | None
) -> list[ExpressionPatternRecord]:
    cutoff = time.time() - hours * 3600
    stmt = select(_PATTERNS).where(
        _PATTERNS.c.last_active_time >= cutoff,
        _PATTERNS.c.persona_id == _persona_scope(persona_id),
        _user_filter(user_id),
    )
    if group_id:
        stmt = stmt.where(_PATTERNS.c.group_id == group_id)
    return await read_records(db, page(_heaviest_first(stmt), limit), expression_pattern_record)


async def load_style_profile(db: Database, *, profile_name: str) -> StyleProfileView | None:
    # The name is not unique in the table: the oldest row wins.
    stmt = select(_PROFILES).where(_PROFILES.c.profile_name == profile_name).order_by(_PROFILES.c.id).limit(1)
    return await read_first(db, stmt, style_profile_view)


async def save_style_profile(db: Database, *, profile_name: str, profile_data: dict[str, Any]) -> bool:
    given = {key: profile_data[key] for key in _PROFILE_SCORES if key in profile_data}
    named = _PROFILES.c.profile_name == profile_name
    async with db.transaction() as conn:
        if given:
            found = await affected(conn, update(_PROFILES).where(named).values(given)) > 0
        else:
            found = await scalar(conn, select(_PROFILES.c.id).where(named).limit(1)) is not None
        if not found:
            values = {key: profile_data.get(key) for key in _PROFILE_SCORES}
            await conn.execute(insert(_PROFILES).values(profile_name=profile_name, **values))
    return True


async def save_style_learning_record(db: Database, *, record_data: dict[str, Any]) -> bool:
    values = {
        "style_type": record_data.get("style_type", "unknown"),
        "learned_patterns": dumps(record_data.get("learned_patterns", [])),
        "confidence_score": record_data.get("confidence_score", 0.0),
        "sample_count": record_data.get("sample_count", 0),
        "last_updated": time.time(),
    }
    async with db.autocommit() as conn:
        await conn.execute(insert(_RECORDS).values(values))
    return True


async def save_language_style_pattern(db: Database, *, language_style: str, pattern_data: dict[str, Any]) -> bool:
    fields = {
        "example_phrases": dumps(pattern_data.get("example_phrases", [])),
        "context_type": pattern_data.get("context_type", "general"),
        "confidence_score": pattern_data.get("confidence_score"),
        "last_updated": time.time(),
    }
    # Increment in SQL so concurrent saves of one style each count.
    bump = update(_LANGUAGE).where(_LANGUAGE.c.language_style == language_style)
    bump = bump.values(usage_frequency=func.coalesce(_LANGUAGE.c.usage_frequency, 0) + 1, **fields)
    async with db.transaction() as conn:
        if await affected(conn, bump) == 0:
            await conn.execute(insert(_LANGUAGE).values(language_style=language_style, usage_frequency=1, **fields))
    return True
