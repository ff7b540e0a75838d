"""The benchmark's databases and data: names (all `sldb_bench...`), settings, the seeded rows.

The same rows are written on every backend (a fixed random seed), through the raw driver, before any path
runs: raw messages (90 % processed, the newest 10 % waiting), filtered and bot messages, jargon terms and
style reviews, spread over a number of groups.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.backends import db_name, mysql_server, postgresql_server
from tests.bench.raw import MysqlClient, PgClient, RawClient, SqliteClient
from tests.fixtures import drop_database, settings_for

PREFIX = "sldb_bench"
MAIN_DATABASE = db_name(PREFIX)
COLD_DATABASE = db_name(PREFIX + "_cold")
PG_SCHEMA = PREFIX  # a non-public schema, so search_path is in play as in the plugin's multi-instance setups
DEFAULT_DIR = Path(tempfile.gettempdir()) / PREFIX

SENDERS = 500
UNPROCESSED_SHARE = 0.10
JARGON_PER_GROUP = 50
REVIEWS_PER_GROUP = 30
REVIEW_STATUSES = ("approved", "pending", "rejected")
DAY = 86_400

INSERT_RAW = (
    "INSERT INTO raw_messages (sender_id, sender_name, sender_qq, message, group_id, timestamp, platform,"
    " message_id, reply_to, created_at, processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_FILTERED = (
    "INSERT INTO filtered_messages (raw_message_id, message, sender_id, group_id, timestamp, confidence,"
    " quality_scores, filter_reason, created_at, processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_BOT = "INSERT INTO bot_messages (group_id, message, timestamp, created_at) VALUES (?, ?, ?, ?)"
INSERT_JARGON = (
    "INSERT INTO jargon (content, raw_content, meaning, is_jargon, count, last_inference_count, is_complete,"
    " is_global, chat_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_REVIEW = (
    "INSERT INTO style_learning_reviews (type, group_id, timestamp, few_shots_content, status, description)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
SEED_CHUNK = 5_000
SEEDED_TABLES = ("raw_messages", "filtered_messages", "bot_messages", "jargon", "style_learning_reviews")


def bench_settings(backend: str, folder: Path, database: str) -> dict[str, Any]:
    """Database_Settings of a benchmark database; never falls back, so a backend is what it says."""
    if not database.startswith(PREFIX):
        raise ValueError(f"benchmark databases are named {PREFIX}...: {database!r}")
    return {**settings_for(backend, folder, database=database, schema=PG_SCHEMA), "fallback_to_sqlite": False}


async def remove_database(backend: str, folder: Path, database: str) -> None:
    """Drop a benchmark database (server backends) or delete its SQLite files; only `sldb_bench...` names."""
    if not database.startswith(PREFIX):
        raise ValueError(f"refusing to drop {database!r}: not a benchmark database")
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            (folder / f"{database}.db{suffix}").unlink(missing_ok=True)
        return
    await drop_database(backend, database)


def remove_folder_if_empty(folder: Path) -> None:
    if folder.exists() and not any(folder.iterdir()):
        shutil.rmtree(folder, ignore_errors=True)


async def open_raw(backend: str, folder: Path, database: str) -> RawClient:
    """The raw driver's connection to a benchmark database (created by the manager's start)."""
    if backend == "sqlite":
        return await SqliteClient.connect(str(folder / f"{database}.db"))
    if backend == "mysql":
        server = mysql_server()
        return await MysqlClient.connect(
            host=server.host or "127.0.0.1",
            port=server.port or 3306,
            user=server.username or "root",
            password=server.password or "",
            database=database,
        )
    server = postgresql_server()
    return await PgClient.connect(
        host=server.host or "127.0.0.1",
        port=server.port or 5432,
        user=server.username or "postgres",
        password=server.password or "",
        database=database,
        schema=PG_SCHEMA,
    )


def chat_text(rng: random.Random, i: int) -> str:
    """A chat line of mixed length and script, as the plugin collects them."""
    words = ("今天", "天气", "不错", "哈哈", "yyds", "绝绝子", "ok", "好的", "🙂", "👍", "lol", "下班了", "吃饭")
    return f"{i} " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 25)))


@dataclass
class Dataset:
    """What was seeded, so paths can pick existing groups and terms and tidy up what they add."""

    rows: int
    groups: list[str]
    base_time: int
    raw_max_id: int = 0
    filtered_max_id: int = 0
    terms: list[tuple[str, str]] = field(default_factory=list)  # (chat_id, content) of existing jargon

    @classmethod
    def plan(cls, rows: int, groups: int) -> Dataset:
        return cls(rows=rows, groups=[f"group_{g:03d}" for g in range(groups)], base_time=int(time.time()) - 30 * DAY)


def _raw_rows(data: Dataset, rng: random.Random) -> list[tuple[Any, ...]]:
    step = max(1, 30 * DAY // max(data.rows, 1))
    processed_until = int(data.rows * (1 - UNPROCESSED_SHARE))
    rows = []
    for i in range(data.rows):
        sender = rng.randrange(SENDERS)
        ts = data.base_time + i * step
        rows.append(
            (
                f"u{sender}",
                f"用户{sender}",
                None,
                chat_text(rng, i),
                data.groups[i % len(data.groups)],
                ts,
                "aiocqhttp",
                f"m{i}",
                None,
                ts,
                i < processed_until,
            )
        )
    return rows


def _filtered_rows(data: Dataset, rng: random.Random) -> list[tuple[Any, ...]]:
    count = data.rows // 10
    return [
        (
            i * 10 + 1,
            chat_text(rng, i),
            f"u{rng.randrange(SENDERS)}",
            data.groups[(i * 10) % len(data.groups)],
            data.base_time + i * 10,
            round(rng.random(), 3),
            '{"clarity": 0.8}',
            "bench",
            data.base_time + i * 10,
            i % 3 == 0,
        )
        for i in range(count)
    ]


def _bot_rows(data: Dataset, rng: random.Random) -> list[tuple[Any, ...]]:
    return [
        (data.groups[i % len(data.groups)], chat_text(rng, i), data.base_time + i * 10, data.base_time + i * 10)
        for i in range(data.rows // 10)
    ]


def _jargon_rows(data: Dataset) -> list[tuple[Any, ...]]:
    rows = []
    for group in data.groups:
        for k in range(JARGON_PER_GROUP):
            content = f"黑话{k}"
            data.terms.append((group, content))
            complete = k % 2 == 0  # both branches of the upsert's CASE expressions are exercised
            t = data.base_time
            rows.append((content, "[]", f"意思{k}", True, 1 + k, 0, complete, False, group, t, t))
    return rows


def _review_rows(data: Dataset) -> list[tuple[Any, ...]]:
    rows = []
    for group in data.groups:
        for k in range(REVIEWS_PER_GROUP):
            status = REVIEW_STATUSES[k % len(REVIEW_STATUSES)]
            shots = f"A: 你好\nB: 哈喽～（{group} {k}）" if k % 5 else ""
            rows.append(("style_learning", group, float(data.base_time + k * 60), shots, status, "bench"))
    return rows


async def _insert(raw: RawClient, sql: str, rows: list[tuple[Any, ...]]) -> None:
    for start in range(0, len(rows), SEED_CHUNK):
        async with raw.transaction() as tx:
            await tx.executemany(sql, rows[start : start + SEED_CHUNK])


SEED = 20240601


async def seed(raw: RawClient, data: Dataset) -> None:
    """Write the dataset through the raw driver and refresh the planner's statistics."""
    rng = random.Random(SEED)
    await _insert(raw, INSERT_RAW, _raw_rows(data, rng))
    await _insert(raw, INSERT_FILTERED, _filtered_rows(data, rng))
    await _insert(raw, INSERT_BOT, _bot_rows(data, rng))
    await _insert(raw, INSERT_JARGON, _jargon_rows(data))
    await _insert(raw, INSERT_REVIEW, _review_rows(data))
    async with raw.transaction(write=False) as tx:
        data.raw_max_id = int(await tx.scalar("SELECT MAX(id) FROM raw_messages") or 0)
        data.filtered_max_id = int(await tx.scalar("SELECT MAX(id) FROM filtered_messages") or 0)
    await refresh_statistics(raw)


