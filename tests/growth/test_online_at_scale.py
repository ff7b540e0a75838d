"""Issue 21 at scale: this layer starts on a database of 200,000 raw messages (with filtered and bot messages,
jargon and reviews, seeded as the benchmark seeds them) while a second process inserts one message every 10 ms
with a bare driver (tests/bench/online_writer.py), on each backend:

(a) the first start on a database laid out as the plugin's own layer leaves it (no counters, text keys or ingest
    keys): the migration, the text-key fill, and the counters' backfill in the background;
(b) an upgrade adding an index and a column to raw_messages;
(c) a first start killed with SIGKILL in the middle of the counters' backfill, then a restart here that finishes it.

After each, with the writer stopped: every insert the writer saw acknowledged is there (and the server refused
none), and the counters equal a fresh COUNT(*) ... GROUP BY. From the statements the start and its backfill sent,
what needs no clock: on PostgreSQL every index on an existing table is built CONCURRENTLY outside a transaction and
every column is added after SET LOCAL lock_timeout; on MariaDB each carries LOCK=NONE or ALGORITHM=INSTANT; on
every backend no existing table is rewritten (its storage stays the same), and no statement reads or writes an
existing table beyond one batch: the backfill's ranges hold at most BATCH rows each, cover each table's ids once
(one statement per tally each), one per transaction; the text-key fill writes at most its batch per statement.

The seeded database is one per backend (module scope), shared by the three tests; each brings it to the layout
it starts from (layouts.py), so each also runs alone.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Select, event, text

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.tables import counter_backfill, counters, jargon_keys
from sldb.handwritten.tables.counter_tallies import COUNTED, COUNTER_TABLES, PROGRESS, range_statements
from sldb.handwritten.tables.counter_triggers import tag
from tests.backends import db_name
from tests.bench import data, growth, layouts
from tests.bench.online_writer import Writer, WriterLog
from tests.bench.raw import RawClient
from tests.fixtures import BACKENDS
from tests.growth.test_counters import assert_exact

pytestmark = pytest.mark.slow

ROWS = 200_000
DATABASE = db_name(data.PREFIX + "_scale")  # a benchmark name: data.py creates and drops only those
WRITES_AROUND = 20  # inserts the writer makes before the start begins, and again after its backfill ended
HANG_GUARD_S = 300  # not a figure under test: only so that a hang fails instead of waiting forever
ROOT = Path(__file__).resolve().parents[2]

_TABLES = {
    "sqlite": "SELECT name FROM sqlite_schema WHERE type = 'table'",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
    "mysql": "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
}
# Where a table's rows are stored: a statement that rewrites the table gives it a new one.
_STORAGE = {
    "sqlite": "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?",
    "postgresql": "SELECT relfilenode FROM pg_class WHERE oid = to_regclass(?)",
    "mysql": "SELECT table_id FROM information_schema.innodb_sys_tables WHERE name = CONCAT(DATABASE(), '/', ?)",
}
_CREATE_INDEX = re.compile(r"CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(\S+) ON (\S+) ")
_ALTER = re.compile(r"ALTER TABLE (\S+) (.*)")
_TOUCHED = re.compile(r"\b(?:FROM|INTO|UPDATE|JOIN)\s+(\w+)")
_MIN_MAX = re.compile(r"SELECT MIN\(id\), MAX\(id\) FROM \w+")
_FIRST_UNKEYED = re.compile(r"SELECT min\(jargon\.id\) AS min_1\s+FROM jargon\s+WHERE jargon\.content_key IS NULL")
# DDL is checked on its own (_assert_online); a trigger's or function's body names tables it does not read now.
_DDL = (
    "CREATE TRIGGER",
    "CREATE OR REPLACE TRIGGER",
    "CREATE OR REPLACE FUNCTION",
    "DROP TRIGGER",
    "CREATE INDEX",
    "CREATE UNIQUE INDEX",
)
# The counter triggers replaced in place by their settled variant once the backfill has finished (no recount).
_SETTLING = re.compile(r"(CREATE OR REPLACE (FUNCTION|TRIGGER)|CREATE TRIGGER|DROP TRIGGER IF EXISTS) sldb_cnt")
_BLOCKING = ("LOCK TABLE", "TRUNCATE", "VACUUM FULL", "CLUSTER", "REINDEX", "OPTIMIZE", "DROP TABLE", "RENAME")


@dataclass
class Grown:
    """The seeded database of one backend, and the layout the last test left it in (None: not known)."""

    backend: str
    folder: Path
    settings: dict[str, Any]
    layout: str | None


@pytest.fixture(scope="module", params=BACKENDS)
async def grown(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Grown]:
    backend = str(request.param)
    folder = tmp_path_factory.mktemp(f"online-{backend}")
    await data.remove_database(backend, folder, DATABASE)
    settings = data.bench_settings(backend, folder, DATABASE)
    manager = SQLAlchemyDatabaseManager(settings)
    await manager.start()
    try:
        await manager.background_finished()  # nothing of the layer may run while its additions are taken away
        await layouts.as_the_plugin_left_it(manager)
    finally:
        await manager.stop()
    raw = await data.open_raw(backend, folder, DATABASE)
    try:
        await growth.seed(raw, ROWS)  # multi-row batches through the bare driver (PostgreSQL: COPY)
    finally:
        await raw.close()
    yield Grown(backend, folder, settings, "plugin")
    await data.remove_database(backend, folder, DATABASE)


async def _laid_out(grown: Grown, layout: str) -> None:
    """Bring the database to layout ("plugin" or "upgrade"): this layer's full layout first (a start, its
    backfill finished), then what the layout lacks taken away. The caller's start changes it again."""
    if grown.layout != layout:
        manager = SQLAlchemyDatabaseManager(grown.settings)
        await manager.start()
        try:
            await manager.background_finished()
            take_away = layouts.as_the_plugin_left_it if layout == "plugin" else layouts.before_the_upgrade
            await take_away(manager)
        finally:
            await manager.stop()
    grown.layout = None


