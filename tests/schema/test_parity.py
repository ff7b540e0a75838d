"""Schema parity: the generated metadata against the tables the plugin's databases hold today.

Reference: tests/reference/schema.json (class, table, columns, types, nullability, defaults, indexes).
Every reference index is either created, or declared redundant in the spec with the index kept instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, Integer, LargeBinary, String, Table, Text
from sqlalchemy.sql.schema import CallableColumnDefault, ColumnElementColumnDefault, ScalarElementColumnDefault
from sqlalchemy.types import TypeDecorator

from sldb.generated.models import REDUNDANT_INDEXES, Base

REFERENCE = json.loads((Path(__file__).parent.parent / "reference" / "schema.json").read_text(encoding="utf-8"))
TABLES = [t for tables in REFERENCE["files"].values() for t in tables]
FAMILIES: dict[str, type[Any]] = {
    "Integer": Integer,
    "BigInteger": BigInteger,
    "Text": Text,
    "Float": Float,
    "Boolean": Boolean,
    "DateTime": DateTime,
    "JSON": JSON,
    "LargeBinary": LargeBinary,
}


def _impl(type_: Any) -> Any:
    return type_.impl_instance if isinstance(type_, TypeDecorator) else type_


def _type_matches(ref: str, type_: Any) -> bool:
    impl = _impl(type_)
    m = re.fullmatch(r"String\(length=(\d+)\)", ref)
    if m:
        return isinstance(impl, String) and not isinstance(impl, Text) and impl.length == int(m.group(1))
    family = FAMILIES[ref]
    if family is Integer:
        return type(impl) is Integer
    return isinstance(impl, family)


def _default_matches(ref: dict[str, Any] | None, default: Any) -> bool:
    if ref is None:
        return default is None
    if "value" in ref:
        return isinstance(default, ScalarElementColumnDefault) and default.arg == ref["value"]
    if "sql" in ref:
        return isinstance(default, ColumnElementColumnDefault) and "now" in str(default.arg).lower()
    return isinstance(default, CallableColumnDefault)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@pytest.mark.parametrize("ref", TABLES, ids=[t["table"] for t in TABLES])
def test_table_matches_reference(ref: dict[str, Any]) -> None:
    table = _table(ref["table"])
    mapper = next(m for m in Base.registry.mappers if m.local_table is table)
    assert mapper.class_.__name__ == ref["class"]
    names = [c.name for c in table.columns]
    added = ADDED_COLUMNS.get(ref["table"], ())
    # A column the plugin lacks comes after its columns and is NULL-able, so additive migration can add it.
    assert names == [c["name"] for c in ref["columns"]] + list(added)
    assert all(table.c[name].nullable for name in added), f"{ref['table']}: an added column is NOT NULL"
    # A column the plugin lacks is the layer's own bookkeeping: internal (spec), so no record returns it.
    assert all(table.c[name].info.get("internal") for name in added), f"{ref['table']}: an added column is not internal"
    for col in ref["columns"]:
        column = table.c[col["name"]]
        where = f"{ref['table']}.{col['name']}"
        assert _type_matches(col["type"], column.type), f"{where}: {column.type!r} is not {col['type']}"
        assert column.nullable == col["nullable"], f"{where}: nullable"
        assert column.primary_key == bool(col.get("primary_key")), f"{where}: primary key"
        assert _default_matches(col.get("default"), column.default), f"{where}: default {column.default!r}"
        server = column.server_default
        assert (server.arg if server is not None else None) == col.get("server_default"), f"{where}: server default"  # type: ignore[attr-defined]
        if "foreign_key" in col:
            assert [fk.target_fullname for fk in column.foreign_keys] == [col["foreign_key"]], f"{where}: foreign key"
        if "attribute" in col:
            assert col["attribute"] in mapper.attrs, f"{where}: attribute {col['attribute']}"
        assert bool(column.unique) == bool(col.get("unique")), f"{where}: unique"


# Columns the plugin's databases lack: jargon's text key (issue 14) and the raw message's retry key (issue 14).
ADDED_COLUMNS = {
    "jargon": ("content_key",),
    "raw_messages": ("ingest_key",),
}

# Indexes the plugin's databases lack, added for its hot reads (issues 6 and 12; see schema/message.yaml).
ADDED_INDEXES = {
    "raw_messages": ("idx_raw_group_time", "idx_raw_unprocessed_time", "idx_raw_group_processed", "uk_raw_ingest_key"),
    "jargon": ("idx_jargon_chat_content_key",),
    "filtered_messages": ("idx_filtered_group_time", "idx_filtered_unprocessed_time"),
    "bot_messages": ("idx_bot_group_time",),
    "persona_update_reviews": ("idx_persona_review_time",),
}


@pytest.mark.parametrize("ref", TABLES, ids=[t["table"] for t in TABLES])
def test_indexes_match_reference(ref: dict[str, Any]) -> None:
    table = _table(ref["table"])
    created = {str(ix.name): ix for ix in table.indexes}
    for index in ref["indexes"]:
        name = index["name"]
        if name in created:
            ix = created[name]
            assert [c.name for c in ix.columns] == index["columns"], f"{name}: columns"
            assert ix.unique == index["unique"], f"{name}: unique"
            length = index.get("dialect_options", {}).get("mysql_length")
            if length is not None:
                got = ix.dialect_options["mysql"]["length"]
                assert got == (length if isinstance(length, dict) else {index["columns"][0]: length})
        else:
            assert name in REDUNDANT_INDEXES, f"{name} is neither created nor declared redundant"
            owner, kept = REDUNDANT_INDEXES[name]
            assert owner == ref["table"]
            kept_columns = [c.name for c in created[kept].columns]
            assert kept_columns[: len(index["columns"])] == index["columns"], (
                f"{name}: kept index {kept} does not begin with its columns"
            )
    added = set(created) - {i["name"] for i in ref["indexes"]}
    assert added <= set(ADDED_INDEXES.get(ref["table"], ())), "an index the plugin does not have"


def test_parity_summary(capsys: pytest.CaptureFixture[str]) -> None:
    seed = [t for t in TABLES if t["in_seed"]]
    columns = sum(len(t["columns"]) for t in TABLES)
    indexes = sum(len(t["indexes"]) for t in TABLES)
    kept = sum(
        1 for t in TABLES for i in t["indexes"] if i["name"] in {str(x.name) for x in _table(t["table"]).indexes}
    )
    assert all(t["table"] in Base.metadata.tables for t in TABLES)
    assert kept + len(REDUNDANT_INDEXES) == indexes
    with capsys.disabled():
        print(
            f"\nschema parity: {len(TABLES)} tables ({len(seed)} seed), {columns} columns, "
            f"{kept} indexes created + {len(REDUNDANT_INDEXES)} declared redundant = {indexes} reference indexes"
        )
