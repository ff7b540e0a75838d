"""One MySQL / MariaDB node at a time out of several (`mysql_host: "n1:3306,n2:3306,n3:3306"`), for Galera.

Every engine of the process that reaches the same nodes shares one NodeList: new connections open on its
current node. When that node refuses, does not answer within connect_timeout, or is a Galera node that is not
ready (`wsrep_ready` OFF: still joining, or cut off from the primary component), the next node of the list is
tried, and the first that works becomes the current node, with one warning. A login refused, or any failure
that is not the node's unavailability, is raised at once: every node would say the same.

Connections already open on a node that died fail at their next use; the engine then drops the whole pool (a
disconnect, or failures.node_not_ready), so the next checkout opens on the current node. One node at a time
rather than connections spread over all: writes on different Galera nodes conflict at commit, and a read on
another node than the write before it may not see that write yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import aiomysql
import pymysql.err
from sqlalchemy import text

from sldb.handwritten.runtime.connecting.hosts import HostPort
from sldb.handwritten.runtime.contract.database import Connection
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify

log = layer_logger("nodes")

WSREP_ON = "SHOW VARIABLES LIKE 'wsrep_on'"  # no row on MySQL; OFF on MariaDB outside a cluster
_READY = "SHOW STATUS LIKE 'wsrep_ready'"


def is_on(row: Sequence[Any] | None) -> bool:
    """Whether the (name, value) row of a SHOW VARIABLES / STATUS says ON (no row: the server has no such thing)."""
    return row is not None and str(row[1]).upper() == "ON"


async def is_galera(conn: Connection) -> bool:
    """Whether this MySQL / MariaDB server is a node of a Galera cluster (wsrep_on)."""
    return is_on((await conn.execute(text(WSREP_ON))).first())


class NodeList:
    """The nodes, in the order given, and the one new connections open on."""

    def __init__(self, nodes: tuple[HostPort, ...]) -> None:
        self.nodes = nodes
        self._current = 0

    @property
    def current(self) -> HostPort:
        return self.nodes[self._current]

    async def connect(self, timeout: float, **kwargs: Any) -> aiomysql.Connection:
        """A connection on the current node, else on the next node that takes one (aiomysql.connect's kwargs)."""
        failed: list[str] = []
        for step in range(len(self.nodes)):
            index = (self._current + step) % len(self.nodes)
            node = self.nodes[index]
            try:
                conn = await asyncio.wait_for(
                    aiomysql.connect(**{**kwargs, "host": node.host, "port": node.port}), timeout
                )
            except (OSError, pymysql.err.MySQLError) as exc:
                if classify(exc) is not FailureClass.UNAVAILABLE:
                    raise
                failed.append(f"{node}: {cause_text(exc)}")
                continue
            not_ready = await _not_ready(conn)
            if not_ready:
                conn.close()
                failed.append(f"{node}: {not_ready}")
                continue
            if index != self._current:
                log.warning("MySQL node %s is unavailable (%s); using %s", self.current, "; ".join(failed), node)
                self._current = index
            return conn
        # CR_CONN_HOST_ERROR: classified UNAVAILABLE, as one unreachable server is.
        raise pymysql.err.OperationalError(2003, "no node takes connections: " + "; ".join(failed))

    def connector(self, timeout: float) -> Any:
        """The async_creator_fn of an engine on these nodes."""

        async def connect(*_args: Any, **kwargs: Any) -> aiomysql.Connection:
            return await self.connect(timeout, **kwargs)

        return connect


async def _not_ready(conn: aiomysql.Connection) -> str | None:
    """Why a Galera node takes no statement now, or None (ready, or not a Galera node)."""
    async with conn.cursor() as cursor:
        await cursor.execute(WSREP_ON)  # MariaDB without Galera reports wsrep_ready OFF too: ask this first
        if not is_on(await cursor.fetchone()):
            return None
        await cursor.execute(_READY)
        if is_on(await cursor.fetchone()):
            return None
    return "a Galera node that is not ready (wsrep_ready OFF)"


_NODE_LISTS: dict[tuple[HostPort, ...], NodeList] = {}


def node_list(nodes: tuple[HostPort, ...]) -> NodeList:
    """The process's one NodeList for these nodes (shared by the engines on them)."""
    found = _NODE_LISTS.get(nodes)
    if found is None:
        found = _NODE_LISTS[nodes] = NodeList(nodes)
    return found
