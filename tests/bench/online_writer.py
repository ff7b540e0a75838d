"""The other instance of `--online` and of tests/growth/test_online_at_scale.py: a bare driver inserting one raw
message every 10 ms until SIGTERM.

`python -m tests.bench.online_writer BACKEND FOLDER DATABASE OUT PREFIX`: each acknowledged insert is one line of OUT,
`<monotonic start> <latency ms> <message_id>`, or `<monotonic start> failed <error code>` for an insert the
server refused (CLOCK_MONOTONIC is one clock for every process of the machine, so
the benchmark can place each insert before, during or after a start). Each line is flushed as it is written, so
the reader sees how far the writer got. It writes only the columns the plugin's own layer has, as an instance
still on that layer would. Writer runs it as a process of its own and reads OUT back.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from dataclasses import dataclass
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
                    log.flush()
                    continue
                log.write(f"{started:.6f} {(time.monotonic() - started) * 1000:.3f} {message_id}\n")
                log.flush()
                await asyncio.sleep(INTERVAL_SECONDS)
    finally:
        await raw.close()


@dataclass(frozen=True)
class WriterLog:
    """What the writer wrote: each acknowledged insert as (monotonic start, latency ms, message_id), each refused
    one as (monotonic start, error code)."""

    acked: list[tuple[float, float, str]]
    failed: list[tuple[float, str]]

    @classmethod
    def read(cls, out: Path) -> WriterLog:
        lines = [line.split() for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
        return cls(
            acked=[(float(t), float(ms), message_id) for t, ms, message_id in (x for x in lines if x[1] != "failed")],
            failed=[(float(t), code) for t, _, code in (x for x in lines if x[1] == "failed")],
        )


class Writer:
    """This module in a process of its own, inserting until stop(); message ids PREFIX-1, PREFIX-2, ..."""

    def __init__(self, process: asyncio.subprocess.Process, out: Path) -> None:
        self.process = process
        self.out = out

    @classmethod
    async def start(cls, backend: str, folder: Path, database: str, out: Path, prefix: str) -> Writer:
        root = Path(__file__).resolve().parents[2]  # where `tests` imports from
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.bench.online_writer",
            backend,
            str(folder),
            database,
            str(out),
            prefix,
            cwd=root,
            env={**os.environ},
        )
        return cls(process, out)

    def written(self) -> int:
        """Inserts written so far, acknowledged or refused."""
        return self.out.read_text(encoding="utf-8").count("\n") if self.out.exists() else 0

    async def wait_for(self, more: int) -> None:
        """Until the writer has written `more` further inserts (it died meanwhile: RuntimeError)."""
        target = self.written() + more
        while self.written() < target:
            if self.process.returncode is not None:
                raise RuntimeError(f"the writer ended with {self.process.returncode} after {self.written()} inserts")
            await asyncio.sleep(0.02)

    async def stop(self) -> WriterLog:
        """SIGTERM: the insert in flight ends and is written down; then what it wrote."""
        if self.process.returncode is None:
            self.process.terminate()
        code = await self.process.wait()
        if code != 0:
            raise RuntimeError(f"the writer ended with {code}")
        return WriterLog.read(self.out)


if __name__ == "__main__":
    backend_name, folder_arg, database_name, out_arg, prefix_arg = sys.argv[1:6]
    asyncio.run(write(backend_name, Path(folder_arg), database_name, Path(out_arg), prefix_arg))
