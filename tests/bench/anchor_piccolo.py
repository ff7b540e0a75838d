"""Piccolo as an `--anchors` contender: `insert(...).returning(id)` for the insert, `select()` for the read.

Imported only when the anchors run (piccolo is a `bench` extra). Piccolo has no MySQL engine. Its SQLite engine
has no pool either: it opens an aiosqlite connection for every query (our pragmas are set on each, through
sqlite3's connection factory). PostgreSQL gets an asyncpg pool of POOL_SIZE.
Importing piccolo's SQLite engine registers sqlite3 adapters for dates, decimals, UUIDs and lists in this
process; raw_messages has none of those types.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from piccolo.columns import BigInt, Boolean, Text, Varchar
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table

from sldb.handwritten.runtime.connecting.pools import SQLITE_PRAGMAS
from tests.bench.anchor_contenders import POOL_MIN, POOL_SIZE, RECENT_LIMIT, Contender, Unavailable, stored_row


class _PragmaConnection(sqlite3.Connection):
    """A sqlite3 connection that starts with our pragmas (Piccolo passes its connection arguments on)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for pragma in SQLITE_PRAGMAS:
            self.execute(pragma)


def _table(engine: Engine[Any], name: str, schema: str | None) -> type[Table]:
    """raw_messages as a Piccolo table on engine (its id column is Piccolo's default Serial primary key)."""

    class RawMessagePiccolo(Table, tablename=name, db=engine, schema=schema):
        sender_id = Varchar(length=255)
        sender_name = Varchar(length=255, null=True)
        sender_qq = Varchar(length=32, null=True)
        message = Text()
        group_id = Varchar(length=255, null=True)
        timestamp = BigInt()
        platform = Varchar(length=100, null=True)
        message_id = Varchar(length=255, null=True)
        reply_to = Varchar(length=255, null=True)
        created_at = BigInt()
        processed = Boolean(null=True, default=False)
        ingest_key = Varchar(length=612, null=True)

    return RawMessagePiccolo


class PiccoloOrm(Contender):
    key = "piccolo"
    label = f"Piccolo {version('piccolo')}"

    async def open(self) -> None:
        t = self.target
        self.engine: Engine[Any]
        if t.backend == "mysql":
            raise Unavailable("Piccolo has no MySQL/MariaDB engine (PostgreSQL, CockroachDB and SQLite only)")
        if t.backend == "sqlite":
            self.engine = SQLiteEngine(path=t.path, timeout=30, factory=_PragmaConnection)
            self.model = _table(self.engine, self.table, None)
            return
        config = {"host": t.host, "port": t.port, "user": t.user, "password": t.password, "database": t.database}
        self.engine = PostgresEngine(config=config, extensions=())  # else it runs CREATE EXTENSION uuid-ossp
        await self.engine.start_connection_pool(min_size=POOL_MIN, max_size=POOL_SIZE)
        self.model = _table(self.engine, self.table, t.schema)

    async def insert(self, message: dict[str, Any]) -> int:
        m = self.model
        rows = await m.insert(m(**stored_row(message, int(time.time())))).returning(m.id)
        return int(rows[0]["id"])

    async def recent(self, group_id: str) -> Sequence[Any]:
        m = self.model
        query = m.select().where(m.group_id == group_id).order_by(m.timestamp, m.id, ascending=False)
        return list(await query.limit(RECENT_LIMIT))

    async def close(self) -> None:
        if isinstance(self.engine, PostgresEngine):
            await self.engine.close_connection_pool()
