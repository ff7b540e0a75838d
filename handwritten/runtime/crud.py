"""Statement helpers the generated repositories and the hand-written queries share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Executable, RowMapping, Select, Table

from handwritten.runtime.errors import InvalidValueError
from handwritten.runtime.session import Database, Executor
from handwritten.runtime.values import whole_number

SelectT = TypeVar("SelectT", bound=Select[Any])

# A limit beyond this is treated as "no limit"; every backend accepts it as a bound parameter.
MAX_LIMIT = 2**31 - 1


def filtered(stmt: SelectT, table: Table, where: Mapping[str, Any] | None) -> SelectT:
    """stmt restricted to rows whose columns equal the given values (None matches NULL)."""
    for name, value in (where or {}).items():
        if name not in table.c:
            raise InvalidValueError(name, f"is not a column of {table.name}")
        column = table.c[name]
        stmt = stmt.where(column.is_(None) if value is None else column == value)
    return stmt


def tie_broken(stmt: SelectT, table: Table) -> SelectT:
    """stmt ordered additionally by primary key, so equal sort keys give one order on every backend."""
    return stmt.order_by(*table.primary_key.columns)


def page(stmt: SelectT, limit: Any, offset: Any = 0) -> SelectT:
    """stmt with a limit and offset made safe: negative offset is 0, negative or None limit is no limit."""
    size = clamp_limit(limit)
    start = clamp_offset(offset)
    if size is not None:
        stmt = stmt.limit(size)
    if start:
        stmt = stmt.offset(start)
    return stmt


def clamp_limit(limit: Any) -> int | None:
    """None for no limit; otherwise an int in [0, MAX_LIMIT]. A negative limit means no limit."""
    size = whole_number(limit, field="limit")
    if size is None:
        return None
    if size < 0:
        return None
    return min(size, MAX_LIMIT)


def clamp_offset(offset: Any) -> int:
    """An int in [0, MAX_LIMIT]; a negative offset is 0."""
    start = whole_number(offset, field="offset", default=0)
    return min(max(start, 0), MAX_LIMIT)


async def run_dml(session: Executor, stmt: Executable) -> CursorResult[Any]:
    """Execute an INSERT, UPDATE or DELETE; its result carries rowcount and inserted_primary_key."""
    return cast("CursorResult[Any]", await session.execute(stmt))


async def affected(session: Executor, stmt: Executable) -> int:
    """How many rows an UPDATE or DELETE matched (MySQL counts matched rows: FOUND_ROWS is set)."""
    return int((await run_dml(session, stmt)).rowcount)


def bound_limit(limit: Any) -> int:
    """clamp_limit for a statement built once with LIMIT as a bound parameter: no limit is MAX_LIMIT."""
    size = clamp_limit(limit)
    return MAX_LIMIT if size is None else size


async def inserted_key(session: Executor, stmt: Executable, values: Mapping[str, Any] | None = None) -> Any:
    """The primary key of the row an INSERT created (values: its parameters, for a statement built once)."""
    result = cast("CursorResult[Any]", await session.execute(stmt, values)) if values else await run_dml(session, stmt)
    key = result.inserted_primary_key
    assert key is not None
    return key[0]


async def first_row(db: Database, stmt: Select[Any]) -> RowMapping | None:
    """The first row a single read returns, as a mapping, or None (one statement: db.reading())."""
    async with db.reading() as conn:
        row: RowMapping | None = (await conn.execute(stmt)).mappings().first()
    return row
