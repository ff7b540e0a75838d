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
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.contract.errors import PermissionDeniedError
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify
from sldb.handwritten.runtime.schema.catalog import read_live_schema
from sldb.handwritten.runtime.schema.diff import Operation, OpKind, SchemaDiff, compare
from sldb.handwritten.runtime.schema.extras import extras_of
from sldb.handwritten.runtime.schema.lock import migration_lock
from sldb.handwritten.runtime.schema.online import lock_waits_bounded, run_on_its_own
from sldb.handwritten.runtime.schema.privileges import schema_behind

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


_NOT_A_RACE = (FailureClass.UNAVAILABLE, FailureClass.PERMISSION_DENIED, FailureClass.LOGIN_REFUSED)


class _Refused(Exception):
    """A step refused for want of a privilege (step None: a step the tables run after the migration)."""

    def __init__(self, step: Operation | None, original: BaseException) -> None:
        super().__init__(cause_text(original))
        self.step = step
        self.original = original


def _refusal(exc: BaseException) -> bool:
    return isinstance(exc, PermissionDeniedError) or (
        isinstance(exc, DBAPIError) and classify(exc) is FailureClass.PERMISSION_DENIED
    )


async def _run_batch(conn: AsyncConnection, metadata: MetaData, batch: list[Operation], run_step: RunStep) -> bool:
    """Run one batch; False (logged) when a single step failed. create_all failing fails the migration, and a
    step refused for want of a privilege stops it (_Refused): the other steps would be refused too."""
    if batch[0].kind is OpKind.CREATE_TABLE:
        tables = [metadata.tables[s.table] for s in batch if s.kind is OpKind.CREATE_TABLE]
        try:
            await conn.run_sync(lambda sync: metadata.create_all(sync, tables=tables, checkfirst=False))
        except DBAPIError as exc:
            if _refusal(exc):
                raise _Refused(batch[0], exc) from exc
            raise
        return True
    (step,) = batch
    try:
        await run_step(conn, metadata, step)
        return True
    except Exception as exc:
        if _refusal(exc):
            raise _Refused(step, exc) from exc
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


def _steps(diff: SchemaDiff, enable_auto_migration: bool) -> list[Operation]:
    steps = diff.migration
    return steps if enable_auto_migration else [s for s in steps if diff.creates_table(s)]


async def _pending_extras(conn: AsyncConnection, metadata: MetaData) -> list[str]:
    """What the tables' after-migration steps would change now (read-only)."""
    found = [await check(conn, metadata) for check in extras_of(metadata).pending]
    return [what for what in found if what is not None]


async def migrate(
    engine: AsyncEngine,
    metadata: MetaData,
    enable_auto_migration: bool = True,
    progress: MigrationProgress | None = None,
) -> list[Operation]:
    """Create missing tables; with auto-migration, also add missing columns, indexes and widenings.

    Looks first, without the lock: a schema that is current (no step, nothing the tables' after-migration steps
    would change) is left alone, so a role that may only read and write starts on it, running no DDL. Else runs
    under a cross-process lock, so K starters at once on a fresh database all end with the schema; a step refused
    for want of a privilege raises SchemaBehindError (naming it and `sldb migrate`). Returns the steps that ran
    (including failed ones, which were logged and skipped); progress, when given, is told as each step starts
    and ends.
    """
    async with engine.connect() as conn:
        looked = True
        try:
            steps = _steps(compare(metadata, await read_live_schema(conn), conn.dialect), enable_auto_migration)
            pending = await _pending_extras(conn, metadata)
        except DBAPIError as exc:
            if classify(exc) in _NOT_A_RACE:
                raise
            # Another starter's DDL (on Galera, replicated to this node as it runs) can fail a catalog read taken
            # without the lock: the look is only a shortcut, so look again under the lock.
            log.info("schema look before the migration lock failed (%s); looking again under it", cause_text(exc))
            looked, steps, pending = False, [], []
        if looked and not steps and not pending:
            return []
        await conn.rollback()  # the look's transaction ends; the migration's begins under the lock
        try:
            return await _migrate_locked(conn, metadata, enable_auto_migration, progress)
        except _Refused as refused:
            raise schema_behind(conn, steps, refused.step, pending, str(refused)) from refused.original
        except DBAPIError as exc:  # the lock itself (Galera: its table) refused
            if not _refusal(exc):
                raise
            raise schema_behind(conn, steps, steps[0] if steps else None, pending, cause_text(exc)) from exc


async def _migrate_locked(
    conn: AsyncConnection, metadata: MetaData, enable_auto_migration: bool, progress: MigrationProgress | None
) -> list[Operation]:
    async with migration_lock(conn):
        # On SQLite the first statement begins the transaction with BEGIN IMMEDIATE (see engine), which admits
        # one writer at a time, the others waiting up to busy_timeout.
        try:
            # Again under the lock: another starter may have migrated while this one waited.
            diff = compare(metadata, await read_live_schema(conn), conn.dialect)
            steps = _steps(diff, enable_auto_migration)
            together, apart = _parts(conn, diff, steps)
            failed = await _run(conn, metadata, together, progress, _in_the_transaction)
            if apart:
                await conn.commit()
                async with lock_waits_bounded(conn):
                    failed += await _run(conn, metadata, apart, progress, run_on_its_own)
            for after in extras_of(metadata).after_migration:  # what the tables register (counters)
                try:
                    await after(conn, metadata, sorted(diff.new_tables))
                except Exception as exc:
                    if _refusal(exc):
                        raise _Refused(None, exc) from exc
                    raise
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
