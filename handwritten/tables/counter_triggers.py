"""The counter triggers' DDL, derived from the tallies: PostgreSQL statement-level triggers over transition tables
(one aggregated upsert per statement and tally), SQLite and MariaDB row-level triggers (see counters.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.tables.counter_tallies import COUNTED, PREFIX, SENDERS, Tally, emptied_statements, tallies_of


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
    tallies = tallies_of(table)
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
    body = "\n  ".join(f"{s};" for s in emptied_statements(table))
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


def _row_upsert(dialect: str, tally: Tally, row: str, sign: str) -> str:
    """The statement by which one row (NEW or OLD) adds (sign 1) or takes away (sign -1) its sums."""
    mysql = is_mysql(dialect)
    keys = [name for name, _ in tally.keys]
    sums = [name for name, _ in tally.sums]
    values = [expr(row, dialect) for _, expr in tally.keys]
    values += [expr(row, dialect) if sign == "1" else f"-{expr(row, dialect)}" for _, expr in tally.sums]
    added = [f"{name} = {name} + " + (f"VALUES({name})" if mysql else f"excluded.{name}") for name in sums]
    conflict = " ON DUPLICATE KEY UPDATE " if mysql else f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
    return f"INSERT INTO {tally.counter} ({', '.join(keys + sums)}) VALUES ({', '.join(values)}){conflict}{', '.join(added)}"


def _sender_add(dialect: str) -> str:
    mysql = is_mysql(dialect)
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
    if is_mysql(dialect):
        return "NOT (" + " AND ".join(f"OLD.{c} <=> NEW.{c}" for c in columns) + ")"
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _row_ddl(dialect: str) -> list[str]:
    mysql = is_mysql(dialect)
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
        tallies = tallies_of(table)
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