@dataclass(frozen=True)
class Sent:
    """One statement as a connection sent it (or COMMIT / ROLLBACK, the end of its transaction)."""

    sql: str
    params: dict[str, Any]  # by name, as compiled (empty for driver-level SQL)
    level: str | None  # the connection's isolation_level option
    connection: int  # which DBAPI connection
    limit: int | None = None  # a Core select's LIMIT

    def touches(self, tables: set[str]) -> set[str]:
        return set(_TOUCHED.findall(self.sql)) & tables


@dataclass
class Recorder:
    """Every statement of every engine of this process while it is entered (the writer is another process)."""

    sent: list[Sent] = field(default_factory=list)

    def _statement(self, conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, *_: Any) -> None:
        compiled = context.compiled if context is not None else None
        params = dict(context.compiled_parameters[0]) if compiled is not None and context.compiled_parameters else {}
        limit = compiled.statement._limit if compiled is not None and isinstance(compiled.statement, Select) else None
        level = conn.get_execution_options().get("isolation_level")
        self.sent.append(Sent(" ".join(statement.split()), params, level, id(conn.connection.dbapi_connection), limit))

    def _end(self, word: str) -> Any:
        def ended(conn: Any) -> None:
            self.sent.append(Sent(word, {}, None, id(conn.connection.dbapi_connection)))

        return ended

    def __enter__(self) -> Recorder:
        self._listeners = [
            ("before_cursor_execute", self._statement),
            ("commit", self._end("COMMIT")),
            ("rollback", self._end("ROLLBACK")),
        ]
        for name, listener in self._listeners:
            event.listen(Engine, name, listener)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, listener in self._listeners:
            event.remove(Engine, name, listener)

    def ranges(self) -> dict[tuple[str, int, int], list[Sent]]:
        """The backfill's range statements, by (table, lo, hi)."""
        found: dict[tuple[str, int, int], list[Sent]] = {}
        for s in self.sent:
            if {"lo", "hi"} <= s.params.keys():
                [table] = s.touches(set(COUNTED))
                found.setdefault((table, int(s.params["lo"]), int(s.params["hi"])), []).append(s)
        return found


