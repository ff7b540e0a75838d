"""Conversions generated records use for values whose stored form differs from their record form."""

from __future__ import annotations

import datetime
from typing import Any


def iso_datetime(value: Any) -> str | None:
    """A DateTime column's value as ISO 8601 text (SQLite may hand back the stored text itself)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return str(value)


def stored_bool(value: Any) -> bool | None:
    """A Boolean column's value as a bool (SQLite and MySQL store 0 and 1)."""
    return None if value is None else bool(value)
