"""The layouts a grown database is started on, by `--online` (online.py) and by tests/growth/test_online_at_scale.py.

Each is made from a database this layer laid out (a started manager's, background work finished), by taking away:
- the plugin's own layer: none of this layer's additions (the counter triggers, the counter tables and the
  backfill's progress table, the text key and ingest key columns with their indexes);
- this layer's release before an upgrade: raw_messages lacks one index and one column (with its index).
"""

from __future__ import annotations

from sqlalchemy import Index, MetaData, text
from sqlalchemy.schema import DropIndex, DropTable

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.tables import counters
from sldb.handwritten.tables.counter_tallies import COUNTER_TABLES, PROGRESS

ADDED_COLUMNS = {"raw_messages": "ingest_key", "jargon": "content_key"}  # this layer's, not the plugin's
UPGRADE_INDEX = ("raw_messages", "idx_raw_timestamp")
UPGRADE_COLUMN = ("raw_messages", "ingest_key")


def indexes_on(metadata: MetaData, table: str, column: str) -> list[Index]:
    return [ix for ix in metadata.tables[table].indexes if column in ix.columns]


def upgrade_index(metadata: MetaData) -> Index:
    table, name = UPGRADE_INDEX
    return next(ix for ix in metadata.tables[table].indexes if ix.name == name)


def missing_indexes(metadata: MetaData, columns: dict[str, str], indexes: list[Index]) -> set[str]:
    """The names of the indexes take_away(columns, indexes) removes: the ones a start then builds again."""
    on_columns = {str(ix.name) for table, column in columns.items() for ix in indexes_on(metadata, table, column)}
    return on_columns | {str(ix.name) for ix in indexes}


async def take_away(manager: SQLAlchemyDatabaseManager, columns: dict[str, str], indexes: list[Index]) -> None:
    """Drop the given indexes and columns (and, with the columns, every index on them)."""
    assert manager.engine is not None
    metadata = manager.engine.metadata
    async with manager.engine.engine.begin() as conn:
        for index in indexes:
            await conn.execute(DropIndex(index))
        for table, column in columns.items():
            for index in indexes_on(metadata, table, column):
                if index not in indexes:
                    await conn.execute(DropIndex(index))
            await conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))


async def as_the_plugin_left_it(manager: SQLAlchemyDatabaseManager) -> None:
    assert manager.engine is not None
    async with manager.engine.engine.begin() as conn:
        await counters._drop(conn, await counters._installed(conn))
        for name in COUNTER_TABLES:
            await conn.execute(DropTable(Base.metadata.tables[name]))
        await conn.execute(text(f"DROP TABLE IF EXISTS {PROGRESS}"))  # the layer's own, in no spec
    await take_away(manager, ADDED_COLUMNS, [])


async def before_the_upgrade(manager: SQLAlchemyDatabaseManager) -> None:
    assert manager.engine is not None
    await take_away(manager, dict([UPGRADE_COLUMN]), [upgrade_index(manager.engine.metadata)])
