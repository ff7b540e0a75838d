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
different groups never wait on one counter row (nor, on Galera, fail certification on one). PostgreSQL uses
statement-level triggers over transition tables (one aggregated upsert per statement and tally, however many
rows it wrote, taking the counter rows in key order, so two batches never wait on each other crosswise), plus
an AFTER TRUNCATE trigger that resets the counters; SQLite and MariaDB use row-level triggers. MariaDB's
TRUNCATE fires no trigger: a TRUNCATE the plugin sends itself there leaves the counters behind until `recount`
(the layer's own clears never TRUNCATE on MariaDB). Change VERSION with the DDL: start-up then replaces the
triggers and rebuilds the counters.

``install_counters`` runs at the end of start-up's migration, under its lock: when the triggers of this
version are all present it does nothing (one catalog read); otherwise it (re)creates them and rebuilds every
counter table from ``... GROUP BY``. ``clear_counted`` empties the counted tables and their counters in one
transaction, in the fastest correct form of each backend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import MetaData, Table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.errors import PermissionDeniedError
from sldb.handwritten.runtime.failures import FailureClass, cause_text, classify
from sldb.handwritten.runtime.logs import layer_logger
from sldb.handwritten.runtime.session import Connection

log = layer_logger("counters")

VERSION = 2
PREFIX = f"sldb_cnt{VERSION}_"
GROUPS = "message_group_counters"
SENDERS = "message_sender_counters"
QUARTERS = "message_quarter_counters"
CHATS = "jargon_chat_counters"
COUNTED = ("raw_messages", "filtered_messages", "bot_messages", "jargon")
COUNTER_TABLES = (GROUPS, SENDERS, QUARTERS, CHATS)
QUARTER_SECONDS = 900

# An expression over one row of a counted table: (row alias or NEW/OLD, dialect) -> SQL.
Expression = Callable[[str, str], str]


def _column(name: str) -> Expression:
    return lambda row, _dialect: f"{row}.{name}"


def _group(row: str, _dialect: str) -> str:
    return f"COALESCE({row}.group_id, '')"


def _null_group(row: str, _dialect: str) -> str:
    return f"({row}.group_id IS NULL)"


def _quarter(row: str, dialect: str) -> str:
    if _is_mysql(dialect):
        return f"({row}.timestamp DIV {QUARTER_SECONDS})"
    if dialect == "sqlite":  # a REAL stored by another writer must still land in a whole quarter
        return f"(CAST({row}.timestamp AS INTEGER) / {QUARTER_SECONDS})"
    return f"({row}.timestamp / {QUARTER_SECONDS})"  # bigint / integer divides to a whole number


def _one(_row: str, _dialect: str) -> str:
    return "1"


def _when(condition: str) -> Expression:
    return lambda row, _dialect: f"(CASE WHEN {condition.format(r=row)} THEN 1 ELSE 0 END)"


@dataclass(frozen=True)
class Tally:
    """Rows of counter, keyed by expressions of a row of source; each of sums adds an expression of the row.

    A row inserted adds its sums to its key's counter row, a row deleted takes them away, a row updated in one of
    reads moves them. keys are in the order of the counter table's unique constraint (the upsert's conflict
    target)."""

    name: str
    source: str
    counter: str
    keys: tuple[tuple[str, Expression], ...]
    sums: tuple[tuple[str, Expression], ...]
    reads: tuple[str, ...]


_GROUP_KEYS: tuple[tuple[str, Expression], ...] = (("group_id", _group), ("null_group", _null_group))

TALLIES = (
    Tally(
        "groups",
        "raw_messages",
        GROUPS,
        _GROUP_KEYS,
        (("raw_count", _one), ("raw_unprocessed", _when("{r}.processed = false"))),
        ("group_id", "processed"),
    ),
    Tally(
        "quarters",
        "raw_messages",
        QUARTERS,
        (("quarter", _quarter), *_GROUP_KEYS),
        (("raw_count", _one),),
        ("group_id", "timestamp"),
    ),
    Tally("groups", "filtered_messages", GROUPS, _GROUP_KEYS, (("filtered_count", _one),), ("group_id",)),
    Tally("groups", "bot_messages", GROUPS, _GROUP_KEYS, (("bot_count", _one),), ("group_id",)),
    Tally(
        "chats",
        "jargon",
        CHATS,
        (("chat_id", _column("chat_id")),),
        (
            ("term_count", _one),
            ("confirmed_count", _when("{r}.is_jargon")),
            ("complete_count", _when("{r}.is_complete")),
            ("occurrence_sum", lambda row, _d: f"COALESCE({row}.count, 0)"),
            ("counted_terms", _when("{r}.count IS NOT NULL")),
        ),
        ("chat_id", "is_jargon", "is_complete", "count"),
    ),
)


# Per counted table: the counter table and column whose sum is its number of rows.
ROW_COUNTS = {
    "raw_messages": (GROUPS, "raw_count"),
    "filtered_messages": (GROUPS, "filtered_count"),
    "bot_messages": (GROUPS, "bot_count"),
    "jargon": (CHATS, "term_count"),
}


def _tallies_of(source: str) -> list[Tally]:
    return [t for t in TALLIES if t.source == source]


def trigger_names(dialect: str) -> set[str]:
    """The triggers of this version that must exist on the backend."""
    if dialect == "postgresql":
        return {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "upd", "del", "trn")}
    row_triggers = {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "del")}
    updates = {f"{PREFIX}{t.source}_{t.name}_upd" for t in TALLIES}
    return row_triggers | updates | {f"{PREFIX}raw_messages_names"}


