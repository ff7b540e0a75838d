"""The input policy, driven from the facade specs: every field of every write method, hostile and random values.

For each case (one write method, one field: a parameter or one key of a dict parameter, one value) the manager
of every selected backend is called with valid values everywhere else. The Rule the spec declares for the field
(handwritten/runtime/values/policy.py) decides: refused -> InvalidValueError naming the method and the field, and
nothing stored; accepted -> no error, and text and numbers read back as the policy stores them. The outcome
(error field, return value, rows written, "now" and generated keys masked) is the same on every backend.
Containers (a dict, a list, a set, bytes, nested ones) are given to every field, not only to a random sample:
a body that slices, keys or normalizes a value it expected as text must get text or nothing.
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
import re
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sldb.codegen.pipeline import ROOT, project_of
from sldb.handwritten.runtime.contract.errors import InvalidValueError
from sldb.handwritten.runtime.schema.extras import maintained_by_database
from sldb.handwritten.runtime.values.policy import ID_RANGE, Rule, accept, decode_text, shown
from tests.backends import db_name
from tests.fixtures import BACKENDS, drop_database, settings_for
from tests.hostile import CONTAINERS, HOSTILE, MIB

DATABASE = db_name("sldb_policy")


@dataclass(frozen=True)
class Field:
    method: str
    param: str
    key: str | None  # a key of a dict parameter, or None for the parameter itself
    in_list: bool  # the dict parameter is a list of dicts (save_raw_messages)
    rule: Rule

    @property
    def path(self) -> str:
        """The field as InvalidValueError names it."""
        if self.key is None:
            return self.param
        return f"{self.param}[0].{self.key}" if self.in_list else f"{self.param}.{self.key}"


@dataclass(frozen=True)
class WriteMethod:
    name: str
    params: tuple[tuple[str, Any], ...]  # (name, Rule or dict of Rules), in spec order
    in_list: frozenset[str]
    optional: frozenset[str]  # the dict parameters whose default is None (another form of the call)


def _write_methods() -> tuple[WriteMethod, ...]:
    found = []
    for facade in project_of(ROOT / "schema").facades:
        module = importlib.import_module(f"sldb.generated.facades.{facade.module}")
        for method in facade.methods:
            if method.access != "write" or not method.params:
                continue
            params = tuple((p.name, getattr(module, f"_{method.name}_{p.name}".upper())) for p in method.params)
            lists = frozenset(p.name for p in method.params if p.annotation.startswith("list["))
            optional = frozenset(p.name for p in method.params if p.default == "None")
            found.append(WriteMethod(method.name, params, lists, optional))
    return tuple(found)


METHODS = _write_methods()
FIELDS = tuple(
    Field(m.name, name, key, name in m.in_list, rule)
    for m in METHODS
    for name, rules in m.params
    for key, rule in (rules.items() if isinstance(rules, dict) else [(None, rules)])
)


def _valid(rule: Rule) -> Any:
    """A value every rule of its kind accepts."""
    low, high = rule.low if rule.low is not None else 0, rule.high if rule.high is not None else 0
    return {
        "bool": True,
        "int": (low + high) // 2,
        "float": 0.5,
        "id": 1,
        "ids": [1],
        "time": 1_700_000_000,
        "text": "base",
        "json": {"k": 1},
        "bytes": b"b",
    }[rule.kind]


def _arguments(method: WriteMethod, field: Field, value: Any) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for name, rules in method.params:
        if isinstance(rules, dict):
            if field.param != name and name in method.optional:
                args[name] = None  # the call's other form (add_persona_learning_review's keywords)
                continue
            payload = {field.key: value} if field.param == name else {}
            args[name] = [payload] if name in method.in_list else payload
        else:
            args[name] = value if field.param == name else _valid(rules)
    return args


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _random(rule: Rule) -> st.SearchStrategy[Any]:
    """Random values of the rule's kind, and around its edges."""
    if rule.kind == "bool":
        return st.booleans() | st.sampled_from([0, 1, 2, "true", "false", "True", "yes"])
    if rule.kind in ("int", "id"):
        low, high = ID_RANGE if rule.kind == "id" else (rule.low or 0, rule.high or 0)
        return st.integers(low - 3, low + 3) | st.integers(high - 3, high + 3) | st.integers() | st.integers(-9, 9)
    if rule.kind == "ids":
        return st.lists(st.integers(-5, 2**64), max_size=3)
    if rule.kind == "float":
        return st.floats() | st.integers(-(2**70), 2**70) | st.floats().map(repr)
    if rule.kind == "time":
        return st.floats(-1e14, 1e14) | st.integers(-(2**45), 2**45) | st.datetimes().map(datetime.datetime.isoformat)
    if rule.kind == "text":
        limit = rule.max_chars
        edge = st.just("é" * (limit + 1)) | st.just("🙂" * limit) if limit else st.just(MIB)
        return st.text(max_size=40) | edge
    if rule.kind == "json":
        return _JSON
    return st.binary(max_size=8)


