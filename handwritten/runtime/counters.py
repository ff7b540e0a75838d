"""Exact per-group message counters, kept by triggers on raw_messages, filtered_messages and bot_messages.

The counter tables are declared in schema/message.yaml (``maintained_by: triggers``): ``message_group_counters``
holds, per group, the raw (and unprocessed raw), filtered and bot message counts; ``message_sender_counters``
holds, per group and sender, the raw message count and the greatest sender_name. A NULL group_id is kept as
``group_id = ''`` with ``null_group = true``, so that the key can be unique.

Triggers, not the layer's write paths, keep them: rows the plugin writes through ``get_session()`` are counted
too. Each trigger upserts (``ON CONFLICT`` / ``ON DUPLICATE KEY``), so concurrent writers of one group add up
on its row, inside their own transactions. PostgreSQL uses statement-level triggers over transition tables
(one aggregated upsert per statement, however many rows it wrote, taking the counter rows in key order, so
two batches never wait on each other crosswise), plus an AFTER TRUNCATE trigger that zeroes the counters;
SQLite and MariaDB use row-level triggers. MariaDB's TRUNCATE fires no trigger: a TRUNCATE the plugin sends
itself there leaves the counters behind until `recount` (the layer's own clears never TRUNCATE on MariaDB).
Change VERSION with the DDL: start-up then replaces the triggers and rebuilds the counters.

``install_counters`` runs at the end of start-up's migration, under its lock: when the triggers of this
version are all present it does nothing (one catalog read); otherwise it (re)creates them and rebuilds both
counter tables from ``COUNT(*) ... GROUP BY``. ``clear_counted`` empties the counted tables and their counters
in one transaction, in the fastest correct form of each backend.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import MetaData, Table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from handwritten.runtime.errors import PermissionDeniedError
from handwritten.runtime.failures import FailureClass, cause_text, classify
from handwritten.runtime.session import Connection

log = logging.getLogger("sldb.counters")

VERSION = 1
PREFIX = f"sldb_cnt{VERSION}_"
GROUPS = "message_group_counters"
SENDERS = "message_sender_counters"
COUNTED = ("raw_messages", "filtered_messages", "bot_messages")
COUNTER_TABLES = (GROUPS, SENDERS)

# Per counted table: the group counter column its rows add to.
_COUNT_COLUMN = {"raw_messages": "raw_count", "filtered_messages": "filtered_count", "bot_messages": "bot_count"}


def trigger_names(dialect: str) -> set[str]:
    """The triggers of this version that must exist on the backend."""
    if dialect == "postgresql":
        return {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "upd", "del", "trn")}
    return {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "upd", "del")} | {f"{PREFIX}raw_messages_names"}


def _is_mysql(dialect: str) -> bool:
    return dialect in ("mysql", "mariadb")


# ---------------------------------------------------------------- rebuild (backfill)


def _backfill(dialect: str) -> list[str]:
    """Rebuild both counter tables from the counted tables, one INSERT ... SELECT each."""
    false = "false" if dialect == "postgresql" else "0"
    unprocessed = f"CASE WHEN processed = {false} THEN 1 ELSE 0 END"
    grouped = (
        f"SELECT COALESCE(group_id, '') AS g, CASE WHEN group_id IS NULL THEN 1 ELSE 0 END AS ng, "
        f"COUNT(*) AS r, SUM({unprocessed}) AS u, 0 AS f, 0 AS b FROM raw_messages GROUP BY 1, 2 "
        "UNION ALL SELECT COALESCE(group_id, ''), CASE WHEN group_id IS NULL THEN 1 ELSE 0 END, 0, 0, COUNT(*), 0 "
        "FROM filtered_messages GROUP BY 1, 2 "
        "UNION ALL SELECT group_id, 0, 0, 0, 0, COUNT(*) FROM bot_messages GROUP BY group_id"
    )
    null_group = "CAST(ng AS BOOLEAN)" if dialect == "postgresql" else "ng"
    where = " WHERE true" if dialect == "sqlite" else ""
    groups = (
        f"INSERT INTO {GROUPS} (group_id, null_group, raw_count, raw_unprocessed, filtered_count, bot_count) "
        f"SELECT g, {null_group}, SUM(r), SUM(u), SUM(f), SUM(b) FROM ({grouped}) AS d{where} GROUP BY g, ng"
    )
    senders = (
        f"INSERT INTO {SENDERS} (group_id, null_group, sender_id, message_count, sender_name) "
        f"SELECT COALESCE(group_id, ''), group_id IS NULL, sender_id, COUNT(*), MAX(sender_name) "
        f"FROM raw_messages{where} GROUP BY COALESCE(group_id, ''), group_id IS NULL, sender_id"
    )
    return [f"DELETE FROM {GROUPS}", groups, f"DELETE FROM {SENDERS}", senders]


# ---------------------------------------------------------------- PostgreSQL: statement triggers


def _pg_function(table: str) -> str:
    column = _COUNT_COLUMN[table]
    raw = table == "raw_messages"
    unprocessed = "CASE WHEN processed = false THEN 1 ELSE 0 END" if raw else "0"
    group = "COALESCE(group_id, '')"
    extra = ", sender_id, sender_name" if raw else ""

    def rows(source: str, sign: str, where: str = "") -> str:
        return (
            f"SELECT {group} AS g, group_id IS NULL AS ng{extra}, {sign} AS s, {sign} * {unprocessed} AS u "
            f"FROM {source}{where}"
        )

    def groups(src: str) -> str:
        sets = [f"{column} = c.{column} + excluded.{column}"]
        cols, sums, having = column, "SUM(s)", "SUM(s) <> 0"
        if raw:
            sets.append("raw_unprocessed = c.raw_unprocessed + excluded.raw_unprocessed")
            cols, sums, having = f"{column}, raw_unprocessed", "SUM(s), SUM(u)", "SUM(s) <> 0 OR SUM(u) <> 0"
        return (
            f"INSERT INTO {GROUPS} AS c (group_id, null_group, {cols}) SELECT g, ng, {sums} FROM ({src}) AS d "
            f"GROUP BY g, ng HAVING {having} ORDER BY g, ng "
            f"ON CONFLICT (group_id, null_group) DO UPDATE SET {', '.join(sets)};"
        )

    def senders(src: str) -> str:
        return (
            f"INSERT INTO {SENDERS} AS c (group_id, null_group, sender_id, message_count, sender_name) "
            f"SELECT g, ng, sender_id, SUM(s), MAX(sender_name) FILTER (WHERE s > 0) FROM ({src}) AS d "
            "GROUP BY g, ng, sender_id HAVING SUM(s) <> 0 OR MAX(sender_name) FILTER (WHERE s > 0) IS NOT NULL "
            "ORDER BY g, ng, sender_id "
            "ON CONFLICT (group_id, null_group, sender_id) DO UPDATE SET "
            "message_count = c.message_count + excluded.message_count, "
            "sender_name = GREATEST(c.sender_name, excluded.sender_name);"
        )

    def renamed(old: str) -> str:
        """A sender's greatest sender_name may have left with the rows that left: read it again."""
        return (
            f"UPDATE {SENDERS} AS c SET sender_name = (SELECT MAX(r.sender_name) FROM raw_messages AS r "
            "WHERE r.sender_id = c.sender_id AND (CASE WHEN c.null_group THEN r.group_id IS NULL "
            "ELSE r.group_id = c.group_id END)) "
            f"FROM (SELECT DISTINCT {group} AS g, group_id IS NULL AS ng, sender_id, sender_name FROM {old}) AS o "
            "WHERE c.group_id = o.g AND c.null_group = o.ng AND c.sender_id = o.sender_id "
            "AND c.sender_name = o.sender_name;\n    "
            f"DELETE FROM {SENDERS} AS c USING (SELECT DISTINCT {group} AS g, group_id IS NULL AS ng, sender_id "
            f"FROM {old}) AS o WHERE c.group_id = o.g AND c.null_group = o.ng AND c.sender_id = o.sender_id "
            "AND c.message_count <= 0;"
        )

    both = f"{rows('sldb_new', '1')} UNION ALL {rows('sldb_old', '-1')}"
    if not raw:
        insert, delete, update = groups(rows("sldb_new", "1")), groups(rows("sldb_old", "-1")), groups(both)
    else:
        moved = (
            " WHERE id IN (SELECT o.id FROM sldb_old AS o JOIN sldb_new AS n ON n.id = o.id "
            "WHERE (o.group_id, o.sender_id, o.sender_name) IS DISTINCT FROM (n.group_id, n.sender_id, n.sender_name))"
        )
        insert = groups(rows("sldb_new", "1")) + "\n    " + senders(rows("sldb_new", "1"))
        delete = "\n    ".join((groups(rows("sldb_old", "-1")), senders(rows("sldb_old", "-1")), renamed("sldb_old")))
        moved_rows = f"{rows('sldb_new', '1', moved)} UNION ALL {rows('sldb_old', '-1', moved)}"
        update = "\n    ".join(
            (
                groups(both),
                f"IF EXISTS (SELECT 1 FROM sldb_old{moved}) THEN",
                senders(moved_rows),
                renamed(f"(SELECT * FROM sldb_old{moved}) AS moved"),
                "END IF;",
            )
        )
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {insert}
  ELSIF TG_OP = 'DELETE' THEN
    {delete}
  ELSE
    {update}
  END IF;
  RETURN NULL;
