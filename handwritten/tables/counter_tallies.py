"""What the counters count: the counter tables, the counted tables, and each tally's keys and sums as expressions of
a counted row; the statements that rebuild every counter from the counted tables (see counters.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sldb.handwritten.runtime.backends.identity import is_mysql

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


def trigger_names(dialect: str) -> set[str]:
    """The triggers of this version that must exist on the backend."""
    if dialect == "postgresql":
        return {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "upd", "del", "trn")}
    row_triggers = {f"{PREFIX}{t}_{op}" for t in COUNTED for op in ("ins", "del")}
    updates = {f"{PREFIX}{t.source}_{t.name}_upd" for t in TALLIES}
    return row_triggers | updates | {f"{PREFIX}raw_messages_names"}


def backfill_statements(dialect: str) -> list[str]:
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
    return statements