def _is_mysql(dialect: str) -> bool:
    return dialect in ("mysql", "mariadb")


# ---------------------------------------------------------------- rebuild (backfill)


def _backfill(dialect: str) -> list[str]:
    """Rebuild every counter table from the counted tables, one INSERT ... SELECT each."""
    where = " WHERE true" if dialect == "sqlite" else ""
    statements: list[str] = []
    for counter in (GROUPS, QUARTERS, CHATS):
        tallies = [t for t in TALLIES if t.counter == counter]
        keys = [name for name, _ in tallies[0].keys]
        columns = list(dict.fromkeys(name for t in tallies for name, _ in t.sums))
        parts = []
        for tally in tallies:
            sums = dict(tally.sums)
            values = [f"{expr('r', dialect)} AS {name}" for name, expr in tally.keys]
            values += [f"{sums[c]('r', dialect) if c in sums else '0'} AS {c}" for c in columns]
            parts.append(f"SELECT {', '.join(values)} FROM {tally.source} AS r")
        statements.append(f"DELETE FROM {counter}")
        statements.append(
            f"INSERT INTO {counter} ({', '.join(keys + columns)}) "
            f"SELECT {', '.join(keys)}, {', '.join(f'SUM({c})' for c in columns)} FROM ({' UNION ALL '.join(parts)}) "
            f"AS d{where} GROUP BY {', '.join(keys)}"
        )
    senders = (
        f"INSERT INTO {SENDERS} (group_id, null_group, sender_id, message_count, sender_name) "
        f"SELECT COALESCE(group_id, ''), group_id IS NULL, sender_id, COUNT(*), MAX(sender_name) "
        f"FROM raw_messages{where} GROUP BY COALESCE(group_id, ''), group_id IS NULL, sender_id"
    )
    return [*statements, f"DELETE FROM {SENDERS}", senders]


def _emptied(source: str) -> list[str]:
    """What emptying source does to the counters: a counter table it alone feeds is emptied, columns it feeds in a
    shared one are set to zero."""
    statements: list[str] = []
    for tally in _tallies_of(source):
        others = [t for t in TALLIES if t.counter == tally.counter and t.source != source]
        if others:
            statements.append(f"UPDATE {tally.counter} SET {', '.join(f'{name} = 0' for name, _ in tally.sums)}")
        else:
            statements.append(f"DELETE FROM {tally.counter}")
    if source == "raw_messages":
        statements.append(f"DELETE FROM {SENDERS}")
    return statements


# ---------------------------------------------------------------- PostgreSQL: statement triggers


