"""Both forms of a fast path (the generated statements and the SQLAlchemy `<method>_reference`) give the same.

The generated contract_tests/test_<facade>_fast.py list each facade's fast paths; assert_same_as_reference runs
both forms on one backend over the same inputs, built from the hostile values of the input policy (tests/hostile.py):
- a write: each input once through each form, on empty tables (an update by keys: on the hostile rows below,
  stored with keys 1, 2, ... first; a method that finds, upserts or updates by a where what an earlier call
  stored: twice, then the last input, which gives every key of a dict at once, so that later calls meet the rows
  the first stored); the outcome (the value returned, or the error's type and text) and every row then stored
  must be equal, with generated keys and the server's "now" masked. Both forms read one frozen clock (the
  hand-written module's time.time()): a time they compute, such as now plus a duration, is then equal too;
- a read: rows holding the hostile texts (those a column stores) are stored first, then each input is read
  through both forms; the outcomes must be equal as they are.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from sqlalchemy import Boolean, DateTime, String, Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.failures.report import translate
from sldb.handwritten.runtime.values.policy import accept, accept_fields, bind_text, shown
from tests.hostile import HOSTILE

NOW_SLACK = 10


@dataclass(frozen=True)
class FastPath:
    method: str
    access: str  # "read" or "write"
    tables: tuple[str, ...]  # the tables its statements touch
    statements: tuple[str, ...]  # the generated functions it calls (generated/fast/<facade>.py)
    params: tuple[tuple[str, str], ...]  # (name, annotation), in spec order
    seeded: bool = False  # it updates stored rows by key: each input is run on stored rows
    repeated: bool = False  # it meets rows an earlier call stored: each input twice, then the last input
    where_texts: tuple[tuple[str, str], ...] = ()  # (column, text) its where compares with: every other row holds them


def name_of(path: FastPath) -> str:
    return path.method


def _table(name: str) -> Table:
    from sldb.generated.models import Base

    return Base.metadata.tables[name]


async def _outcome(call: Any, db: Any, args: dict[str, Any]) -> Any:
    """What the call returned, or the error the generated facade would raise for what it raised (report.py)."""
    try:
        return ("returned", await call(db, **args))
    except SQLAlchemyError as exc:
        try:
            error: Exception = translate("method", exc)
        except InvalidValueError as refused:  # a value our types refused is raised as it is
            error = refused
        return ("raised", type(error).__name__, str(error))
    except Exception as exc:
        return ("raised", type(exc).__name__, str(exc))


def _masked(value: Any, now: float) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value - now) <= NOW_SLACK:
        return "<now>"
    if isinstance(value, datetime.datetime) and abs(value.timestamp() - now) <= 86_400 + NOW_SLACK:
        return "<server now>"  # the statement's now() (UTC or the server's zone): not the frozen clock
    return value


class _FrozenClock:
    """The time module, but time.time() is always at."""

    def __init__(self, at: float) -> None:
        self._at = at

    def time(self) -> float:
        return self._at

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@contextlib.contextmanager
def _clock_frozen(module: ModuleType, at: float) -> Iterator[None]:
    """module's `time` reads at as the time, for the block (both forms of a write compute the same times)."""
    if getattr(module, "time", None) is not time:
        yield
        return
    module.time = _FrozenClock(at)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        module.time = time  # type: ignore[attr-defined]


async def _stored(db: Any, tables: tuple[str, ...], now: float) -> dict[str, list[dict[str, Any]]]:
    """Every row of the tables, in key order, keys replaced by their rank (a foreign key: the rank of the row it
    names, when that table is one of these) and "now" masked."""
    rows: dict[str, Any] = {}
    async with db.reading() as conn:
        for name in tables:
            table = _table(name)
            rows[name] = (await conn.execute(select(table).order_by(*table.primary_key.columns))).mappings().all()
    ranks = {
        name: {row[c.name]: i for i, row in enumerate(rows[name]) for c in _table(name).primary_key.columns}
        for name in tables
    }

    def shown_as(table: Table, column: str, value: Any) -> Any:
        if column in table.primary_key.columns:
            return "<key>"
        for fk in table.c[column].foreign_keys:
            target = fk.column.table.name
            if target in ranks and value in ranks[target]:
                return f"<key of {target} row {ranks[target][value]}>"
        return _masked(value, now)

    return {name: [{k: shown_as(_table(name), k, v) for k, v in row.items()} for row in rows[name]] for name in tables}


