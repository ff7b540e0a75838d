"""Column types every generated model uses, so that one value means the same on every backend.

- float columns are DOUBLE everywhere: MySQL's FLOAT is 4 bytes and rounds a Unix time by ~100 s.
- text columns are LONGTEXT on MySQL/MariaDB: TEXT holds 64 KiB there, and chats send more.
- string and text columns take what callers give them and refuse what they cannot store, naming the field
  (see handwritten.runtime.values: escapes for NUL and lone surrogates, length and NOT NULL checks).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Double as _Double
from sqlalchemy import String, Text
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.values import policy as values


def unix_time() -> int:
    """Default of the columns that hold whole Unix seconds."""
    return int(time.time())


class Double(_Double[float]):
    """Double precision float on every backend, returned as a Python float."""

    def __init__(self) -> None:
        super().__init__(asdecimal=False)


class SafeString(TypeDecorator[str]):
    """VARCHAR(length) whose bound values go through values.bind_text; field names the column in errors."""

    impl = String
    cache_ok = True

    def __init__(self, length: int, field: str = "text", nullable: bool = True) -> None:
        super().__init__(length)
        # Attribute names match the arguments: SQLAlchemy builds the statement cache key from them.
        self.length = length
        self.field = field
        self.nullable = nullable

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return values.bind_text(value, self.length, field=self.field, nullable=self.nullable)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return values.read_text(value)


class LongText(TypeDecorator[str]):
    """TEXT, LONGTEXT on MySQL/MariaDB; a dict or list bound here is stored as its JSON."""

    impl = Text
    cache_ok = True

    def __init__(self, field: str = "text", nullable: bool = True) -> None:
        super().__init__()
        self.field = field
        self.nullable = nullable

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if is_mysql(dialect):
            return dialect.type_descriptor(mysql.LONGTEXT())
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return values.bind_text(value, None, field=self.field, nullable=self.nullable)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return values.read_text(value)
