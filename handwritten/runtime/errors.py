"""The few error types the data layer raises; driver errors are mapped to these in one place."""

from __future__ import annotations


class DataLayerError(Exception):
    """Base of every error this data layer raises on purpose."""


class DatabaseNotReadyError(DataLayerError):
    """A method was called before start() or after stop()."""

    def __init__(self, method: str) -> None:
        super().__init__(f"the database is not started: call start() before {method}()")
        self.method = method


class InvalidValueError(DataLayerError, ValueError):
    """A value given for a field cannot be stored as given; names the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class SettingsError(DataLayerError, ValueError):
    """A database setting is invalid; names the field and what it accepts."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"Database_Settings.{field}: {problem}")
        self.field = field


class DatabaseUnavailableError(DataLayerError):
    """The database server cannot be reached; names host and port, never the password."""
