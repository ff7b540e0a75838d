"""The hot paths of issue 6: each one through the manager and through the raw driver, on the same data.

The raw side runs the SQL the manager emits (same columns, WHERE, ORDER BY and LIMIT), written by hand, and
builds the same result shape (dicts for rows, ints for ids, lists of strings), so the ratio measures the
layer. Where the two cannot do the same work, a comment says so.
"""

from __future__ import annotations

import json
import operator
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tests.bench.data import INSERT_FILTERED, INSERT_RAW, Dataset, chat_text
from tests.bench.raw import RawClient

Call = Callable[[int], Awaitable[Any]]
RECENT_LIMIT = 50
UNPROCESSED_LIMIT = 100
FEW_SHOTS_LIMIT = 3
MESSAGE_POOL = 1_000

RAW_COLUMNS = (
    "raw_messages.id, raw_messages.sender_id, raw_messages.sender_name, raw_messages.sender_qq,"
    " raw_messages.message, raw_messages.group_id, raw_messages.timestamp, raw_messages.platform,"
    " raw_messages.message_id, raw_messages.reply_to, raw_messages.created_at, raw_messages.processed"
)
UNPROCESSED_KEYS = ("id", "sender_id", "sender_name", "sender_qq", "message", "group_id", "platform", "timestamp")


@dataclass
class Path:
    """One hot path: the two sides, how many rows a call handles, and the housekeeping between rounds."""

    name: str
    ours: Call
    raw: Call
    rows_per_call: int = 1
    max_calls_per_round: int | None = None
    after_round: Callable[[], Awaitable[None]] | None = None
    writes_rows: bool = False  # rows it adds are deleted after the path (see data.remove_added_rows)
    note: str = ""
    # same(ours, raw): the two sides' results agree (checked before timing); valid(result): a call did its work
    # (checked on every timed call: the manager logs a failure and returns 0 for some methods).
    same: Callable[[Any, Any], bool] = operator.eq
    valid: Callable[[Any], bool] = bool


@dataclass
class Bench:
    """What every path works on."""

    backend: str
    manager: Any
    raw: RawClient
    data: Dataset
    batch: int


def _messages(data: Dataset) -> list[dict[str, Any]]:
    now = int(time.time())
    rng = random.Random(7)
    return [
        {
            "sender_id": f"u{i % 500}",
            "sender_name": f"用户{i % 500}",
            "message": chat_text(rng, i),
            "group_id": data.groups[i % len(data.groups)],
            "timestamp": now + i,
            "platform": "aiocqhttp",
            "message_id": f"bench{i}",
        }
        for i in range(MESSAGE_POOL)
    ]


def _both_new_ids(ours: int, raw: int) -> bool:
    return ours > 0 and raw > 0


def _same_ids(ours: list[Any], raw: list[Any]) -> bool:
    return [row["id"] for row in ours] == [row["id"] for row in raw]


def _raw_message_args(message: dict[str, Any], now: int) -> tuple[Any, ...]:
    """The row a hand-written save would bind: the same columns and defaults as ours, no validation."""
    return (
        str(message.get("sender_id") or ""),
        message.get("sender_name") or "",
        message.get("sender_qq") or None,
        str(message.get("message") or ""),
        message.get("group_id") or "",
        int(message.get("timestamp") or now),
        message.get("platform") or "",
        message.get("message_id"),
        message.get("reply_to"),
        now,
        False,
    )


# -------------------------------------------------------------------- writes of single rows


def save_raw_message(b: Bench) -> Path:
    messages = _messages(b.data)

    async def ours(i: int) -> int:
        return int(await b.manager.save_raw_message(messages[i % MESSAGE_POOL]))

    async def raw(i: int) -> int:
        args = _raw_message_args(messages[i % MESSAGE_POOL], int(time.time()))
        return await b.raw.single().insert(INSERT_RAW, args)

    return Path("save_raw_message", ours, raw, writes_rows=True, same=_both_new_ids)


def save_raw_messages(b: Bench) -> Path:
    messages = _messages(b.data)
    batches = [messages[k : k + b.batch] for k in range(0, MESSAGE_POOL - b.batch + 1, b.batch)] or [messages]

    async def ours(i: int) -> int:
        return len(await b.manager.save_raw_messages(batches[i % len(batches)]))

    async def raw(i: int) -> int:
        now = int(time.time())
        rows = [_raw_message_args(message, now) for message in batches[i % len(batches)]]
        async with b.raw.transaction() as tx:
            await tx.executemany(INSERT_RAW, rows)
        return len(rows)

    note = f"{b.batch} messages a call; ours also returns the new ids (RETURNING), executemany returns none"
    return Path(
        "save_raw_messages",
        ours,
        raw,
        rows_per_call=b.batch,
        writes_rows=True,
        note=note,
        valid=lambda saved: saved == len(batches[0]),
    )


