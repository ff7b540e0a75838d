"""JargonFacade queries: slang terms per chat (spec: schema/facades/jargon.yaml)."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Insert, Select, case, exists, func, literal, or_, select, update
from sqlalchemy.exc import IntegrityError

from sldb.generated.fast import jargon as fast
from sldb.generated.records.jargon import JargonRecord, jargon_record
from sldb.generated.repositories.jargon import JargonChatCounterRepository, JargonRepository
from sldb.generated.shapes.jargon import JargonGroup, JargonStatistics
from sldb.handwritten.facades import uncounted
from sldb.handwritten.runtime.contract.database import Database, Executor
from sldb.handwritten.runtime.failures.classify import FailureClass, classify
from sldb.handwritten.runtime.queries.crud import (
    affected,
    committed_read,
    inserted_key,
    page,
    read_first,
    read_one,
    read_records,
    read_scalar,
    scalar,
)
from sldb.handwritten.runtime.queries.upsert import (
    dialect_name,
    insert_missing,
    run_insert_or_existing_key,
    upsert_returning_key_statement,
)
from sldb.handwritten.runtime.values.policy import as_text, whole_seconds
from sldb.handwritten.tables.counter_readiness import counters_ready
from sldb.handwritten.tables.jargon_keys import content_key, like_pattern

_J = JargonRepository.table
_CHATS = JargonChatCounterRepository.table
_KEY = ("chat_id", "content")


def _now() -> int:
    return int(time.time())


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _count_delta(value: Any) -> int:
    """A count from the caller: a whole number >= 0; anything unusable counts as 0."""
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _unconfirmed() -> ColumnElement[bool]:
    return or_(_J.c.is_jargon.is_(False), _J.c.is_jargon.is_(None))


def _filters(
    *, only_confirmed: bool, pending_only: bool, global_only: bool, local_only: bool
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if only_confirmed:
        conditions.append(_J.c.is_jargon.is_(True))
    if pending_only:
        conditions.append(_unconfirmed())
        conditions.append(or_(_J.c.is_complete.is_(False), _J.c.is_complete.is_(None)))
    if global_only:
        conditions.append(_J.c.is_global.is_(True))
    elif local_only:
        conditions.append(or_(_J.c.is_global.is_(False), _J.c.is_global.is_(None)))
    return conditions


def _listed(row: Mapping[Any, Any]) -> JargonRecord:
    """A row as lists show it: missing counts are 0 and a missing global flag is False."""
    record = jargon_record(row)
    record["count"] = record["count"] or 0
    record["last_inference_count"] = record["last_inference_count"] or 0
    record["is_global"] = record["is_global"] or False
    return record


def _content_key() -> ColumnElement[Any]:
    """What counts as one content: the text key the layer writes (handwritten/tables/jargon_keys.py)."""
    return _J.c.content_key


def _one_per_content(conditions: list[ColumnElement[bool]], newest_by: tuple[str, ...]) -> Select[Any]:
    """The terms matching conditions, one per content key (empty ones dropped), ordered by newest_by descending.

    Of each content the first term in that order is kept. In SQL, before any LIMIT/OFFSET: removing repeats
    from a page afterwards made pages short, and they disagreed with get_jargon_count.
    """
    order = [_J.c[name].desc() for name in newest_by]
    rank = func.row_number().over(partition_by=_content_key(), order_by=order).label("content_rank")
    ranked = select(_J, rank).where(*conditions, _content_key() != "").subquery()
    return (
        select(*(ranked.c[column.name] for column in _J.c))
        .where(ranked.c.content_rank == 1)
        .order_by(*(ranked.c[name].desc() for name in newest_by))
    )


async def _id_of(conn: Executor, chat_id: str, content: str) -> int | None:
    # After a duplicate the row is another transaction's, committed after this one's first read.
    stmt = select(_J.c.id).where(_J.c.chat_id == chat_id, _J.c.content == content)
    found = await scalar(conn, committed_read(stmt, dialect_name(conn)))
    return int(found) if found is not None else None


async def get_jargon(db: Database, *, chat_id: str, content: str) -> JargonRecord | None:
    stmt = select(_J).where(_J.c.chat_id == chat_id, _J.c.content == content)
    return await read_first(db, stmt, jargon_record)


async def insert_jargon(db: Database, *, jargon_data: dict[str, Any]) -> int | None:
    now = _now()
    chat_id = as_text(jargon_data.get("chat_id") or "")
    content = as_text(jargon_data.get("content") or "")
    values = {
        "content": content,
        "content_key": content_key(content),
        "raw_content": jargon_data.get("raw_content", "[]"),
        "meaning": jargon_data.get("meaning"),
        "is_jargon": _flag(jargon_data.get("is_jargon")),
        "count": _count_delta(jargon_data.get("count", 1)),
        "last_inference_count": _count_delta(jargon_data.get("last_inference_count", 0)),
        "is_complete": bool(jargon_data.get("is_complete", False)),
        "is_global": bool(jargon_data.get("is_global", False)),
        "chat_id": chat_id,
        "created_at": whole_seconds(jargon_data.get("created_at"), field="created_at", default=now),
        "updated_at": whole_seconds(jargon_data.get("updated_at"), field="updated_at", default=now),
    }
    same_key = select(_J.c.id).where(_J.c.chat_id == chat_id, _J.c.content_key == values["content_key"])
    async with db.transaction() as conn:
        # One term per text key: 'YYDS' is already there when the chat has 'yyds'.
        found = await scalar(conn, same_key.order_by(_J.c.id).limit(1))
        if found is not None:
            return int(found)
        try:
            # A savepoint, so a duplicate (chat_id, content) leaves the transaction usable for the lookup.
            async with conn.begin_nested():
                return int(await inserted_key(conn, _J.insert().values(values)))
        except IntegrityError as exc:
            if classify(exc) is not FailureClass.DUPLICATE_KEY:
                raise  # a NULL, a refused value: the method's on_failure, as any other failure
            return await _id_of(conn, chat_id, content)


async def update_jargon(db: Database, *, jargon_data: dict[str, Any]) -> bool:
    jargon_id = jargon_data.get("id")
    if not jargon_id:
        return False
    changes: dict[str, Any] = {}
    if "content" in jargon_data:
        changes["content"] = jargon_data["content"]
        changes["content_key"] = content_key(as_text(jargon_data["content"]))
    for name in ("raw_content", "meaning"):
        if name in jargon_data:
            changes[name] = jargon_data[name]
    for name in ("is_jargon", "is_complete", "is_global"):
        if name in jargon_data:
            changes[name] = _flag(jargon_data[name])
    for name in ("count", "last_inference_count"):
        if name in jargon_data:
            changes[name] = jargon_data[name]
    changes["updated_at"] = whole_seconds(jargon_data.get("updated_at"), field="updated_at", default=_now())
    async with db.autocommit() as conn:
        return await affected(conn, update(_J).where(_J.c.id == jargon_id).values(changes)) > 0


async def get_jargon_statistics(db: Database, *, group_id: str | None) -> JargonStatistics:
    # From the per-chat counters the triggers keep (handwritten/tables/counters.py): one row per chat, not one
    # per term. The average is that of the counts that are not NULL, as AVG(count) over the terms.
    stmt = select(
        func.coalesce(func.sum(_CHATS.c.term_count), 0).label("total"),
        func.coalesce(func.sum(_CHATS.c.confirmed_count), 0).label("confirmed"),
        func.coalesce(func.sum(_CHATS.c.complete_count), 0).label("completed"),
        func.coalesce(func.sum(_CHATS.c.occurrence_sum), 0).label("occurrences"),
        func.coalesce(func.sum(_CHATS.c.counted_terms), 0).label("counted"),
        func.count(case((_CHATS.c.term_count > 0, 1))).label("groups"),
    )
    if group_id:
        stmt = stmt.where(_CHATS.c.chat_id == group_id)
    row = await read_one(db, stmt if await counters_ready(db) else uncounted.jargon_statistics(group_id))
    total, counted, occurrences = int(row.total), int(row.counted), int(row.occurrences)
    return {
        "total_candidates": total,
        "confirmed_jargon": int(row.confirmed),
        "completed_inference": int(row.completed),
        "total_occurrences": occurrences,
        "average_count": round(occurrences / counted, 1) if counted and occurrences else 0.0,
        "active_groups": (1 if total else 0) if group_id else int(row.groups),
    }


async def get_recent_jargon_list(
    db: Database,
    *,
    group_id: str | None,
    chat_id: str | None,
    limit: int,
    offset: int,
    only_confirmed: bool,
    pending_only: bool,
    global_only: bool,
    local_only: bool,
) -> list[JargonRecord]:
    chat = group_id if group_id is not None else chat_id
    conditions = _filters(
        only_confirmed=only_confirmed, pending_only=pending_only, global_only=global_only, local_only=local_only
    )
    if chat is not None:
        conditions.append(_J.c.chat_id == chat)
    stmt = page(_one_per_content(conditions, ("updated_at", "id")), limit, offset)
    return await read_records(db, stmt, _listed)


async def get_jargon_count(
    db: Database,
    *,
    chat_id: str | None,
    only_confirmed: bool,
    pending_only: bool,
    global_only: bool,
    local_only: bool,
) -> int:
    # One term per text key, as the lists show them: within a chat and across chats alike.
    stmt = select(func.count(func.distinct(_content_key()))).where(
        _content_key() != "",
        *_filters(
            only_confirmed=only_confirmed, pending_only=pending_only, global_only=global_only, local_only=local_only
        ),
    )
    if chat_id is not None:
        stmt = stmt.where(_J.c.chat_id == chat_id)
    return int(await read_scalar(db, stmt) or 0)


async def search_jargon(
    db: Database,
    *,
    keyword: str,
    chat_id: str | None,
    confirmed_only: bool,
    pending_only: bool,
    global_only: bool,
    local_only: bool,
    limit: int,
) -> list[JargonRecord]:
    conditions: list[ColumnElement[bool]] = [_J.c.content_key.like(like_pattern(keyword), escape="\\")]
    if confirmed_only:
        conditions.append(_J.c.is_jargon.is_(True))
    elif pending_only:
        conditions.append(_unconfirmed())
    if chat_id:
        conditions.append(_J.c.chat_id == chat_id)
    if global_only:
        conditions.append(_J.c.is_global.is_(True))
    elif local_only:
        conditions.append(or_(_J.c.is_global.is_(False), _J.c.is_global.is_(None)))
    stmt = page(_one_per_content(conditions, ("count", "updated_at", "id")), limit)
    return await read_records(db, stmt, _listed)


async def set_jargon_global(db: Database, *, jargon_id: int, is_global: bool) -> bool:
    stmt = update(_J).where(_J.c.id == jargon_id).values(is_global=bool(is_global), updated_at=_now())
    async with db.autocommit() as conn:
        return await affected(conn, stmt) > 0


async def sync_global_jargon_to_group(db: Database, *, target_chat_id: str) -> int:
    # One INSERT ... SELECT: per content key the most counted global source (then the newest) gives its meaning;
    # keys the chat already has are left out, and a term the chat learns meanwhile is kept as it is.
    now = _now()
    rank = (
        func.row_number()
        .over(partition_by=_J.c.content_key, order_by=(_J.c.count.desc(), _J.c.updated_at.desc(), _J.c.id.desc()))
        .label("rank")
    )
    sources = (
        select(_J.c.content, _J.c.content_key, _J.c.meaning, rank)
        .where(_J.c.is_jargon.is_(True), _J.c.is_global.is_(True), _J.c.chat_id != target_chat_id)
        .subquery("sources")
    )
    present = select(_J.c.id).where(_J.c.chat_id == target_chat_id, _J.c.content_key == sources.c.content_key)
    values = {
        "raw_content": "[]",
        "is_jargon": True,
        "count": 1,
        "last_inference_count": 0,
        "is_complete": False,
        "is_global": False,
        "chat_id": target_chat_id,
        "created_at": now,
        "updated_at": now,
    }
    rows = select(
        sources.c.content,
        sources.c.content_key,
        sources.c.meaning,
        *(literal(v, _J.c[k].type).label(k) for k, v in values.items()),
    ).where(sources.c.rank == 1, ~exists(present))
    async with db.autocommit() as conn:  # one statement
        return await insert_missing(conn, _J, _KEY, ["content", "content_key", "meaning", *values], rows)


# The fields a caller may give save_or_update_jargon; an existing row changes only in the given ones.
_UPSERT_FIELDS = ("meaning", "raw_content", "is_jargon", "count", "last_inference_count", "is_global", "is_complete")


def _kept_if_complete(name: str, new: Any) -> ColumnElement[Any]:
    """The column keeps its value on a completed row, else takes new."""
    column = _J.c[name]
    return case((_J.c.is_complete.is_(True), column), else_=new)


@functools.cache
def _jargon_upsert(dialect: str, given: frozenset[str]) -> Insert:
    """save_or_update_jargon's statement for one set of given fields, built once (it holds no values)."""

    def changes(proposed: Any) -> list[tuple[str, Any]]:
        # MySQL applies the assignments in order and later ones see earlier results: every expression
        # reading is_complete comes before is_complete itself is set (last).
        out: list[tuple[str, Any]] = [("updated_at", proposed.updated_at)]
        out += [
            (name, _kept_if_complete(name, proposed[name]))
            for name in ("meaning", "raw_content", "is_jargon")
            if name in given
        ]
        if "count" in given:
            added = func.coalesce(_J.c.count, 0) + proposed.count
            out.append(("count", case((_J.c.is_complete.is_(True), added), else_=proposed.count)))
        out += [(name, proposed[name]) for name in ("last_inference_count", "is_global") if name in given]
        if "is_complete" in given:
            out.append(("is_complete", _kept_if_complete("is_complete", proposed.is_complete)))
        return out

    return upsert_returning_key_statement(dialect, _J, _KEY, changes)


