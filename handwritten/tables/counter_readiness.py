"""Whether the counters are ready to be read: their backfill (counter_backfill.py) has finished.

start() does not wait for the backfill, so until it ends the counters hold only part of the rows; the statistics
then count the tables themselves (slower, but exactly what the counters will say). The check is one small read
of the progress rows; once it finds the backfill finished it is remembered per engine and never read again on
it: a finished backfill becomes unfinished only when a start-up installs a new VERSION of the triggers, which
this process's next start does with new engines.
"""

from __future__ import annotations

import weakref

from sqlalchemy import Engine, text
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.contract.database import Connection, Database
from sldb.handwritten.tables.counter_tallies import PROGRESS

_READY: weakref.WeakSet[Engine] = weakref.WeakSet()
# The Database handles already found ready (the manager itself, unless read replicas wrap it per call): checked
# before a connection is taken, so a ready manager's statistics pay nothing for the check.
_READY_HANDLES: weakref.WeakSet[object] = weakref.WeakSet()


def _engine_of(conn: Connection) -> Engine:
    return conn.sync_engine if isinstance(conn, AsyncConnection) else conn.engine


def forget_ready() -> None:
    """The backfill is unfinished again (its install wrote the progress rows unmeasured): read them again."""
    _READY.clear()
    _READY_HANDLES.clear()


async def counters_ready(db: Database) -> bool:
    """Whether every counted table's backfill has finished (the counters then hold every row)."""
    if db in _READY_HANDLES:
        return True
    async with db.reading() as conn:
        engine = _engine_of(conn)
        if engine not in _READY:
            unfinished = (await conn.execute(text(f"SELECT COUNT(*) FROM {PROGRESS} WHERE NOT finished"))).scalar_one()
            if int(unfinished) != 0:
                return False
            _READY.add(engine)
    _READY_HANDLES.add(db)
    return True
