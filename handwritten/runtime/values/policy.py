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
- a time may be an int, float, Decimal, numeric or ISO 8601 text, a datetime, or epoch milliseconds; a
  date-time without an offset is host-local time (epoch_seconds, which `sldb purge` uses too);
- a number may be an int, float, Decimal or numeric text; -0.0 is taken as 0.0 (only PostgreSQL keeps the sign);
- a time or number that cannot be read is refused with InvalidValueError naming the field (never replaced
  by "now" or NULL: that would store something other than what was given).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from sldb.handwritten.runtime.contract.errors import InvalidValueError

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
    """value as Unix seconds; default when it is None or blank; InvalidValueError when it is no time.

    The one reading of a time, for the facades and `sldb purge --before/--after`: a date-time without an offset
    (ISO text or a naive datetime) is host-local time. The plugin makes such values with datetime.now() and
    .isoformat(), in host-local time, and this is their exact inverse (datetime.timestamp()), so a drop-in stores
    the instant the plugin meant; reading them as UTC would move every one by the host's offset. Text with an
    offset (Z, +08:00) is that instant everywhere.
    """
    if _blank(value):
        return default
    if isinstance(value, bool) or not isinstance(value, (datetime.datetime, str, int, float, Decimal)):
        raise InvalidValueError(field, f"{value!r} is not a time (epoch seconds or ISO 8601)")
    try:
        if isinstance(value, datetime.datetime):
            seconds = value.timestamp()
        elif isinstance(value, str):
            text = value.strip()
            try:
                seconds = float(text)
            except ValueError:
                seconds = datetime.datetime.fromisoformat(text).timestamp()
        else:
            seconds = float(value)
    except (ValueError, OverflowError):
        # Not ISO 8601, or a local time next to the years 1 and 9999 that has no Unix time.
        raise InvalidValueError(field, f"{value!r} is not a time (epoch seconds or ISO 8601)") from None
    if not math.isfinite(seconds):
        raise InvalidValueError(field, f"{value!r} is not a finite time")
    return _without_negative_zero(seconds / 1000 if abs(seconds) >= MILLISECONDS_FROM else seconds)


def _without_negative_zero(value: float) -> float:
    """-0.0 as 0.0: PostgreSQL keeps a negative zero, SQLite and MariaDB store 0, so a read would differ."""
    return value + 0.0


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


# ---------------------------------------------------------------- the input policy of the facade specs
# Every parameter of a write method (and every id) declares what it accepts in its facade spec (`accepts:`);
# the generated facade calls accept() / accept_payload() with the Rule the generator computed from it, before
# the hand-written body runs. A value outside the rule raises InvalidValueError naming the method and field.

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
# Every table's key is an INTEGER column: an id outside its range names no row on any backend, and PostgreSQL
# refuses to bind one, so it is refused as malformed.
ID_RANGE = INT32
# The times every backend stores: datetime's years 1..9999, as Unix seconds.
TIME_RANGE = (-62135596800.0, 253402300799.0)
_TRUE_TEXT = {"true": True, "false": False}


@dataclass(frozen=True)
class Rule:
    """What one value may be; kind is one of bool, int, float, id, ids, time, text, json, bytes."""

    kind: str
    low: int | None = None
    high: int | None = None
    clamp: bool = False
    max_chars: int | None = None
    nullable: bool = False


def _accept_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value in _TRUE_TEXT:
        return _TRUE_TEXT[value]
    raise ValueError("must be True, False, 0, 1, 'true' or 'false'")


def _accept_whole(value: Any, low: int, high: int, clamp: bool) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise ValueError("must be a whole number")
    if isinstance(value, int):
        result = value
    else:
        try:
            exact = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
        except ArithmeticError:
            raise ValueError("must be a whole number") from None
        if not exact.is_finite() or exact != exact.to_integral_value():
            raise ValueError("must be a whole number")
        result = int(exact)
    if low <= result <= high:
        return result
    if clamp:
        return max(low, min(high, result))
    raise ValueError(f"must be between {low} and {high}")


def _accept_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise ValueError("must be a finite number")
    try:
        result = float(value.strip() if isinstance(value, str) else value)
    except (ValueError, OverflowError):
        raise ValueError("must be a finite number") from None
    if not math.isfinite(result):
        raise ValueError("must be a finite number")
    return _without_negative_zero(result)


