"""Hostile values: what every field of every write method is given (tests/fidelity/test_input_policy.py) and what
the fast paths' contract tests (tests/fast_paths.py) give both forms of each fast path."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from typing import Any

MIB = "x" * (1 << 20)

# Every field is given each of these (test_every_field_takes_every_container_as_its_rule_says).
CONTAINERS: dict[str, Any] = {
    "dict": {"k": "v"},
    "list": ["a", 1],
    "set": {"a"},
    "bytes": b"bytes",
    "nested": {"a": [{"b": {"c": [1, "x\u00e9"]}}], "d": None},
    "nested_list": [[1, {"k": ["v"]}], []],
    "empty_dict": {},
}

HOSTILE: tuple[Any, ...] = (
    *CONTAINERS.values(),
    "\x00",
    "a\x00b",
    "\udc80",
    MIB,
    "'; DROP TABLE jargon; --",
    "%_\\",
    None,
    "",
    "   ",
    2**63,
    2**31,
    -(2**63) - 1,
    -1,
    0,
    1,
    1.5,
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    "false",
    "true",
    "abc",
    "3",
    " 7 ",
    {"n": math.nan},
    True,
    "2024-01-02T03:04:05",
    1_700_000_000_123,
    Decimal("2.5"),
    datetime.datetime(2024, 1, 2, 3, 4, 5),
    object(),
)
