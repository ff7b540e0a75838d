"""Exact counters kept by triggers: per group the message counts, per group and quarter hour the raw messages,
per chat the jargon figures.

The counter tables are declared in the specs (``maintained_by: triggers``): ``message_group_counters`` holds,
per group, the raw (and unprocessed raw), filtered and bot message counts; ``message_sender_counters``, per
group and sender, the raw message count and the greatest sender_name; ``message_quarter_counters``, per quarter
of an hour (timestamp DIV 900) and group, the raw messages; ``jargon_chat_counters``, per chat, the terms,
confirmed and complete terms, and the sum and number of their counts. A NULL group_id is kept as
``group_id = ''`` with ``null_group = true``, so that the key can be unique. Each counter but the senders' is a
``Tally``: keys and sums, both expressions of a counted row; the DDL below is derived from the tallies.

Triggers, not the layer's write paths, keep them: rows the plugin writes through ``get_session()`` are counted
too. Each trigger upserts (``ON CONFLICT`` / ``ON DUPLICATE KEY``), so concurrent writers of one group add up
on its row, inside their own transactions. The keys are per group (per chat), never global: writers of
different groups never wait on one counter row (nor, on Galera, fail certification on one). Inserts fire
row-level triggers on every backend (a message is mostly inserted alone, and a row trigger's statements cost
less than an aggregate over a transition table); MariaDB and PostgreSQL update the key's counter row first and
insert only a missing key, so no id is spent per message. Two multi-row inserts of shared groups in opposite
orders can then deadlock: the server rolls one back, and the layer's writes run it again. PostgreSQL's updates
and deletes fire statement-level triggers over transition tables (one aggregated upsert per statement and tally,
however many rows, taking the counter rows in key order), plus an AFTER TRUNCATE trigger that resets the
counters; SQLite's and MariaDB's are row-level. Every backfill finished, the triggers are replaced in place by
their settled variant, which reads no backfill progress (settle_counters). MariaDB's
TRUNCATE fires no trigger: a TRUNCATE the plugin sends itself there leaves the counters behind until the next
version's backfill (the layer's own clears never TRUNCATE on MariaDB). Change VERSION with the DDL: start-up then
replaces the triggers and counts every row again.

``install_counters`` runs at the end of start-up's migration, under its lock: when the triggers of this
version are all present it does nothing (one catalog read); otherwise it marks every counted table's backfill
unmeasured and (re)creates the triggers, in time that does not grow with the tables. The backfill
(counter_backfill.py) then fills the counters in bounded batches after the migration, exact while others
write. ``clear_counted`` empties the counted tables and their counters in one transaction, in the fastest
correct form of each backend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import MetaData, Table, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.connecting.nodes import is_galera
from sldb.handwritten.runtime.connecting.pools import NO_BEGIN
from sldb.handwritten.runtime.contract.database import Connection
from sldb.handwritten.runtime.contract.errors import PermissionDeniedError
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify
from sldb.handwritten.runtime.failures.retry import Backoff, keep_trying, run_again
from sldb.handwritten.runtime.schema.catalog import read_row_estimates
from sldb.handwritten.runtime.schema.lock import migration_lock
from sldb.handwritten.runtime.schema.online import lock_waits_bounded
from sldb.handwritten.tables import counter_backfill
from sldb.handwritten.tables.counter_backfill import run_backfill, unfinished, write_unmeasured
from sldb.handwritten.tables.counter_tallies import (
    COUNTED,
    COUNTER_TABLES,
    GALERA_PREFIX,
    PROGRESS,
    ROW_COUNTS,
    VERSION,
    emptied_statements,
    trigger_names,
)
from sldb.handwritten.tables.counter_triggers import TAG_PATTERN, replacing_ddl, tag, trigger_ddl

log = layer_logger("counters")


async def _catalog(conn: Connection) -> dict[str, tuple[str, str | None]]:
    """Trigger name -> (table, the variant tag its body carries: counter_triggers.tag; None for a body with
    none, as an earlier revision's or someone else's) of every trigger on the current database/schema (one
    catalog read)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        stmt = "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'"
    elif is_mysql(dialect):
        stmt = (
            "SELECT trigger_name, event_object_table, action_statement FROM information_schema.triggers "
            "WHERE trigger_schema = DATABASE()"
        )
    else:
        stmt = (
            "SELECT t.tgname, c.relname, p.prosrc FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
            "JOIN pg_proc AS p ON p.oid = t.tgfoid "
            "WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT t.tgisinternal"
        )
    found: dict[str, tuple[str, str | None]] = {}
    for name, table, body in (await conn.execute(text(stmt))).all():
        match = re.search(TAG_PATTERN, str(body))
        found[str(name)] = (str(table), match.group(1) if match else None)
    return found


