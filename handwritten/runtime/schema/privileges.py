"""When the schema is behind and the role starting may not change it: the privilege the refused step needs and
the error that says so, with the command an owner role runs (`sldb migrate`).

Start-up fails fast rather than serving a schema older than the models: a missing column or table would fail
the plugin's queries one by one later, far from the cause.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncConnection

from sldb.handwritten.runtime.backends.identity import is_mysql
from sldb.handwritten.runtime.contract.errors import SchemaBehindError
from sldb.handwritten.runtime.schema.diff import Operation, OpKind

# The privilege each step needs on MySQL/MariaDB (on the database, `GRANT ... ON db.*`).
_MYSQL = {
    OpKind.CONVERT_DATABASE: "ALTER",
    OpKind.CONVERT_TABLE: "ALTER",
    OpKind.CREATE_TABLE: "CREATE",
    OpKind.ADD_COLUMN: "ALTER",
    OpKind.WIDEN_COLUMN: "ALTER",
    OpKind.BEFORE_CREATE: "INDEX",
    OpKind.CREATE_INDEX: "INDEX",
}
_TABLES_OWN_STEP = "the privilege its tables' own step names (below)"


def privilege_for(step: Operation | None, dialect: str, schema: str | None) -> str:
    """The privilege step needs; step None: a step the tables register to run after the migration."""
    if step is None:
        return _TABLES_OWN_STEP
    if is_mysql(dialect):
        return _MYSQL.get(step.kind, "ALTER")
    if step.kind is OpKind.CREATE_TABLE:
        return f"CREATE on schema {schema or 'public'}"
    # ALTER TABLE and CREATE INDEX are the table owner's alone on PostgreSQL.
    return f"ownership of table {step.table}"


def migrate_command(url: URL, schema: str | None) -> str:
    """`sldb migrate --url ...` for the database url points at (PostgreSQL: and schema), with an owner role's
    name to fill in."""
    backend = "mysql" if is_mysql(url.get_backend_name()) else url.get_backend_name()
    hosts = url.query.get("host")
    where = ",".join(hosts) if isinstance(hosts, tuple) else f"{url.host}:{url.port or ''}".rstrip(":")
    query = f"?schema={schema}" if schema and schema != "public" and backend == "postgresql" else ""
    return f"sldb migrate --url '{backend}://<owner>@{where}/{url.database}{query}'"


def schema_behind(
    conn: AsyncConnection, steps: Sequence[Operation], refused: Operation | None, pending: Sequence[str], cause: str
) -> SchemaBehindError:
    """The error start-up stops with when a migration step was refused for want of a privilege."""
    schema = conn.dialect.default_schema_name  # PostgreSQL: current_schema(), as search_path made it
    privilege = privilege_for(refused, conn.dialect.name, schema)
    behind = [f"{s.kind} {s.table}.{s.name}".replace(" .", " ") for s in steps] + list(pending)
    listed = "; ".join(behind[:5]) + (f"; and {len(behind) - 5} more" if len(behind) > 5 else "")
    message = (
        f"the database schema is behind the models ({len(behind)} step(s): {listed}) and this role may not "
        f"change it: it lacks {privilege} ({cause}). Run `{migrate_command(conn.engine.url, schema)}` with a role that owns the "
        "schema (`sldb migrate --dry-run` lists the DDL), then start again; or grant the privilege"
    )
    return SchemaBehindError(message, privilege=privilege, steps=tuple(behind))