async def _keys(db: Any, tables: tuple[str, ...]) -> list[Any]:
    """The stored rows' keys, in key order (_stored's): an updated row may come back last otherwise."""
    async with db.reading() as conn:
        found = []
        for name in tables:
            key = _table(name).primary_key.columns
            found += (await conn.execute(select(*key).order_by(*key))).scalars().all()
        return found


async def _empty(db: Any, tables: tuple[str, ...]) -> None:
    async with db.autocommit() as conn:
        for name in tables:
            await conn.execute(delete(_table(name)))


async def _write_once(
    call: Any,
    db: Any,
    calls: list[dict[str, Any]],
    tables: tuple[str, ...],
    seed: dict[str, list[dict[str, Any]]],
    module: ModuleType,
    now: float,
) -> tuple[Any, Any]:
    """The outcome of each call in turn, module's clock frozen at now (keys returned as the rank of their stored
    row), then every row stored."""
    for name, rows in seed.items():
        async with db.transaction() as conn:
            await conn.execute(insert(_table(name)), rows)
    with _clock_frozen(module, now):
        outcomes = [await _outcome(call, db, args) for args in calls]
    keys = await _keys(db, tables)
    for i, outcome in enumerate(outcomes):
        returned = outcome[1] if outcome[0] == "returned" else None
        if isinstance(returned, int) and not isinstance(returned, bool) and returned in keys:
            outcomes[i] = ("returned", f"<key of stored row {keys.index(returned)}>")
    stored = await _stored(db, tables, now)
    await _empty(db, tables)
    return outcomes, stored


def _first_difference(fast: Any, reference: Any) -> str:
    """Where two results part (the assertion's message: the whole of both can be long)."""
    for part, (mine, theirs) in enumerate(zip(fast, reference, strict=True)):
        if mine != theirs:
            a, b = repr(mine), repr(theirs)
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            return f"part {part}, from character {at}: fast {a[max(0, at - 150) : at + 150]!r} != {b[max(0, at - 150) : at + 150]!r}"
    return "equal"


def _rules(facade: str, method: str) -> dict[str, Any]:
    module = importlib.import_module(f"sldb.generated.facades.{facade}")
    prefix = f"_{method}_".upper()
    return {name[len(prefix) :].lower(): value for name, value in vars(module).items() if name.startswith(prefix)}


_VALID = {
    "text": "base",
    "time": 1_700_000_000,
    "int": 1,
    "id": 1,
    "ids": [1],
    "float": 0.5,
    "bool": True,
    "json": {"k": 1},
}
# An ids parameter is also given each hostile value as a one-item list, and these lists: none, repeats, keys
# stored and not, more keys than any call of the tests makes elsewhere.
_ID_LISTS: tuple[list[int], ...] = ([], [1, 1, 2], [2, 4, 6, 10**6], list(range(-5, 2000)))


def _candidates(kind: str) -> list[Any]:
    if kind != "ids":
        return list(HOSTILE)
    return [*HOSTILE, *([value] for value in HOSTILE), *_ID_LISTS]


def write_inputs(facade: str, method: str) -> list[dict[str, Any]]:
    """Each hostile value a field's rule accepts (the body is given only those), the others valid: a key of a
    dict parameter alone in its dict (then all keys at once, each its first accepted value), a parameter
    beside the others' valid values."""
    rules = _rules(facade, method)
    base = {name: {} if isinstance(rule, dict) else _VALID[rule.kind] for name, rule in rules.items()}
    inputs: list[dict[str, Any]] = []
    for param, rule in rules.items():
        if not isinstance(rule, dict):
            for value in _candidates(rule.kind):
                try:
                    inputs.append({**base, param: accept(method, param, value, rule)})
                except InvalidValueError:
                    continue
            continue
        full: dict[str, Any] = {}
        for key, key_rule in rule.items():
            for value in HOSTILE:
                try:
                    payload = accept_fields(method, param, {key: value}, {key: key_rule})
                except InvalidValueError:
                    continue
                inputs.append({**base, param: payload})
                full.setdefault(key, payload.get(key))
        inputs.append({**base, param: full})
    return inputs