async def seed_raw_copy(raw: RawClient, data: Dataset, table: str) -> None:
    """The raw messages seed() writes (the same rows, so the same ids), into another table of the same columns."""
    rows = _raw_rows(data, random.Random(SEED))  # raw messages are the first rows seed() draws
    await _insert(raw, INSERT_RAW.replace("INSERT INTO raw_messages ", f"INSERT INTO {table} ", 1), rows)
    await refresh_statistics(raw, (table,))


async def refresh_statistics(raw: RawClient, tables: tuple[str, ...] = SEEDED_TABLES) -> None:
    """What the servers' own housekeeping does after a bulk load (PostgreSQL autovacuum, InnoDB persistent
    statistics), done now so every run plans on the same statistics. SQLite is left as the plugin leaves it:
    the data layer never runs ANALYZE there."""
    if isinstance(raw, PgClient):
        for table in tables:
            await raw.conn.execute(f"VACUUM ANALYZE {table}")
    elif isinstance(raw, MysqlClient):
        await raw.rows("ANALYZE TABLE " + ", ".join(tables))


async def remove_added_rows(raw: RawClient, data: Dataset) -> None:
    """Delete what write paths added, so every path sees the seeded tables."""
    async with raw.transaction() as tx:
        await tx.execute("DELETE FROM raw_messages WHERE id > ?", (data.raw_max_id,))
        await tx.execute("DELETE FROM filtered_messages WHERE id > ?", (data.filtered_max_id,))
