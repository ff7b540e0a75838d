"""Read replicas: the reads the facade specs mark `replica: true` go to a PostgreSQL hot standby.

A marked method receives `db.replica()`: a Database whose reading() and snapshot() connect to a standby that is
up, in recovery, at most `max_replica_lag_s` behind and past the schema start-up migrated to, taken in turn;
when none is, to the primary. It cannot
write (a marked method is a read; the checker refuses `replica: true` elsewhere). Every unmarked method, and
every read inside a write, stays on the primary.

Each standby's state is read at most once per CHECK_INTERVAL_SECONDS, with one small query: in recovery, and how
far replay is behind. Replay that has caught up with what was received counts as no lag, since
`pg_last_xact_replay_timestamp()` alone grows while the primary is idle. That measure cannot see WAL the standby
has not received yet, so a standby is also held back until it has replayed the primary's WAL position at the end
of start-up: before that, it may lack the tables start-up just created. A state change (usable, lagging, down,
not a standby) is logged once, naming host and port, never a password.

server_roles() and node_roles() are what `sldb doctor` shows of each configured server: a PostgreSQL server's
role and lag, a Galera node's state.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from sldb.handwritten.runtime.connecting.engine import DatabaseEngine
from sldb.handwritten.runtime.connecting.hosts import HostPort, without_hosts_in_query
from sldb.handwritten.runtime.connecting.nodes import is_galera
from sldb.handwritten.runtime.connecting.pools import PoolOptions
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.database import Backend, Connection, Database, DriverHandle
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify

log = layer_logger("replicas")

CHECK_INTERVAL_SECONDS = 1.0
_STATE = text(
    "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END, "
    "COALESCE(pg_last_wal_replay_lsn() >= CAST(CAST(:needed AS text) AS pg_lsn), true)"
)
_WAL_POSITION = text("SELECT CAST(pg_current_wal_lsn() AS text)")


async def wal_position(engine: DatabaseEngine) -> str:
    """The primary's current WAL position: a standby that has replayed it has everything committed so far."""
    async with engine.reading() as conn:
        return str((await conn.execute(_WAL_POSITION)).scalar_one())


async def _recovery_and_lag(engine: DatabaseEngine, needed: str = "0/0") -> tuple[bool, float, bool]:
    """(in recovery, replay lag in seconds, replayed up to `needed`) of the server engine connects to."""
    async with engine.reading() as conn:
        in_recovery, lag, replayed = (await conn.execute(_STATE, {"needed": needed})).one()
    return bool(in_recovery), float(lag or 0.0), bool(replayed)


@dataclass
class Replica:
    """One standby, its engines (one per event loop, as the primary's) and what was last seen of it."""

    host: HostPort
    engine: DatabaseEngine
    state: str = "unchecked"  # usable, lagging, behind the schema, down, not a standby
    lag_s: float = 0.0
    checked_at: float = 0.0


class ReplicaSet:
    """The configured standbys and the choice among them."""

    def __init__(self, replicas: list[Replica], max_lag_s: float, schema_position: str = "0/0") -> None:
        self.replicas = replicas
        self.max_lag_s = max_lag_s
        self.schema_position = schema_position  # the primary's WAL position when start-up's migration was done
        self._turn = 0

    async def _check(self, replica: Replica) -> None:
        try:
            in_recovery, lag_s, replayed = await _recovery_and_lag(replica.engine, self.schema_position)
        except (SQLAlchemyError, OSError) as exc:
            self.mark_down(replica, exc)
            return
        if not in_recovery:
            self._set(replica, "not a standby", lag_s, "it accepts writes (promoted?)")
        elif not replayed:
            self._set(replica, "behind the schema", lag_s, f"it has not replayed {self.schema_position} yet")
        elif lag_s > self.max_lag_s:
            self._set(replica, "lagging", lag_s, f"{lag_s:.1f} s behind (max_replica_lag_s {self.max_lag_s:g})")
        else:
            self._set(replica, "usable", lag_s, "")

    def _set(self, replica: Replica, state: str, lag_s: float, why: str) -> None:
        replica.checked_at = time.monotonic()
        replica.lag_s = lag_s
        if state == replica.state:
            return
        before, replica.state = replica.state, state
        if state == "behind the schema" or (state == "usable" and before == "behind the schema"):
            # Expected for a moment after start-up: the standby is still replaying what start-up created.
            log.info("read replica %s is %s", replica.host, state)
        elif state == "usable":
            if before != "unchecked":
                log.warning("read replica %s is usable again", replica.host)
        else:
            log.warning("read replica %s is skipped (%s): %s; its reads go to the primary", replica.host, state, why)

    def mark_down(self, replica: Replica, exc: BaseException) -> None:
        self._set(replica, "down", 0.0, cause_text(exc))

    async def pick(self) -> Replica | None:
        """A usable standby, in turn; None when there is none."""
        now = time.monotonic()
        count = len(self.replicas)
        for step in range(count):
            replica = self.replicas[(self._turn + step) % count]
            if now - replica.checked_at >= CHECK_INTERVAL_SECONDS:
                await self._check(replica)
            if replica.state == "usable":
                self._turn = (self._turn + step + 1) % count
                return replica
        return None

    async def close(self) -> None:
        for replica in self.replicas:
            await replica.engine.close()


