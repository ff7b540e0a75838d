"""Statement helpers the generated repositories and the hand-written queries share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Executable, Row, RowMapping, Select, Table

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.contract.database import Database, Executor
from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.values.policy import whole_number

SelectT = TypeVar("SelectT", bound=Select[Any])
T = TypeVar("T")
# Bound parameters of a statement built once (None: its values are in the statement).
Params = Mapping[str, Any] | None

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


def committed_read(stmt: SelectT, backend: str) -> SelectT:
    """stmt as a read, inside a write transaction, that sees rows other transactions committed after this one's
    first read: a row this transaction's insert found as a duplicate, say.

    MySQL/MariaDB run transactions at REPEATABLE READ, where a plain SELECT reads the snapshot taken at the
    transaction's first read; a locking read (LOCK IN SHARE MODE) reads the newest committed rows. PostgreSQL
    (READ COMMITTED: each statement reads its own snapshot) and SQLite (one writer at a time) see them as is.
    """
    return stmt.with_for_update(read=True) if is_mysql(backend) else stmt


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


async def run_dml(conn: Executor, stmt: Executable) -> CursorResult[Any]:
    """Execute an INSERT, UPDATE or DELETE; its result carries rowcount and inserted_primary_key."""
    return cast("CursorResult[Any]", await conn.execute(stmt))


async def affected(conn: Executor, stmt: Executable) -> int:
    """How many rows an UPDATE or DELETE matched (MySQL counts matched rows: FOUND_ROWS is set)."""
    return int((await run_dml(conn, stmt)).rowcount)


def bound_limit(limit: Any) -> int:
    """clamp_limit for a statement built once with LIMIT as a bound parameter: no limit is MAX_LIMIT."""
    size = clamp_limit(limit)
    return MAX_LIMIT if size is None else size


async def inserted_key(conn: Executor, stmt: Executable, values: Mapping[str, Any] | None = None) -> Any:
    """The primary key of the row an INSERT created (values: its parameters, for a statement built once)."""
    result = cast("CursorResult[Any]", await conn.execute(stmt, values)) if values else await run_dml(conn, stmt)
    key = result.inserted_primary_key
    assert key is not None
    return key[0]


# The result forms facades read. Each takes the connection of a snapshot or transaction the caller holds; the
# read_ form is the same statement alone, on db.reading(). `into` makes a row (a mapping) into a record.


async def records(conn: Executor, stmt: Executable, into: Callable[[RowMapping], T], params: Params = None) -> list[T]:
    """Every row stmt returns, each made into a record by into."""
    return [into(row) for row in (await conn.execute(stmt, params)).mappings()]


async def first(conn: Executor, stmt: Executable, into: Callable[[RowMapping], T], params: Params = None) -> T | None:
    """The first row stmt returns made into a record by into, or None when it returns none."""
    row = (await conn.execute(stmt, params)).mappings().first()
    return None if row is None else into(row)


async def one(conn: Executor, stmt: Executable, params: Params = None) -> Row[*tuple[Any, ...]]:
    """The one row stmt returns (aggregates without GROUP BY), as a tuple that also names its columns."""
    return (await conn.execute(stmt, params)).one()


async def scalar(conn: Executor, stmt: Executable, params: Params = None) -> Any:
    """The first column of the first row stmt returns, or None when it returns none."""
    return (await conn.execute(stmt, params)).scalar()


async def column(conn: Executor, stmt: Executable, params: Params = None) -> list[Any]:
    """The first column of every row stmt returns."""
    return list((await conn.execute(stmt, params)).scalars())


async def read_records(
    db: Database, stmt: Executable, into: Callable[[RowMapping], T], params: Params = None
) -> list[T]:
    """records(), stmt being the only statement."""
    async with db.reading() as conn:
        return await records(conn, stmt, into, params)


async def read_first(
    db: Database, stmt: Executable, into: Callable[[RowMapping], T], params: Params = None
) -> T | None:
    """first(), stmt being the only statement."""
    async with db.reading() as conn:
        return await first(conn, stmt, into, params)


async def read_one(db: Database, stmt: Executable, params: Params = None) -> Row[*tuple[Any, ...]]:
    """one(), stmt being the only statement."""
    async with db.reading() as conn:
        return await one(conn, stmt, params)


async def read_scalar(db: Database, stmt: Executable, params: Params = None) -> Any:
    """scalar(), stmt being the only statement."""
    async with db.reading() as conn:
        return await scalar(conn, stmt, params)


async def read_column(db: Database, stmt: Executable, params: Params = None) -> list[Any]:
    """column(), stmt being the only statement."""
    async with db.reading() as conn:
        return await column(conn, stmt, params)


def as_mapping(row: RowMapping) -> RowMapping:
    """The row as it is, for a caller that reads its fields in place (into= of the forms above)."""
    return row
