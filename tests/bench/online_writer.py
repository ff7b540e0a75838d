"""The other instance of `--online`: a bare driver inserting one raw message every 10 ms until SIGTERM.

`python -m tests.bench.online_writer BACKEND FOLDER DATABASE OUT PREFIX`: each acknowledged insert is one line of OUT,
`<monotonic start> <latency ms> <message_id>`, or `<monotonic start> failed <error code>` for an insert the
server refused (CLOCK_MONOTONIC is one clock for every process of the machine, so
the benchmark can place each insert before, during or after a start). It writes only the columns the plugin's
own layer has, as an instance still on that layer would.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

from tests.bench import data

INTERVAL_SECONDS = 0.010
INSERT = (
    "INSERT INTO raw_messages (sender_id, sender_name, message, group_id, timestamp, platform, message_id, created_at,"
    " processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


async def write(backend: str, folder: Path, database: str, out: Path, prefix: str) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    raw = await data.open_raw(backend, folder, database)
    false = 0 if backend == "sqlite" else False
    n = 0
    try:
        with out.open("w", encoding="utf-8") as log:
            while not stop.is_set():
                n += 1
                message_id = f"{prefix}-{n}"
                now = int(time.time())
                started = time.monotonic()
                try:
                    async with raw.transaction() as tx:
                        await tx.insert(
                            INSERT, ("w1", "writer", f"message {n}", "online", now, "bench", message_id, now, false)
                        )
                except Exception as exc:  # the insert is lost, as it would be for that instance: counted apart
                    code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else type(exc).__name__
                    log.write(f"{started:.6f} failed {code}\n")
                    continue
                log.write(f"{started:.6f} {(time.monotonic() - started) * 1000:.3f} {message_id}\n")
                if n % 50 == 0:
                    log.flush()
                await asyncio.sleep(INTERVAL_SECONDS)
    finally:
        await raw.close()


if __name__ == "__main__":
    backend_name, folder_arg, database_name, out_arg, prefix_arg = sys.argv[1:6]
    asyncio.run(write(backend_name, Path(folder_arg), database_name, Path(out_arg), prefix_arg))
