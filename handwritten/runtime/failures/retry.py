"""The one retry loop: keep_trying() runs a call again while its failure says another try may succeed, with a
growing (or steady), jittered pause, until a number of tries or a time runs out; then the last failure is raised.

Its users: retried() below (a facade method after a rolled-back transaction), the migration locks waiting
for their holder (schema/lock.py), a migration ALTER whose lock wait ran out (schema/online.py), and the first
connection to a database a standby has not replayed yet (connecting/bootstrap.py).

Running a method again after the database rolled back its one transaction (failures.rolled_back):

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
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import cause_text, rolled_back

log = layer_logger("retry")

ATTEMPTS = 6
FIRST_PAUSE_SECONDS = 0.02

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    """How long to keep trying, and the pause between tries (jittered by ±50 %, so that two callers that met
    do not meet again at the same instant)."""

    first_pause: float
    doubling: bool = True  # each pause twice the one before; else every pause about first_pause
    attempts: int = 0  # tries in all; 0: no limit by count
    within_seconds: float = 0.0  # no new try after this long; 0: no limit by time

    def pause(self, attempt: int) -> float:
        """The pause after the attempt-th failed try."""
        base = self.first_pause * (2 ** (attempt - 1) if self.doubling else 1)
        return float(base * (0.5 + random.random()))


ROLLED_BACK = Backoff(FIRST_PAUSE_SECONDS, attempts=ATTEMPTS)


def pause_seconds(attempt: int) -> float:
    """The pause after a facade method's attempt-th rolled-back try."""
    return ROLLED_BACK.pause(attempt)


async def keep_trying(
    call: Callable[[], Awaitable[T]],
    again: Callable[[Exception], bool],
    backoff: Backoff,
    what: str = "",
) -> T:
    """call(), run again while it fails with an exception `again` accepts and backoff allows; `what`, when
    given, names the call in an INFO line per retry."""
    deadline = time.monotonic() + backoff.within_seconds if backoff.within_seconds else None
    attempt = 1
    while True:
        try:
            return await call()
        except Exception as exc:
            out_of_tries = backoff.attempts and attempt >= backoff.attempts
            out_of_time = deadline is not None and time.monotonic() > deadline
            if out_of_tries or out_of_time or not again(exc):
                raise
            if what:
                log.info("%s failed (%s); try %d", what, cause_text(exc), attempt + 1)
            await asyncio.sleep(backoff.pause(attempt))
            attempt += 1


def run_again(exc: Exception) -> bool:
    """Whether exc is a database failure whose transaction the server rolled back (keep_trying's `again` for a
    transaction that may simply run again)."""
    return isinstance(exc, SQLAlchemyError) and rolled_back(exc)


async def retried(call: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    """call(*args, **kwargs), run again (up to ATTEMPTS tries) while it fails with a rolled-back transaction."""
    return await keep_trying(lambda: call(*args, **kwargs), run_again, ROLLED_BACK, what=call.__name__)
