"""Preparations a spec runs before an index is created on an existing table: `before_create: <name>` on the index.

Whoever knows the tables registers each by name in its SchemaExtras (extras.py; the plugin's: handwritten/tables/).
The checker (codegen/check.py) refuses a name the plugin's extras do not hold; the
generated model carries the name in the index's info (`Index(..., info={"before_create": ...})`); compare()
plans the preparation as a step of its own just before the CREATE INDEX, and migrate() runs it on the
migration's connection, in a transaction of its own (online.py; SQLite: in the migration's one transaction).
A new table is created empty, with its indexes, and needs none.

This module loads no database code (the checker imports it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

BEFORE_CREATE = "before_create"  # the key of Index.info that names the hook


@dataclass(frozen=True)
class MigrationHook:
    name: str
    description: str  # what the plan shows for the step, as an SQL comment
    run: Callable[[AsyncConnection, str], Awaitable[None]]  # (the migration's connection, the index's name)