END
$sldb$"""


def _pg_truncated(table: str) -> str:
    """What a TRUNCATE of table (which fires no row or transition-table trigger) does to the counters."""
    columns = [_COUNT_COLUMN[table]] + (["raw_unprocessed"] if table == "raw_messages" else [])
    senders = f"\n  DELETE FROM {SENDERS};" if table == "raw_messages" else ""
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}_truncated() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
BEGIN
  UPDATE {GROUPS} SET {", ".join(f"{c} = 0" for c in columns)};{senders}
  RETURN NULL;
END
$sldb$"""


def _pg_ddl() -> list[str]:
    statements: list[str] = []
    for table in COUNTED:
        statements.append(_pg_function(table))
        statements.append(_pg_truncated(table))
        name = f"{PREFIX}{table}_trn"
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        statements.append(
            f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {PREFIX}{table}_truncated()"
        )
        for op, event, ref in (
            ("ins", "INSERT", "NEW TABLE AS sldb_new"),
            ("upd", "UPDATE", "OLD TABLE AS sldb_old NEW TABLE AS sldb_new"),
            ("del", "DELETE", "OLD TABLE AS sldb_old"),
        ):
            name = f"{PREFIX}{table}_{op}"
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {ref} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}{table}()"
            )
    return statements


# ---------------------------------------------------------------- SQLite and MariaDB: row triggers


