"""Preparations a spec runs before an index is created on an existing table: `before_create: <name>` on the index.

Each is registered here by name. The checker (codegen/check.py) refuses a name HOOKS does not hold; the
generated model carries the name in the index's info (`Index(..., info={"before_create": ...})`); compare()
plans the preparation as a step of its own just before the CREATE INDEX, and migrate() runs it on the
migration's connection, in the same transaction. A new table is created empty, with its indexes, and needs none.

This module loads no database code (the checker imports it): each hook imports what it uses when it runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sldb.handwritten.runtime.logs import layer_logger

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

BEFORE_CREATE = "before_create"  # the key of Index.info that names the hook

log = layer_logger("migrate")


@dataclass(frozen=True)
class MigrationHook:
    name: str
    description: str  # what the plan shows for the step, as an SQL comment
    run: Callable[[AsyncConnection, str], Awaitable[None]]  # (the migration's connection, the index's name)


async def _merge_jargon_duplicates(conn: AsyncConnection, index: str) -> None:
    from sldb.handwritten.runtime.jargon_dedupe import merge_duplicate_jargon

    merged = await merge_duplicate_jargon(conn)
    if merged:
        log.info("merged %d duplicate jargon groups before creating %s", merged, index)


HOOKS: dict[str, MigrationHook] = {
    hook.name: hook
    for hook in (
        MigrationHook(
            "merge_jargon_duplicates",
            "merge duplicate (chat_id, content) rows",
            _merge_jargon_duplicates,
        ),
    )
}


def hook_named(name: str) -> MigrationHook:
    """The registered hook; LookupError naming the known ones for any other name (the checker refuses it first)."""
    try:
        return HOOKS[name]
    except KeyError:
        raise LookupError(f"no migration hook named {name!r}; registered: {', '.join(sorted(HOOKS))}") from None
