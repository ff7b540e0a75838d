"""How values from callers become column values: one policy for every backend.

Decided here (and documented in the README, "Data fidelity"):
- an int, float or bool given for a string column is stored as its text (ids arrive as ints);
- a dict or list given for a text column is stored as its JSON (ensure_ascii=False);
- other values are stored as str(value);
- a time may be an int, float, Decimal, numeric or ISO 8601 text, a datetime, or epoch milliseconds;
- a number may be an int, float, Decimal or numeric text;
- a time or number that cannot be read is refused with InvalidValueError naming the field (never replaced
  by "now" or NULL: that would store something other than what was given).
"""

from __future__ import annotations

import datetime
import json
import math
from decimal import Decimal
from typing import Any, overload

from handwritten.runtime.errors import InvalidValueError

# Epoch values at or above this are milliseconds (as seconds they would be past the year 5000).
MILLISECONDS_FROM = 100_000_000_000


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


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@overload
def epoch_seconds(value: Any, *, field: str, default: float) -> float: ...
@overload
def epoch_seconds(value: Any, *, field: str, default: None = None) -> float | None: ...
def epoch_seconds(value: Any, *, field: str, default: float | None = None) -> float | None:
    """value as Unix seconds; default when it is None or blank; InvalidValueError when it is no time."""
    if _blank(value):
        return default
    if isinstance(value, datetime.datetime):
        seconds = value.timestamp()
    elif isinstance(value, str):
        text = value.strip()
        try:
            seconds = float(text)
        except ValueError:
            try:
                seconds = datetime.datetime.fromisoformat(text).timestamp()
            except ValueError:
                raise InvalidValueError(field, f"{value!r} is not a time (epoch seconds or ISO 8601)") from None
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise InvalidValueError(field, f"{value!r} is not a time (epoch seconds or ISO 8601)")
    if not math.isfinite(seconds):
        raise InvalidValueError(field, f"{value!r} is not a finite time")
    return seconds / 1000 if abs(seconds) >= MILLISECONDS_FROM else seconds


def whole_seconds(value: Any, *, field: str, default: int) -> int:
    """value as whole Unix seconds (see epoch_seconds); default when it is None or blank."""
    return int(epoch_seconds(value, field=field, default=float(default)))


@overload
def number(value: Any, *, field: str, default: float) -> float: ...
@overload
def number(value: Any, *, field: str, default: None = None) -> float | None: ...
def number(value: Any, *, field: str, default: float | None = None) -> float | None:
    """value as a float; default when it is None or blank; InvalidValueError when it is no finite number."""
    if _blank(value):
        return default
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise InvalidValueError(field, f"must be a number, not {value!r}") from None
    if not math.isfinite(result):
        raise InvalidValueError(field, f"must be a finite number, not {value!r}")
    return result


@overload
def whole_number(value: Any, *, field: str, default: int) -> int: ...
@overload
def whole_number(value: Any, *, field: str, default: None = None) -> int | None: ...
def whole_number(value: Any, *, field: str, default: int | None = None) -> int | None:
    """value as an int (numeric text allowed); default when it is None or blank; InvalidValueError otherwise."""
    if _blank(value):
        return default
    if isinstance(value, int):
        return value
    try:
        result = Decimal(str(value).strip())
    except ArithmeticError:
        raise InvalidValueError(field, f"must be a whole number, not {value!r}") from None
    if not result.is_finite() or result != result.to_integral_value():
        raise InvalidValueError(field, f"must be a whole number, not {value!r}")
    return int(result)