async def _scalar(raw: RawClient, sql: str, *args: Any) -> Any:
    [value] = await raw.column(sql, args)
    return value


async def _storage(raw: RawClient, tables: list[str]) -> dict[str, Any]:
    return {table: await _scalar(raw, _STORAGE[raw.backend], table) for table in tables}


@dataclass(frozen=True)
class Before:
    """What the database held before a start: its tables, and where the rows of the counted ones are stored."""

    tables: set[str]
    storage: dict[str, Any]

    @classmethod
    async def read(cls, grown: Grown) -> Before:
        raw = await data.open_raw(grown.backend, grown.folder, DATABASE)
        try:
            return cls(set(await raw.column(_TABLES[grown.backend])), await _storage(raw, list(COUNTED)))
        finally:
            await raw.close()

    def guarded(self) -> set[str]:
        """The plugin's tables that held rows: no statement may read or write one beyond a batch."""
        return (self.tables & set(Base.metadata.tables)) - set(COUNTER_TABLES)


@asynccontextmanager
async def _writing(grown: Grown, prefix: str) -> AsyncIterator[list[WriterLog]]:
    """The writer inserting throughout the block (WRITES_AROUND inserts before it and after it); its log is put in
    the list yielded once it stopped."""
    writer = await Writer.start(grown.backend, grown.folder, DATABASE, grown.folder / f"{prefix}.log", prefix)
    logs: list[WriterLog] = []
    try:
        await asyncio.wait_for(writer.wait_for(WRITES_AROUND), HANG_GUARD_S)
        yield logs
        await asyncio.wait_for(writer.wait_for(WRITES_AROUND), HANG_GUARD_S)
    finally:
        logs.append(await writer.stop())


async def _start(grown: Grown, recorder: Recorder) -> SQLAlchemyDatabaseManager:
    """A start and its background backfill, recorded; the started manager."""
    manager = SQLAlchemyDatabaseManager(grown.settings)
    try:
        with recorder:
            await manager.start()
            await asyncio.wait_for(manager.background_finished(), HANG_GUARD_S)
    except BaseException:
        await manager.stop()
        raise
    return manager


async def _assert_all_there(manager: SQLAlchemyDatabaseManager, written: WriterLog, prefix: str) -> None:
    """Every acknowledged insert is there, nothing else of the writer's, none refused; the counters exact."""
    assert written.failed == [], f"the server refused inserts of the writer: {written.failed[:5]}"
    acked = {message_id for _, _, message_id in written.acked}
    assert len(acked) >= 2 * WRITES_AROUND
    async with manager.reading() as conn:
        rows = await conn.execute(
            text("SELECT message_id FROM raw_messages WHERE message_id LIKE :p"), {"p": f"{prefix}-%"}
        )
        present = set(rows.scalars())
    assert present == acked
    await assert_exact(manager)
    async with manager.reading() as conn:
        assert await counter_backfill.unfinished(conn) == 0


