"""What the counters count: the counter tables, the counted tables, and each tally's keys and sums as expressions of
a counted row; the statements by which a backfill batch adds a range of rows to the counters (see counters.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sldb.handwritten.runtime.backends.identity import is_mysql

VERSION = 3


PREFIX = f"sldb_cnt{VERSION}_"
# The Galera variant of MariaDB's triggers (counter_triggers.py) is named apart, so that a node that finds the
# other variant installed installs its own.
GALERA_PREFIX = f"sldb_cnt{VERSION}g_"


GROUPS = "message_group_counters"


SENDERS = "message_sender_counters"


QUARTERS = "message_quarter_counters"


CHATS = "jargon_chat_counters"


COUNTED = ("raw_messages", "filtered_messages", "bot_messages", "jargon")


COUNTER_TABLES = (GROUPS, SENDERS, QUARTERS, CHATS)


# The layer's own table of backfill progress, a row per counted table (counter_backfill.py).
PROGRESS = "sldb_counter_backfill"


QUARTER_SECONDS = 900


# An expression over one row of a counted table: (row alias or NEW/OLD, dialect) -> SQL.
Expression = Callable[[str, str], str]


def _column(name: str) -> Expression:
    return lambda row, _dialect: f"{row}.{name}"


def group_key(row: str, _dialect: str) -> str:
    return f"COALESCE({row}.group_id, '')"


def null_group_key(row: str, _dialect: str) -> str:
    return f"({row}.group_id IS NULL)"


def _quarter(row: str, dialect: str) -> str:
    if is_mysql(dialect):
        return f"({row}.timestamp DIV {QUARTER_SECONDS})"
    if dialect == "sqlite":  # a REAL stored by another writer must still land in a whole quarter
        return f"(CAST({row}.timestamp AS INTEGER) / {QUARTER_SECONDS})"
    return f"({row}.timestamp / {QUARTER_SECONDS})"  # bigint / integer divides to a whole number


def quarter(row: str, dialect: str) -> str:
    """The quarter of an hour a row's timestamp falls in, as the quarters' tally computes it."""
    return _quarter(row, dialect)


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


_GROUP_KEYS: tuple[tuple[str, Expression], ...] = (("group_id", group_key), ("null_group", null_group_key))

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


def tallies_of(source: str) -> list[Tally]:
    return [t for t in TALLIES if t.source == source]


def trigger_names(dialect: str, galera: bool = False) -> set[str]:
    """The triggers of this version that must exist on the backend (galera: a MariaDB Galera node)."""
    if dialect == "postgresql":
        return {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "upd", "del", "trn")}
    prefix = GALERA_PREFIX if galera else PREFIX
    row_triggers = {f"{prefix}{t}_{op}" for t in COUNTED for op in ("ins", "del")}
    updates = {f"{prefix}{t.source}_{t.name}_upd" for t in TALLIES}
    return row_triggers | updates | {f"{prefix}raw_messages_names"}


def _range_select(tally: Tally, dialect: str, columns: list[str]) -> str:
    """The sums per key of the rows of tally.source with id in (:lo, :hi], one row per key, keys in order."""
    sums = dict(tally.sums)
    keys = [name for name, _ in tally.keys]
    values = [f"{expr('r', dialect)} AS {name}" for name, expr in tally.keys]
    values += [f"{sums[c]('r', dialect) if c in sums else '0'} AS {c}" for c in columns]
    rows = f"SELECT {', '.join(values)} FROM {tally.source} AS r WHERE r.id > :lo AND r.id <= :hi"
    return (
        f"SELECT {', '.join(keys)}, {', '.join(f'SUM({c}) AS {c}' for c in columns)} FROM ({rows}) AS d "
        f"WHERE 1 = 1 GROUP BY {', '.join(keys)} ORDER BY {', '.join(keys)}"
    )


def _upsert(dialect: str, counter: str, keys: list[str], sets: dict[str, str], select: str) -> str:
    """INSERT INTO counter the rows of select, adding to a key's row that exists; sets: column -> new value,
    written with {old} and {new} for the row's value and the one inserted."""
    columns = ", ".join([*keys, *sets])
    if is_mysql(dialect):
        assigned = ", ".join(
            f"{counter}.{c} = " + v.format(old=f"{counter}.{c}", new=f"VALUES({c})") for c, v in sets.items()
        )
        return f"INSERT INTO {counter} ({columns}) SELECT * FROM ({select}) AS a ON DUPLICATE KEY UPDATE {assigned}"
    old = "c.{c}" if dialect == "postgresql" else "{c}"
    alias = " AS c" if dialect == "postgresql" else ""
    assigned = ", ".join(f"{c} = " + v.format(old=old.format(c=c), new=f"excluded.{c}") for c, v in sets.items())
    return f"INSERT INTO {counter}{alias} ({columns}) {select} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {assigned}"


def range_statements(dialect: str, source: str) -> list[str]:
    """What the rows of source with id in (:lo, :hi] add to the counters: one aggregated upsert per tally (and
    the senders' for raw_messages), taking the counter rows in key order."""
    statements: list[str] = []
    for tally in tallies_of(source):
        columns = [name for name, _ in tally.sums]
        keys = [name for name, _ in tally.keys]
        statements.append(
            _upsert(
                dialect,
                tally.counter,
                keys,
                dict.fromkeys(columns, "{old} + {new}"),
                _range_select(tally, dialect, columns),
            )
        )
    if source == "raw_messages":
        greatest = "CASE WHEN {new} IS NULL THEN {old} WHEN {old} IS NULL OR {new} > {old} THEN {new} ELSE {old} END"
        select = (
            "SELECT g, ng, sender_id, COUNT(*) AS message_count, MAX(sender_name) AS sender_name FROM ("
            "SELECT COALESCE(r.group_id, '') AS g, (r.group_id IS NULL) AS ng, r.sender_id, r.sender_name "
            "FROM raw_messages AS r WHERE r.id > :lo AND r.id <= :hi) AS d "
            "WHERE 1 = 1 GROUP BY g, ng, sender_id ORDER BY g, ng, sender_id"
        )
        sets = {"message_count": "{old} + {new}", "sender_name": greatest}
        statements.append(_upsert(dialect, SENDERS, ["group_id", "null_group", "sender_id"], sets, select))
    return statements


def emptied_statements(source: str) -> list[str]:
    """What emptying source does to the counters: a counter table it alone feeds is emptied, columns it feeds in a
    shared one are set to zero."""
    statements: list[str] = []
    for tally in tallies_of(source):
        others = [t for t in TALLIES if t.counter == tally.counter and t.source != source]
        if others:
            statements.append(f"UPDATE {tally.counter} SET {', '.join(f'{name} = 0' for name, _ in tally.sums)}")
        else:
            statements.append(f"DELETE FROM {tally.counter}")
    if source == "raw_messages":
        statements.append(f"DELETE FROM {SENDERS}")
    # Nothing is left for the table's backfill to count (a backfill not yet measured counts from zero anyway).
    statements.append(
        f"UPDATE {PROGRESS} SET done_upto = high_id, finished = true "
        f"WHERE table_name = '{source}' AND high_id IS NOT NULL"
    )
    return statements