def _row_upsert(dialect: str, table: str, row: str, sign: str) -> list[str]:
    """The statements one row of table adds (sign 1) or takes away (sign -1) on the counters."""
    mysql = _is_mysql(dialect)
    column = _COUNT_COLUMN[table]
    raw = table == "raw_messages"
    group = f"COALESCE({row}.group_id, '')"
    null_group = f"({row}.group_id IS NULL)"
    cols = ["group_id", "null_group", column]
    vals = [group, null_group, sign]
    sets = [f"{column} = {column} + " + (f"VALUES({column})" if mysql else f"excluded.{column}")]
    if raw:
        cols.append("raw_unprocessed")
        vals.append(f"{sign} * (CASE WHEN {row}.processed = 0 THEN 1 ELSE 0 END)")
        sets.append(
            "raw_unprocessed = raw_unprocessed + "
            + ("VALUES(raw_unprocessed)" if mysql else "excluded.raw_unprocessed")
        )
    conflict = " ON DUPLICATE KEY UPDATE " if mysql else " ON CONFLICT (group_id, null_group) DO UPDATE SET "
    statements = [f"INSERT INTO {GROUPS} ({', '.join(cols)}) VALUES ({', '.join(vals)}){conflict}{', '.join(sets)}"]
    return statements


def _sender_add(dialect: str) -> str:
    mysql = _is_mysql(dialect)
    excluded = "VALUES(sender_name)" if mysql else "excluded.sender_name"
    greatest = (
        f"CASE WHEN {excluded} IS NULL THEN sender_name WHEN sender_name IS NULL OR {excluded} > sender_name "
        f"THEN {excluded} ELSE sender_name END"
    )
    conflict = " ON DUPLICATE KEY UPDATE " if mysql else " ON CONFLICT (group_id, null_group, sender_id) DO UPDATE SET "
    count = "VALUES(message_count)" if mysql else "excluded.message_count"
    return (
        f"INSERT INTO {SENDERS} (group_id, null_group, sender_id, message_count, sender_name) "
        "VALUES (COALESCE(NEW.group_id, ''), (NEW.group_id IS NULL), NEW.sender_id, 1, NEW.sender_name)"
        f"{conflict}sender_name = {greatest}, message_count = message_count + {count}"
    )


