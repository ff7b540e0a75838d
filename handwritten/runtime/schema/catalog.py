"""What the database holds now: every table, column (with its type and, on MySQL, collation) and index of the
current database/schema, read in two catalog queries (three on MySQL) whatever the number of tables."""

from __future__ import annotations

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
