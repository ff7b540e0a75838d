"""Private, throwaway PostgreSQL and MariaDB servers that a test may stop and start again.

The shared servers (5432, 3306) serve every engineer's tests and are never restarted; these run from a
temporary directory on a free port and are removed afterwards. PostgreSQL refuses to run as root, so as root
its binaries run as the `postgres` user (`runuser`). On the private PostgreSQL server, `postgres` logs in
over TCP without a password and every other role needs its password (scram-sha-256): the safety tests use
that to check real password logins.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

READY_TIMEOUT_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary directory on a free port."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="sldb-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as_postgres = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        command = [*self._as_postgres, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=READY_TIMEOUT_SECONDS)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {result.stderr.strip()}\n{_tail(self.log)}")

    def init(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` ends sessions and shuts down cleanly; `immediate` is a crash."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def url(self, username: str = "postgres", password: str | None = None) -> URL:
        return URL.create("postgresql+asyncpg", username, password, "127.0.0.1", self.port, "postgres")

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            if self.is_running():
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


class PrivateMariaDB:
    """A MariaDB server in a temporary directory on a free port, root without a password."""

    run_as = "root"  # the system user the server runs as when the tests run as root

    def __init__(self, install_db: str, server: str) -> None:
        self.install_db = install_db
        self.server = server
        self.root = Path(tempfile.mkdtemp(prefix="sldb-mariadb-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def init(self) -> None:
        command = [
            self.install_db,
            "--no-defaults",
            f"--datadir={self.data}",
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
        ]
        if os.geteuid() == 0:
            command.append(f"--user={self.run_as}")
        result = subprocess.run(command, capture_output=True, text=True, timeout=READY_TIMEOUT_SECONDS)
        if result.returncode != 0:
            raise RuntimeError(f"mariadb-install-db failed: {result.stdout[-2000:]}{result.stderr[-2000:]}")

    def start(self) -> None:
        command = [
            self.server,
            "--no-defaults",
            f"--datadir={self.data}",
            f"--port={self.port}",
            "--bind-address=127.0.0.1",
            f"--socket={self.root / 'mysqld.sock'}",
            f"--pid-file={self.root / 'mysqld.pid'}",
            f"--log-error={self.log}",
            "--skip-name-resolve",
            "--innodb-buffer-pool-size=64M",
            *self.options(),
        ]
        if os.geteuid() == 0:
            command.append(f"--user={self.run_as}")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_ready()

    def options(self) -> list[str]:
        """The server's options beyond where it keeps its files and listens."""
        return ["--skip-log-bin"]

    def _wait_ready(self) -> None:
        import pymysql  # the synchronous driver aiomysql is built on

        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"mariadbd exited with {self.process.returncode}:\n{_tail(self.log)}")
            try:
                pymysql.connect(host="127.0.0.1", port=self.port, user="root", connect_timeout=2).close()
                return
            except pymysql.err.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"mariadbd not ready after {READY_TIMEOUT_SECONDS} s:\n{_tail(self.log)}"
                    ) from None
                time.sleep(0.1)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` is a clean shutdown (SIGTERM); `immediate` is a crash (SIGKILL)."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGKILL if mode == "immediate" else signal.SIGTERM)
        try:
            self.process.wait(READY_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def url(self, username: str = "root", password: str | None = None) -> URL:
        return URL.create("mysql+aiomysql", username, password, "127.0.0.1", self.port)

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def private_postgres() -> Iterator[PrivatePostgres]:
    """Body of a fixture: a started private PostgreSQL, removed afterwards (skipped without the binaries)."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run initdb as")
    server = PrivatePostgres(bindir)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


def private_mariadb() -> Iterator[PrivateMariaDB]:
    """Body of a fixture: a started private MariaDB, removed afterwards (skipped without the binaries)."""
    install_db = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
    server_binary = next(
        (p for p in ("mariadbd", "/usr/sbin/mariadbd", "mysqld", "/usr/sbin/mysqld") if shutil.which(p)), None
    )
    if install_db is None or server_binary is None:
        pytest.skip("MariaDB server binaries (mariadb-install-db, mariadbd) are not installed")
    server = PrivateMariaDB(install_db, server_binary)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()
