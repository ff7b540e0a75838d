"""The pooled driver connection that db.driver() and db.driver_transaction() give (contract/database.py's
PooledDriver): its checkout and return, its failures raised as SQLAlchemy raises a driver's, and its
transactions.

Below the queries room because Database.driver_transaction() (connecting/engine.py) begins and ends the
transaction; queries/driver_sql.py runs the generated statements on the connection and raises their failures
through wrapped().
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, MissingGreenlet, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.util import greenlet_spawn

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.liveness import checkout_without_io, closed_by_server
from sldb.handwritten.runtime.contract.database import DriverHandle, PooledDriver
from sldb.handwritten.runtime.failures.classify import FailureClass, classify, node_not_ready

T = TypeVar("T")


@asynccontextmanager
async def checked_out(reader: AsyncEngine, backend: str) -> AsyncIterator[PooledDriver]:
    """A driver connection of reader's pool (the autocommit engine), with no SQLAlchemy Connection around it;
    invalidated when whoever used it found it lost, else returned.

    When the checkout would do no I/O (an idle connection, healthy: liveness.checkout_without_io), it and the
    return run on the loop's thread: SQLAlchemy's greenlet hops cost more than the pool's own work.
    """
    try:
        pooled = None
        if checkout_without_io(reader):
            with contextlib.suppress(MissingGreenlet):  # I/O after all (a state changed since): the hop
                pooled = reader.sync_engine.raw_connection()
        if pooled is None:
            pooled = await reader.raw_connection()
    except SQLAlchemyError:
        raise
    except Exception as exc:
        # A connection that could not be opened: raised as engine.connect() raises it (SQLAlchemy's error
        # around the driver's), so that the facade handles it as any other failure.
        error = reader.dialect.loaded_dbapi.Error
        raise DBAPIError.instance(None, None, exc, error, dialect=reader.dialect) from exc
    handle = PooledDriver(backend, pooled.driver_connection)
    try:
        yield handle
    finally:
        if handle.lost or pooled._pool is not reader.sync_engine.pool:
            # Closing the connection is I/O; so may be a return to a pool disposed meanwhile.
            await greenlet_spawn(pooled.invalidate if handle.lost else pooled.close)
        else:
            # An autocommit connection's return is I/O-free: nothing to roll back (no transaction of
            # SQLAlchemy's, skip_autocommit_rollback on MySQL), and the queue has room for it.
            pooled.close()


async def wrapped(conn: DriverHandle, sql: str, params: Sequence[Any], call: Awaitable[T]) -> T:
    """call's result; a driver error raised as DBAPIError (the connection invalidated when it is lost)."""
    try:
        return await call
    except DBAPIError:
        raise  # SQLAlchemy ran it (the statements are observed) and wrapped it already
    except Exception as exc:
        error = DBAPIError.instance(sql, list(params), exc, Exception, hide_parameters=True)
        lost = classify(error) is FailureClass.UNAVAILABLE or node_not_ready(error)
        if isinstance(conn, PooledDriver) and closed_by_server(conn.driver):
            lost = True  # whatever the driver said (asyncpg may report a state error first), the socket is gone
        if lost and isinstance(conn, PooledDriver):
            error.connection_invalidated = conn.lost = True
        elif lost and isinstance(conn, AsyncConnection):
            error.connection_invalidated = True
            await conn.invalidate()
        raise error from exc


@asynccontextmanager
async def driver_transaction(handle: PooledDriver) -> AsyncIterator[PooledDriver]:
    """handle's driver connection in one transaction: BEGIN, COMMIT when the block ends, ROLLBACK if it raises.

    SQLAlchemy's pool resets a connection it lends out again, but not a transaction it did not begin (its asyncpg
    adapter sees none): a connection still in a transaction at the end (a ROLLBACK that failed), or whose block
    was cancelled, is marked lost, so that it is invalidated instead of going back to the pool.
    """
    await _control(handle, "BEGIN")
    try:
        yield handle
    except asyncio.CancelledError:
        # Perhaps in the middle of a statement, whose answer the driver has not read: not reused. Closing the
        # connection ends the transaction on the server.
        handle.lost = True
        raise
    except BaseException:
        if not handle.lost:
            try:
                await _control(handle, "ROLLBACK")
            except BaseException:  # what the block raised is what the caller is told
                handle.lost = True
        raise
    else:
        await _control(handle, "COMMIT")
    finally:
        if not handle.lost and _in_transaction(handle):
            handle.lost = True


async def _control(handle: PooledDriver, sql: str) -> None:
    driver = handle.driver
    if is_mysql(handle.dialect):
        call = {"BEGIN": driver.begin, "COMMIT": driver.commit, "ROLLBACK": driver.rollback}[sql]
        await wrapped(handle, sql, (), call())
    else:
        await wrapped(handle, sql, (), driver.execute(sql))


def _in_transaction(handle: PooledDriver) -> bool:
    driver = handle.driver
    return bool(driver.get_transaction_status() if is_mysql(handle.dialect) else driver.is_in_transaction())