_CASES = st.sampled_from(FIELDS).flatmap(lambda f: st.tuples(st.just(f), st.sampled_from(HOSTILE) | _random(f.rule)))


@pytest.fixture(scope="module")
async def managers() -> AsyncIterator[dict[str, Any]]:
    """A manager per selected backend, each on a database of its own."""
    from sldb.generated.manager import SQLAlchemyDatabaseManager

    started: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sldb-policy-") as tmp:
        try:
            for backend in BACKENDS:
                await drop_database(backend, DATABASE)
                manager = SQLAlchemyDatabaseManager(settings_for(backend, Path(tmp), database=DATABASE))
                await manager.start()
                started[backend] = manager
            yield started
        finally:
            for manager in started.values():
                await manager.stop()
            for backend in started:
                await drop_database(backend, DATABASE)


def _tables() -> list[Any]:
    from sldb.generated.models import Base

    # Children first; the trigger-maintained counters last, since deleting counted rows writes to them.
    ordered = list(reversed(Base.metadata.sorted_tables))
    return [t for t in ordered if not maintained_by_database(t)] + [t for t in ordered if maintained_by_database(t)]


_MASKED_KEYS = ("id",)
_DIGITS = re.compile(r"[0-9]{10}")


def _masked(name: str, value: Any, now: float) -> Any:
    """value with what differs between backends and runs replaced: generated keys, the time of the call."""
    if isinstance(value, datetime.datetime):
        return "<datetime>"
    if isinstance(value, str) and len(value) < 100:
        # A name made from the time (a backup's default name).
        return _DIGITS.sub(lambda m: "<now>" if abs(int(m.group()) - now) <= 10 else m.group(), value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if name in _MASKED_KEYS or name.endswith("_id"):
        return "<id>"
    offset = value - now
    if -10 <= offset <= 876_000 * 3600 + 10 and min(offset % 1800, -offset % 1800) <= 10:
        return "<now>"  # now, or now plus whole half-hours (a mood's end, 0.5 being the valid float)
    return value


async def _filled(conn: Any) -> list[Any]:
    """The tables that hold rows, in _tables() order, from one statement (reading or emptying ~40 tables per
    case would make covering every field with every container slow)."""
    tables = _tables()
    counts = select(*(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables))
    found = (await conn.execute(counts)).one()
    return [table for table, rows in zip(tables, found, strict=True) if rows]


async def _rows(manager: Any, now: float) -> tuple[dict[str, list[str]], dict[str, list[Any]]]:
    """Every row of every table: masked, in a fixed order (to compare backends), and as read."""
    masked: dict[str, list[str]] = {}
    raw: dict[str, list[Any]] = {}
    async with manager.reading() as conn:
        for table in await _filled(conn):
            rows = [dict(r) for r in (await conn.execute(select(table))).mappings().all()]
            raw[table.name] = rows
            masked[table.name] = sorted(repr({k: _masked(k, v, now) for k, v in row.items()}) for row in rows)
    return masked, raw


async def _empty(manager: Any) -> None:
    async with manager.transaction() as conn:
        for table in await _filled(conn):
            await conn.execute(table.delete())


def _policy(field: Field, value: Any) -> tuple[bool, Any]:
    """(refused, the value the body receives) under the field's rule; a dict key given None is dropped."""
    if field.key is not None and value is None and not field.rule.nullable:
        return False, None
    try:
        return False, accept(field.method, field.path, value, field.rule)
    except InvalidValueError:
        return True, None


def _mood_lasts(hours: float, rows: dict[str, list[Any]]) -> bool:
    return any(
        math.isclose(r["end_time"] - r["start_time"], hours * 3600, abs_tol=1e-3) for r in rows.get("bot_mood", [])
    )


# Fields stored as something computed from them, and how that is checked.
DERIVED = {("save_bot_mood", "duration_hours"): _mood_lasts}


def _stored_somewhere(expected: Any, rows: dict[str, list[Any]]) -> bool:
    cells = [cell for table in rows.values() for row in table for cell in row.values()]
    for cell in cells:
        number = isinstance(cell, (int, float)) and not isinstance(cell, bool)
        if isinstance(expected, float) and number and math.isclose(cell, expected, rel_tol=1e-12, abs_tol=1e-300):
            return True
        if isinstance(expected, str) and isinstance(cell, str) and (cell == expected or _in_json(expected, cell)):
            return True
    return False


def _in_json(expected: str, cell: str) -> bool:
    try:
        decoded = json.loads(cell)
    except ValueError:
        return False
    stack = [decoded]
    while stack:
        item = stack.pop()
        if item == expected:
            return True
        if isinstance(item, dict):
            stack += list(item.values())
        elif isinstance(item, list):
            stack += item
    return False


async def _call(manager: Any, field: Field, value: Any) -> tuple[Any, dict[str, list[str]], dict[str, list[Any]]]:
    method = next(m for m in METHODS if m.name == field.method)
    await _empty(manager)
    now = time.time()
    try:
        result: Any = await getattr(manager, method.name)(**_arguments(method, field, value))
    except InvalidValueError as exc:
        result = ("refused", exc.method, exc.field)
    if isinstance(result, int) and not isinstance(result, bool) and result > 0:
        result = "<id>"
    elif isinstance(result, list):
        result = ["<id>" if isinstance(i, int) else i for i in result]
    return result, *await _rows(manager, now)


async def _same_outcome_as_the_policy(managers: dict[str, Any], field: Field, value: Any) -> None:
    """The field given value: refused naming it with nothing stored, or accepted and stored as the policy
    says; the same outcome on every backend."""
    refused, accepted = _policy(field, value)
    outcomes = {}
    for backend, manager in managers.items():
        result, rows, raw = await _call(manager, field, value)
        if refused:
            assert result == ("refused", field.method, field.path), (backend, field.path, shown(value), result)
            assert rows == {}, (backend, field.path, shown(value), "stored although refused")
        else:
            assert not (isinstance(result, tuple) and result[:1] == ("refused",)), (
                backend,
                field.path,
                shown(value),
                result,
            )
            wrote = bool(rows)
            probe = accepted if field.rule.kind in ("text", "float") else None
            derived = DERIVED.get((field.method, field.path))
            if wrote and derived is not None:
                assert derived(probe if probe is not None else accepted, raw), (backend, field.path, shown(value))
            elif wrote and isinstance(probe, (str, float)) and (not isinstance(probe, str) or probe.strip()):
                assert _stored_somewhere(decode_text(probe) if isinstance(probe, str) else probe, raw), (
                    backend,
                    field.path,
                    shown(value),
                )
        outcomes[backend] = (result, rows)
    first = next(iter(outcomes.values()))
    for backend, outcome in outcomes.items():
        assert outcome == first, (backend, field.path, shown(value), shown(outcome), shown(first))


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=_CASES)
async def test_every_field_is_stored_as_the_policy_says_or_refused_naming_it(
    managers: dict[str, Any], case: tuple[Field, Any]
) -> None:
    await _same_outcome_as_the_policy(managers, *case)


@pytest.mark.parametrize("container", list(CONTAINERS))
async def test_every_field_takes_every_container_as_its_rule_says(managers: dict[str, Any], container: str) -> None:
    """Every field of every write method, not a sample: no other error than InvalidValueError naming the field
    (the untyped TypeErrors of issue 22 came from bodies that sliced or normalized a dict given as text)."""
    failures = []
    for field in FIELDS:
        try:
            await _same_outcome_as_the_policy(managers, field, CONTAINERS[container])
        except Exception as exc:  # each field's failure is collected, so one run names them all
            failures.append(f"{field.method}: {field.path}: {type(exc).__name__}: {str(exc)[:300]}")
    assert failures == []


def test_every_write_field_is_covered() -> None:
    """The cases reach every write method; each field has a rule (the checker requires one)."""
    assert {m.name for m in METHODS} >= {"save_raw_message", "insert_jargon", "update_user_affection"}
    assert len(FIELDS) > 200