def _sender_remove() -> list[str]:
    key = "group_id = COALESCE(OLD.group_id, '') AND null_group = (OLD.group_id IS NULL) AND sender_id = OLD.sender_id"
    same_group = "(CASE WHEN OLD.group_id IS NULL THEN r.group_id IS NULL ELSE r.group_id = OLD.group_id END)"
    return [
        f"UPDATE {SENDERS} SET message_count = message_count - 1 WHERE {key}",
        f"UPDATE {SENDERS} SET sender_name = (SELECT MAX(r.sender_name) FROM raw_messages AS r "
        f"WHERE r.sender_id = OLD.sender_id AND {same_group}) WHERE {key} AND sender_name = OLD.sender_name",
        f"DELETE FROM {SENDERS} WHERE {key} AND message_count <= 0",
    ]


def _row_ddl(dialect: str) -> list[str]:
    mysql = _is_mysql(dialect)
    statements: list[str] = []

    def trigger(name: str, event: str, table: str, body: Iterable[str], when: str | None = None) -> None:
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        parts = list(body)
        if mysql:
            guard = f"IF {when} THEN " if when else ""
            end = " END IF;" if when else ""
            inner = " ".join(f"{p};" for p in parts)
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                f"BEGIN IF @sldb_counters_paused IS NULL THEN {guard}{inner}{end} END IF; END"
            )
        else:
            cond = f" WHEN {when}" if when else ""
            inner = " ".join(f"{p};" for p in parts)
            statements.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{cond} BEGIN {inner} END")

    for table in COUNTED:
        raw = table == "raw_messages"
        trigger(
            f"{PREFIX}{table}_ins",
            "INSERT",
            table,
            _row_upsert(dialect, table, "NEW", "1") + ([_sender_add(dialect)] if raw else []),
        )
        trigger(
            f"{PREFIX}{table}_del",
            "DELETE",
            table,
            _row_upsert(dialect, table, "OLD", "-1") + (_sender_remove() if raw else []),
        )
        # An update moves a row's count from its old group to its new one (and its unprocessed mark).
        changed = "NOT (OLD.group_id <=> NEW.group_id)" if mysql else "OLD.group_id IS NOT NEW.group_id"
        if raw:
            changed = (
                f"({changed} OR NOT (OLD.processed <=> NEW.processed))"
                if mysql
                else f"({changed} OR OLD.processed IS NOT NEW.processed)"
            )
        trigger(
            f"{PREFIX}{table}_upd",
            "UPDATE",
            table,
            _row_upsert(dialect, table, "OLD", "-1") + _row_upsert(dialect, table, "NEW", "1"),
            when=changed,
        )
    moved = (
        "NOT (OLD.group_id <=> NEW.group_id AND OLD.sender_id <=> NEW.sender_id AND OLD.sender_name <=> NEW.sender_name)"
        if mysql
        else "OLD.group_id IS NOT NEW.group_id OR OLD.sender_id IS NOT NEW.sender_id "
        "OR OLD.sender_name IS NOT NEW.sender_name"
    )
    trigger(
        f"{PREFIX}raw_messages_names", "UPDATE", "raw_messages", [_sender_add(dialect), *_sender_remove()], when=moved
    )
    return statements


def trigger_ddl(dialect: str) -> list[str]:
    """Every statement that (re)creates the counter triggers on dialect."""
    return _pg_ddl() if dialect == "postgresql" else _row_ddl(dialect)


# ---------------------------------------------------------------- install, check, clear