def _assert_online(backend: str, sent: list[Sent], before: Before, indexes: set[str], columns: set[str]) -> None:
    """The indexes and columns (table.column) added to existing tables are those expected, each in its online
    form; no statement takes a blocking lock for the table's whole time."""
    created = [(m, s) for s in sent if (m := _CREATE_INDEX.match(s.sql)) and m[3] in before.tables]
    altered = [(m, s) for s in sent if (m := _ALTER.match(s.sql)) and m[1] in before.tables]
    assert {m[2] for m, _ in created} == indexes
    assert {f"{m[1]}.{m[2].split()[2]}" for m, _ in altered if m[2].startswith("ADD COLUMN ")} == columns
    assert [s.sql for s in sent if s.sql.startswith(_BLOCKING)] == []
    for m, s in created:
        if backend == "postgresql":
            assert m[1] and s.level == "AUTOCOMMIT", s  # CONCURRENTLY, which a transaction would refuse
        elif backend == "mysql":
            assert s.sql.endswith(" LOCK=NONE"), s
    for m, s in altered:
        assert m[2].startswith("ADD COLUMN "), s  # nothing else: no type change, no constraint
        if backend == "postgresql":
            mine = [x for x in sent if x.connection == s.connection]
            assert mine[mine.index(s) - 1].sql.startswith("SET LOCAL lock_timeout"), s  # in the ALTER's transaction
        elif backend == "mysql":
            assert s.sql.endswith(", ALGORITHM=INSTANT"), s


async def _assert_not_rewritten(grown: Grown, before: Before) -> None:
    """The counted tables' rows are where they were: no statement copied a table (which holds its writes)."""
    raw = await data.open_raw(grown.backend, grown.folder, DATABASE)
    try:
        assert await _storage(raw, list(COUNTED)) == before.storage
    finally:
        await raw.close()


def _assert_bounded(sent: list[Sent], before: Before) -> None:
    """Every statement that reads or writes a table that held rows (DDL apart) is bounded: a backfill range (its
    rows counted in _assert_ranges), the two ends of the primary key, a LIMIT of at most one batch, or the
    text-key fill's UPDATE of at most its batch (one WHEN per row, or on PostgreSQL one array element per row)."""
    guarded = before.guarded()
    unbounded = []
    for s in sent:
        if s.sql.startswith(_DDL) or _ALTER.match(s.sql) or not s.touches(guarded):
            continue
        if {"lo", "hi"} <= s.params.keys() or _MIN_MAX.fullmatch(s.sql):
            continue
        if "n" in s.params and s.params["n"] <= counter_backfill.BATCH and {"low", "high"} <= s.params.keys():
            continue
        if s.limit is not None and s.limit <= jargon_keys.BATCH:
            continue
        if s.sql.startswith("UPDATE jargon SET content_key=CASE") and s.sql.count(" WHEN ") <= jargon_keys.BATCH:
            continue
        if s.sql.startswith("UPDATE jargon AS t SET content_key") and len(s.params.get("ids", ())) <= jargon_keys.BATCH:
            continue
        if _FIRST_UNKEYED.fullmatch(s.sql):  # the text-key fill's one plain read (no lock) of where to begin
            continue
        unbounded.append(s.sql[:200])
    assert unbounded == []


async def _assert_ranges(
    manager: SQLAlchemyDatabaseManager, recorder: Recorder, owed: dict[str, tuple[int, int]]
) -> None:
    """The backfill's ranges: per table owed (lo, hi], consecutive from lo to hi (each id counted once), each
    sent once per tally and at most BATCH rows, one range per transaction; at least rows / BATCH of them."""
    ranges = recorder.ranges()
    assert {table for table, _, _ in ranges} == set(owed)
    async with manager.reading() as conn:
        for table, (low, high) in owed.items():
            mine = sorted((lo, hi) for t, lo, hi in ranges if t == table)
            assert mine[0][0] == low and mine[-1][1] == high, (table, mine[0], mine[-1], low, high)
            assert all(a[1] == b[0] for a, b in itertools.pairwise(mine)), table
            count = text(f"SELECT COUNT(*) FROM {table} WHERE id > :lo AND id <= :hi")
            sizes = [int((await conn.execute(count, {"lo": lo, "hi": hi})).scalar_one()) for lo, hi in mine]
            assert max(sizes) <= counter_backfill.BATCH, (table, max(sizes))
            assert len(mine) >= math.ceil(sum(sizes) / counter_backfill.BATCH)
            for lo, hi in mine:
                assert len(ranges[(table, lo, hi)]) == len(range_statements(manager.backend, table)), (table, lo, hi)
    _assert_one_range_per_transaction(recorder.sent)


