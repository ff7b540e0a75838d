"""What happens when the database fails during a call: logged with context, or raised as a typed error.

Log lines carry the method, the error type and message, and a short preview of each argument; they never
carry a URL or password (driver messages do not include them).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from handwritten.runtime.errors import DatabaseUnavailableError, DataLayerError

log = logging.getLogger("sldb.facades")
PREVIEW_CHARS = 200


class DatabaseOperationError(DataLayerError):
    """The database refused or failed a statement; the message names the method and the cause."""


def _preview(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= PREVIEW_CHARS else f"{text[:PREVIEW_CHARS]}... ({len(text)} chars)"


def log_failure(method: str, exc: SQLAlchemyError, **context: Any) -> None:
    """One ERROR line naming the method, the cause and the arguments (shortened)."""
    args = ", ".join(f"{k}={_preview(v)}" for k, v in context.items())
    log.error("%s failed (%s: %s); arguments: %s", method, type(exc).__name__, _cause(exc), args)


def _cause(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0][:500] if str(orig or exc) else type(exc).__name__


def translate(method: str, exc: SQLAlchemyError) -> DataLayerError:
    """The typed error raised for a database failure in method."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return DatabaseUnavailableError(f"{method}: the database connection was lost ({_cause(exc)})")
    return DatabaseOperationError(f"{method}: {type(exc).__name__}: {_cause(exc)}")
