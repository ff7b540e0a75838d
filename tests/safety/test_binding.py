"""Every query built from values binds them as parameters.

Every domain method of the manager is called with a marked text for each text argument (and for every text
field of each record it takes); the marked text holds quotes, a semicolon and an injection. Every statement
sent to the database is captured: the mark is never in the SQL text, only in the bound parameters.
"""

from __future__ import annotations

import inspect
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import String, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeEngine

from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.generated.models import Base
from sldb.handwritten.runtime.contract.errors import DataLayerError
from sldb.handwritten.runtime.lifecycle.manager_runtime import ManagerRuntime

MARK = "zq7x"
MARKED = f"{MARK}'\";--\\{MARK}"  # quotes, a semicolon, a comment, a backslash; short enough for every column


def _is_text(column_type: TypeEngine[Any]) -> bool:
    stored_as = getattr(column_type, "impl_instance", column_type)  # a TypeDecorator's underlying type
    return isinstance(stored_as, String)


def _text_fields() -> dict[str, str]:
    """Every column name that is text in every table having it, mapped to the marked text."""
    text_names: set[str] = set()
    other_names: set[str] = set()
    for table in Base.metadata.tables.values():
        for column in table.columns:
            (text_names if _is_text(column.type) else other_names).add(column.name)
    return dict.fromkeys(sorted(text_names - other_names), MARKED)


TEXT_RECORD = _text_fields()


def _value_for(annotation: Any) -> Any:
    if annotation is str:
        return MARKED
    if annotation is bool:
        return True
    if annotation is int:
        return 1
    if annotation is float:
        return 1.0
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return _value_for(next(a for a in get_args(annotation) if a is not type(None)))
    if origin is list:
        return [_value_for(get_args(annotation)[0])]
    return dict(TEXT_RECORD)  # dict[str, Any], Any: a record with every text field marked


def _takes_text(annotation: Any) -> bool:
    """Whether an argument of this type carries text: a str, a record (dict, Any), or a list of them."""
    if get_origin(annotation) in (Union, types.UnionType, list):
        return any(_takes_text(a) for a in get_args(annotation))
    return annotation is str or annotation is Any or get_origin(annotation) is dict


def domain_methods() -> list[str]:
    runtime = set(dir(ManagerRuntime))
    return sorted(
        name
        for name, member in vars(SQLAlchemyDatabaseManager).items()
        if inspect.iscoroutinefunction(member) and not name.startswith("_") and name not in runtime
    )


async def test_values_are_bound_never_written_into_sql(manager: SQLAlchemyDatabaseManager) -> None:
    statements: list[tuple[str, str]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, repr(parameters)))

    methods = domain_methods()
    assert len(methods) > 100  # the plugin's whole surface, not a sample
    ran: list[str] = []
    marked: list[str] = []  # methods that sent the marked text as a parameter
    takes_text: list[str] = []
    refused: dict[str, str] = {}
    event.listen(Engine, "before_cursor_execute", capture)
    try:
        for name in methods:
            method = getattr(manager, name)
            hints = get_type_hints(method)
            arguments = {
                p.name: _value_for(hints.get(p.name, Any))
                for p in inspect.signature(method).parameters.values()
                if p.default is inspect.Parameter.empty or _takes_text(hints.get(p.name))
            }
            if any(_takes_text(hints.get(a)) for a in arguments):
                takes_text.append(name)
            before = len(statements)
            try:
                await method(**arguments)
            except DataLayerError as exc:  # a marked text where a number or time belongs: refused, fine
                refused[name] = str(exc)
            if len(statements) > before:
                ran.append(name)
            if any(MARK in parameters for _, parameters in statements[before:]):
                marked.append(name)
    finally:
        event.remove(Engine, "before_cursor_execute", capture)

    in_sql = [statement for statement, _ in statements if MARK in statement]
    assert in_sql == []
    assert len(ran) > len(methods) * 0.9, sorted(set(methods) - set(ran))
    # the text reached the database (as parameters) from nearly every method taking text; the few others
    # only touch a row by id, which does not exist here, or refused the marked text as an id
    silent = set(takes_text) - set(marked) - set(refused)
    assert len(silent) < len(takes_text) * 0.05, sorted(silent)
    async with manager.transaction() as conn:  # the injection never ran
        assert (await conn.execute(text("SELECT COUNT(*) FROM raw_messages"))).scalar() is not None


@pytest.mark.parametrize("method", ["search_jargon", "get_recent_raw_messages", "get_jargon"])
async def test_marked_text_is_stored_and_found_as_itself(manager: SQLAlchemyDatabaseManager, method: str) -> None:
    group = MARKED
    assert await manager.save_raw_message({"message": MARKED, "group_id": group, "sender_id": MARKED}) > 0
    jargon_id = await manager.insert_jargon({"chat_id": group, "content": MARKED, "meaning": MARKED})
    assert jargon_id
    if method == "search_jargon":
        found = await manager.search_jargon(MARKED, chat_id=group)
        assert [j["content"] for j in found] == [MARKED]
    elif method == "get_recent_raw_messages":
        rows = await manager.get_recent_raw_messages(group)
        assert [(r["message"], r["sender_id"]) for r in rows] == [(MARKED, MARKED)]
    else:
        jargon = await manager.get_jargon(group, MARKED)
        assert jargon is not None and jargon["meaning"] == MARKED