def add_filtered_message(b: Bench) -> Path:
    rng = random.Random(11)
    items = [
        {
            "raw_message_id": i + 1,
            "message": chat_text(rng, i),
            "sender_id": f"u{i % 500}",
            "group_id": b.data.groups[i % len(b.data.groups)],
            "timestamp": b.data.base_time + i,
            "confidence": 0.9,
            "quality_scores": {"clarity": 0.8, "关联": 0.5},
            "filter_reason": "bench",
        }
        for i in range(MESSAGE_POOL)
    ]

    async def ours(i: int) -> int:
        return int(await b.manager.add_filtered_message(items[i % MESSAGE_POOL]))

    async def raw(i: int) -> int:
        d = items[i % MESSAGE_POOL]
        now = int(time.time())
        args = (
            int(d["raw_message_id"]),
            str(d["message"]),
            str(d["sender_id"]),
            d["group_id"],
            int(d["timestamp"]),
            float(d["confidence"]),
            json.dumps(d["quality_scores"], ensure_ascii=False),
            d["filter_reason"],
            now,
            False,
        )
        return await b.raw.single().insert(INSERT_FILTERED, args)

    return Path("add_filtered_message", ours, raw, writes_rows=True, same=_both_new_ids)


def save_or_update_jargon(b: Bench) -> Path:
    terms = b.data.terms
    t = b.raw.true_literal
    columns = (
        "INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete,"
        " is_global, chat_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    # One statement that returns the row's id, as ours: RETURNING, or MySQL's LAST_INSERT_ID(id) as lastrowid.
    if b.backend == "mysql":
        upsert = (
            f"{columns} ON DUPLICATE KEY UPDATE"
            " meaning = CASE WHEN (jargon.is_complete IS true) THEN jargon.meaning ELSE VALUES(meaning) END,"
            " count = CASE WHEN (jargon.is_complete IS true) THEN coalesce(jargon.count, 0) + VALUES(count)"
            " ELSE VALUES(count) END,"
            " updated_at = VALUES(updated_at), id = LAST_INSERT_ID(jargon.id)"
        )
    else:
        upsert = (
            f"{columns} ON CONFLICT (chat_id, content) DO UPDATE SET"
            f" meaning = CASE WHEN (jargon.is_complete IS {t}) THEN jargon.meaning ELSE excluded.meaning END,"
            f" count = CASE WHEN (jargon.is_complete IS {t}) THEN coalesce(jargon.count, 0) + excluded.count"
            " ELSE excluded.count END,"
            " updated_at = excluded.updated_at"
        )

    async def ours(i: int) -> int | None:
        chat_id, content = terms[i % len(terms)]
        return await b.manager.save_or_update_jargon(chat_id, content, {"meaning": f"新意思{i}", "count": 1})

    async def raw(i: int) -> int | None:
        chat_id, content = terms[i % len(terms)]
        now = int(time.time())
        args = (content, "[]", f"新意思{i}", True, 1, 0, False, False, chat_id, now, now)
        if b.backend == "mysql":
            return await b.raw.single().insert(upsert, args)
        found = await b.raw.single().scalar(upsert + " RETURNING id", args)
        return int(found) if found is not None else None

    return Path(
        "save_or_update_jargon",
        ours,
        raw,
        note="an existing term: the upsert updates",
        valid=lambda found: found is not None,
    )


AFFECTION_USERS = 50


def update_user_affection(b: Bench) -> Path:
    """A transaction: the user's row made or found and locked, its level read, set, and the change recorded."""
    group = b.data.groups[0]
    first_seen = (
        "INSERT INTO user_affections (group_id, user_id, affection_level, max_affection, created_at, updated_at)"
        " VALUES (?, ?, 0, 100, ?, ?)"
    )
    if b.backend == "mysql":
        first_seen += " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)"
    else:
        first_seen += " ON CONFLICT (group_id, user_id) DO UPDATE SET id = user_affections.id RETURNING id"
    locked = "SELECT affection_level FROM user_affections WHERE id = ?" + (
        "" if b.backend == "sqlite" else " FOR UPDATE"
    )
    record = (
        "INSERT INTO affection_interactions (user_affection_id, interaction_type, affection_delta, message_content,"
        " timestamp) VALUES (?, ?, ?, ?, ?)"
    )

    async def ours(i: int) -> bool:
        user = f"u{i % AFFECTION_USERS}"
        return bool(await b.manager.update_user_affection(group, user, i % 101, "chat", "calm"))

    async def raw(i: int) -> bool:
        user, level, now = f"u{i % AFFECTION_USERS}", i % 101, int(time.time())
        async with b.raw.transaction() as tx:
            if b.backend == "mysql":
                key = await tx.insert(first_seen, (group, user, now, now))
            else:
                key = int(await tx.scalar(first_seen, (group, user, now, now)))
            # The raw side takes max_affection as 100 (ours reads it with the level).
            previous = int(await tx.scalar(locked, (key,)))
            await tx.execute(
                "UPDATE user_affections SET affection_level = ?, updated_at = ? WHERE id = ?", (level, now, key)
            )
            if level != previous:
                details = json.dumps(
                    {"change_reason": "chat", "bot_mood": "calm", "previous_level": previous, "new_level": level}
                )
                await tx.insert(record, (key, "chat", level - previous, details, now))
        return True

    return Path("update_user_affection", ours, raw, note="4 statements in one transaction (3 when unchanged)")


def save_bot_mood(b: Bench) -> Path:
    """A transaction: the group's active mood ended, the new one stored."""
    groups = b.data.groups
    end_active = (
        "UPDATE bot_mood SET end_time = CASE WHEN (end_time IS NULL OR end_time > ?) THEN ? ELSE end_time END,"
        " is_active = 0 WHERE group_id = ? AND is_active = 1"
    )
    add = (
        "INSERT INTO bot_mood (group_id, mood_type, mood_intensity, mood_description, timestamp, start_time,"
        " end_time, is_active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, CURRENT_TIMESTAMP)"
    )

    async def ours(i: int) -> bool:
        return bool(await b.manager.save_bot_mood(groups[i % len(groups)], "calm", 0.5, "steady", 24))

    async def raw(i: int) -> bool:
        group, now = groups[i % len(groups)], time.time()
        async with b.raw.transaction() as tx:
            await tx.execute(end_active, (now, now, group))
            await tx.insert(add, (group, "calm", 0.5, "steady", now, now, now + 24 * 3600))
        return True

    return Path("save_bot_mood", ours, raw, note="2 statements in one transaction")


# -------------------------------------------------------------------- reads


def get_recent_raw_messages(b: Bench) -> Path:
    groups = b.data.groups
    sql = (
        f"SELECT {RAW_COLUMNS} FROM raw_messages WHERE raw_messages.group_id = ?"
        " ORDER BY raw_messages.timestamp DESC, raw_messages.id DESC LIMIT ?"
    )

    async def ours(i: int) -> list[Any]:
        return list(await b.manager.get_recent_raw_messages(groups[i % len(groups)], RECENT_LIMIT))

    async def raw(i: int) -> list[dict[str, Any]]:
        return await b.raw.rows(sql, (groups[i % len(groups)], RECENT_LIMIT))

    return Path(
        "get_recent_raw_messages(50)",
        ours,
        raw,
        rows_per_call=RECENT_LIMIT,
        same=_same_ids,
        valid=lambda rows: len(rows) == RECENT_LIMIT,
    )


def unprocessed_then_mark(b: Bench) -> Path:
    """get_unprocessed_messages(100), then mark_messages_processed on those ids.

    Each call consumes 100 waiting rows; the rows a round marked are put back (untimed) after the round, and
    a round stops early when the waiting rows would run out, so every call finds 100 rows.
    """
    waiting = int(b.data.rows * 0.10)
    marked: list[int] = []
    sql = (
        f"SELECT {RAW_COLUMNS} FROM raw_messages WHERE raw_messages.processed = {b.raw.false_literal}"
        " ORDER BY raw_messages.processed, raw_messages.timestamp, raw_messages.id LIMIT ?"
    )
    mark_sql = "UPDATE raw_messages SET processed = ? WHERE raw_messages.id IN (" + ", ".join(["?"] * 100) + ")"

    async def ours(_i: int) -> int:
        rows = await b.manager.get_unprocessed_messages(UNPROCESSED_LIMIT)
        ids = [row["id"] for row in rows]
        await b.manager.mark_messages_processed(ids)
        marked.extend(ids)
        return len(ids)

    async def raw(_i: int) -> int:
        rows = [{key: row[key] for key in UNPROCESSED_KEYS} for row in await b.raw.rows(sql, (UNPROCESSED_LIMIT,))]
        ids = [row["id"] for row in rows]
        if ids:
            # A fixed-width IN list (the statement stays prepared); a short last page repeats its last id.
            padded = ids + [ids[-1]] * (UNPROCESSED_LIMIT - len(ids))
            await b.raw.single().execute(mark_sql, (True, *padded))
        marked.extend(ids)
        return len(ids)

    async def put_back() -> None:
        done, marked[:] = list(marked), []
        for start in range(0, len(done), 500):
            chunk = done[start : start + 500]
            sql_back = "UPDATE raw_messages SET processed = ? WHERE id IN (" + ", ".join(["?"] * len(chunk)) + ")"
            async with b.raw.transaction() as tx:
                await tx.execute(sql_back, (False, *chunk))

    return Path(
        "get_unprocessed(100)+mark_processed",
        ours,
        raw,
        rows_per_call=UNPROCESSED_LIMIT,
        max_calls_per_round=max(1, waiting // UNPROCESSED_LIMIT),
        after_round=put_back,
        valid=lambda count: count == UNPROCESSED_LIMIT,
    )


def get_approved_few_shots(b: Bench) -> Path:
    groups = b.data.groups
    sql = (
        "SELECT style_learning_reviews.few_shots_content FROM style_learning_reviews"
        " WHERE style_learning_reviews.status = ? AND style_learning_reviews.group_id = ?"
        " AND style_learning_reviews.few_shots_content IS NOT NULL"
        " AND length(style_learning_reviews.few_shots_content) > ?"
        " ORDER BY style_learning_reviews.timestamp DESC, style_learning_reviews.id DESC LIMIT ?"
    )

    async def ours(i: int) -> list[str]:
        return list(await b.manager.get_approved_few_shots(groups[i % len(groups)], FEW_SHOTS_LIMIT))

    async def raw(i: int) -> list[str]:
        return [str(text) for text in await b.raw.column(sql, ("approved", groups[i % len(groups)], 0, 3))]

    return Path("get_approved_few_shots(3)", ours, raw, valid=lambda shots: len(shots) == FEW_SHOTS_LIMIT)


def get_messages_statistics(b: Bench) -> Path:
    async def ours(_i: int) -> dict[str, Any]:
        return dict(await b.manager.get_messages_statistics())

    async def raw(_i: int) -> dict[str, Any]:
        # The same three counts as ours, in one (read) transaction as ours runs them.
        async with b.raw.transaction(write=False) as tx:
            total = int(await tx.scalar("SELECT count(*) FROM raw_messages"))
            filtered = int(await tx.scalar("SELECT count(*) FROM filtered_messages"))
            bot = int(await tx.scalar("SELECT count(*) FROM bot_messages"))
        return {"total_messages": total, "raw_messages": total, "filtered_messages": filtered, "bot_messages": bot}

    return Path("get_messages_statistics", ours, raw)


def get_message_statistics_group(b: Bench) -> Path:
    groups = b.data.groups
    f = b.raw.false_literal

    async def ours(i: int) -> dict[str, Any]:
        return dict(await b.manager.get_message_statistics(groups[i % len(groups)]))

    async def raw(i: int) -> dict[str, Any]:
        group = groups[i % len(groups)]
        async with b.raw.transaction(write=False) as tx:
            total = int(await tx.scalar("SELECT count(*) FROM raw_messages WHERE raw_messages.group_id = ?", (group,)))
            unprocessed = int(
                await tx.scalar(
                    "SELECT count(*) FROM raw_messages WHERE raw_messages.group_id = ?"
                    f" AND raw_messages.processed = {f}",
                    (group,),
                )
            )
            filtered = int(
                await tx.scalar("SELECT count(*) FROM filtered_messages WHERE filtered_messages.group_id = ?", (group,))
            )
        return {
            "total_messages": total,
            "unprocessed_messages": unprocessed,
            "filtered_messages": filtered,
            "raw_messages": total,
            "group_id": group,
        }

    return Path("get_message_statistics(group)", ours, raw)


# Reads first (statistics on exactly the seeded rows), then writes; each write path's rows are removed after it.
BUILDERS: tuple[Callable[[Bench], Path], ...] = (
    get_messages_statistics,
    get_message_statistics_group,
    get_recent_raw_messages,
    get_approved_few_shots,
    unprocessed_then_mark,
    save_raw_message,
    save_raw_messages,
    add_filtered_message,
    save_or_update_jargon,
    update_user_affection,
    save_bot_mood,
)


def build(b: Bench, only: set[str] | None = None) -> list[Path]:
    """Every path, or those named in only: a name picks the path of exactly that name, else those it begins."""
    paths = [builder(b) for builder in BUILDERS]
    if not only:
        return paths
    chosen: set[str] = set()
    for name in only:
        exact = [p.name for p in paths if p.name == name]
        chosen.update(exact or [p.name for p in paths if p.name.startswith(name)])
    return [p for p in paths if p.name in chosen]
