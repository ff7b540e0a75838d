"""The one table of backend identity: every name a config, a URL or a command line may give for a backend,
and the traits every backend-specific decision reads (is_mysql, exact_collation).

`db_type` in the plugin's config, a URL's scheme (`mariadb://`, `postgres+asyncpg://`) and `sldb --url` are all
read here, so an alias added once is accepted everywhere. MariaDB is the MySQL backend (same driver, dialect and
SQL), so its names map to `mysql`.
"""

from __future__ import annotations

from sqlalchemy.engine import Dialect

from sldb.handwritten.runtime.contract.database import Backend

BACKEND_NAMES: dict[str, Backend] = {
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "pgsql": "postgresql",
    "pg": "postgresql",
    "sqlite": "sqlite",
    "mysql": "mysql",
    "mariadb": "mysql",
    "maria": "mysql",
}

# The async driver this layer uses for each backend, as an SQLAlchemy drivername.
ASYNC_DRIVER: dict[Backend, str] = {
    "postgresql": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
    "mysql": "mysql+aiomysql",
}


def backend_named(name: str) -> Backend | None:
    """The backend name (any case, spaces around ignored) stands for; None for a name no backend has."""
    return BACKEND_NAMES.get(name.strip().lower())


def is_mysql(dialect: Dialect | str) -> bool:
    """Whether a dialect (or its name, or a backend's) is MySQL's or MariaDB's: one SQL, one driver here."""
    name = dialect if isinstance(dialect, str) else dialect.name
    return name in ("mysql", "mariadb")


def exact_collation(dialect: Dialect) -> str:
    """The utf8mb4 collation under which texts are equal only when identical, as on PostgreSQL and SQLite.

    The default ones (utf8mb4_general_ci, _unicode_ci) make "YYDS" = "yyds", "cafe" = "café", "a" = "a " and
    every emoji equal to every other: distinct jargon terms would collide on the unique index.
    """
    if getattr(dialect, "is_mariadb", False):
        return "utf8mb4_nopad_bin"
    version = getattr(dialect, "server_version_info", None) or (0,)
    return "utf8mb4_0900_bin" if tuple(version) >= (8, 0, 17) else "utf8mb4_bin"
