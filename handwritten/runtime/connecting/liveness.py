"""Whether a pooled connection still has a server behind it, asked without a round trip where possible.

This is the one module that reads the drivers' private attributes: asyncpg's `_transport`, aiomysql's `_writer`
(an asyncio StreamWriter) and `_reader`, and SQLAlchemy's pool queue and connection records (checkout_without_io). tests/runtime/test_liveness.py opens real
connections of each driver and fails when an upgrade renames what is read here.
"""

from __future__ import annotations

import contextlib
import select
import socket
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine

# A pooled connection idle for longer than this is pinged before use; a younger one only has its socket
# checked (a restarted server or a cut proxy has closed it), which costs no round trip.
IDLE_PING_SECONDS = 30.0


_IDLE_SINCE = "sldb_idle_since"


def transport_of(driver_connection: Any) -> Any:
    """The asyncio transport under an asyncpg or aiomysql connection (None when it has none)."""
    transport = getattr(driver_connection, "_transport", None)  # asyncpg
    if transport is None:
        writer = getattr(driver_connection, "_writer", None)  # aiomysql's asyncio StreamWriter
        transport = getattr(writer, "transport", None)
    return transport


def closed_by_server(driver_connection: Any) -> bool:
    """Whether the driver already knows the server closed this connection (no round trip)."""
    is_closed = getattr(driver_connection, "is_closed", None)  # asyncpg
    if callable(is_closed):
        return bool(is_closed())
    transport = transport_of(driver_connection)
    return transport is None or bool(transport.is_closing())


def has_unread_input(driver_connection: Any) -> bool:
    """Whether an idle connection's socket has something to read: only a close or an error, between calls.

    The event loop may not have read it yet (a call right after the server went away), so the socket is
    asked directly; poll() with no wait is one system call.
    """
    transport = transport_of(driver_connection)
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None:
        return False
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN | select.POLLERR | select.POLLHUP)
    return bool(poller.poll(0))


def watch_liveness(engine: AsyncEngine) -> None:
    """Replace dead pooled connections at checkout: what pool_pre_ping does, without a ping on every call.

    pool_pre_ping costs one to three round trips per call (asyncpg pings with BEGIN; ;ROLLBACK). A server
    restart or a cut connection closes the socket: the driver has noticed it, or the socket has unread
    input. Only then, or after IDLE_PING_SECONDS idle (a silent network drop), is the connection pinged.
    """
    dialect = engine.sync_engine.dialect

    def checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    def checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if closed_by_server(dbapi_conn.driver_connection):
            raise DisconnectionError("the server closed this pooled connection")
        idle_since = record.info.get(_IDLE_SINCE)
        long_idle = idle_since is not None and time.monotonic() - idle_since > IDLE_PING_SECONDS
        if long_idle or has_unread_input(dbapi_conn.driver_connection):
            try:
                dialect.do_ping(dbapi_conn)
            except Exception as exc:
                raise DisconnectionError(f"a pooled connection failed its ping ({type(exc).__name__})") from exc

    event.listen(engine.sync_engine, "checkin", checkin)
    event.listen(engine.sync_engine, "checkout", checkout)


def idle_records(engine: AsyncEngine) -> list[Any]:
    """The connection records waiting in an engine's pool (SQLAlchemy's AsyncAdaptedQueue keeps them in an
    asyncio.Queue it creates on first use; the threaded Queue in a deque)."""
    waiting = getattr(engine.sync_engine.pool, "_pool", None)
    inner = vars(waiting).get("_queue") if waiting is not None else None
    items = getattr(inner, "_queue", None) if inner is not None else getattr(waiting, "queue", None)
    return list(items or ())


def checkout_without_io(engine: AsyncEngine) -> bool:
    """Whether the pool's next checkout would do no I/O, so that it may run on the event loop's thread without
    SQLAlchemy's greenlet hop (about 9 µs each way, and more with a deep stack; db.driver()'s fast statements).

    True only when the connection the queue gives next (LIFO: the last returned; FIFO: the first) needs no
    reconnect (not invalidated, recycled or soft-invalidated since it was opened) and none of watch_liveness's
    checks would ping it (open socket, nothing unread, idle under IDLE_PING_SECONDS). Anything else, and a pool
    of another kind, takes the hop as before.
    """
    pool: Any = engine.sync_engine.pool
    records = idle_records(engine)
    if not records:
        return False
    try:
        record = records[-1] if pool._pool.use_lifo else records[0]  # the queue LIFO (pool_use_lifo) or FIFO
        dbapi_conn = record.dbapi_connection
        if dbapi_conn is None:
            return False
        started = record.starttime
        recycle_due = pool._recycle > -1 and time.time() - started > pool._recycle
        if recycle_due or pool._invalidate_time > started or record._soft_invalidate_time > started:
            return False
    except AttributeError:  # another pool class, or SQLAlchemy renamed them: the hop is always correct
        return False
    idle_since = record.info.get(_IDLE_SINCE)
    if idle_since is None or time.monotonic() - idle_since > IDLE_PING_SECONDS - 1:  # a margin: no ping due
        return False
    driver = dbapi_conn.driver_connection
    return not closed_by_server(driver) and not has_unread_input(driver)


def shut_pooled_sockets(engine: AsyncEngine) -> None:
    """Shut down the socket of every idle pooled connection of an engine whose loop has closed (asyncpg,
    aiomysql; SQLite has none). aiomysql's connection forgets its writer, whose __del__ would otherwise try
    to close it on the closed loop ("Event loop is closed")."""
    for record in idle_records(engine):
        raw: Any = getattr(getattr(record, "dbapi_connection", None), "_connection", None)
        writer = getattr(raw, "_writer", None)
        transport = getattr(raw, "_transport", None) or getattr(writer, "transport", None)
        sock = transport.get_extra_info("socket") if transport is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if writer is not None:
            raw._writer = None
            raw._reader = None