async def save_or_update_jargon(db: Database, *, chat_id: str, content: str, jargon_data: dict[str, Any]) -> int | None:
    # One statement for every set of given fields: each optional assignment is guarded by a parameter.
    return await fast.upsert_jargon(db, _jargon_values(chat_id, content, jargon_data), jargon_data)


async def save_or_update_jargon_reference(
    db: Database, *, chat_id: str, content: str, jargon_data: dict[str, Any]
) -> int | None:
    """save_or_update_jargon through SQLAlchemy (a statement per set of given fields): the form its fast path is
    held to."""
    values = _jargon_values(chat_id, content, jargon_data)
    statement = _jargon_upsert(db.backend, frozenset(name for name in _UPSERT_FIELDS if name in jargon_data))
    async with db.autocommit() as conn:
        return await run_insert_or_existing_key(conn, statement, values, _KEY)


def _jargon_values(chat_id: str, content: str, jargon_data: dict[str, Any]) -> dict[str, Any]:
    now = _now()
    given = jargon_data
    return {
        "content": content,
        "content_key": content_key(content),
        "raw_content": given.get("raw_content", "[]"),
        "meaning": given.get("meaning"),
        "is_jargon": _flag(given.get("is_jargon", True)),
        "count": _count_delta(given.get("count", 1)),
        "last_inference_count": _count_delta(given.get("last_inference_count", 0)),
        "is_complete": bool(given.get("is_complete", False)),
        "is_global": bool(given.get("is_global", False)),
        "chat_id": chat_id,
        "created_at": now,
        "updated_at": now,
    }


async def get_global_jargon_list(db: Database, *, limit: int) -> list[JargonRecord]:
    stmt = (
        select(_J)
        .where(_J.c.is_jargon.is_(True), _J.c.is_global.is_(True))
        .order_by(_J.c.count.desc(), _J.c.updated_at.desc(), _J.c.id.desc())
    )
    return await read_records(db, page(stmt, limit), jargon_record)


async def get_jargon_groups(db: Database) -> list[JargonGroup]:
    terms = func.count(_J.c.id)
    stmt = select(_J.c.chat_id, terms.label("terms")).group_by(_J.c.chat_id).order_by(terms.desc(), _J.c.chat_id)
    return await read_records(db, stmt, _jargon_group)


def _jargon_group(row: Mapping[Any, Any]) -> JargonGroup:
    chat_id = row["chat_id"] or ""
    return {
        "group_id": chat_id,
        "group_name": chat_id,
        "id": chat_id,
        "chat_id": chat_id,
        "count": int(row["terms"] or 0),
    }
