"""The one table of backend names: every name a config, a URL or a command line may give for a backend.

`db_type` in the plugin's config, a URL's scheme (`mariadb://`, `postgres+asyncpg://`) and `sldb --url` are all
read here, so an alias added once is accepted everywhere. MariaDB is the MySQL backend (same driver, dialect and
SQL), so its names map to `mysql`.
"""

from __future__ import annotations

from sldb.handwritten.runtime.session import Backend

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