class ReplicaReads:
    """The Database a replica-marked method receives: reads on a usable standby, else on the primary."""

    def __init__(self, primary: Database, replicas: ReplicaSet) -> None:
        self._primary = primary
        self._replicas = replicas

    @property
    def backend(self) -> Backend:
        return self._primary.backend

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Connection]:
        async with AsyncExitStack() as stack:
            yield await self._open(stack, snapshot=False)

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Connection]:
        async with AsyncExitStack() as stack:
            yield await self._open(stack, snapshot=True)

    async def _open(self, stack: AsyncExitStack, *, snapshot: bool) -> Connection:
        """A connection on a usable standby; on the primary when there is none, or when the chosen one cannot
        be reached now (it died since its last check: it is marked down and the call goes on)."""
        replica = await self._replicas.pick()
        if replica is not None:
            source = replica.engine.snapshot() if snapshot else replica.engine.reading()
            try:
                return await stack.enter_async_context(source)
            except (SQLAlchemyError, OSError) as exc:
                if classify(exc) is not FailureClass.UNAVAILABLE:
                    raise
                self._replicas.mark_down(replica, exc)
        return await stack.enter_async_context(self._primary.snapshot() if snapshot else self._primary.reading())

    def autocommit(self) -> AbstractAsyncContextManager[Connection]:
        raise TypeError("a replica-marked method cannot write (its spec says access: read)")

    def driver(self, *, write: bool) -> AbstractAsyncContextManager[DriverHandle]:
        if write:
            raise TypeError("a replica-marked method cannot write (its spec says access: read)")
        return self.reading()

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        raise TypeError("a replica-marked method cannot write (its spec says access: read)")

    def driver_transaction(self) -> AbstractAsyncContextManager[DriverHandle]:
        raise TypeError("a replica-marked method cannot write (its spec says access: read)")

    def replica(self) -> Database:
        return self


@dataclass(frozen=True)
class ServerRole:
    """What one configured server is now, as `sldb doctor` shows it."""

    host: HostPort
    listed_as: str  # "primary" (postgresql_host), "read replica" (postgresql_read_hosts) or "node" (mysql_host)
    role: str  # primary, standby, down; a Galera node's state
    lag_s: float | None  # a standby's replay lag
    detail: str = ""  # why it is down

    def as_json(self) -> dict[str, object]:
        return {"host": str(self.host), "listed_as": self.listed_as, "role": self.role, "lag_s": self.lag_s}


async def server_roles(settings: DatabaseSettings) -> list[ServerRole]:
    """Each server of postgresql_host and postgresql_read_hosts: primary or standby (with its lag), or down."""
    listed = [(h, "primary") for h in settings.hosts("postgresql")]
    listed += [(h, "read replica") for h in settings.read_hosts()]
    found: list[ServerRole] = []
    for host, listed_as in listed:
        engine = DatabaseEngine(
            settings.replica_url(host), options=PoolOptions(1, 0, connect_timeout=settings.connect_timeout)
        )
        try:
            in_recovery, lag_s, _ = await _recovery_and_lag(engine)
            found.append(
                ServerRole(host, listed_as, "standby" if in_recovery else "primary", lag_s if in_recovery else None)
            )
        except (SQLAlchemyError, OSError) as exc:
            found.append(ServerRole(host, listed_as, "down", None, cause_text(exc)))
        finally:
            await engine.close()
    return found


_NODE_STATE = text(
    "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')"
)


async def node_roles(settings: DatabaseSettings) -> list[ServerRole]:
    """Each node of a mysql_host that lists several: its Galera state (Synced, Joining, Donor/Desynced...) and
    the size of the cluster it sees, not ready, or down."""
    nodes = settings.hosts("mysql")
    if len(nodes) < 2:
        return []
    found: list[ServerRole] = []
    for node in nodes:
        url = settings.server_url()  # no database: a node is asked about itself, before start-up too
        url = without_hosts_in_query(url).set(host=node.host, port=node.port)
        engine = DatabaseEngine(url, options=PoolOptions(1, 0, connect_timeout=settings.connect_timeout))
        try:
            async with engine.reading() as conn:
                galera = await is_galera(conn)
                status = {str(k): str(v) for k, v in (await conn.execute(_NODE_STATE)).all()}
            if not galera:
                role = "not a Galera node"
            elif status.get("wsrep_ready", "").upper() != "ON":
                role = f"not ready ({status.get('wsrep_local_state_comment', '?')})"
            else:
                role = f"{status.get('wsrep_local_state_comment', '?')}, {status.get('wsrep_cluster_size', '?')} in the cluster"
            found.append(ServerRole(node, "node", role, None))
        except (SQLAlchemyError, OSError) as exc:
            found.append(ServerRole(node, "node", "down", None, cause_text(exc)))
        finally:
            await engine.close()
    return found