def _assert_one_range_per_transaction(sent: list[Sent]) -> None:
    """No transaction of the backfill holds more than one batch (its locks last one batch)."""
    by_connection: dict[int, list[Sent]] = {}
    for s in sent:
        by_connection.setdefault(s.connection, []).append(s)
    for statements in by_connection.values():
        transaction: set[tuple[Any, ...]] = set()
        for s in statements:
            if s.sql in ("COMMIT", "ROLLBACK") or s.sql.startswith("BEGIN"):
                transaction = set()
            elif {"lo", "hi"} <= s.params.keys():
                transaction.add((s.params["lo"], s.params["hi"]))
                assert len(transaction) == 1, transaction


async def _owed(grown: Grown) -> dict[str, tuple[int, int]]:
    """Per counted table whose backfill is unfinished: its measured range (done_upto, high_id]."""
    raw = await data.open_raw(grown.backend, grown.folder, DATABASE)
    try:
        rows = await raw.rows(f"SELECT table_name, high_id, done_upto, finished FROM {PROGRESS}")
    finally:
        await raw.close()
    return {str(r["table_name"]): (int(r["done_upto"]), int(r["high_id"])) for r in rows if not r["finished"]}


async def _measured(manager: SQLAlchemyDatabaseManager) -> dict[str, tuple[int, int]]:
    """What a first backfill measured per counted table, as (MIN(id) - 1, high_id): all its rows were owed."""
    found: dict[str, tuple[int, int]] = {}
    async with manager.reading() as conn:
        for table in COUNTED:
            high = await conn.execute(text(f"SELECT high_id FROM {PROGRESS} WHERE table_name = :t"), {"t": table})
            low = (await conn.execute(text(f"SELECT MIN(id) FROM {table}"))).scalar_one()
            found[table] = (int(low) - 1, int(high.scalar_one()))
    return found


async def test_a_first_start_on_the_plugins_layout_while_another_instance_writes(grown: Grown) -> None:
    await _laid_out(grown, "plugin")
    before = await Before.read(grown)
    recorder = Recorder()
    async with _writing(grown, "first") as written:
        manager = await _start(grown, recorder)
    try:
        await _assert_all_there(manager, written[0], "first")
        sent = recorder.sent
        missing = layouts.missing_indexes(Base.metadata, layouts.ADDED_COLUMNS, [])
        columns = {f"{table}.{column}" for table, column in layouts.ADDED_COLUMNS.items()}
        _assert_online(grown.backend, sent, before, missing, columns)
        _assert_bounded(sent, before)
        await _assert_ranges(manager, recorder, await _measured(manager))
        assert len([r for r in recorder.ranges() if r[0] == "raw_messages"]) >= ROWS // counter_backfill.BATCH
        fills = [s for s in sent if s.sql.startswith(("UPDATE jargon SET content_key=", "UPDATE jargon AS t SET"))]
        async with manager.reading() as conn:
            jargon = int((await conn.execute(text("SELECT COUNT(*) FROM jargon"))).scalar_one())
            unkeyed = (await conn.execute(text("SELECT COUNT(*) FROM jargon WHERE content_key IS NULL"))).scalar_one()
        assert len(fills) >= math.ceil(jargon / jargon_keys.BATCH) and unkeyed == 0
        await _assert_not_rewritten(grown, before)
    finally:
        await manager.stop()


async def test_an_upgrade_adding_an_index_and_a_column_while_another_instance_writes(grown: Grown) -> None:
    await _laid_out(grown, "upgrade")
    before = await Before.read(grown)
    recorder = Recorder()
    async with _writing(grown, "upgrade") as written:
        manager = await _start(grown, recorder)
    try:
        await _assert_all_there(manager, written[0], "upgrade")
        table, column = layouts.UPGRADE_COLUMN
        missing = layouts.missing_indexes(Base.metadata, {table: column}, [layouts.upgrade_index(Base.metadata)])
        _assert_online(grown.backend, recorder.sent, before, missing, {f"{table}.{column}"})
        _assert_bounded(recorder.sent, before)
        assert recorder.ranges() == {}  # the counters were exact already: nothing to backfill
        await _assert_not_rewritten(grown, before)
    finally:
        await manager.stop()


