"""How values from callers become column values: one policy for every backend.

Decided here (and documented in the README, "Data fidelity"):
- text is stored as given, with two characters no database can store as text written as an escape that is
  read back exactly: NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8; bytes decoded with
  surrogateescape carry them). The escape is the private-use code point U+10FFFD followed by "0" (NUL),
  "sXXXX" (surrogate U+XXXX) or "e" (U+10FFFD itself), so every string round-trips on every backend;
- text longer than its column (VARCHAR(n), counted in characters as every backend counts) is refused with
  InvalidValueError naming the field: SQLite would keep it, PostgreSQL and MySQL would refuse or truncate it;
- None for a column that is NOT NULL is refused with InvalidValueError naming the field;
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
import re
from decimal import Decimal
from typing import Any, overload

from handwritten.runtime.errors import InvalidValueError

# Epoch values at or above this are milliseconds (as seconds they would be past the year 5000).
MILLISECONDS_FROM = 100_000_000_000


# Text no database stores: NUL, lone surrogates, and the escape character itself (so that decoding is exact).
ESCAPE = "\U0010fffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff\U0010fffd]")
_ESCAPED = re.compile("\U0010fffd(0|e|s[0-9a-f]{4})")


def _escape(char: re.Match[str]) -> str:
    code = ord(char.group())
    if code == 0:
        return ESCAPE + "0"
    if code == ord(ESCAPE):
        return ESCAPE + "e"
    return f"{ESCAPE}s{code:04x}"


def _unescape(sequence: re.Match[str]) -> str:
    code = sequence.group(1)
    if code == "0":
        return "\x00"
    if code == "e":
        return ESCAPE
    return chr(int(code[1:], 16))


def encode_text(text: str) -> str:
    """text with NUL, lone surrogates and ESCAPE written as escapes (unchanged when it has none)."""
    if text.isascii() and "\x00" not in text:
        return text
    return _UNSTORABLE.sub(_escape, text) if _UNSTORABLE.search(text) else text


def decode_text(text: str) -> str:
    """The text encode_text was given."""
    return _ESCAPED.sub(_unescape, text) if ESCAPE in text else text


def as_text(value: Any) -> str:
    """The text a caller's value stands for (ids arrive as ints, JSON fields as dicts or lists)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="surrogateescape")
    return str(value)


def bind_text(value: Any, max_chars: int | None, *, field: str = "text", nullable: bool = True) -> str | None:
    """The text stored for value in a string (max_chars) or text (None) column; InvalidValueError when it cannot be."""
    if value is None:
        if not nullable:
            raise InvalidValueError(field, "is required (NOT NULL) and None was given")
        return None
    stored = encode_text(as_text(value))
    if max_chars is not None and len(stored) > max_chars:
        raise InvalidValueError(field, f"is {len(stored)} characters long; the column holds at most {max_chars}")
    return stored


def read_text(value: Any) -> str | None:
    """The text returned for a stored value."""
    if value is None:
        return None
    return decode_text(value if isinstance(value, str) else str(value))


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
