"""Additive auto-migration: compare the live database with the models once, into typed operations.

compare() reads the models against what the database holds (read_live_schema: two catalog queries, three on
MySQL, whatever the number of tables) and returns a SchemaDiff: a list of Operations in the order they must
run. Every view is taken from it: plan_migration() and `sldb migrate --dry-run` list its migrated operations,
migrate() runs them at start-up, `sldb doctor` and `sldb introspect` report it table by table.

Migration only adds: missing tables (create_all on them), missing columns (ALTER TABLE ... ADD COLUMN),
missing indexes (each after the preparation its spec names in `before_create`, migration_hooks), and on
MySQL/MariaDB the lossless widenings FLOAT -> DOUBLE and TEXT -> LONGTEXT and the conversion of the database
and its tables to utf8mb4 with an exact (binary, no-pad) collation. It never drops, renames or narrows: extra
tables, columns and indexes and other type differences are reported only (the one drop: an INVALID index a
failed concurrent build left on PostgreSQL, before it is built again). Concurrent starters are serialized by
migration_lock: PostgreSQL advisory lock, MySQL GET_LOCK, a lock row on Galera, SQLite BEGIN IMMEDIATE.

On PostgreSQL and MySQL/MariaDB the migration runs in three parts under the lock: one transaction creates the
missing tables (empty, with their indexes); then each step on an existing table runs on its own, so that the
table's readers and writers go on (online.py); last, the tables' after-migration steps in a transaction. SQLite
runs all of it in its one write transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from sqlalchemy import MetaData, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import cause_text, classify
from sldb.handwritten.runtime.schema.catalog import read_live_schema
from sldb.handwritten.runtime.schema.diff import Operation, OpKind, SchemaDiff, compare
from sldb.handwritten.runtime.schema.extras import extras_of
from sldb.handwritten.runtime.schema.lock import migration_lock
from sldb.handwritten.runtime.schema.online import lock_waits_bounded, run_on_its_own

log = layer_logger("migrate")

RunStep = Callable[[AsyncConnection, MetaData, Operation], Awaitable[None]]


class MigrationProgress(Protocol):
    """Told about each step as migrate() runs it (sldb migrate draws its progress bar from this)."""

    def started(self, step: Operation) -> None: ...

    def finished(self, step: Operation, ok: bool) -> None: ...


async def plan_migration(engine: AsyncEngine, metadata: MetaData) -> list[Operation]:
    """What create_tables would run now, without running it."""
    async with engine.connect() as conn:
        return compare(metadata, await read_live_schema(conn), conn.dialect).migration


def _parts(conn: AsyncConnection, diff: SchemaDiff, steps: Sequence[Operation]) -> tuple[list[list[Operation]], ...]:
    """The steps in the order they run, grouped as they run together: those of the migration's transaction,
    and those that each run on their own, after it (none on SQLite).

    The database's default collation first, so that the tables create_all makes inherit it; then every missing
    table with its indexes in one create_all (in dependency order); then each other step on its own.
    """
    created = [s for s in steps if diff.creates_table(s)]
    first = [[s] for s in steps if s.kind is OpKind.CONVERT_DATABASE]
    rest = [[s] for s in steps if s.kind is not OpKind.CONVERT_DATABASE and not diff.creates_table(s)]
    together = [*first, *([created] if created else [])]
    if conn.dialect.name == "sqlite":
        return [*together, *rest], []
    return together, rest


async def _run_batch(conn: AsyncConnection, metadata: MetaData, batch: list[Operation], run_step: RunStep) -> bool:
    """Run one batch; False (logged) when a single step failed. create_all failing fails the migration."""
    if batch[0].kind is OpKind.CREATE_TABLE:
        tables = [metadata.tables[s.table] for s in batch if s.kind is OpKind.CREATE_TABLE]
        await conn.run_sync(lambda sync: metadata.create_all(sync, tables=tables, checkfirst=False))
        return True
    (step,) = batch
    try:
        await run_step(conn, metadata, step)
        return True
    except Exception as exc:
        log.warning(
            "migration step failed and was skipped: %s (%s: %s)", step.sql, classify(exc).value, cause_text(exc)
        )
        return False


async def _in_the_transaction(conn: AsyncConnection, metadata: MetaData, step: Operation) -> None:
    if conn.dialect.name == "postgresql":  # a failing statement would abort the whole transaction
        async with conn.begin_nested():
            await _run_step(conn, metadata, step)
    else:
        await _run_step(conn, metadata, step)


async def _run_step(conn: AsyncConnection, metadata: MetaData, step: Operation) -> None:
    if step.hook is not None:
        await extras_of(metadata).hook_named(step.hook).run(conn, step.name)
    else:
        await conn.execute(text(step.sql))
        log.info("migration: %s %s.%s", step.kind, step.table, step.name)


async def _run(
    conn: AsyncConnection,
    metadata: MetaData,
    batches: list[list[Operation]],
    progress: MigrationProgress | None,
    run_step: RunStep,
) -> list[Operation]:
    """Run each step, telling progress as it starts and ends; a failing step is skipped. Returns the failed ones."""
    failed: list[Operation] = []
    for batch in batches:
        for step in batch:
            if progress is not None:
                progress.started(step)
        ok = await _run_batch(conn, metadata, batch, run_step)
        if not ok:
            failed.extend(batch)
        for step in batch:
            if progress is not None:
                progress.finished(step, ok)
    return failed


async def migrate(
    engine: AsyncEngine,
    metadata: MetaData,
    enable_auto_migration: bool = True,
    progress: MigrationProgress | None = None,
) -> list[Operation]:
    """Create missing tables; with auto-migration, also add missing columns, indexes and widenings.

    Runs under a cross-process lock, so K starters at once on a fresh database all end with the schema.
    Returns the steps that ran (including failed ones, which were logged and skipped); progress, when
    given, is told as each step starts and ends.
    """
    async with engine.connect() as conn, migration_lock(conn):
        # On SQLite the first statement begins the transaction with BEGIN IMMEDIATE (see engine), which admits
        # one writer at a time, the others waiting up to busy_timeout.
        try:
            diff = compare(metadata, await read_live_schema(conn), conn.dialect)
            steps = diff.migration
            if not enable_auto_migration:
                steps = [s for s in steps if diff.creates_table(s)]
            together, apart = _parts(conn, diff, steps)
            failed = await _run(conn, metadata, together, progress, _in_the_transaction)
            if apart:
                await conn.commit()
                async with lock_waits_bounded(conn):
                    failed += await _run(conn, metadata, apart, progress, run_on_its_own)
            for after in extras_of(metadata).after_migration:  # what the tables register (counters)
                await after(conn, metadata, sorted(diff.new_tables))
            await conn.commit()
            if failed:
                log.warning(
                    "auto-migration skipped %d of %d steps (each logged above); start-up goes on",
                    len(failed),
                    len(steps),
                )
        except BaseException:
            await conn.rollback()
            raise
    return steps