# Another instance's first start: it starts, then waits for its backfill, till it is killed.
_START = """
import asyncio, json, sys
from sldb.generated.manager import SQLAlchemyDatabaseManager

async def main():
    manager = SQLAlchemyDatabaseManager(json.loads(sys.argv[1]))
    await manager.start()
    await manager.background_finished()
    await manager.stop()

asyncio.run(main())
"""


async def _raw_progress(raw: RawClient) -> dict[str, Any] | None:
    """raw_messages' progress row, None while there is none (the other start has not installed the counters)."""
    exists = {
        "sqlite": f"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '{PROGRESS}'",
        "postgresql": f"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '{PROGRESS}'",
        "mysql": f"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{PROGRESS}'",
    }
    if not await _scalar(raw, exists[raw.backend]):
        return None
    rows = await raw.rows(f"SELECT high_id, done_upto, finished FROM {PROGRESS} WHERE table_name = 'raw_messages'")
    return rows[0] if rows else None


async def _kill_in_the_backfill(grown: Grown) -> int:
    """Run another instance's first start and SIGKILL it once raw_messages' backfill has committed a batch and
    is not finished (raw_messages is the last table the backfill goes through); raw_messages' lowest id."""
    raw = await data.open_raw(grown.backend, grown.folder, DATABASE)
    errors = (grown.folder / "killed.err").open("w")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _START, json.dumps(grown.settings), cwd=ROOT, stderr=errors, env={**os.environ}
    )
    try:
        first = int(await _scalar(raw, "SELECT MIN(id) FROM raw_messages"))

        async def in_the_middle() -> None:
            while True:
                assert process.returncode is None, (grown.folder / "killed.err").read_text()[-2000:]
                found = await _raw_progress(raw)
                measured = found is not None and found["high_id"] is not None and not found["finished"]
                if measured and int(found["done_upto"]) >= first:  # a batch of raw_messages committed
                    return
                await asyncio.sleep(0.02)

        await asyncio.wait_for(in_the_middle(), HANG_GUARD_S)
    finally:
        if process.returncode is None:
            os.kill(process.pid, signal.SIGKILL)
        await process.wait()
        errors.close()
        await raw.close()
    assert process.returncode == -signal.SIGKILL
    return first


async def test_a_first_start_killed_in_its_backfill_then_restarted_counts_every_row_once(grown: Grown) -> None:
    await _laid_out(grown, "plugin")
    before = await Before.read(grown)
    recorder = Recorder()
    async with _writing(grown, "killed") as written:
        first = await _kill_in_the_backfill(grown)
        owed = await _owed(grown)  # what the killed run's committed batches left
        assert owed["raw_messages"][0] >= first  # killed in the middle: some of its batches done, not all
        manager = await _start(grown, recorder)
    try:
        assert manager.migration_steps == []  # the killed start had migrated; the restart only resumes
        await _assert_all_there(manager, written[0], "killed")
        ddl = [s.sql for s in recorder.sent if s.sql.startswith(("CREATE", "ALTER", "DROP"))]
        assert [sql for sql in ddl if not _SETTLING.match(sql)] == []  # no migration, no trigger install
        assert not [s for s in recorder.sent if _MIN_MAX.fullmatch(s.sql)]  # not measured again: no recount
        async with manager.engine.engine.connect() as conn:  # the backfill finished: the triggers settled
            assert await counters._tags(conn) == {tag(settled=True)}
        _assert_bounded(recorder.sent, before)
        await _assert_ranges(manager, recorder, owed)  # from where the killed run's last commit left each table
        await _assert_not_rewritten(grown, before)
    finally:
        await manager.stop()