async def _installed(conn: Connection) -> dict[str, str]:
    """Trigger name -> table of every trigger on the current database/schema (one catalog read)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        stmt = "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'"
    elif _is_mysql(dialect):
        stmt = (
            "SELECT trigger_name, event_object_table FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
        )
    else:
        stmt = (
            "SELECT t.tgname, c.relname FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT t.tgisinternal"
        )
    return {str(name): str(table) for name, table in (await conn.execute(text(stmt))).all()}


async def _drop(conn: Connection, triggers: dict[str, str]) -> None:
    for name, table in sorted(triggers.items()):
        on = f" ON {table}" if conn.dialect.name == "postgresql" else ""
        await conn.execute(text(f"DROP TRIGGER IF EXISTS {name}{on}"))


def maintains(metadata: MetaData) -> bool:
    """Whether these models hold the counted and the counter tables (a partial model set, as in tests, does not)."""
    return all(name in metadata.tables for name in (*COUNTED, *COUNTER_TABLES))


async def install_counters(conn: AsyncConnection, created: Iterable[str] = ()) -> bool:
    """Make the counter triggers of this version present and the counters exact; True when it changed anything.

    created: the tables this migration created. A counter table among them, or a trigger of this version
    missing, means the counters are out of step: the triggers are (re)created and both counter tables rebuilt
    (in the migration's transaction on PostgreSQL and SQLite, where the trigger DDL also locks out writers).
    """
    dialect = conn.dialect.name
    installed = await _installed(conn)
    wanted = trigger_names(dialect)
    if wanted <= set(installed) and not set(created) & set(COUNTER_TABLES):
        return False
    try:
        await _drop(conn, {n: t for n, t in installed.items() if n.startswith("sldb_cnt")})
        for statement in trigger_ddl(dialect):
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
    await recount(conn)
    log.info("message counters installed (version %d) and rebuilt from the counted tables", VERSION)
    return True


async def recount(conn: Connection) -> None:
    """Rebuild both counter tables from the counted tables (in the caller's transaction)."""
    for statement in _backfill(conn.dialect.name):
        await conn.execute(text(statement))


def _reset(tables: Sequence[str]) -> list[str]:
    """What the counters of the emptied counted tables become: zero, in one UPDATE (and the senders gone)."""
    columns = [_COUNT_COLUMN[t] for t in COUNTED if t in tables]
    if "raw_messages" in tables:
        columns.append("raw_unprocessed")
    statements = [f"UPDATE {GROUPS} SET {', '.join(f'{c} = 0' for c in columns)}"]
    if "raw_messages" in tables:
        statements.append(f"DELETE FROM {SENDERS}")
    return statements


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
    if dialect == "postgresql":
        truncated = [t for t in tables if t.name in COUNTED and not _referenced(t)]
        if truncated:
            names = ", ".join(t.name for t in truncated)
            await conn.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
            sums = ", ".join(f"COALESCE(SUM({_COUNT_COLUMN[t.name]}), 0)" for t in truncated)
            deleted += sum(int(n) for n in (await conn.execute(text(f"SELECT {sums} FROM {GROUPS}"))).one())
            await conn.execute(text(f"TRUNCATE {names}"))
        for table in tables:
            if table not in truncated:
                deleted += int((await conn.execute(table.delete())).rowcount or 0)
    elif _is_mysql(dialect) and counted:
        await conn.execute(text("SET @sldb_counters_paused = 1"))
        try:
            for table in tables:
                deleted += int((await conn.execute(table.delete())).rowcount or 0)
        finally:
            await conn.execute(text("SET @sldb_counters_paused = NULL"))
    elif dialect == "sqlite" and counted:
        installed = await _installed(conn)
        ours = {n: t for n, t in installed.items() if n.startswith("sldb_cnt")}
        await _drop(conn, ours)
        for table in tables:
            deleted += int((await conn.execute(table.delete())).rowcount or 0)
        if ours:
            for statement in trigger_ddl(dialect):
                await conn.execute(text(statement))
    else:
        for table in tables:
            deleted += int((await conn.execute(table.delete())).rowcount or 0)
    if counted:
        for statement in _reset(counted):
            await conn.execute(text(statement))
    return deleted
