"""One comparison, every view: compare() of the live schema with the models is what plan_migration, start-up's
migrate(), `sldb doctor` and `sldb migrate --dry-run` show and run; and an index's before_create hook runs in the
migration's transaction just before the index is created. On each backend."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.schema import DropIndex

from sldb.generated.models import Base
from sldb.handwritten.cli.doctor import steps_json
from sldb.handwritten.runtime.schema.catalog import LiveSchema, read_live_schema
from sldb.handwritten.runtime.schema.diff import OpKind, SchemaDiff, compare
from sldb.handwritten.runtime.schema.extras import SchemaExtras, attach
from sldb.handwritten.runtime.schema.hooks import MigrationHook
from sldb.handwritten.runtime.schema.migrate import migrate, plan_migration
from sldb.handwritten.runtime.schema.plan import plan_steps
from tests.backends import db_name
from tests.cli.run import ok
from tests.fixtures import BACKENDS, drop_database, fresh_database

pytestmark = pytest.mark.parametrize("backend", BACKENDS)
TABLE, COLUMN, INDEX = "raw_messages", "reply_to", "idx_raw_timestamp"


@pytest.fixture
async def target(backend: str, tmp_path: Path) -> AsyncIterator[tuple[dict[str, Any], AsyncEngine]]:
    """A fresh, empty database of backend: its Database_Settings and an engine as start-up makes one."""
    database = db_name("sldb_rt_compare")
    config, engine = await fresh_database(backend, tmp_path, database)
    yield config, engine
    await engine.dispose()
    await drop_database(backend, database)


async def _compare(engine: AsyncEngine, metadata: MetaData) -> SchemaDiff:
    async with engine.connect() as conn:
        return compare(metadata, await read_live_schema(conn), conn.dialect)


def _about(diff: SchemaDiff) -> list[tuple[str, str, str]]:
    return [(op.kind, op.table, op.name) for op in diff.operations]


async def test_plan_start_up_and_doctor_are_views_of_one_comparison(
    backend: str, target: tuple[dict[str, Any], AsyncEngine], tmp_path: Path
) -> None:
    config, engine = target
    await migrate(engine, Base.metadata)
    assert (await _compare(engine, Base.metadata)).operations == ()  # the models' own schema: no difference
    table = Base.metadata.tables[TABLE]
    async with engine.begin() as conn:  # one column and one index of the specs go missing
        await conn.execute(DropIndex(next(i for i in table.indexes if i.name == INDEX)))
        await conn.execute(text(f"ALTER TABLE {TABLE} DROP COLUMN {COLUMN}"))

    diff = await _compare(engine, Base.metadata)
    assert _about(diff) == [(OpKind.ADD_COLUMN, TABLE, COLUMN), (OpKind.CREATE_INDEX, TABLE, INDEX)]
    assert await plan_migration(engine, Base.metadata) == diff.migration
    [report] = diff.tables()
    assert (report.table, report.missing_columns, report.missing_indexes) == (TABLE, (COLUMN,), (INDEX,))

    config_file = tmp_path / "plugin_config.json"
    config_file.write_text(json.dumps({"Database_Settings": config}), encoding="utf-8")
    doctor = ok("doctor", "--config", str(config_file), "--json").json()
    assert doctor["plan"] == steps_json(plan_steps(diff.migration, engine.dialect, {TABLE: 0}))  # no row yet
    assert [(t["table"], t["missing_columns"], t["missing_indexes"]) for t in doctor["tables"]] == [
        (TABLE, [COLUMN], [INDEX])
    ]
    dry = ok("migrate", "--config", str(config_file), "--dry-run", "--json").json()
    assert dry["plan"] == doctor["plan"]

    assert await migrate(engine, Base.metadata) == diff.migration  # start-up runs exactly the plan
    assert (await _compare(engine, Base.metadata)).operations == ()


def _hooked(info: dict[str, Any]) -> tuple[MetaData, Table]:
    metadata = MetaData()
    table = Table(
        "hooked_items",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sku", String(64), nullable=False),
        Index("uk_hooked_sku", "sku", unique=True, info=info),
    )
    return metadata, table


async def test_an_index_hook_runs_in_the_migration_just_before_the_index(
    backend: str, target: tuple[dict[str, Any], AsyncEngine]
) -> None:
    _, engine = target
    seen: list[tuple[str, bool, bool]] = []

    async def keep_first_sku(conn: AsyncConnection, index: str) -> None:
        live = await read_live_schema(conn)
        seen.append((index, conn.in_transaction(), index in live.indexes.get("hooked_items", set())))
        # A derived table: MySQL refuses a DELETE whose subquery reads the same table directly.
        await conn.execute(
            text(
                "DELETE FROM hooked_items WHERE id NOT IN "
                "(SELECT keep FROM (SELECT MIN(id) AS keep FROM hooked_items GROUP BY sku) AS kept)"
            )
        )

    metadata, table = _hooked({"before_create": "keep_first_sku"})
    hook = MigrationHook("keep_first_sku", "keep one row per sku", keep_first_sku)
    attach(metadata, SchemaExtras(hooks={hook.name: hook}))
    async with engine.begin() as conn:  # the table as an older version left it: no index, a duplicate sku
        await conn.run_sync(lambda sync: table.create(sync))
        await conn.execute(DropIndex(next(iter(table.indexes))))
        await conn.execute(table.insert(), [{"sku": "a"}, {"sku": "a"}, {"sku": "b"}])

    planned = await plan_migration(engine, metadata)
    assert [(s.kind, s.name, s.sql) for s in planned] == [
        (OpKind.BEFORE_CREATE, "uk_hooked_sku", "-- keep one row per sku"),
        (OpKind.CREATE_INDEX, "uk_hooked_sku", planned[1].sql),
    ]
    assert await migrate(engine, metadata) == planned
    assert seen == [("uk_hooked_sku", True, False)]  # on the migration's connection, before the index existed
    after = await _compare(engine, metadata)
    assert after.operations == ()  # the unique index was created: the hook had removed the duplicate
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT sku FROM hooked_items ORDER BY sku"))).scalars().all() == ["a", "b"]

    unknown, _ = _hooked({"before_create": "no_such_hook"})  # the checker refuses it in a spec (tests/codegen)
    lacking_the_index = LiveSchema(columns={"hooked_items": {"id": "integer", "sku": "varchar(64)"}})
    with pytest.raises(LookupError, match="no migration hook named 'no_such_hook'"):
        compare(unknown, lacking_the_index, engine.dialect)


async def test_a_failing_step_is_logged_with_its_statement_and_class_and_skipped(
    backend: str, target: tuple[dict[str, Any], AsyncEngine], caplog: pytest.LogCaptureFixture
) -> None:
    _, engine = target
    metadata, table = _hooked({})  # no preparation: the duplicate sku stays and the unique index fails
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: table.create(sync))
        await conn.execute(DropIndex(next(iter(table.indexes))))
        await conn.execute(table.insert(), [{"sku": "a"}, {"sku": "a"}])
    [step] = await plan_migration(engine, metadata)
    with caplog.at_level("WARNING", logger="sldb.migrate"):
        assert await migrate(engine, metadata) == [step]
    [failed, summary] = [r.getMessage() for r in caplog.records if r.name == "sldb.migrate"]
    assert failed.startswith(f"migration step failed and was skipped: {step.sql} (duplicate key: ")
    assert summary == "auto-migration skipped 1 of 1 steps (each logged above); start-up goes on"
    assert [op.kind for op in (await _compare(engine, metadata)).operations] == [OpKind.CREATE_INDEX]
