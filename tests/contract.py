"""What the generated contract tests check, once for every table and method their spec tables list.

generated/contract_tests/ holds per domain a table of round trips (RoundTrip) and per facade a table of the
spec's methods (SpecMethod); each of their tests is one parametrized call of a function here.
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sldb.generated.manager import Facades, SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.errors import DatabaseNotReadyError

REFERENCE = Path(__file__).parent / "reference" / "manager_api.json"


def _norm(annotation: str) -> str:
    return re.sub(r"\s+", "", annotation)


class _Raises:
    """SpecMethod.not_ready of a method without not_ready_default: before start() it raises."""

    def __repr__(self) -> str:
        return "RAISES"


RAISES: Any = _Raises()


@dataclass(frozen=True)
class SpecMethod:
    """A facade method as its spec declares it."""

    name: str
    params: tuple[tuple[str, str], ...]  # (name, annotation)
    returns: str
    not_ready: Any  # returned before start() (a function of the parameters it depends on), or RAISES
    handwritten: bool


def name_of(method: SpecMethod) -> str:
    return method.name


def assert_handwritten_signature(queries: ModuleType, method: SpecMethod) -> None:
    """The hand-written function is async, takes db then exactly the declared keyword-only parameters, and
    returns the declared type."""
    fn = getattr(queries, method.name, None)
    assert fn is not None, f"{queries.__name__} has no function {method.name}, which the spec declares handwritten"
    params, returns = list(method.params), method.returns
    assert inspect.iscoroutinefunction(fn), f"{fn.__name__} must be async"
    sig = inspect.signature(fn)
    got = list(sig.parameters.values())
    assert [p.name for p in got] == ["db", *(name for name, _ in params)], (
        f"{fn.__name__}: parameters differ from the spec"
    )
    for param, (name, annotation) in zip(got[1:], params, strict=True):
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, f"{fn.__name__}({name}) must be keyword-only"
        assert _norm(str(param.annotation)) == _norm(annotation), (
            f"{fn.__name__}({name}): {param.annotation} != {annotation}"
        )
    assert _norm(str(sig.return_annotation)) == _norm(returns), (
        f"{fn.__name__} returns {sig.return_annotation}, spec says {returns}"
    )


@cache
def reference_methods() -> dict[str, dict[str, Any]]:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {m["name"]: m for m in data["methods"]}


def assert_matches_reference(name: str) -> None:
    """The manager method has the reference's parameter names, order and defaults; any parameter after them
    has a default, so every call the reference signature accepts is accepted the same way."""
    ref = reference_methods()[name]
    method = getattr(SQLAlchemyDatabaseManager, name)
    params = list(inspect.signature(method).parameters.values())[1:]
    known, extra = params[: len(ref["params"])], params[len(ref["params"]) :]
    assert [p.name for p in known] == [p["name"] for p in ref["params"]], f"{name}: parameter names or order differ"
    assert all(p.default is not inspect.Parameter.empty for p in extra), f"{name}: an added parameter is required"
    for param, expected in zip(known, ref["params"], strict=True):
        if expected["default"] is None:
            assert param.default is inspect.Parameter.empty, f"{name}({param.name}) must be required"
        else:
            assert param.default == eval(expected["default"], {}), (
                f"{name}({param.name}) default differs"
            )  # literals only


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.result = object()

    async def __call__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self.result


async def assert_delegates(facade_attribute: str, name: str) -> None:
    """The manager passes every argument through to the facade method and returns its result unchanged."""
    manager = SQLAlchemyDatabaseManager({})
    facades = Facades.over(manager)  # the manager is a Database too; nothing is called on it here
    recorder = _Recorder()
    setattr(getattr(facades, facade_attribute), name, recorder)
    manager._facades = facades
    params = list(inspect.signature(getattr(SQLAlchemyDatabaseManager, name)).parameters)[1:]
    args = {p: object() for p in params}
    assert await getattr(manager, name)(**args) is recorder.result
    assert recorder.calls == [args]


async def assert_before_start(method: SpecMethod) -> None:
    """Before start() the manager returns the method's not_ready_default, or raises DatabaseNotReadyError naming it.

    Every parameter is passed: its default where it has one, None otherwise.
    """
    manager = SQLAlchemyDatabaseManager({})
    params = list(inspect.signature(getattr(SQLAlchemyDatabaseManager, method.name)).parameters.values())[1:]
    args = {p.name: None if p.default is inspect.Parameter.empty else p.default for p in params}
    if method.not_ready is RAISES:
        with pytest.raises(DatabaseNotReadyError, match=method.name):
            await getattr(manager, method.name)(**args)
    else:
        not_ready = method.not_ready
        if callable(not_ready):
            not_ready = not_ready(**{name: args[name] for name in inspect.signature(not_ready).parameters})
        assert await getattr(manager, method.name)(**args) == not_ready


@dataclass(frozen=True)
class ParentRow:
    """A row of the table a foreign key points to, inserted first."""

    repository: Any
    values: dict[str, Any]


@dataclass(frozen=True)
class RoundTrip:
    """One table's CRUD contract: the row inserted, the values it is updated with, and for the columns whose
    record holds another form than the value written (date-times as ISO text) that form after each step.

    record is the table's record type; internal names the columns the spec marks internal, which are written
    and stored but held by no record."""

    repository: Any
    record: Any
    first: dict[str, Any]
    second: dict[str, Any]
    internal: tuple[str, ...] = ()
    read_as: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    parents: dict[str, ParentRow] = field(default_factory=dict)  # foreign key column -> the row it refers to


def table_of(case: RoundTrip) -> str:
    return str(case.repository.table.name)


def _as_read(values: dict[str, Any], case: RoundTrip, step: int) -> dict[str, Any]:
    """The values as the record reads them: in their read form, internal columns left out."""
    read_as = case.read_as
    return {
        name: read_as[name][step] if name in read_as else value
        for name, value in values.items()
        if name not in case.internal
    }


def record_columns(case: RoundTrip) -> set[str]:
    """The columns the table's record holds: all of its columns but the internal ones."""
    return {str(c.name) for c in case.repository.table.columns} - set(case.internal)


