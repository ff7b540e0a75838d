"""Tortoise ORM as an `--anchors` contender: `Model.create()` for the insert, `.values()` for the read.

Imported only when the anchors run (tortoise-orm is a `bench` extra). Its SQLite backend keeps one aiosqlite
connection (no pool); PostgreSQL and MySQL get pools of POOL_SIZE (asyncpg, aiomysql).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from tortoise import fields
from tortoise.context import TortoiseContext
from tortoise.models import Model

from sldb.handwritten.runtime.connecting.pools import SQLITE_PRAGMAS
from tests.bench.anchor_contenders import POOL_MIN, POOL_SIZE, RECENT_LIMIT, Contender, stored_row

TABLE = "raw_messages_tortoise"


class RawMessageTortoise(Model):
    """raw_messages as a Tortoise model; its table is created from ours (anchors.make_copies), not by Tortoise."""

    id = fields.IntField(primary_key=True)
    sender_id = fields.CharField(255)
    sender_name = fields.CharField(255, null=True)
    sender_qq = fields.CharField(32, null=True)
    message = fields.TextField()
    group_id = fields.CharField(255, null=True)
    timestamp = fields.BigIntField()
    platform = fields.CharField(100, null=True)
    message_id = fields.CharField(255, null=True)
    reply_to = fields.CharField(255, null=True)
    created_at = fields.BigIntField()
    processed = fields.BooleanField(null=True, default=False)
    ingest_key = fields.CharField(612, null=True)

    class Meta:
        table = TABLE
        app = "anchors"


def _connection(target: Any) -> dict[str, Any]:
    if target.backend == "sqlite":
        # Its pragmas are set from its credentials: ours, as `name: value`.
        pragmas = dict(p.removeprefix("PRAGMA ").split("=", 1) for p in SQLITE_PRAGMAS)
        return {"engine": "tortoise.backends.sqlite", "credentials": {"file_path": target.path, **pragmas}}
    server = {
        "host": target.host,
        "port": target.port,
        "user": target.user,
        "password": target.password,
        "database": target.database,
        "minsize": POOL_MIN,
        "maxsize": POOL_SIZE,
    }
    if target.backend == "postgresql":
        return {"engine": "tortoise.backends.asyncpg", "credentials": {**server, "schema": target.schema}}
    return {"engine": "tortoise.backends.mysql", "credentials": {**server, "charset": "utf8mb4"}}


class TortoiseOrm(Contender):
    key = "tortoise"
    label = f"Tortoise ORM {version('tortoise-orm')}"

    async def open(self) -> None:
        # A context of its own, entered in the bench's task: every later call of this task sees it.
        self.context = TortoiseContext().__enter__()
        # A connection name per backend: Tortoise caches a model's INSERT by connection name and table, not by
        # dialect, and would send PostgreSQL's $1 placeholders to MariaDB after a PostgreSQL run.
        name = self.target.backend
        config = {
            "connections": {name: _connection(self.target)},
            "apps": {"anchors": {"models": [__name__], "default_connection": name}},
        }
        await self.context.init(config=config)

    async def insert(self, message: dict[str, Any]) -> int:
        row = await RawMessageTortoise.create(**stored_row(message, int(time.time())))
        return int(row.id)

    async def recent(self, group_id: str) -> Sequence[Any]:
        query = RawMessageTortoise.filter(group_id=group_id).order_by("-timestamp", "-id").limit(RECENT_LIMIT)
        return list(await query.values())

    async def close(self) -> None:
        await self.context.close_connections()
        self.context.__exit__(None, None, None)
