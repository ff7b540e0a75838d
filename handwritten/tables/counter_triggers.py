"""The counter triggers' DDL, derived from the tallies (see counters.py): row-level triggers for inserts on every
backend; for updates and deletes, PostgreSQL statement-level triggers over transition tables (one aggregated upsert
per statement and tally), SQLite and MariaDB row-level ones. Two variants of each body: `backfill` while a
backfill is owed (it reads the range the backfill owes and leaves those rows to it), `settled` once every backfill
has finished (it reads nothing but the row); replacing_ddl swaps them in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.tables.counter_tallies import (
    COUNTED,
    GALERA_PREFIX,
    PREFIX,
    PROGRESS,
    SENDERS,
    VERSION,
    Tally,
    emptied_statements,
    tallies_of,
)

# The triggers' form, within a VERSION (what they count, and how the backfill and they share the rows): a new
# REVISION counts the same, so start-up replaces an older one's bodies in place, with no recount.
REVISION = 2


def tag(settled: bool) -> str:
    """The comment every trigger body of this revision carries, naming its variant: `backfill` reads the range
    an unfinished backfill still owes and leaves those rows to it; `settled` (every backfill finished) counts
    every row and reads nothing else."""
    return f"sldb counters {VERSION}.{REVISION} {'settled' if settled else 'backfill'}"


TAG_PATTERN = r"/\* (sldb counters [0-9.]+ [a-z]+) \*/"

# The greatest BIGINT: the high end of a table's range while its backfill is not yet measured (all left to it).
TOP = "9223372036854775807"
# Whether the row r is counted by the triggers now: outside the range (done_upto, high_id] its backfill still
# owes (PostgreSQL and MariaDB: the bounds read into sldb_lo, sldb_hi at the top of the trigger).
_COUNTED_PG = "({r}id > sldb_hi OR {r}id <= sldb_lo)"


def _counted_pg(row: str, settled: bool) -> str:
    return "true" if settled else _COUNTED_PG.format(r=row)


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


def _pg_renamed(old: str, settled: bool) -> str:
    """A sender's greatest sender_name may have left with the rows that left: read it again."""
    return (
        f"UPDATE {SENDERS} AS c SET sender_name = (SELECT MAX(r.sender_name) FROM raw_messages AS r "
        "WHERE r.sender_id = c.sender_id AND (CASE WHEN c.null_group THEN r.group_id IS NULL "
        f"ELSE r.group_id = c.group_id END) AND {_counted_pg('r.', settled)}) "
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


def _pg_function(table: str, settled: bool) -> str:
    tallies = tallies_of(table)
    if settled:
        new_rows, old_rows = "sldb_new", "sldb_old"
    else:
        new_rows, old_rows = (f"(SELECT * FROM {t} WHERE {_counted_pg('', settled)})" for t in ("sldb_new", "sldb_old"))
    new, old = [(new_rows, "1")], [(old_rows, "-1")]
    delete = [_pg_tally(t, old) for t in tallies]
    update = [_pg_tally(t, new + old) for t in tallies]
    if table == "raw_messages":
        moved = (
            " WHERE id IN (SELECT o.id FROM sldb_old AS o JOIN sldb_new AS n ON n.id = o.id "
            "WHERE (o.group_id, o.sender_id, o.sender_name) IS DISTINCT FROM (n.group_id, n.sender_id, n.sender_name))"
        )
        new_named, old_named = f"{new_rows} AS sldb_n", f"{old_rows} AS sldb_o"
        delete += [_pg_senders(_pg_sender_rows(old_named, "-1")), _pg_renamed(old_named, settled)]
        moved_rows = f"{_pg_sender_rows(new_named, '1', moved)} UNION ALL {_pg_sender_rows(old_named, '-1', moved)}"
        update += [
            f"IF EXISTS (SELECT 1 FROM {old_named}{moved}) THEN",
            _pg_senders(moved_rows),
            _pg_renamed(f"(SELECT * FROM {old_named}{moved}) AS moved", settled),
            "END IF;",
        ]
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
/* {tag(settled)} */
{"BEGIN" if settled else _pg_bounds(table)}
  IF TG_OP = 'DELETE' THEN
    {_lines(delete)}
  ELSE
    {_lines(update)}
  END IF;
  RETURN NULL;
END
$sldb$"""


def _pg_bounds(table: str) -> str:
    """The top of a backfill variant's function: the range of table's ids its backfill owes, into sldb_lo and
    sldb_hi. While a backfill is unfinished (counter_backfill.py), the rows it still owes are left to it: every
    progress row is share-locked, in key order, as a batch locks them all for update (so neither waits on the
    other crosswise), and the bounds are read after the lock, current. Finished, one plain read of a table of
    four rows; settled, none (the settled variant has no such top)."""
    return f"""DECLARE
  sldb_lo bigint := {TOP};
  sldb_hi bigint := 0;
BEGIN
  IF EXISTS (SELECT 1 FROM {PROGRESS} WHERE NOT finished) THEN
    PERFORM 1 FROM {PROGRESS} ORDER BY table_name FOR SHARE;
    SELECT done_upto, COALESCE(high_id, {TOP}) INTO sldb_lo, sldb_hi FROM {PROGRESS}
      WHERE table_name = '{table}';
    IF NOT FOUND THEN
      sldb_lo := {TOP};
      sldb_hi := 0;
    END IF;
  END IF;"""


def _pg_added(table: str, settled: bool) -> str:
    """The row-level function for an INSERT into table: a row's sums added to its keys' counter rows. Row
    level, because a message is mostly inserted alone, and a row trigger's statements with NEW's values cost
    less than a statement trigger's aggregate over its transition table (measured: about 55 against 145 µs)."""
    adds = [_row_upsert("postgresql", t, "NEW", "1") + ";" for t in tallies_of(table)]
    if table == "raw_messages":
        adds.append(_sender_add("postgresql") + ";")
    body = _lines(adds)
    if not settled:
        body = f"IF {_counted_pg('NEW.', settled)} THEN\n    {body}\n  END IF;"
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}_added() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
/* {tag(settled)} */
{"BEGIN" if settled else _pg_bounds(table)}
  {body}
  RETURN NULL;
