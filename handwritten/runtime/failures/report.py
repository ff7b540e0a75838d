"""What a generated facade does with a database failure: log it with its arguments, or raise it typed.

A value our column types refused is raised to the caller as it is, never logged away as a silent 0.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError, StatementError

from sldb.handwritten.runtime.contract.errors import DataLayerError, InvalidValueError
from sldb.handwritten.runtime.contract.logs import layer_logger
from sldb.handwritten.runtime.failures.classify import FailureClass, cause_text, classify, typed_error

log = layer_logger("facades")
PREVIEW_CHARS = 200


def _preview(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= PREVIEW_CHARS else f"{text[:PREVIEW_CHARS]}... ({len(text)} chars)"


def raise_refused_value(exc: SQLAlchemyError) -> None:
    """Re-raise a value our column types refused (SQLAlchemy wraps it in StatementError): the caller's error."""
    if isinstance(exc, StatementError) and isinstance(exc.orig, InvalidValueError):  # classify: VALUE_REFUSED
        raise exc.orig from None


def log_failure(method: str, exc: SQLAlchemyError, **context: Any) -> None:
    """One ERROR line naming the method, the failure class, the cause and the arguments (shortened).

    A value refused by a column type is raised instead: bad input is never logged away as a silent 0.
    """
    raise_refused_value(exc)
    args = ", ".join(f"{k}={_preview(v)}" for k, v in context.items())
    log.error("%s failed (%s: %s); arguments: %s", method, classify(exc).value, cause_text(exc), args)


def translate(method: str, exc: SQLAlchemyError) -> DataLayerError:
    """The typed error raised for a database failure in method (a value our types refused is raised as it is)."""
    raise_refused_value(exc)
    failure = classify(exc)
    if failure is FailureClass.UNAVAILABLE:
        return typed_error(failure, f"{method}: the database is unavailable ({cause_text(exc)})")
    return typed_error(failure, f"{method}: {cause_text(exc)}")
