"""A private three-node MariaDB Galera cluster on free loopback ports, in temporary folders.

Each node is a PrivateMariaDB (tests/faults/servers.py) started with the galera-4 provider: the first
bootstraps the cluster (`--wsrep-new-cluster`), the others join it and receive its state by rsync (SST). Ports
per node: the client port, the group port (gmcast), the IST and the SST port, all on 127.0.0.1. A node is
killed with SIGKILL and started again by pid; the folders are removed afterwards, also when a test fails.
"""

from __future__ import annotations

import os
import pwd
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pymysql
import pytest

from tests.faults.servers import READY_TIMEOUT_SECONDS, PrivateMariaDB, free_port

PROVIDERS = ("/usr/lib/galera/libgalera_smm.so", "/usr/lib/libgalera_smm.so", "/usr/lib64/galera-4/libgalera_smm.so")
NODES = 3
# As root, the nodes run as the `mysql` user: the rsync daemon of a state transfer, started by root, would write
# as `nobody` and be refused the data folder.
RUN_AS = "mysql"


def _provider() -> str | None:
    return next((p for p in PROVIDERS if Path(p).exists()), None)


class GaleraNode(PrivateMariaDB):
    """One node: the server's own options and the cluster's."""

    run_as = RUN_AS

    def __init__(self, install_db: str, server: str, provider: str, name: str) -> None:
        super().__init__(install_db, server)
        self.provider = provider
        self.name = name
        self.group_port = free_port()
        self.ist_port = free_port()
        self.sst_port = free_port()
        self.cluster_address = "gcomm://"
        self.bootstrap = False

    def own(self) -> None:
        """Give the node's folder to the user it runs as (a joiner's empty data folder included)."""
        self.data.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            user = pwd.getpwnam(self.run_as)
            for path in (self.root, self.data, *self.data.rglob("*")):
                os.chown(path, user.pw_uid, user.pw_gid)

    def options(self) -> list[str]:
        return [
            "--binlog-format=ROW",
            "--innodb-autoinc-lock-mode=2",
            "--wsrep-on=ON",
            f"--wsrep-provider={self.provider}",
            f"--wsrep-cluster-address={self.cluster_address}",
            "--wsrep-cluster-name=sldb_test",
            f"--wsrep-node-name={self.name}",
            "--wsrep-node-address=127.0.0.1",
            f"--wsrep-node-incoming-address=127.0.0.1:{self.port}",
            f"--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:{self.group_port};"
            f"ist.recv_addr=127.0.0.1:{self.ist_port};gcache.size=32M;evs.inactive_timeout=PT6S;"
            "evs.suspect_timeout=PT3S;pc.wait_prim_timeout=PT10S",
            "--wsrep-sst-method=rsync",
            f"--wsrep-sst-receive-address=127.0.0.1:{self.sst_port}",
            *(["--wsrep-new-cluster"] if self.bootstrap else []),
        ]

    def start(self) -> None:
        super().start()
        self.wait_synced()

    def status(self, name: str) -> str | None:
        """One wsrep status variable of this node (None when it does not answer)."""
        try:
            conn = pymysql.connect(host="127.0.0.1", port=self.port, user="root", connect_timeout=2)
        except pymysql.err.OperationalError:
            return None
        try:
            with conn.cursor() as cursor:
                cursor.execute("SHOW STATUS LIKE %s", (name,))
                row = cursor.fetchone()
                return None if row is None else str(row[1])
        finally:
            conn.close()

    def wait_synced(self, cluster_size: int | None = None) -> None:
        """Until this node is Synced (and, when given, sees cluster_size nodes)."""
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            synced = self.status("wsrep_local_state_comment") == "Synced"
            if synced and (cluster_size is None or self.status("wsrep_cluster_size") == str(cluster_size)):
                return
            time.sleep(0.2)
        raise RuntimeError(f"galera node {self.name} not synced after {READY_TIMEOUT_SECONDS} s")

    def kill(self) -> None:
        """A crash: SIGKILL; the others notice it within evs.suspect_timeout and go on without it."""
        self.stop("immediate")


class GaleraCluster:
    def __init__(self, nodes: list[GaleraNode]) -> None:
        self.nodes = nodes

    @property
    def hosts(self) -> str:
        """mysql_host listing every node."""
        return ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    def wait_size(self, size: int) -> None:
        for node in self.nodes:
            if node.is_running():
                node.wait_synced(size)


def galera_cluster() -> Iterator[GaleraCluster]:
    """Body of a fixture: three started, synced nodes, removed afterwards (skipped without the binaries)."""
    install_db = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
    server = next((p for p in ("mariadbd", "/usr/sbin/mariadbd") if shutil.which(p)), None)
    provider = _provider()
    missing = [what for what, found in (("mariadbd", server and install_db), ("galera-4", provider)) if not found]
    if shutil.which("rsync") is None:
        missing.append("rsync")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(RUN_AS)
        except KeyError:
            missing.append(f"a `{RUN_AS}` user to run the nodes as")
    if missing:
        pytest.skip(f"Galera needs {', '.join(missing)} (Debian: apt-get install galera-4 rsync)")
    assert install_db is not None and server is not None and provider is not None
    nodes = [GaleraNode(install_db, server, provider, f"node{i + 1}") for i in range(NODES)]
    address = "gcomm://" + ",".join(f"127.0.0.1:{n.group_port}" for n in nodes)
    try:
        for i, node in enumerate(nodes):
            node.cluster_address = address
            node.bootstrap = i == 0
            node.own()
            if i == 0:
                node.init()  # the others receive its data by a state transfer
            node.start()
        nodes[0].bootstrap = False  # started again later, it joins
        cluster = GaleraCluster(nodes)
        cluster.wait_size(NODES)
        yield cluster
    finally:
        for node in nodes:
            node.remove()
