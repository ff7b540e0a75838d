"""The lock of the specs (schema/generated.lock.json) and the changes it lets through: generate writes it, check
finds it stale, and a change migration can apply online passes. The refusals are pinned as error cases
(tests/codegen/errors/online_*)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sldb.codegen.applied import LOCK_FILE, lock_text
from sldb.codegen.load import load
from sldb.codegen.pipeline import ROOT, project_of

HEAD = """domain: shop
description: Shop.
tables:
  - class: Item
    table: items
    description: Items.
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: sku, type: string, length: 64}
      - {name: note, type: string, length: 64, nullable: false}
"""
NEW_TABLE = """  - class: Tag
    table: tags
    description: Tags.
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: label, type: string, length: 32, nullable: false}
    indexes:
      - {name: uk_tag_label, columns: [label], unique: true}
"""
ACCEPTED = {
    "a unique index that accepts failing on duplicates": (
        "    indexes:\n      - {name: uk_sku, columns: [sku], unique: true, may_fail_on_duplicates: true}\n"
    ),
    "a unique index whose hook merges the duplicates": (
        "    indexes:\n      - {name: uk_sku, columns: [sku], unique: true, before_create: merge_jargon_duplicates}\n"
    ),
    "a unique index over a new column, NULL in every row": (
        "      - {name: code, type: string, length: 16, index: true, unique: true}\n"
    ),
    "a nullable column and a NOT NULL one with a server default": (
        "      - {name: price, type: float}\n"
        "      - {name: stock, type: integer, nullable: false, server_default: '0'}\n"
    ),
    "a new table with a unique index": NEW_TABLE,
}


def _with_lock(tmp_path: Path, before: str, after: str) -> Path:
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "shop.yaml").write_text(before, encoding="utf-8")
    (schema / LOCK_FILE).write_text(lock_text(load(schema)), encoding="utf-8")
    (schema / "shop.yaml").write_text(after, encoding="utf-8")
    return schema


@pytest.mark.parametrize("change", sorted(ACCEPTED))
def test_a_change_migration_applies_online_passes(tmp_path: Path, change: str) -> None:
    project = project_of(_with_lock(tmp_path, HEAD, HEAD + ACCEPTED[change]))
    assert "items" in {t.table for t in project.tables}


def test_a_removed_nullable_column_passes(tmp_path: Path) -> None:
    before = HEAD + "      - {name: legacy, type: integer}\n"
    assert project_of(_with_lock(tmp_path, before, HEAD)).tables  # the databases keep it; nothing fails


def _codegen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sldb.codegen", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_generate_writes_the_lock_and_check_holds_changes_to_it(tmp_path: Path) -> None:
    schema, out = tmp_path / "schema", tmp_path / "generated"
    shutil.copytree(ROOT / "tests" / "codegen" / "cases" / "basic" / "schema", schema)
    where = ("--schema", str(schema), "--out", str(out))
    assert _codegen("generate", *where).returncode == 0
    lock = (schema / LOCK_FILE).read_text(encoding="utf-8")
    assert lock == lock_text(load(schema))
    assert _codegen("check", *where).returncode == 0

    spec = schema / "library.yaml"
    text = spec.read_text(encoding="utf-8")
    index = "      - {name: idx_book_shelf_status, columns: [shelf, status]}\n"
    assert index in text
    spec.write_text(
        text.replace(index, index + "      - {name: uk_book_status, columns: [status], unique: true}\n"), "utf-8"
    )
    refused = _codegen("generate", *where)
    assert refused.returncode == 1 and "a unique index added to a table that exists" in refused.stderr
    assert (schema / LOCK_FILE).read_text(encoding="utf-8") == lock  # nothing was written

    spec.write_text(text, encoding="utf-8")
    (schema / LOCK_FILE).unlink()
    stale = _codegen("check", *where)
    assert stale.returncode == 1 and f"stale: schema/{LOCK_FILE}" in stale.stderr


def test_the_projects_lock_is_the_specs() -> None:
    assert (ROOT / "schema" / LOCK_FILE).read_text(encoding="utf-8") == lock_text(load(ROOT / "schema"))
