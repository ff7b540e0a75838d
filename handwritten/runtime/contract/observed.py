"""The one rule for statements the layer could run past SQLAlchemy (the generated fast paths, see
queries/driver_sql.py): when anyone watches the connection's statements, they go through SQLAlchemy's execution."""

from __future__ import annotations

from sqlalchemy.engine import Connection, Engine


def statements_observed(conn: Connection | Engine) -> bool:
    """Whether anyone watches the statements of conn (a connection, or every connection of an engine): a `before/after_cursor_execute` listener (tests, tracing
    tools) or echo, so that every observer sees every statement."""
    dispatch = conn.dispatch
    return bool(dispatch.before_cursor_execute or dispatch.after_cursor_execute or conn.engine.echo)
