"""The contenders of `--anchors` (tests/bench/anchors.py): ours, the pooled driver and SQLAlchemy used directly.

Tortoise ORM and Piccolo are in anchor_tortoise.py and anchor_piccolo.py, imported only when they run.
Every contender makes the same two calls: store one chat message and return its new id, and read a group's
newest RECENT_LIMIT messages, every column, newest first (timestamp, then id, descending). Each one but ours
works on its own copy of raw_messages (`raw_messages_<key>`, see anchors.make_copies).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import aiomysql
import asyncpg
from sqlalchemy import BigInteger, Boolean, Integer, MetaData, String, Text, bindparam, event, insert, select, text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sldb.handwritten.runtime.connecting.pools import SQLITE_PRAGMAS
from sldb.handwritten.tables import counters
from sldb.handwritten.tables.counter_triggers import trigger_ddl
from tests.bench.raw import SqliteClient

RECENT_LIMIT = 50
POOL_SIZE = 10  # ours: PoolOptions.max_connections
POOL_MIN = 2  # ours: PoolOptions.min_connections
# Every column of raw_messages, in its order: what ours selects (select(table)) and every contender reads.
COLUMNS = (
    "id",
    "sender_id",
    "sender_name",
    "sender_qq",
    "message",
    "group_id",
    "timestamp",
    "platform",
    "message_id",
    "reply_to",
    "created_at",
    "processed",
    "ingest_key",
)


class Unavailable(Exception):
    """A contender that cannot run on this backend; the message says why (printed as a footnote)."""


@dataclass(frozen=True)
class Target:
    """The benchmark database a contender connects to: a server's (PostgreSQL: in schema) or a SQLite file."""

    backend: str
    database: str
    host: str = ""
    port: int = 0
    user: str = ""
    password: str = ""
    schema: str = ""  # PostgreSQL: the schema every table is in (search_path)
    path: str = ""  # SQLite: the file

    def url(self) -> URL:
        """An SQLAlchemy URL with the async driver our layer uses on this backend."""
        if self.backend == "sqlite":
            return URL.create("sqlite+aiosqlite", database=self.path)
        driver = "postgresql+asyncpg" if self.backend == "postgresql" else "mysql+aiomysql"
        return URL.create(driver, self.user, self.password or None, self.host, self.port, self.database)


def stored_row(message: Mapping[str, Any], now: int) -> dict[str, Any]:
    """The row ours stores for a message (handwritten/facades/message.py), without our checks: every column
    but id, the same values, ingest_key included (a platform message id makes it: platform, group, id)."""
    key = "\x1f".join(str(message.get(name) or "") for name in ("platform", "group_id", "message_id"))
    return {
        "sender_id": str(message.get("sender_id") or ""),
        "sender_name": message.get("sender_name") or "",
        "sender_qq": message.get("sender_qq") or None,
        "message": str(message.get("message") or ""),
        "group_id": message.get("group_id") or "",
        "timestamp": int(message.get("timestamp") or now),
        "platform": message.get("platform") or "",
        "message_id": message.get("message_id"),
        "reply_to": message.get("reply_to"),
        "created_at": now,
        "processed": False,
        "ingest_key": key if message.get("message_id") else None,
    }


def row_id(row: Any) -> int:
    """The id of a row a contender read: a mapping's or an ORM object's."""
    return int(row["id"] if isinstance(row, Mapping) else row.id)


class Contender(ABC):
    """One way of making the two calls. key names its table (`raw_messages_<key>`) and its JSON entry."""

    key: str = ""
    label: str = ""
    # Columns the insert check does not compare with ours's stored row (beside id and created_at).
    check_skips: tuple[str, ...] = ()

    def __init__(self, target: Target) -> None:
        self.target = target
        self.table = f"raw_messages_{self.key}"

    @property
    def name(self) -> str:
        return self.label

    async def open(self) -> None:  # noqa: B027 (optional: ours has nothing to open)
        """Connect (raise Unavailable when this contender cannot work on the target's backend)."""

    @abstractmethod
    async def insert(self, message: dict[str, Any]) -> int:
        """Store one message; its new id."""

    @abstractmethod
    async def recent(self, group_id: str) -> Sequence[Any]:
        """The group's newest RECENT_LIMIT messages, every column."""

    async def close(self) -> None:  # noqa: B027 (optional, as open)
        """Close what open() opened."""

    async def before_round(self) -> None:  # noqa: B027 (optional: a setting of the round, not timed)
        """Prepare a timed round (outside its time)."""

    async def after_round(self) -> None:  # noqa: B027 (optional, as before_round)
        """Undo what before_round did (outside the round's time)."""