def _accepted_by(value: Any, kind: type) -> bool:
    return isinstance(value, kind) and not isinstance(value, bool)


def read_inputs(params: tuple[tuple[str, str], ...], stored: list[str]) -> list[dict[str, Any]]:
    """Each hostile value of a parameter's type (str: also the stored group ids; int: also limits from 1 to every
    row; None when it may be None), the other parameters at their first value."""
    choices: dict[str, list[Any]] = {}
    for name, annotation in params:
        if annotation.startswith("str"):
            choices[name] = [*stored, *(v for v in HOSTILE if _accepted_by(v, str))]
        else:
            choices[name] = [1000, 1, 3, 50, *(v for v in HOSTILE if _accepted_by(v, int))]  # first: every row
        if annotation.endswith("| None"):
            choices[name].append(None)
    inputs = []
    for name, values in choices.items():
        for value in values:
            inputs.append({other: value if other == name else others[0] for other, others in choices.items()})
    return inputs


_GROUPS = ("g1", "g2", "")


def _hostile_row(table: Table, text: str, i: int, where_texts: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """A row of table holding text in each text column (as its type stores it), small ints elsewhere; odd rows
    hold the texts a where compares with."""
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key or column.info.get("internal"):
            continue
        sql_type = getattr(column.type, "impl_instance", column.type)  # our text types decorate String or Text
        if isinstance(sql_type, String):
            length = sql_type.length
            row[column.name] = text[:length] if length else text
        elif isinstance(sql_type, Boolean):
            row[column.name] = i % 2 == 0
        elif isinstance(sql_type, DateTime):
            row[column.name] = datetime.datetime(2024, 1, 2) + datetime.timedelta(seconds=i)
        else:
            row[column.name] = 1_700_000_000 + i // 3  # equal times: the tie-break decides the order
    if "group_id" in row:
        row["group_id"] = _GROUPS[i % len(_GROUPS)]
    if i % 2:
        row.update(where_texts)
    return row


def _seed(table: Table) -> list[dict[str, Any]]:
    """The hostile rows, with keys 1, 2, ... (an update's inputs name them)."""
    texts = [v for v in HOSTILE if _storable(v)]
    keys = [c.name for c in table.primary_key.columns]
    return [{**_hostile_row(table, text, i), **dict.fromkeys(keys, i + 1)} for i, text in enumerate(texts)]


def _storable(value: Any) -> bool:
    try:
        bind_text(value, None)
    except InvalidValueError:
        return False
    return isinstance(value, str)


async def assert_same_as_reference(queries: ModuleType, facade: str, path: FastPath, db: Any) -> None:
    """Both forms of path's method give the same outcomes and store the same rows (see the module docstring)."""
    fast_form = getattr(queries, path.method)
    reference = getattr(queries, f"{path.method}_reference")
    if path.access == "write":
        inputs = write_inputs(facade, path.method)
        assert len(inputs) > (len(_ID_LISTS) if path.seeded else len(HOSTILE)), inputs  # hostile values reached it
        seed = {name: _seed(_table(name)) for name in path.tables} if path.seeded else {}
        for args in inputs:
            calls = [args, args, inputs[-1]] if path.repeated else [args]
            now = time.time()
            fast_result = await _write_once(fast_form, db, calls, path.tables, seed, queries, now)
            reference_result = await _write_once(reference, db, calls, path.tables, seed, queries, now)
            assert fast_result == reference_result, (shown(args), _first_difference(fast_result, reference_result))
        return
    (name,) = path.tables
    table = _table(name)
    texts = (v for v in HOSTILE if _storable(v))
    rows = [_hostile_row(table, text, i, path.where_texts) for i, text in enumerate(texts)]
    async with db.transaction() as conn:
        await conn.execute(insert(table), rows)
    compared = 0
    for args in read_inputs(path.params, list(_GROUPS)):
        fast_outcome = await _outcome(fast_form, db, args)
        assert fast_outcome == await _outcome(reference, db, args), shown(args)
        compared += fast_outcome[0] == "returned" and bool(fast_outcome[1])
    assert compared > 0  # some reads returned rows
