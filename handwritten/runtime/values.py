"""How values from callers become column values: one policy for every backend.

Decided here (and documented in the README, "Data fidelity"):
- an int, float or bool given for a string column is stored as its text (ids arrive as ints);
- a dict or list given for a text column is stored as its JSON (ensure_ascii=False);
- other values are stored as str(value).
"""

from __future__ import annotations

import json
from typing import Any


def bind_text(value: Any, max_chars: int | None) -> str | None:
    """The text stored for value in a string (max_chars) or text (None) column."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, bytes):
        text = value.decode("utf-8", errors="surrogateescape")
    else:
        text = str(value)
    return text


def read_text(value: Any) -> str | None:
    """The text returned for a stored value."""
    if value is None or isinstance(value, str):
        return value
    return str(value)