def _accept_time(value: Any) -> float:
    if isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        raise ValueError("is not a time (epoch seconds or milliseconds, ISO 8601 text or a datetime)")
    try:
        seconds = epoch_seconds(value, field="")
    except (InvalidValueError, OverflowError, ValueError):
        raise ValueError("is not a time (epoch seconds or milliseconds, ISO 8601 text or a datetime)") from None
    if seconds is None or not TIME_RANGE[0] <= seconds <= TIME_RANGE[1]:
        raise ValueError("is not a time between the years 1 and 9999")
    return seconds


def _accept_text(value: Any, max_chars: int | None) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, (dict, list)):
        text = _accept_json(value)
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("must be text, not a non-finite number")
        text = str(value)
    else:
        raise ValueError(f"must be text (or a dict or list, stored as JSON), not {type(value).__name__}")
    stored = len(encode_text(text)) if max_chars is not None else 0
    if max_chars is not None and stored > max_chars:
        raise ValueError(f"is {stored} characters long as stored; the column holds at most {max_chars}")
    return text


def _accept_json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError("must be a value JSON can hold (finite numbers, str keys)") from None


def _check(rule: Rule, value: Any) -> Any:
    kind = rule.kind
    if kind == "bool":
        return _accept_bool(value)
    if kind in ("int", "id"):
        low, high = ID_RANGE if kind == "id" else (rule.low, rule.high)
        return _accept_whole(
            value, low if low is not None else INT32[0], high if high is not None else INT32[1], rule.clamp
        )
    if kind == "ids":
        if not isinstance(value, (list, tuple)):
            raise ValueError("must be a list of ids")
        return [_accept_whole(item, *ID_RANGE, False) for item in value]
    if kind == "float":
        result = _accept_float(value)
        if (rule.low is not None and result < rule.low) or (rule.high is not None and result > rule.high):
            raise ValueError(f"must be between {rule.low} and {rule.high}")
        return result
    if kind == "time":
        _accept_time(value)
        return value
    if kind == "text":
        # The text itself, a dict or list as its JSON: bodies slice, key and normalize text fields (issue 22),
        # and the column would store this JSON anyway.
        return _accept_text(value, rule.max_chars)
    if kind == "json":
        _accept_json(value)
        return value
    if kind == "bytes":
        if not isinstance(value, (bytes, bytearray, memoryview)):
            raise ValueError("must be bytes")
        return bytes(value)
    raise AssertionError(f"unknown rule kind {kind!r}")


def accept(method: str, field: str, value: Any, rule: Rule) -> Any:
    """value as the rule reads it (a bool, an int, a float; text as a str, a dict or list as its JSON; times and
    JSON as given once checked); InvalidValueError naming method and field when the rule refuses it."""
    if value is None:
        if rule.nullable:
            return None
        raise InvalidValueError(field, "is required and None was given", method=method)
    try:
        return _check(rule, value)
    except ValueError as exc:
        raise InvalidValueError(field, f"{exc} (given {shown(value)})", method=method) from None


def accept_payload(method: str, param: str, value: Any, rules: Mapping[str, Rule], *, nullable: bool = False) -> Any:
    """A copy of the dict value with each key the rules name accepted; a key given None without '?' is
    dropped (it counts as absent, so the method's default applies); other keys pass as given."""
    if value is None and nullable:
        return None
    if not isinstance(value, Mapping):
        raise InvalidValueError(param, f"must be a dict, not {type(value).__name__}", method=method)
    out: dict[str, Any] = {}
    for key, item in value.items():
        rule = rules.get(key)
        if rule is None:
            out[key] = item
        elif item is None and not rule.nullable:
            continue
        else:
            out[key] = accept(method, f"{param}.{key}", item, rule)
    return out


def accept_fields(method: str, param: str, value: Any, rules: Mapping[str, Rule], *, nullable: bool = False) -> Any:
    """accept_payload for a value that may also be an object with attributes (the plugin's message objects)."""
    if value is not None and not isinstance(value, Mapping) and hasattr(value, "__dict__"):
        value = dict(vars(value))
    return accept_payload(method, param, value, rules, nullable=nullable)


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def accept_each(method: str, param: str, value: Any, rules: Mapping[str, Rule]) -> Any:
    """accept_payload for each dict of a list (the messages of save_raw_messages), naming the item's index."""
    if not isinstance(value, (list, tuple)):
        raise InvalidValueError(param, f"must be a list of dicts, not {type(value).__name__}", method=method)
    return [accept_fields(method, f"{param}[{i}]", item, rules) for i, item in enumerate(value)]
