"""Helpers the generated contract tests call: signatures against the spec and the plugin's reference."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from generated.manager import Facades, SQLAlchemyDatabaseManager

REFERENCE = Path(__file__).parent / "reference" / "manager_api.json"


def _norm(annotation: str) -> str:
    return re.sub(r"\s+", "", annotation)


def assert_handwritten_signature(fn: Callable[..., Any], params: list[tuple[str, str]], returns: str) -> None:
    """fn is async, takes db then exactly the declared keyword-only parameters, and returns the declared type."""
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
    """The manager method has the reference's parameter names, order and defaults."""
    ref = reference_methods()[name]
    method = getattr(SQLAlchemyDatabaseManager, name)
    params = list(inspect.signature(method).parameters.values())[1:]
    assert [p.name for p in params] == [p["name"] for p in ref["params"]], f"{name}: parameter names or order differ"
    for param, expected in zip(params, ref["params"], strict=True):
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
