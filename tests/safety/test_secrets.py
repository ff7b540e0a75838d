"""No log line, error message or get_engine_info() shows a password, including one with special characters.

A real user with such a password is created on a private PostgreSQL (scram-sha-256) and MariaDB server; the
manager starts with it, then fails in every way a user meets: a statement error, a wrong password, a database
it may not use, an unreachable port. Everything logged (DEBUG, every logger, SQL echo on), every exception
(str, repr, causes) and get_engine_info() are searched for the password and its URL-encoded forms.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_plus

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import DataLayerError
from tests.backends import db_name
from tests.faults.helpers import drop_database_on
from tests.faults.servers import PrivateMariaDB, PrivatePostgres, free_port

# ASCII only: PyMySQL sends a MySQL password encoded as latin1, so a non-ASCII one set by a UTF-8 client never matches.
PASSWORD = "p@ss:w/rd%\"' ;\\#?&="
WRONG_PASSWORD = "wr0ng@:/%\"'#?"
USER = "sldb_secret"
DATABASE = db_name("sldb_secret")
FORBIDDEN_DATABASE = db_name("sldb_secret_forbidden")
LOGGERS = ("", "sldb", "sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "asyncpg", "aiomysql")


async def _admin(url: URL, *statements: tuple[str, dict[str, Any]]) -> None:
    engine = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for sql, params in statements:
                await conn.execute(text(sql), params)
    finally:
        await engine.dispose()


def _pg_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"  # PASSWORD takes no bind parameter; standard strings are on


@dataclass
class Account:
    """A user with PASSWORD on one private server, and the manager settings that log in as it."""

    backend: str
    admin: URL
    port: int
    seen: list[str] = field(default_factory=list)

    def settings(self, **extra: Any) -> dict[str, Any]:
        prefix = self.backend
        base = {
            "db_type": self.backend,
            f"{prefix}_host": "127.0.0.1",
            f"{prefix}_port": self.port,
            f"{prefix}_user": USER,
            f"{prefix}_password": PASSWORD,
            f"{prefix}_database": DATABASE,
            "echo": True,
            "connect_timeout": 3,
        }
        if self.backend == "postgresql":
            base |= {"postgresql_schema": "sldb_private", "fallback_to_sqlite": False}
        return {**base, **extra}

    def record(self, exc: BaseException) -> None:
        """Keep everything an exception shows: its text, its repr, its causes'."""
        current: BaseException | None = exc
        while current is not None:
            self.seen += [str(current), repr(current), repr(current.args)]
            current = current.__cause__ or current.__context__


@pytest.fixture(params=["postgresql", "mysql"])
async def account(request: pytest.FixtureRequest) -> AsyncIterator[Account]:
    if request.param == "postgresql":
        pg: PrivatePostgres = request.getfixturevalue("private_pg")
        admin = pg.url()
        await drop_database_on("postgresql", admin, DATABASE)
        await _admin(
            admin,
            (f'DROP ROLE IF EXISTS "{USER}"', {}),
            (f'CREATE ROLE "{USER}" LOGIN PASSWORD {_pg_literal(PASSWORD)}', {}),
            (f'CREATE DATABASE "{DATABASE}" OWNER "{USER}"', {}),
        )
        yield Account("postgresql", admin, pg.port)
        await drop_database_on("postgresql", admin, DATABASE)
        await _admin(admin, (f'DROP ROLE IF EXISTS "{USER}"', {}))
    else:
        maria: PrivateMariaDB = request.getfixturevalue("private_maria")
        admin = maria.url()
        await drop_database_on("mysql", admin, DATABASE)
        await _admin(
            admin,
            (f"DROP USER IF EXISTS '{USER}'@'%'", {}),
            (f"CREATE USER '{USER}'@'%' IDENTIFIED BY :password", {"password": PASSWORD}),
            (f"GRANT ALL ON `{DATABASE}`.* TO '{USER}'@'%'", {}),
        )
        yield Account("mysql", admin, maria.port)
        await drop_database_on("mysql", admin, DATABASE)
        await _admin(admin, (f"DROP USER IF EXISTS '{USER}'@'%'", {}))


async def _expect_failure(account: Account, settings: dict[str, Any]) -> BaseException:
    manager = SQLAlchemyDatabaseManager(settings)
    with pytest.raises(DataLayerError) as caught:
        await manager.start()
    account.record(caught.value)
    account.seen.append(repr(manager.get_engine_info()))
    await manager.stop()
    return caught.value


async def test_no_password_in_logs_errors_or_engine_info(
    account: Account, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    manager = SQLAlchemyDatabaseManager(account.settings(messages_db_path=str(tmp_path / "unused.db")))
    await manager.start()  # the password with @ : / % " ' ; \ # ? & = logs in
    assert manager.backend == account.backend
    assert await manager.save_raw_message({"message": "secret test", "group_id": "s"}) > 0
    account.seen += [repr(manager.get_engine_info()), repr(manager.settings), str(manager.settings)]
    assert manager.engine is not None
    account.seen += [str(manager.engine.url), repr(manager.engine.url), manager.engine.masked_url()]

    # a statement that fails: the table is away for a moment
    await _rename("raw_messages", "raw_messages_away", account)
    try:
        assert await manager.save_raw_message({"message": "lost", "group_id": "s"}) == 0  # logged
        with pytest.raises(DataLayerError) as failed:
            await manager.get_recent_raw_messages("s")
        account.record(failed.value)
    finally:
        await _rename("raw_messages_away", "raw_messages", account)
    await manager.stop()

    wrong = await _expect_failure(account, account.settings(**{f"{account.backend}_password": WRONG_PASSWORD}))
    assert USER in str(wrong)  # the error says who could not log in
    await _expect_failure(account, account.settings(**{f"{account.backend}_database": FORBIDDEN_DATABASE}))
    unreachable = await _expect_failure(account, account.settings(**{f"{account.backend}_port": free_port()}))
    assert "127.0.0.1" in str(unreachable)

    shown = "\n".join([caplog.text, *account.seen])
    assert "secret test" in caplog.text  # SQL echo was captured: the search below looked at real output
    # decoded too: a URL renders a password percent-encoded, in whichever way its library chooses
    for text_ in (shown, unquote(shown), unquote_plus(shown)):
        for secret in (PASSWORD, WRONG_PASSWORD):
            assert secret not in text_


async def _rename(old: str, new: str, account: Account) -> None:
    if account.backend == "postgresql":
        await _admin(account.admin.set(database=DATABASE), (f"ALTER TABLE sldb_private.{old} RENAME TO {new}", {}))
    else:
        await _admin(account.admin, (f"RENAME TABLE `{DATABASE}`.{old} TO `{DATABASE}`.{new}", {}))
