"""What particular tables need beyond what their specs say, handed to the generic schema code with the tables.

The schema code (compare, migrate, the fallback mark, copy) knows no table by name. Whoever knows the tables
(handwritten/tables/ for the plugin's) builds one SchemaExtras and attaches it to the MetaData it hands over;
every generic step reads it from there with extras_of(). A MetaData with none attached (a test's partial model
set) gets NO_EXTRAS: no hook, nothing after the migration.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import MetaData, Table
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sldb.handwritten.runtime.schema.hooks import MigrationHook

_INFO_KEY = "sldb_schema_extras"

# (the migration's connection, the tables, the names of those this migration created): inside the migration's
# transaction and lock.
AfterMigration = Callable[[AsyncConnection, MetaData, Sequence[str]], Awaitable[object]]
# (a connection, the tables): what the after_migration steps would change now, described, or None when nothing;
# read-only, so that a start on a current schema runs no DDL and needs no privilege beyond reading and writing.
PendingCheck = Callable[[AsyncConnection, MetaData], Awaitable[str | None]]
# (the started engine, the tables): after the migration, outside its lock; must be safe from several instances.
AfterStart = Callable[[AsyncEngine, MetaData], Awaitable[object]]
# The same, run in the background: start() returns before it ends; stop() cancels it (it must then stop at a
# point where the next start can resume), and every start runs it again.
InBackground = AfterStart
# (a connection, the tables): rows of two columns the CLI prints; read-only.
RowsReport = Callable[[AsyncConnection, MetaData], Awaitable[Sequence[tuple[str, str]]]]
# How far the background steps are, as (what, how far) rows for `sldb doctor`; empty when nothing is left to do.
BackgroundStatus = RowsReport
# What the steps after the migration (after_migration, after_start, in_background) would do on this database now,
# as (step, what it does and the rows it touches) rows for `sldb migrate --dry-run`; empty when nothing.
FollowUp = RowsReport


@dataclass(frozen=True)
class SchemaExtras:
    """The steps and preparations a set of tables registers for the generic schema code."""

    hooks: Mapping[str, MigrationHook] = field(default_factory=dict)  # before_create preparations, by name
    after_migration: Sequence[AfterMigration] = ()
    pending: Sequence[PendingCheck] = ()  # one per after_migration step that may change the schema
    after_start: Sequence[AfterStart] = ()
    in_background: Sequence[InBackground] = ()  # after start, as a task of the manager
    # Optional replacements in place that change no result (the counter triggers' settled variant): run after
    # the background steps and by `sldb migrate`; a role that may not make them leaves things as they are.
    settle: Sequence[AfterStart] = ()
    background_status: Sequence[BackgroundStatus] = ()
    follow_up: Sequence[FollowUp] = ()

    def hook_named(self, name: str) -> MigrationHook:
        """The registered hook; LookupError naming the known ones (the checker refuses an unknown name first)."""
        try:
            return self.hooks[name]
        except KeyError:
            known = ", ".join(sorted(self.hooks)) or "none"
            raise LookupError(f"no migration hook named {name!r}; registered: {known}") from None


NO_EXTRAS = SchemaExtras()


def attach(metadata: MetaData, extras: SchemaExtras) -> MetaData:
    """metadata, carrying extras from now on (returned for chaining)."""
    metadata.info[_INFO_KEY] = extras
    return metadata


def extras_of(metadata: MetaData) -> SchemaExtras:
    found = metadata.info.get(_INFO_KEY)
    return found if isinstance(found, SchemaExtras) else NO_EXTRAS


def maintained_by_database(table: Table) -> bool:
    """Whether triggers on other tables write this table's rows (its spec says `maintained_by: triggers`).
    Nobody else writes them: sldb copy, the fallback merge and the tests leave them to the triggers."""
    return bool(table.info.get("maintained_by"))