class Ours(Contender):
    key = "ours"
    label = "ours (SQLAlchemyDatabaseManager)"

    def __init__(self, target: Target, manager: Any) -> None:
        super().__init__(target)
        self.table = "raw_messages"
        self.manager = manager

    async def insert(self, message: dict[str, Any]) -> int:
        return int(await self.manager.save_raw_message(message))

    async def recent(self, group_id: str) -> Sequence[Any]:
        return list(await self.manager.get_recent_raw_messages(group_id, RECENT_LIMIT))


class OursWithoutTriggers(Ours):
    """Ours on the same table with its counter triggers dropped for the round (put back after it; the counters
    are then wrong): what the layer's own code costs, beside what the counters cost."""

    key = "ours_untriggered"
    label = "ours, counter triggers dropped for the round"

    async def before_round(self) -> None:
        async with self.manager.transaction() as conn:
            installed = await counters._installed(conn)
            await counters._drop(conn, {n: t for n, t in installed.items() if t == "raw_messages"})

    async def after_round(self) -> None:
        async with self.manager.transaction() as conn:
            for statement in trigger_ddl(conn.dialect.name, settled=True):
                await conn.execute(text(statement))


# -------------------------------------------------------------------- the driver, pooled


class Driver(Contender):
    """The bare driver with hand-written SQL: an asyncpg or aiomysql pool; on SQLite the aiosqlite connection of
    tests/bench/raw.py (with our pragmas)."""

    key = "driver"
    label = "the driver, pooled (SQLite: one aiosqlite connection)"

    @property
    def name(self) -> str:
        return {"postgresql": "asyncpg pool", "mysql": "aiomysql pool"}.get(self.target.backend, "aiosqlite")

    async def open(self) -> None:
        t = self.target
        marks = {"postgresql": [f"${n}" for n in range(1, 13)], "mysql": ["%s"] * 12}.get(t.backend, ["?"] * 12)
        self._insert = f"INSERT INTO {self.table} ({', '.join(COLUMNS[1:])}) VALUES ({', '.join(marks)})"
        limit_marks = {"postgresql": ("$1", "$2"), "mysql": ("%s", "%s")}.get(t.backend, ("?", "?"))
        self._recent = (
            f"SELECT {', '.join(COLUMNS)} FROM {self.table} WHERE group_id = {limit_marks[0]}"
            f" ORDER BY timestamp DESC, id DESC LIMIT {limit_marks[1]}"
        )
        if t.backend == "postgresql":
            self._insert += " RETURNING id"
            self.pool = await asyncpg.create_pool(
                host=t.host,
                port=t.port,
                user=t.user,
                password=t.password or None,
                database=t.database,
                min_size=POOL_MIN,
                max_size=POOL_SIZE,
                server_settings={"search_path": t.schema},
            )
        elif t.backend == "mysql":
            self.pool = await aiomysql.create_pool(
                host=t.host,
                port=t.port,
                user=t.user,
                password=t.password,
                db=t.database,
                charset="utf8mb4",
                autocommit=True,
                minsize=POOL_MIN,
                maxsize=POOL_SIZE,
            )
        else:
            self.sqlite = await SqliteClient.connect(t.path)

    async def insert(self, message: dict[str, Any]) -> int:
        row = stored_row(message, int(time.time()))
        args = [row[column] for column in COLUMNS[1:]]
        if self.target.backend == "postgresql":
            return int(await self.pool.fetchval(self._insert, *args))
        if self.target.backend == "mysql":
            async with self.pool.acquire() as conn, conn.cursor() as cursor:
                await cursor.execute(self._insert, args)
                return int(cursor.lastrowid)
        return await self.sqlite.single().insert(self._insert, args)

    async def recent(self, group_id: str) -> Sequence[Any]:
        if self.target.backend == "postgresql":
            return [dict(record) for record in await self.pool.fetch(self._recent, group_id, RECENT_LIMIT)]
        if self.target.backend == "mysql":
            async with self.pool.acquire() as conn, conn.cursor(aiomysql.DictCursor) as cursor:
                await cursor.execute(self._recent, (group_id, RECENT_LIMIT))
                return list(await cursor.fetchall())
        return await self.sqlite.rows(self._recent, (group_id, RECENT_LIMIT))

    async def close(self) -> None:
        if self.target.backend == "postgresql":
            await self.pool.close()
        elif self.target.backend == "mysql":
            self.pool.close()
            await self.pool.wait_closed()
        else:
            await self.sqlite.close()


