"""Where the test databases are: one per backend, created fresh for a test run.

SLDB_TEST_BACKENDS (comma-separated: sqlite,postgresql,mysql) chooses backends; all three by default.
SLDB_TEST_PG_URL / SLDB_TEST_MYSQL_URL point at the servers (defaults: this machine's).
"""

from __future__ import annotations

import os

from sqlalchemy.engine import URL, make_url

ALL_BACKENDS = ("sqlite", "postgresql", "mysql")


def db_name(base: str) -> str:
    """A test database name; SLDB_TEST_DB_SUFFIX keeps two test runs on one machine off each other's databases."""
    return base + os.environ.get("SLDB_TEST_DB_SUFFIX", "")


TEST_DATABASE = db_name("sldb_test")
TEST_SCHEMA = "sldb_tests"  # a non-public PostgreSQL schema: every test runs through search_path


def selected_backends() -> tuple[str, ...]:
    raw = os.environ.get("SLDB_TEST_BACKENDS", ",".join(ALL_BACKENDS))
    chosen = tuple(b.strip() for b in raw.split(",") if b.strip())
    unknown = [b for b in chosen if b not in ALL_BACKENDS]
    if unknown:
        raise ValueError(f"SLDB_TEST_BACKENDS: unknown backend(s) {unknown}; choose from {ALL_BACKENDS}")
    return chosen


def postgresql_server() -> URL:
    return make_url(os.environ.get("SLDB_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"))


def mysql_server() -> URL:
    return make_url(os.environ.get("SLDB_TEST_MYSQL_URL", "mysql+aiomysql://root@127.0.0.1:3306/"))
