"""Running a method again after the database rolled back its one transaction (failures.rolled_back).

The generated facades call retried() for the methods whose spec says `retry: true`: their work is one
transaction or one autocommit statement, so after a failure in which the server kept none of it, another try
is safe. Writers on different Galera nodes lose certification at commit (1213); PostgreSQL and InnoDB report
deadlocks and serialization failures; a Galera node that left the primary component answers 1047, and the
engine moves to a node that is ready (engine.py). ATTEMPTS tries in all, with a short, growing, jittered pause
between them; the last failure is raised to the facade, which logs or translates it as any other. A lost
connection is not retried: whether the server committed is then unknown.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from sldb.handwritten.runtime.failures import cause_text, rolled_back
from sldb.handwritten.runtime.logs import layer_logger

log = layer_logger("retry")

ATTEMPTS = 6
FIRST_PAUSE_SECONDS = 0.02

P = ParamSpec("P")
T = TypeVar("T")


def pause_seconds(attempt: int) -> float:
    """The pause after the attempt-th failed try: doubling from FIRST_PAUSE_SECONDS, jittered by ±50 %, so that
    two writers that conflicted do not meet again at the same instant."""
    return float(FIRST_PAUSE_SECONDS * 2 ** (attempt - 1) * (0.5 + random.random()))


async def retried(call: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    """call(*args, **kwargs), run again (up to ATTEMPTS tries) while it fails with a rolled-back transaction."""
    attempt = 1
    while True:
        try:
            return await call(*args, **kwargs)
        except SQLAlchemyError as exc:
            if attempt >= ATTEMPTS or not rolled_back(exc):
                raise
            log.info("%s rolled back (%s); try %d of %d", call.__name__, cause_text(exc), attempt + 1, ATTEMPTS)
            await asyncio.sleep(pause_seconds(attempt))
            attempt += 1
