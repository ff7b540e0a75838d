"""JSON kept in TEXT columns: written with ensure_ascii=False, read back leniently."""

from __future__ import annotations

import json
from typing import Any, TypeVar

T = TypeVar("T")


def dumps(value: Any) -> str:
    """value as JSON text; a str is taken to be JSON text already and stored as given."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def loads_or(text: str | None, empty: T) -> Any | T:
    """The decoded JSON of text; empty when text is None or blank; text itself when it is not JSON."""
    if text is None or not text.strip():
        return empty
    try:
        return json.loads(text)
    except ValueError:
        return text


def loads_as(text: str | None, empty: T) -> T:
    """The decoded JSON of text when it has empty's type (a dict for {}, a list for []); empty otherwise."""
    value = loads_or(text, empty)
    return value if isinstance(value, type(empty)) else empty
