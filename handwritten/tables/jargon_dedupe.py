"""Merge duplicate (chat_id, content) jargon rows, so the unique index uk_chat_content can be created.

Older plugin versions could store one term twice in one chat. Merging keeps every fact:
- the kept row is, in order of preference: complete, confirmed as jargon, most counted, oldest id;
- a kept complete row keeps its raw contents and meaning (a person completed it); otherwise raw contents
  of all rows are joined, without repeats, and the first non-empty meaning is taken;
- counts add up; last_inference_count is the largest; complete/global if any row was;
- created_at is the earliest, updated_at the latest; usage rows move to the kept id.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import bindparam, inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.contract.logs import layer_logger

log = layer_logger("migrate")

_FIELDS = (
    "id",
    "raw_content",
    "meaning",
    "is_jargon",
    "count",
    "last_inference_count",
    "is_complete",
    "is_global",
    "created_at",
    "updated_at",
)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "none", "null")
    return bool(value)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def raw_items(value: Any) -> list[Any]:
    """The items of a raw_content value: a JSON list, one JSON value, or plain text."""
    if value is None:
        return []
    if not isinstance(value, str):
        return [value]
    stripped = value.strip()
    if not stripped:
        return []
    try:
        parsed = json.loads(stripped)
    except ValueError:
        return [stripped]
    if isinstance(parsed, list):
        return parsed
    return [parsed] if parsed else []


def merge_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One row holding what the duplicate rows held (see the module's rules); keeps the chosen row's id."""
    ranked = sorted(
        rows,
        key=lambda r: (
            not _truthy(r.get("is_complete")),
            not _truthy(r.get("is_jargon")),
            -(_int(r.get("count")) or 0),
            _int(r.get("id")) or 0,
        ),
    )
    keeper = ranked[0]
    complete = _truthy(keeper.get("is_complete"))
    items = raw_items(keeper.get("raw_content"))
    if not complete:
        for row in ranked[1:]:
            items.extend(raw_items(row.get("raw_content")))
    unique_items = list(dict.fromkeys(str(i) for i in items if str(i)))
    meaning = keeper.get("meaning") or next((r.get("meaning") for r in ranked if r.get("meaning")), None)
    if complete:
        is_jargon = keeper.get("is_jargon")
    elif any(_truthy(r.get("is_jargon")) for r in ranked):
        is_jargon = True
    elif any(r.get("is_jargon") is not None for r in ranked):
        is_jargon = False
    else:
        is_jargon = None
    created = [v for v in (_int(r.get("created_at")) for r in ranked) if v is not None]
    updated = [v for v in (_int(r.get("updated_at")) for r in ranked) if v is not None]
    return {
        "id": keeper["id"],
        "raw_content": json.dumps(unique_items, ensure_ascii=False),
        "meaning": meaning,
        "is_jargon": is_jargon,
        "count": sum(max(_int(r.get("count")) or 0, 0) for r in ranked),
        "last_inference_count": max((_int(r.get("last_inference_count")) or 0) for r in ranked),
        "is_complete": any(_truthy(r.get("is_complete")) for r in ranked),
        "is_global": any(_truthy(r.get("is_global")) for r in ranked),
        "created_at": min(created) if created else keeper.get("created_at"),
        "updated_at": max(updated) if updated else keeper.get("updated_at"),
    }


async def merge_duplicate_jargon(conn: AsyncConnection) -> int:
    """Merge every group of duplicate rows; returns how many groups were merged."""
    q = conn.dialect.identifier_preparer.quote
    groups = (
        await conn.execute(
            text(
                f"SELECT {q('chat_id')}, {q('content')} FROM {q('jargon')} "
                f"GROUP BY {q('chat_id')}, {q('content')} HAVING COUNT(*) > 1"
            )
        )
    ).all()
    if not groups:
        return 0
    has_usage = await conn.run_sync(lambda sync: inspect(sync).has_table("jargon_usage_frequency"))
    select_rows = text(
        f"SELECT {', '.join(q(f) for f in _FIELDS)} FROM {q('jargon')} "
        f"WHERE {q('chat_id')} = :chat_id AND {q('content')} = :content ORDER BY {q('id')}"
    )
    update_row = text(
        f"UPDATE {q('jargon')} SET " + ", ".join(f"{q(f)} = :{f}" for f in _FIELDS[1:]) + f" WHERE {q('id')} = :id"
    )
    move_usage = text(
        f"UPDATE {q('jargon_usage_frequency')} SET {q('jargon_id')} = :keeper WHERE {q('jargon_id')} IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    delete_rows = text(f"DELETE FROM {q('jargon')} WHERE {q('id')} IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for chat_id, content in groups:
        rows = [dict(r._mapping) for r in await conn.execute(select_rows, {"chat_id": chat_id, "content": content})]
        if len(rows) < 2:
            continue
        merged = merge_rows(rows)
        others = [r["id"] for r in rows if r["id"] != merged["id"]]
        await conn.execute(update_row, merged)
        if has_usage:
            await conn.execute(move_usage, {"keeper": merged["id"], "ids": others})
        await conn.execute(delete_rows, {"ids": others})
    return len(groups)


async def merge_before_unique_index(conn: AsyncConnection, index: str) -> None:
    """The migration hook `merge_jargon_duplicates`: run before uk_chat_content is created on an existing table."""
    merged = await merge_duplicate_jargon(conn)
    if merged:
        log.info("merged %d duplicate jargon groups before creating %s", merged, index)