def _pg_tally(tally: Tally, sources: Sequence[tuple[str, str]]) -> str:
    """One aggregated upsert of what the rows of the transition tables (name, sign) add to the tally's counter,
    taking the counter rows in key order, so two statements never wait on each other crosswise."""
    keys = [name for name, _ in tally.keys]
    sums = [name for name, _ in tally.sums]
    selects = []
    for table, sign in sources:
        values = [f"{expr('r', 'postgresql')} AS {name}" for name, expr in tally.keys]
        values += [f"{sign} * {expr('r', 'postgresql')} AS {name}" for name, expr in tally.sums]
        selects.append(f"SELECT {', '.join(values)} FROM {table} AS r")
    having = " OR ".join(f"SUM({name}) <> 0" for name in sums)
    sets = ", ".join(f"{name} = c.{name} + excluded.{name}" for name in sums)
    return (
        f"INSERT INTO {tally.counter} AS c ({', '.join(keys + sums)}) "
        f"SELECT {', '.join(keys)}, {', '.join(f'SUM({n})' for n in sums)} FROM ({' UNION ALL '.join(selects)}) AS d "
        f"GROUP BY {', '.join(keys)} HAVING {having} ORDER BY {', '.join(keys)} "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets};"
    )


def _pg_senders(src: str) -> str:
    return (
        f"INSERT INTO {SENDERS} AS c (group_id, null_group, sender_id, message_count, sender_name) "
        f"SELECT g, ng, sender_id, SUM(s), MAX(sender_name) FILTER (WHERE s > 0) FROM ({src}) AS d "
        "GROUP BY g, ng, sender_id HAVING SUM(s) <> 0 OR MAX(sender_name) FILTER (WHERE s > 0) IS NOT NULL "
        "ORDER BY g, ng, sender_id "
        "ON CONFLICT (group_id, null_group, sender_id) DO UPDATE SET "
        "message_count = c.message_count + excluded.message_count, "
        "sender_name = GREATEST(c.sender_name, excluded.sender_name);"
    )


def _pg_sender_rows(source: str, sign: str, where: str = "") -> str:
    return (
        f"SELECT COALESCE(group_id, '') AS g, group_id IS NULL AS ng, sender_id, sender_name, {sign} AS s "
        f"FROM {source}{where}"
    )


def _pg_renamed(old: str) -> str:
    """A sender's greatest sender_name may have left with the rows that left: read it again."""
    return (
        f"UPDATE {SENDERS} AS c SET sender_name = (SELECT MAX(r.sender_name) FROM raw_messages AS r "
        "WHERE r.sender_id = c.sender_id AND (CASE WHEN c.null_group THEN r.group_id IS NULL "
        "ELSE r.group_id = c.group_id END)) "
        f"FROM (SELECT DISTINCT COALESCE(group_id, '') AS g, group_id IS NULL AS ng, sender_id, sender_name "
        f"FROM {old}) AS o "
        "WHERE c.group_id = o.g AND c.null_group = o.ng AND c.sender_id = o.sender_id "
        "AND c.sender_name = o.sender_name;\n    "
        f"DELETE FROM {SENDERS} AS c USING (SELECT DISTINCT COALESCE(group_id, '') AS g, group_id IS NULL AS ng, "
        f"sender_id FROM {old}) AS o WHERE c.group_id = o.g AND c.null_group = o.ng AND c.sender_id = o.sender_id "
        "AND c.message_count <= 0;"
    )


def _lines(statements: Sequence[str]) -> str:
    return "\n    ".join(statements)


def _pg_function(table: str) -> str:
    tallies = _tallies_of(table)
    new, old = [("sldb_new", "1")], [("sldb_old", "-1")]
    insert = [_pg_tally(t, new) for t in tallies]
    delete = [_pg_tally(t, old) for t in tallies]
    update = [_pg_tally(t, new + old) for t in tallies]
    if table == "raw_messages":
        moved = (
            " WHERE id IN (SELECT o.id FROM sldb_old AS o JOIN sldb_new AS n ON n.id = o.id "
            "WHERE (o.group_id, o.sender_id, o.sender_name) IS DISTINCT FROM (n.group_id, n.sender_id, n.sender_name))"
        )
        insert.append(_pg_senders(_pg_sender_rows("sldb_new", "1")))
        delete += [_pg_senders(_pg_sender_rows("sldb_old", "-1")), _pg_renamed("sldb_old")]
        moved_rows = f"{_pg_sender_rows('sldb_new', '1', moved)} UNION ALL {_pg_sender_rows('sldb_old', '-1', moved)}"
        update += [
            f"IF EXISTS (SELECT 1 FROM sldb_old{moved}) THEN",
            _pg_senders(moved_rows),
            _pg_renamed(f"(SELECT * FROM sldb_old{moved}) AS moved"),
            "END IF;",
        ]
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_lines(insert)}
  ELSIF TG_OP = 'DELETE' THEN
    {_lines(delete)}
  ELSE
    {_lines(update)}
  END IF;
  RETURN NULL;