def _tables_of(catalog: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    return {name: table for name, (table, _) in catalog.items()}


def _tags_of(catalog: dict[str, tuple[str, str | None]]) -> set[str | None]:
    """The variant tags of the counter triggers among catalog's."""
    return {found for name, (_, found) in catalog.items() if name.startswith("sldb_cnt")}


def _earlier_revision(tags: set[str | None]) -> bool:
    """Whether a counter trigger's body is of a revision before this one."""
    return not tags <= {tag(settled=True), tag(settled=False)}


async def _installed(conn: Connection) -> dict[str, str]:
    """Trigger name -> table of every trigger on the current database/schema (one catalog read)."""
    return _tables_of(await _catalog(conn))


async def _tags(conn: Connection) -> set[str | None]:
    """The variant tags the installed counter triggers' bodies carry (one catalog read)."""
    return _tags_of(await _catalog(conn))


async def _drop(conn: Connection, triggers: dict[str, str]) -> None:
    for name, table in sorted(triggers.items()):
        on = f" ON {table}" if conn.dialect.name == "postgresql" else ""
        await conn.execute(text(f"DROP TRIGGER IF EXISTS {name}{on}"))


def maintains(metadata: MetaData) -> bool:
    """Whether these models hold the counted and the counter tables (a partial model set, as in tests, does not)."""
    return all(name in metadata.tables for name in (*COUNTED, *COUNTER_TABLES))


async def after_migration(conn: AsyncConnection, metadata: MetaData, created: Sequence[str]) -> bool:
    """The step after the migration (SchemaExtras.after_migration): the counters, when these models hold them."""
    return await install_counters(conn, created) if maintains(metadata) else False


async def pending(conn: AsyncConnection, metadata: MetaData) -> str | None:
    """What after_migration would change now (SchemaExtras.pending): the triggers of this version, when any is
    missing; None when all are present, so a start on a current schema runs no DDL (one catalog read)."""
    if not maintains(metadata):
        return None
    if trigger_names(conn.dialect.name, await _on_galera(conn)) <= set(await _installed(conn)):
        return None
    return f"the message counter triggers (version {VERSION})"


async def install_counters(conn: AsyncConnection, created: Iterable[str] = ()) -> bool:
    """Make the counter triggers of this version present; True when it changed anything.

    created: the tables this migration created. A counter table among them, or a trigger of this version
    missing, means the counters are out of step: the triggers are dropped, every counted table's backfill is
    marked unmeasured (all of its rows owed, so the new triggers count nothing yet), then the triggers are
    created; the backfill (counter_backfill.py, after start-up) empties the counters and fills them in batches.
    No step here reads the counted tables beyond their highest id, so it takes the same short time whatever
    they hold. With every trigger present it changes nothing: bringing their bodies to this revision's variant
    is settle_counters', after the migration.
    """
    dialect = conn.dialect.name
    created = set(created)
    installed = await _installed(conn)
    galera = await _on_galera(conn)
    wanted = trigger_names(dialect, galera)
    if wanted <= set(installed) and not created & set(COUNTER_TABLES):
        return False
    try:
        # The old triggers go first: a settled one (which counts every row) must never see a backfill owed. On
        # MariaDB each DDL commits, and the progress rows commit before the first trigger that reads them.
        await _drop(conn, {n: t for n, t in installed.items() if n.startswith("sldb_cnt")})
        fresh = set(COUNTED) | set(COUNTER_TABLES) <= created  # a new database: nothing to backfill
        await write_unmeasured(conn, fresh, galera)
        for statement in trigger_ddl(dialect, galera, settled=fresh):
            await conn.execute(text(statement))
    except DBAPIError as exc:
        if classify(exc) is not FailureClass.PERMISSION_DENIED:
            raise
        # Without its triggers the statistics would be wrong: start-up stops and says what to grant.
        raise PermissionDeniedError(
            "creating the message counter triggers was refused "
            f"({cause_text(exc)}): grant TRIGGER on the database (PostgreSQL: own the tables); on MySQL/MariaDB "
            "with binary logging on, also SUPER or SET GLOBAL log_bin_trust_function_creators = 1"
        ) from exc
    log.info("message counter triggers installed (version %d); the counters are filled after start-up", VERSION)
    return True


async def _wanted_tag(conn: Connection) -> str:
    return tag(settled=not await unfinished(conn))


async def settle_in_place(conn: AsyncConnection) -> bool:
    """Bring the installed triggers' bodies to this revision's variant for the backfill's state, in place, in
    conn's transaction, with no recount (both variants, and every revision of a VERSION, count the same rows);
    True when it replaced them. Settled (every backfill finished) they read nothing but the row; while a
    backfill is owed they read its range. Under the migration lock (settle_counters): nothing marks a backfill
    owed meanwhile. MySQL (not MariaDB) cannot replace a trigger in place: its bodies stay, counting the same."""
    dialect = conn.dialect.name
    if is_mysql(dialect) and not getattr(conn.dialect, "is_mariadb", False):
        return False
    wanted = await _wanted_tag(conn)
    catalog = await _catalog(conn)
    tags = _tags_of(catalog)
    if tags == {wanted}:
        return False
    settled = wanted == tag(settled=True)
    if not settled and tag(settled=True) in tags:
        # Settled triggers while a backfill is owed: they may have counted rows it counts too; count again.
        log.warning("settled counter triggers found with a backfill owed; the counters are counted again")
        return await install_counters(conn, COUNTER_TABLES)
    restructured = _earlier_revision(tags)
    if dialect == "postgresql" and restructured:
        # Its insert triggers are recreated, which locks the counted tables: all at once, each wait bounded
        # below deadlock_timeout, so that a writer is never the one a lock cycle with this ends.
        await conn.execute(text(f"SET LOCAL lock_timeout = {_PG_LOCK_WAIT_MS}"))
        await conn.execute(text(f"LOCK TABLE {', '.join(COUNTED)} IN ACCESS EXCLUSIVE MODE"))
    galera = any(name.startswith(GALERA_PREFIX) for name in catalog)
    for statement in replacing_ddl(dialect, galera, settled, restructured):
        await conn.execute(text(statement))
    log.info("message counter triggers replaced in place by their %s", wanted)
    return True


# PostgreSQL: the longest wait for a counted table's lock while the insert triggers are recreated, per try
# (below the default deadlock_timeout of 1 s); SETTLE_RETRIES tries again, every 0.2 s or so for 30 s: a writer
# whose transaction holds one counted table and then asks for another (the plugin's own sessions may) makes one
# try give way, not the next.
_PG_LOCK_WAIT_MS = 200
SETTLE_RETRIES = Backoff(0.2, doubling=False, within_seconds=30)


async def _settle_once(conn: AsyncConnection) -> bool:
    async with conn.begin():
        return await settle_in_place(conn)


async def settle_counters(engine: AsyncEngine, metadata: MetaData) -> bool:
    """After the backfill (SchemaExtras.settle): replace the triggers in place by the variant for the
    backfill's state (settle_in_place), under the migration lock, with bounded lock waits, tried again when a
    wait ran out; True when it did. One plain read of the progress and the catalog when they are current. A
    role that may not replace them, or writers that keep the tables locked, leave them as they are (they count
    the same), logged; the next start, or `sldb migrate` with the schema's owner, does it."""
    if not maintains(metadata):
        return False
    async with engine.connect() as look:  # a plain read: on SQLite without BEGIN IMMEDIATE (the write lock)
        look = await look.execution_options(**{NO_BEGIN: True})
        catalog = await _catalog(look)
        if not trigger_names(look.dialect.name, await _on_galera(look)) <= set(catalog):
            return False  # the next migration installs them
        if _tags_of(catalog) == {await _wanted_tag(look)}:
            return False
    async with engine.connect() as conn:
        try:
            async with migration_lock(conn):
                if conn.in_transaction():
                    await conn.commit()
                async with lock_waits_bounded(conn):
                    return await keep_trying(
                        lambda: _settle_once(conn), run_again, SETTLE_RETRIES, "counter trigger replacement"
                    )
        except DBAPIError as exc:
            kind = classify(exc)
            if kind not in (FailureClass.PERMISSION_DENIED, FailureClass.RETRYABLE):
                raise
            log.info(
                "the counter triggers stay as they are (%s: %s); the next start, or `sldb migrate` with the "
                "schema's owner, replaces them",
                "this role may not replace them"
                if kind is FailureClass.PERMISSION_DENIED
                else "the tables stayed locked",
                cause_text(exc),
            )
            return False


async def _on_galera(conn: Connection) -> bool:
    """Whether conn's server is a MariaDB Galera node (its triggers are the Galera variant)."""
    return is_mysql(conn.dialect.name) and await is_galera(conn)


async def backfill_after_start(engine: AsyncEngine, metadata: MetaData) -> int:
    """The background step after start-up (SchemaExtras.in_background): finish the counters' backfill, in
    batches; how many ran. One plain read when there is nothing to do."""
    return await run_backfill(engine, counter_backfill.BATCH) if maintains(metadata) else 0


async def backfill_status(conn: AsyncConnection, metadata: MetaData) -> list[tuple[str, str]]:
    """For `sldb doctor` (SchemaExtras.background_status): per counted table whose backfill is unfinished, the
    rows still owed to it; and the triggers, when settle_counters has yet to replace them; nothing when all is
    done (or the counters are not installed)."""
    exists = await conn.run_sync(lambda sync: inspect(sync).has_table(PROGRESS))
    if not maintains(metadata) or not exists:
        return []
    rows = (await conn.execute(text(f"SELECT table_name, high_id, done_upto FROM {PROGRESS} WHERE NOT finished"))).all()
    estimates = await read_row_estimates(conn, [table for table, high, _ in rows if high is None])
    found: list[tuple[str, str]] = await _to_settle(conn, owed=bool(rows))
    for table, high, done in sorted(rows):
        if high is None:
            size = estimates.get(table)
            every = "every row owed" + ("" if size is None else f" (about {size:,})")
            found.append((f"counters' backfill: {table}", f"not started: {every}"))
            continue
        owed = (
            await conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE id > :d AND id <= :h"), {"d": int(done), "h": int(high)}
            )
        ).scalar_one()
        found.append((f"counters' backfill: {table}", f"{int(owed):,} rows owed (ids {int(done) + 1} to {int(high)})"))
    return found