def assert_record_holds_no_internal_column(case: RoundTrip) -> None:
    """The record type's keys are the table's columns but the internal ones, which the model marks as such."""
    table = case.repository.table
    marked = {str(c.name) for c in table.columns if c.info.get("internal")}
    assert marked == set(case.internal), f"{table.name}: columns marked internal {marked} != {case.internal}"
    keys = set(case.record.__required_keys__) | set(case.record.__optional_keys__)
    assert keys == record_columns(case), f"{case.record.__name__} keys {sorted(keys)}"


async def _stored_internal(session: AsyncSession, case: RoundTrip, key: str, row_id: Any) -> dict[str, Any]:
    """The internal columns of one row, read past the record, which leaves them out."""
    table = case.repository.table
    stmt = select(*(table.c[name] for name in case.internal)).where(table.c[key] == row_id)
    return dict((await session.execute(stmt)).mappings().one())


async def assert_round_trip(session: AsyncSession, case: RoundTrip) -> None:
    """add, get, update, list, count and delete keep and return exactly the values given; the record holds
    every column but the internal ones, which are stored all the same."""
    repo = case.repository
    key = next(iter(repo.table.primary_key.columns)).name
    expected_first = _as_read(case.first, case, 0)
    expected_second = _as_read(case.second, case, 1)
    first, second = dict(case.first), dict(case.second)
    for column, parent in case.parents.items():
        first[column] = second[column] = await parent.repository.add(session, parent.values)

    row_id = await repo.add(session, first)
    got = await repo.get(session, row_id)
    assert got is not None
    assert set(got) == record_columns(case)  # a record read from a row holds no internal column
    assert got[key] == row_id
    assert {k: got[k] for k in expected_first} == expected_first
    if case.internal:
        assert await _stored_internal(session, case, key, row_id) == {k: first[k] for k in case.internal}

    assert await repo.update(session, row_id, second)
    got = await repo.get(session, row_id)
    assert got is not None
    assert {k: got[k] for k in expected_second} == expected_second
    if case.internal:
        assert await _stored_internal(session, case, key, row_id) == {k: second[k] for k in case.internal}

    assert await repo.list(session, where={key: row_id}) == [got]
    assert await repo.count(session, where={key: row_id}) == 1

    assert await repo.delete(session, row_id)
    assert await repo.get(session, row_id) is None
    assert not await repo.delete(session, row_id)
    assert not await repo.update(session, row_id, second)
