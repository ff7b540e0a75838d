"""The steps the tables register to run in the background after start (SchemaExtras.in_background).

start() returns before they end: one task, on the event loop that ran start(), runs them in order. A step that
fails is logged and run again after a growing pause, a few times (each step resumes where it stopped); then it
is left to the next start. stop() cancels the task and waits for it: a step cancelled ends what it has in flight
(a batch commits or rolls back) first. The WebUI may call stop() from its own event loop: the cancellation is
then handed to the task's loop.
"""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine

from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.schema.extras import extras_of

log = layer_logger("manager")

_ATTEMPTS = 5
_FIRST_PAUSE_S = 1.0


async def _run_steps(engine: AsyncEngine, metadata: MetaData) -> None:
    extras = extras_of(metadata)
    for step in (*extras.in_background, *extras.settle):
        name = getattr(step, "__qualname__", repr(step))
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                await step(engine, metadata)
                break
            except Exception as exc:  # a background step must not end the layer; it resumes later
                if attempt == _ATTEMPTS:
                    log.error("background step %s failed %d times (%s); the next start resumes it", name, attempt, exc)
                    break
                pause = _FIRST_PAUSE_S * 2 ** (attempt - 1)
                log.warning("background step %s failed (%s); trying again in %.0f s", name, exc, pause)
                await asyncio.sleep(pause)


def start_background(engine: AsyncEngine, metadata: MetaData) -> asyncio.Task[None] | None:
    """The task running metadata's background steps on the running loop; None when there are none."""
    if not extras_of(metadata).in_background:
        return None
    return asyncio.get_running_loop().create_task(_run_steps(engine, metadata), name="sldb-background-steps")


async def _cancelled(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def stop_background(task: asyncio.Task[None] | None) -> None:
    """Cancel task and wait until it has ended, from its own loop or another one."""
    if task is None or task.done():
        return
    loop = task.get_loop()
    if loop is asyncio.get_running_loop():
        await _cancelled(task)
    elif loop.is_running():
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(_cancelled(task), loop))
    else:  # nothing runs that loop any more: the task cannot go on either
        task.cancel()