async def _to_settle(conn: AsyncConnection, owed: bool) -> list[tuple[str, str]]:
    """The triggers' row of backfill_status: what settle_counters would replace now, if anything."""
    tags = await _tags(conn)
    if not tags or tags == {tag(settled=not owed)}:
        return []
    if _earlier_revision(tags):
        does = "an earlier revision: replaced in place, with no recount, by the next start or `sldb migrate`"
    elif owed:  # settled triggers while a backfill is owed (settle_in_place)
        does = "settled while a backfill is owed: everything is counted again by the next start or `sldb migrate`"
    else:
        does = "the backfill variant: replaced by the settled one by the next start or `sldb migrate`"
    return [("counter triggers", does)]


async def follow_up(conn: AsyncConnection, metadata: MetaData) -> list[tuple[str, str]]:
    """For `sldb migrate --dry-run` (SchemaExtras.follow_up): the triggers the migration would install, then the
    backfill every existing counted table would owe; or, with the triggers in place, the backfill still owed."""
    if not maintains(metadata):
        return []
    if await pending(conn, metadata) is None:
        return [
            (what, f"in the background after start: {owed}") for what, owed in await backfill_status(conn, metadata)
        ]
    existing = await conn.run_sync(lambda sync: [t for t in COUNTED if inspect(sync).has_table(t)])
    steps = [(f"counter triggers (version {VERSION})", "after the migration, brief: the DDL only, no table is read")]
    for table, rows in sorted((await read_row_estimates(conn, existing)).items()):
        size = "an unknown number of" if rows is None else f"about {rows:,}"
        steps.append(
            (
                f"counters' backfill: {table}",
                f"in the background after start: {size} rows, {counter_backfill.BATCH:,} per transaction",
            )
        )
    return steps


