"""create_all on each backend (PostgreSQL in a non-public schema), then reflect: everything is there."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import inspect

from sldb.generated.models import Base


async def test_every_table_column_and_index_exists(manager: Any) -> None:
    def reflect(sync: Any) -> dict[str, tuple[set[str], set[str]]]:
        insp = inspect(sync)
        found = {}
        for name in insp.get_table_names():
            cols = {c["name"] for c in insp.get_columns(name)}
            idx = {str(i["name"]) for i in insp.get_indexes(name)}
            found[name] = (cols, idx)
        return found

    async with manager.engine.engine.connect() as conn:
        live = await conn.run_sync(reflect)
        if manager.backend == "postgresql":
            assert (await conn.exec_driver_sql("SELECT current_schema()")).scalar() == "sldb_tests"
    for table in Base.metadata.sorted_tables:
        assert table.name in live, f"table {table.name} missing"
        cols, idx = live[table.name]
        assert {c.name for c in table.columns} == cols, table.name
        assert {str(i.name) for i in table.indexes} <= idx, (
            f"{table.name}: missing {({str(i.name) for i in table.indexes}) - idx}"
        )


async def test_mysql_columns_hold_doubles_and_long_text(manager: Any) -> None:
    if manager.backend != "mysql":
        pytest.skip("MySQL/MariaDB column types")
    async with manager.engine.engine.connect() as conn:
        rows = (
            await conn.exec_driver_sql(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                "AND table_name = 'raw_messages' AND column_name = 'message'"
            )
        ).scalar()
        assert rows == "longtext"
        float_types = {
            r[0]
            for r in await conn.exec_driver_sql(
                "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                "AND table_name = 'jargon_usage_frequency' AND column_name IN ('last_used_at', 'success_rate')"
            )
        }
        assert float_types == {"double"}