END
$sldb$"""


def _pg_truncated(table: str, settled: bool) -> str:
    """What a TRUNCATE of table (which fires no row or transition-table trigger) does to the counters."""
    body = "\n  ".join(f"{s};" for s in emptied_statements(table))
    return f"""CREATE OR REPLACE FUNCTION {PREFIX}{table}_truncated() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $sldb$
/* {tag(settled)} */
BEGIN
  {body}
  RETURN NULL;
END
$sldb$"""


def _pg_functions(settled: bool) -> list[str]:
    return [f(table, settled) for table in COUNTED for f in (_pg_function, _pg_added, _pg_truncated)]


def _pg_insert_trigger(table: str) -> list[str]:
    name = f"{PREFIX}{table}_ins"
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {PREFIX}{table}_added()",
    ]


def _pg_ddl(settled: bool) -> list[str]:
    statements = _pg_functions(settled)
    for table in COUNTED:
        name = f"{PREFIX}{table}_trn"
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        statements.append(
            f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {PREFIX}{table}_truncated()"
        )
        statements += _pg_insert_trigger(table)
        for op, event, ref in (
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


def _row_upsert(dialect: str, tally: Tally, row: str, sign: str) -> str:
    """The statement by which one row (NEW or OLD) adds (sign 1) or takes away (sign -1) its sums.

    MariaDB and PostgreSQL update the key's row first and insert only a key not there yet: their upserts would
    spend an id (AUTO_INCREMENT, the sequence) on every message, and MariaDB's tries the insert first, which
    costs more. Each tally sums a 1 per row, so an update that found the row changed it: MariaDB's ROW_COUNT()
    is 0 only when the row is missing."""
    mysql, pg = is_mysql(dialect), dialect == "postgresql"
    keys = [name for name, _ in tally.keys]
    sums = [name for name, _ in tally.sums]
    key_values = [expr(row, dialect) for _, expr in tally.keys]
    sum_values = [expr(row, dialect) if sign == "1" else f"-{expr(row, dialect)}" for _, expr in tally.sums]
    own = "c." if pg else ""
    added = [f"{name} = {own}{name} + " + (f"VALUES({name})" if mysql else f"excluded.{name}") for name in sums]
    conflict = " ON DUPLICATE KEY UPDATE " if mysql else f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
    upsert = (
        f"INSERT INTO {tally.counter}{' AS c' if pg else ''} ({', '.join(keys + sums)}) "
        f"VALUES ({', '.join(key_values + sum_values)}){conflict}{', '.join(added)}"
    )
    if not (mysql or pg):
        return upsert
    sets = ", ".join(f"{name} = {name} + {value}" for name, value in zip(sums, sum_values, strict=True))
    where = " AND ".join(f"{name} = {value}" for name, value in zip(keys, key_values, strict=True))
    return f"UPDATE {tally.counter} SET {sets} WHERE {where}; IF {_MISSED[pg]} THEN {upsert}; END IF"


# After an UPDATE in a trigger body: it found no row (MariaDB, PostgreSQL).
_MISSED = {False: "ROW_COUNT() = 0", True: "NOT FOUND"}


def _sender_add(dialect: str) -> str:
    mysql, pg = is_mysql(dialect), dialect == "postgresql"
    key = "COALESCE(NEW.group_id, ''), (NEW.group_id IS NULL), NEW.sender_id"
    columns = "(group_id, null_group, sender_id, message_count, sender_name)"
    own = "c." if pg else ""
    if mysql:
        conflict = f"ON DUPLICATE KEY UPDATE sender_name = {_greatest('VALUES(sender_name)')}, "
    else:
        conflict = f"ON CONFLICT (group_id, null_group, sender_id) DO UPDATE SET sender_name = {_greatest('excluded.sender_name', own)}, "
    upsert = (
        f"INSERT INTO {SENDERS}{' AS c' if pg else ''} {columns} VALUES ({key}, 1, NEW.sender_name) "
        f"{conflict}message_count = {own}message_count + 1"
    )
    if not (mysql or pg):
        return upsert
    # As _row_upsert: the row updated first, inserted only when missing.
    return (
        f"UPDATE {SENDERS} SET sender_name = {_greatest('NEW.sender_name')}, message_count = message_count + 1 "
        f"WHERE {_SENDER_KEY.format(r='NEW')}; IF {_MISSED[pg]} THEN {upsert}; END IF"
    )


_SENDER_KEY = (
    "group_id = COALESCE({r}.group_id, '') AND null_group = ({r}.group_id IS NULL) AND sender_id = {r}.sender_id"
)


def _greatest(name: str, own: str = "") -> str:
    """The greater of a sender row's sender_name (own: the row's alias and a dot) and name, NULL counting as
    the least."""
    current = f"{own}sender_name"
    return f"CASE WHEN {name} IS NULL THEN {current} WHEN {current} IS NULL OR {name} > {current} THEN {name} ELSE {current} END"


def _row_counted(dialect: str, table: str, row_id: str, settled: bool) -> str:
    """Whether the row of table with id row_id is counted by the triggers now (not owed to an unfinished
    backfill); MariaDB's trigger has read the bounds into sldb_lo, sldb_hi first. Settled: every row is."""
    if settled:
        return "1 = 1"
    if is_mysql(dialect):
        return f"({row_id} > sldb_hi OR {row_id} <= sldb_lo)"
    return (
        f"NOT EXISTS (SELECT 1 FROM {PROGRESS} AS b WHERE b.table_name = '{table}' AND {row_id} > b.done_upto "
        f"AND {row_id} <= COALESCE(b.high_id, {TOP}))"
    )