def _referenced(table: Table) -> bool:
    """Whether a foreign key points at table (PostgreSQL's TRUNCATE refuses it then)."""
    return any(fk.column.table is table for other in table.metadata.tables.values() for fk in other.foreign_keys)


async def clear_counted(conn: Connection, tables: Sequence[Table]) -> int:
    """Empty tables and reset the counters of the counted ones, in the caller's transaction; rows deleted.

    The fastest correct form per backend. PostgreSQL: TRUNCATE for the counted tables no foreign key points at (transactional, fires no row trigger; the count is read from the counters under the
    TRUNCATE's lock), DELETE for the rest. MariaDB: DELETE with this connection's counter triggers paused
    (`@sldb_counters_paused`; DELETE's row locks hold concurrent writers off until commit), TRUNCATE being DDL
    that commits. SQLite: the counter triggers dropped, DELETE (SQLite's truncate optimisation), the triggers
    created again, all in the one write transaction. Then the counters of the emptied tables are set to zero.
    """
    dialect = conn.dialect.name
    counted = [t.name for t in tables if t.name in COUNTED]
    deleted = 0
    if counted and dialect != "sqlite":
        # As a backfill batch does, first: a batch never adds rows read before the clear after it.
        await conn.execute(text(f"SELECT table_name FROM {PROGRESS} ORDER BY table_name FOR UPDATE"))
    if dialect == "postgresql":
        truncated = [t for t in tables if t.name in COUNTED and not _referenced(t)]
        if truncated:
            names = ", ".join(t.name for t in truncated)
            await conn.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
            sums = ", ".join(
                f"(SELECT COALESCE(SUM({ROW_COUNTS[t.name][1]}), 0) FROM {ROW_COUNTS[t.name][0]})" for t in truncated
            )
            deleted += sum(int(n) for n in (await conn.execute(text(f"SELECT {sums}"))).one())
            await conn.execute(text(f"TRUNCATE {names}"))
        for table in tables:
            if table not in truncated:
                deleted += int((await conn.execute(table.delete())).rowcount or 0)
    elif is_mysql(dialect) and counted:
        await conn.execute(text("SET @sldb_counters_paused = 1"))
        try:
            for table in tables:
                deleted += int((await conn.execute(table.delete())).rowcount or 0)
        finally:
            await conn.execute(text("SET @sldb_counters_paused = NULL"))
    elif dialect == "sqlite" and counted:
        catalog = await _catalog(conn)
        ours = {n: t for n, t in _tables_of(catalog).items() if n.startswith("sldb_cnt")}
        settled = tag(settled=True) in _tags_of(catalog)
        await _drop(conn, ours)
        for table in tables:
            deleted += int((await conn.execute(table.delete())).rowcount or 0)
        if ours:
            for statement in trigger_ddl(dialect, settled=settled):
                await conn.execute(text(statement))
    else:
        for table in tables:
            deleted += int((await conn.execute(table.delete())).rowcount or 0)
    for statement in (s for table in counted for s in emptied_statements(table)):
        await conn.execute(text(statement))
    return deleted