class DriverCounted(Driver):
    """The pooled driver's plain INSERT into ours's raw_messages itself, counter triggers included: the least a
    call can cost that keeps the counters exact in the same transaction, whatever library makes it. Its
    messages get their own platform ids (ours stores the same i-th message), so no insert is a repeat."""

    key = "driver_counted"
    label = "the driver, pooled, into ours's raw_messages (counter triggers included)"
    check_skips = ("message_id", "ingest_key")  # its own platform ids

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self.table = "raw_messages"

    async def insert(self, message: dict[str, Any]) -> int:
        return await super().insert({**message, "message_id": f"{message['message_id']}:driver"})


# -------------------------------------------------------------------- SQLAlchemy, stock


class _Base(DeclarativeBase):
    pass


class RawMessageOrm(_Base):
    """raw_messages mapped with SQLAlchemy's own column types (ours adds checks in SafeString and LongText)."""

    __tablename__ = "raw_messages_sa_orm"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(String(255))
    sender_name: Mapped[str | None] = mapped_column(String(255))
    sender_qq: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    group_id: Mapped[str | None] = mapped_column(String(255))
    timestamp: Mapped[int] = mapped_column(BigInteger)
    platform: Mapped[str | None] = mapped_column(String(100))
    message_id: Mapped[str | None] = mapped_column(String(255))
    reply_to: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[int] = mapped_column(BigInteger)
    processed: Mapped[bool | None] = mapped_column(Boolean, default=False)
    ingest_key: Mapped[str | None] = mapped_column(String(612))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def stock_engine(target: Target, *, autocommit: bool) -> AsyncEngine:
    """create_async_engine with our pool size, search_path, charset and SQLite pragmas; nothing else of ours."""
    options: dict[str, Any] = {"pool_size": POOL_SIZE, "max_overflow": 0}
    if autocommit:
        options["isolation_level"] = "AUTOCOMMIT"
        if target.backend != "sqlite":
            options["skip_autocommit_rollback"] = True  # as ours: no ROLLBACK when a connection goes back
    if target.backend == "postgresql":
        options["connect_args"] = {"server_settings": {"search_path": target.schema}}
    elif target.backend == "mysql":
        options["connect_args"] = {"charset": "utf8mb4"}
    else:
        options["connect_args"] = {"timeout": 30}
    engine = create_async_engine(target.url(), **options)
    if target.backend == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


class SqlalchemyCore(Contender):
    """Core statements built once (bound parameters), on an autocommit engine: one statement, no BEGIN/COMMIT."""

    key = "sa_core"
    label = "SQLAlchemy Core, autocommit engine"

    async def open(self) -> None:
        table = RawMessageOrm.__table__.to_metadata(MetaData(), name=self.table)
        self.engine = stock_engine(self.target, autocommit=True)
        self._insert = insert(table)
        self._recent = (
            select(table)
            .where(table.c.group_id == bindparam("group_id"))
            .order_by(table.c.timestamp.desc(), table.c.id.desc())
            .limit(bindparam("limit"))
        )

    async def insert(self, message: dict[str, Any]) -> int:
        async with self.engine.connect() as conn:
            result = await conn.execute(self._insert, stored_row(message, int(time.time())))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    async def recent(self, group_id: str) -> Sequence[Any]:
        async with self.engine.connect() as conn:
            result = await conn.execute(self._recent, {"group_id": group_id, "limit": RECENT_LIMIT})
            return [dict(row) for row in result.mappings()]

    async def close(self) -> None:
        await self.engine.dispose()


class SqlalchemyOrm(Contender):
    """The ORM as it is usually written: a session per call, add() and commit(), a select() of the model."""

    key = "sa_orm"
    label = "SQLAlchemy async ORM"

    async def open(self) -> None:
        self.engine = stock_engine(self.target, autocommit=False)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    async def insert(self, message: dict[str, Any]) -> int:
        async with self.sessions() as session:
            row = RawMessageOrm(**stored_row(message, int(time.time())))
            session.add(row)
            await session.commit()
            return row.id

    async def recent(self, group_id: str) -> Sequence[Any]:
        m = RawMessageOrm
        stmt = select(m).where(m.group_id == group_id).order_by(m.timestamp.desc(), m.id.desc()).limit(RECENT_LIMIT)
        async with self.sessions() as session:
            return list(await session.scalars(stmt))

    async def close(self) -> None:
        await self.engine.dispose()