def _sender_remove(dialect: str, settled: bool) -> list[str]:
    key = _SENDER_KEY.format(r="OLD")
    same_group = "(CASE WHEN OLD.group_id IS NULL THEN r.group_id IS NULL ELSE r.group_id = OLD.group_id END)"
    counted = _row_counted(dialect, "raw_messages", "r.id", settled)
    return [
        f"UPDATE {SENDERS} SET message_count = message_count - 1 WHERE {key}",
        f"UPDATE {SENDERS} SET sender_name = (SELECT MAX(r.sender_name) FROM raw_messages AS r "
        f"WHERE r.sender_id = OLD.sender_id AND {same_group} AND {counted}) "
        f"WHERE {key} AND sender_name = OLD.sender_name",
        f"DELETE FROM {SENDERS} WHERE {key} AND message_count <= 0",
    ]


def _changed(dialect: str, columns: Sequence[str]) -> str:
    """True when an UPDATE changed one of columns (NULL-safe)."""
    if is_mysql(dialect):
        return "NOT (" + " AND ".join(f"OLD.{c} <=> NEW.{c}" for c in columns) + ")"
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _row_ddl(dialect: str, galera: bool, settled: bool, replace: bool) -> list[str]:
    mysql = is_mysql(dialect)
    prefix = GALERA_PREFIX if galera else PREFIX
    statements: list[str] = []
    marker = f"/* {tag(settled)} */"

    def trigger(name: str, event: str, table: str, body: Iterable[str], when: str | None = None) -> None:
        inner = " ".join(f"{p};" for p in body)
        row_id = "OLD.id" if event == "DELETE" else "NEW.id"
        counted = _row_counted(dialect, table, row_id, settled)
        if mysql:
            # In place: MariaDB replaces a trigger under the table's metadata lock, so no row change goes
            # uncounted (or counted by both) while it does.
            create = "CREATE OR REPLACE TRIGGER" if replace else "CREATE TRIGGER"
            if not replace:
                statements.append(f"DROP TRIGGER IF EXISTS {name}")
            guard, end = (f"IF {when} THEN ", " END IF;") if when else ("", "")
            if settled:
                declare, work = "", inner
            else:
                # The bounds of the table's unfinished backfill, read under a share lock: a current read (not the
                # transaction's snapshot) that a backfill batch's update of them waits for, and the other way
                # round. Every progress row is locked, in key order as a batch locks them for update; no row: all
                # counted.
                bounds = (
                    f"SELECT COALESCE(MAX(CASE WHEN table_name = '{table}' THEN done_upto END), {TOP}), "
                    f"COALESCE(MAX(CASE WHEN table_name = '{table}' THEN COALESCE(high_id, {TOP}) END), 0) "
                    f"INTO sldb_lo, sldb_hi FROM {PROGRESS} LOCK IN SHARE MODE;"
                )
                # Galera: the share lock holds only on this node. A change left to the backfill also writes its
                # table's progress row, as every batch does: a batch on another node that read the row before
                # this change then fails certification against it (or this one against the batch), and is run
                # again.
                touch = (
                    f" ELSE UPDATE {PROGRESS} SET touches = touches + 1 WHERE table_name = '{table}';" if galera else ""
                )
                declare = f"DECLARE sldb_lo BIGINT DEFAULT {TOP}; DECLARE sldb_hi BIGINT DEFAULT 0; "
                work = f"{bounds} IF {counted} THEN {inner}{touch} END IF;"
            # @sldb_counters_paused: clear_counted deletes whole tables and then resets the counters at once.
            statements.append(
                f"{create} {name} AFTER {event} ON {table} FOR EACH ROW "
                f"BEGIN {marker} {declare}IF @sldb_counters_paused IS NULL THEN {guard}{work}{end} END IF; END"
            )
        else:
            statements.append(f"DROP TRIGGER IF EXISTS {name}")
            conditions = ([f"({when})"] if when else []) + ([] if settled else [counted])
            cond = f" WHEN {' AND '.join(conditions)}" if conditions else ""
            statements.append(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{cond} BEGIN {marker} {inner} END"
            )

    for table in COUNTED:
        tallies = tallies_of(table)
        raw = table == "raw_messages"
        adds = [_row_upsert(dialect, t, "NEW", "1") for t in tallies]
        removes = [_row_upsert(dialect, t, "OLD", "-1") for t in tallies]
        trigger(f"{prefix}{table}_ins", "INSERT", table, adds + ([_sender_add(dialect)] if raw else []))
        trigger(f"{prefix}{table}_del", "DELETE", table, removes + (_sender_remove(dialect, settled) if raw else []))
        # An update moves a row's sums from its old key to its new one, per tally, only when it changed what
        # that tally reads (marking messages processed does not touch the quarter counts).
        for tally in tallies:
            trigger(
                f"{prefix}{table}_{tally.name}_upd",
                "UPDATE",
                table,
                [_row_upsert(dialect, tally, "OLD", "-1"), _row_upsert(dialect, tally, "NEW", "1")],
                when=_changed(dialect, tally.reads),
            )
    trigger(
        f"{prefix}raw_messages_names",
        "UPDATE",
        "raw_messages",
        [_sender_add(dialect), *_sender_remove(dialect, settled)],
        when=_changed(dialect, ("group_id", "sender_id", "sender_name")),
    )
    return statements


def trigger_ddl(dialect: str, galera: bool = False, settled: bool = False) -> list[str]:
    """Every statement that (re)creates the counter triggers on dialect (galera: on a MariaDB Galera node), of
    the settled variant or (by default) the one that leaves an unfinished backfill its rows."""
    if dialect == "postgresql":
        return _pg_ddl(settled)
    return _row_ddl(dialect, galera and is_mysql(dialect), settled, replace=False)


def replacing_ddl(dialect: str, galera: bool, settled: bool, restructured: bool = False) -> list[str]:
    """The statements that replace the installed counter triggers' bodies by this revision's of a variant, in
    place, with no moment at which a row change is counted by neither or both: PostgreSQL replaces the
    functions (and, restructured: from an earlier revision, the insert triggers) in the caller's transaction,
    MariaDB each trigger under its table's metadata lock, SQLite drops and creates them in the caller's write
    transaction."""
    if dialect == "postgresql":
        # From a revision before this one (restructured), the insert triggers too: they were statement-level.
        recreated = [s for table in COUNTED for s in _pg_insert_trigger(table)] if restructured else []
        return _pg_functions(settled) + recreated
    return _row_ddl(dialect, galera and is_mysql(dialect), settled, replace=is_mysql(dialect))
