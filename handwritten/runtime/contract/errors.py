"""The few error types the data layer raises; driver errors are mapped to these in one place (failures.py).

No message of these errors carries a password: text that may hold a URL goes through mask_passwords.
"""

from __future__ import annotations

import re

_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def mask_passwords(text: str) -> str:
    """text with the password of any URL in it replaced by ***."""
    return _PASSWORD_IN_URL.sub(r"\1***@", text)


class DataLayerError(Exception):
    """Base of every error this data layer raises on purpose."""


class DatabaseNotReadyError(DataLayerError):
    """A method was called before start() or after stop()."""

    def __init__(self, method: str) -> None:
        super().__init__(f"the database is not started: call start() before {method}()")
        self.method = method


class InvalidValueError(DataLayerError, ValueError):
    """A value given for a field cannot be stored as given; names the field (and the method, when known)."""

    def __init__(self, field: str, problem: str, *, method: str | None = None) -> None:
        super().__init__(f"{method}: {field}: {problem}" if method else f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.method = method


class SettingsError(DataLayerError, ValueError):
    """A database setting is invalid; names the field and what it accepts."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"Database_Settings.{field}: {problem}")
        self.field = field


class DatabaseUnavailableError(DataLayerError):
    """The database server cannot be reached or was lost; names host and port, never the password."""


class DatabaseOperationError(DataLayerError):
    """The database refused or failed a statement; the message names the method and the cause.

    The subclasses say why, for callers that act on it (failures.classify gives the same answer).
    """


class LoginRefusedError(DatabaseOperationError):
    """The server refused the login: wrong password, unknown user, or this host may not log in."""


class PermissionDeniedError(DatabaseOperationError):
    """The user is logged in but may not do this (create the database, use it, write to it)."""


class SchemaBehindError(PermissionDeniedError):
    """The schema is behind the models and this role may not change it: start-up stops at once.

    The message names the privilege missing and the command an owner role runs (`sldb migrate`); privilege and
    steps (the DDL the schema lacks, as `sldb migrate --dry-run` lists it) say the same to a caller.
    """

    def __init__(self, message: str, *, privilege: str, steps: tuple[str, ...]) -> None:
        super().__init__(message)
        self.privilege = privilege
        self.steps = steps


class UnknownDatabaseError(DatabaseOperationError):
    """The database (PostgreSQL: or schema; SQLite: the file) does not exist or cannot be opened."""


class AlreadyExistsError(DatabaseOperationError):
    """A CREATE found the database, schema, table, index or column already there."""


class DuplicateKeyError(DatabaseOperationError):
    """A row with the same primary or unique key is already stored."""


class RetryableConflictError(DatabaseOperationError):
    """The statement lost a conflict with another transaction (deadlock, serialization failure, lock wait
    timeout, SQLite busy) and was rolled back; running the transaction again may succeed."""


class ValueRefusedError(DatabaseOperationError, ValueError):
    """The server refused a value: out of range, too long, not of the column's type, NULL or failing a CHECK."""
