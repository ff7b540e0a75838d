"""What the database holds now: every table, column (with its type and, on MySQL, collation) and index of the
current database/schema, read in two catalog queries (three on MySQL) whatever the number of tables; and, for
the plan people read, how many rows tables hold."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.backends.identity import is_mysql

# The layer's own bookkeeping outside the models (sldb_locks: the Galera migration lock; sldb_copy_progress and
# sldb_merge_map: sldb copy): not the plugin's data, so never reported as extra tables.
LAYER_TABLE_PREFIX = "sldb_"


@dataclass
class LiveSchema:
    """What the database holds now: table -> column names (with their type), table -> index names."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    indexes: dict[str, set[str]] = field(default_factory=dict)
    # MySQL only: table -> text column -> its collation, and the database's default collation.
    collations: dict[str, dict[str, str]] = field(default_factory=dict)
    database_collation: str | None = None
    # PostgreSQL only: table -> indexes a failed or cancelled CREATE INDEX CONCURRENTLY left unusable
    # (pg_index.indisvalid false): no query uses them, writes still maintain them; migration rebuilds them.
    invalid_indexes: dict[str, set[str]] = field(default_factory=dict)


async def read_live_schema(conn: AsyncConnection) -> LiveSchema:
    """Every table, column and index of the current database/schema, in at most two queries."""
    dialect = conn.dialect.name
    live = LiveSchema()
    if dialect == "sqlite":
        rows = await conn.execute(
            text(
                "SELECT m.name, p.name, p.type FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            )
        )
        index_rows = await conn.execute(
            text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        )
    elif is_mysql(dialect):
        rows = await conn.execute(
            text(
                "SELECT table_name, column_name, column_type, collation_name FROM information_schema.columns "
                "WHERE table_schema = DATABASE()"
            )
        )
        # From the catalog, not @@collation_database: that is the connection's copy from when it selected the
        # database, so a starter that waited for the lock would miss another's ALTER DATABASE and repeat it.
        collation_sql = text(
            "SELECT default_collation_name FROM information_schema.schemata WHERE schema_name = DATABASE()"
        )
        live.database_collation = str((await conn.execute(collation_sql)).scalar())
        index_rows = await conn.execute(
            text(
                "SELECT DISTINCT table_name, index_name FROM information_schema.statistics "
                "WHERE table_schema = DATABASE()"
            )
        )
    else:
        rows = await conn.execute(
            text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema()"
            )
        )
        index_rows = await conn.execute(
            text(
                "SELECT t.relname, i.relname, x.indisvalid FROM pg_index AS x "
                "JOIN pg_class AS i ON i.oid = x.indexrelid JOIN pg_class AS t ON t.oid = x.indrelid "
                "WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
            )
        )
    for table, column, type_, *collation in rows:
        live.columns.setdefault(str(table), {})[str(column)] = str(type_).lower()
        if collation and collation[0] is not None:
            live.collations.setdefault(str(table), {})[str(column)] = str(collation[0])
    for table, index, *valid in index_rows:
        live.indexes.setdefault(str(table), set()).add(str(index))
        if valid and not valid[0]:
            live.invalid_indexes.setdefault(str(table), set()).add(str(index))
    return live


async def read_row_estimates(conn: AsyncConnection, tables: Collection[str]) -> dict[str, int | None]:
    """How many rows each of tables holds, read cheaply: PostgreSQL's planner estimate (pg_class.reltuples, or
    the statistics' live-row count for a table never analyzed), MySQL's (information_schema.tables.table_rows,
    an estimate on InnoDB); SQLite keeps no such figure, so its rows are counted. None: not known."""
    wanted = sorted(set(tables))
    if not wanted:
        return {}
    if conn.dialect.name == "sqlite":
        prep = conn.dialect.identifier_preparer
        return {
            t: int((await conn.execute(text(f"SELECT count(*) FROM {prep.quote(t)}"))).scalar_one()) for t in wanted
        }
    if is_mysql(conn.dialect):
        rows = await conn.execute(
            text(
                "SELECT table_name, table_rows, NULL FROM information_schema.tables "
                "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
            )
        )
    else:
        rows = await conn.execute(
            text(
                "SELECT c.relname, c.reltuples, s.n_live_tup FROM pg_class AS c "
                "LEFT JOIN pg_stat_user_tables AS s ON s.relid = c.oid "
                "WHERE c.relkind IN ('r', 'p') "
                "AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
            )
        )
    found: dict[str, int | None] = {}
    for table, estimate, live_rows in rows:
        if estimate is not None and estimate >= 0:  # PostgreSQL: -1 until the table is first analyzed
            found[str(table)] = int(estimate)
        else:
            found[str(table)] = int(live_rows) if live_rows is not None else None
    return {t: found.get(t) for t in wanted}
