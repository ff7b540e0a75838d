"""What happens when the database fails during a call: logged with context, or raised as a typed error.

Log lines carry the method, the error type and message, and a short preview of each argument; they never
carry a URL or password (driver messages do not include them).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import DBAPIError, SQLAlchemyError, StatementError

from handwritten.runtime.errors import DatabaseUnavailableError, DataLayerError

log = logging.getLogger("sldb.facades")
PREVIEW_CHARS = 200


class DatabaseOperationError(DataLayerError):
    """The database refused or failed a statement; the message names the method and the cause."""


def _preview(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= PREVIEW_CHARS else f"{text[:PREVIEW_CHARS]}... ({len(text)} chars)"


def raise_refused_value(exc: SQLAlchemyError) -> None:
    """Re-raise a value our column types refused (SQLAlchemy wraps it in StatementError): the caller's error."""
    if isinstance(exc, StatementError) and isinstance(exc.orig, DataLayerError):
        raise exc.orig from None


def log_failure(method: str, exc: SQLAlchemyError, **context: Any) -> None:
    """One ERROR line naming the method, the cause and the arguments (shortened).

    A value refused by a column type is raised instead: bad input is never logged away as a silent 0.
    """
    raise_refused_value(exc)
    args = ", ".join(f"{k}={_preview(v)}" for k, v in context.items())
    log.error("%s failed (%s: %s); arguments: %s", method, type(exc).__name__, _cause(exc), args)


def _cause(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0][:500] if str(orig or exc) else type(exc).__name__


# Driver codes that mean "the server cannot be reached or went away", not "the statement failed":
# PostgreSQL SQLSTATE class 08 (connection exception) and 57P01-57P03 (shut down, crashed, starting up);
# MySQL/MariaDB client errors 2002/2003 (cannot connect), 2006/2013 (gone away, lost), 1053 (shutting down).
_PG_UNAVAILABLE_STATES = ("08", "57P01", "57P02", "57P03")
_MYSQL_UNAVAILABLE_CODES = frozenset({1053, 2002, 2003, 2006, 2013})


def is_unavailable(exc: SQLAlchemyError) -> bool:
    """Whether exc means the database could not be reached (or was lost), rather than refusing a statement."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    cause: BaseException | None = exc.orig
    while cause is not None:
        if isinstance(cause, OSError):
            return True
        state = getattr(cause, "sqlstate", None)
        if isinstance(state, str) and state.startswith(_PG_UNAVAILABLE_STATES):
            return True
        code = cause.args[0] if cause.args else None
        if isinstance(code, int) and code in _MYSQL_UNAVAILABLE_CODES:
            return True
        cause = cause.__cause__
    return False


def translate(method: str, exc: SQLAlchemyError) -> DataLayerError:
    """The typed error raised for a database failure in method (a refused value is raised as it is)."""
    raise_refused_value(exc)
    if is_unavailable(exc):
        return DatabaseUnavailableError(f"{method}: the database is unavailable ({_cause(exc)})")
    return DatabaseOperationError(f"{method}: {type(exc).__name__}: {_cause(exc)}")
