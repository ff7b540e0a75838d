"""A private PostgreSQL primary with one streaming standby, on free loopback ports, in a temporary folder.

The primary is a PrivatePostgres (tests/faults/servers.py) started with replication settings; the standby is
made with `pg_basebackup -R` from it and runs in hot standby. With `synchronous=True` the primary waits for
the standby to have replayed every commit (`synchronous_standby_names`, `synchronous_commit = remote_apply`), so
an acknowledged write is on both and readable on both.
Servers are stopped by pid (SIGKILL for a crash) and their folders removed, also when a test fails.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.servers import READY_TIMEOUT_SECONDS, PrivatePostgres, _pg_bindir, free_port

STANDBY_NAME = "sldb_standby"
REPLICATION = (
    "-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c wal_keep_size=64MB "
    "-c wal_sender_timeout=5s -c wal_receiver_status_interval=1s"
)


class ReplicatedServer(PrivatePostgres):
    """One server of the pair: the primary, or a standby made from it."""

    def __init__(self, bindir: Path, extra: str = "") -> None:
        super().__init__(bindir)
        self.extra = extra

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=100 "
            f"{REPLICATION} {self.extra}"
        )
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")

    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])

    def kill(self) -> None:
        """A crash: SIGKILL to the postmaster; its backends end as their socket closes."""
        os.kill(self.pid(), signal.SIGKILL)
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                os.kill(self.pid(), 0)
            except (ProcessLookupError, OSError, ValueError):
                break
            time.sleep(0.05)
        with contextlib.suppress(FileNotFoundError):
            (self.data / "postmaster.pid").unlink()

    def promote(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "promote")


class PrimaryAndStandby:
    def __init__(self, primary: ReplicatedServer, standbys: list[ReplicatedServer]) -> None:
        self.primary = primary
        self.standbys = standbys

    @property
    def standby(self) -> ReplicatedServer:
        return self.standbys[0]

    @property
    def hosts(self) -> str:
        """postgresql_host listing both servers, the standby first (the layer must find the primary)."""
        return f"127.0.0.1:{self.standby.port},127.0.0.1:{self.primary.port}"


def primary_and_standby(*, synchronous: bool, standbys: int = 1) -> Iterator[PrimaryAndStandby]:
    """Body of a fixture: a started primary and its standbys, removed afterwards (skipped without the binaries).
    With synchronous=True the first standby confirms every commit."""
    bindir = _pg_bindir()
    if bindir is None or not (bindir / "pg_basebackup").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are not installed")
    # remote_apply: a commit returns once the standby has replayed it, so an acknowledged write can be read there
    # at once (with `on` it is only flushed there; a read right after it may not see the table yet).
    sync = f"-c synchronous_standby_names={STANDBY_NAME}0 -c synchronous_commit=remote_apply" if synchronous else ""
    primary = ReplicatedServer(bindir, sync)
    made = [ReplicatedServer(bindir) for _ in range(standbys)]
    try:
        primary.init()
        hba = primary.data / "pg_hba.conf"
        hba.write_text(hba.read_text() + "host replication postgres 127.0.0.1/32 trust\n")
        primary.start()
        for number, standby in enumerate(made):
            standby.port = free_port()  # chosen now: the servers started before hold theirs
            standby._run(
                str(bindir / "pg_basebackup"),
                "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                "-D", str(standby.data), "-R", "-X", "stream",
            )  # fmt: skip
            # The name synchronous_standby_names waits for.
            with (standby.data / "postgresql.auto.conf").open("a") as conf:
                conf.write(
                    f"primary_conninfo = 'host=127.0.0.1 port={primary.port} user=postgres "
                    f"application_name={STANDBY_NAME}{number}'\n"
                )
            standby.start()
        yield PrimaryAndStandby(primary, made)
    finally:
        for standby in made:
            standby.remove()
        primary.remove()