END
$sldb$"""


def _pg_truncated(table: str) -> str:
    """What a TRUNCATE of table (which fires no row or transition-table trigger) does to the counters."""
    body = "\n  ".join(f"{s};" for s in _emptied(table))
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}_truncated() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
BEGIN
  {body}
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


def _row_upsert(dialect: str, tally: Tally, row: str, sign: str) -> str:
    """The statement by which one row (NEW or OLD) adds (sign 1) or takes away (sign -1) its sums."""
    mysql = _is_mysql(dialect)
    keys = [name for name, _ in tally.keys]
    sums = [name for name, _ in tally.sums]
    values = [expr(row, dialect) for _, expr in tally.keys]
    values += [expr(row, dialect) if sign == "1" else f"-{expr(row, dialect)}" for _, expr in tally.sums]
    added = [f"{name} = {name} + " + (f"VALUES({name})" if mysql else f"excluded.{name}") for name in sums]
    conflict = " ON DUPLICATE KEY UPDATE " if mysql else f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
    return f"INSERT INTO {tally.counter} ({', '.join(keys + sums)}) VALUES ({', '.join(values)}){conflict}{', '.join(added)}"


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


def _changed(dialect: str, columns: Sequence[str]) -> str:
    """True when an UPDATE changed one of columns (NULL-safe)."""
    if _is_mysql(dialect):
        return "NOT (" + " AND ".join(f"OLD.{c} <=> NEW.{c}" for c in columns) + ")"
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _row_ddl(dialect: str) -> list[str]:
    mysql = _is_mysql(dialect)
    statements: list[str] = []

    def trigger(name: str, event: str, table: str, body: Iterable[str], when: str | None = None) -> None:
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        inner = " ".join(f"{p};" for p in body)
        if mysql:
            guard, end = (f"IF {when} THEN ", " END IF;") if when else ("", "")
            # @sldb_counters_paused: clear_counted deletes whole tables and then resets the counters at once.
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                f"BEGIN IF @sldb_counters_paused IS NULL THEN {guard}{inner}{end} END IF; END"
            )
        else:
            cond = f" WHEN {when}" if when else ""
            statements.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{cond} BEGIN {inner} END")

    for table in COUNTED:
        tallies = _tallies_of(table)
        raw = table == "raw_messages"
        adds = [_row_upsert(dialect, t, "NEW", "1") for t in tallies]
        removes = [_row_upsert(dialect, t, "OLD", "-1") for t in tallies]
        trigger(f"{PREFIX}{table}_ins", "INSERT", table, adds + ([_sender_add(dialect)] if raw else []))
        trigger(f"{PREFIX}{table}_del", "DELETE", table, removes + (_sender_remove() if raw else []))
        # An update moves a row's sums from its old key to its new one, per tally, only when it changed what
        # that tally reads (marking messages processed does not touch the quarter counts).
        for tally in tallies:
            trigger(
                f"{PREFIX}{table}_{tally.name}_upd",
                "UPDATE",
                table,
                [_row_upsert(dialect, tally, "OLD", "-1"), _row_upsert(dialect, tally, "NEW", "1")],
                when=_changed(dialect, tally.reads),
            )
    trigger(
        f"{PREFIX}raw_messages_names",
        "UPDATE",
        "raw_messages",
        [_sender_add(dialect), *_sender_remove()],
        when=_changed(dialect, ("group_id", "sender_id", "sender_name")),
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


def kept_by_triggers(table: Table) -> bool:
    """Whether triggers on other tables write this table's rows (a counter: its spec says maintained_by:
    triggers). Nobody else writes them: sldb copy, the fallback merge and the tests leave them to the triggers."""
    return bool(table.info.get("maintained_by"))


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
    """Rebuild every counter table from the counted tables (in the caller's transaction)."""
    for statement in _backfill(conn.dialect.name):
        await conn.execute(text(statement))


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
            sums = ", ".join(
                f"(SELECT COALESCE(SUM({ROW_COUNTS[t.name][1]}), 0) FROM {ROW_COUNTS[t.name][0]})" for t in truncated
            )
            deleted += sum(int(n) for n in (await conn.execute(text(f"SELECT {sums}"))).one())
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
    for statement in (s for table in counted for s in _emptied(table)):
        await conn.execute(text(statement))
    return deleted
