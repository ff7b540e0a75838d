"""Database_Settings: defaults, aliases, shapes, errors, URLs and SQLite paths."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy.engine import make_url

from sldb.handwritten.runtime.connecting.pools import driver_connect_args
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from sldb.handwritten.runtime.contract.errors import SettingsError


def test_no_db_type_means_postgresql_with_the_design_defaults() -> None:
    s = DatabaseSettings.from_config({})
    assert (s.db_type, s.postgresql_host, s.postgresql_port, s.postgresql_user) == (
        "postgresql",
        "localhost",
        5432,
        "postgres",
    )
    assert (s.postgresql_database, s.postgresql_schema, s.postgresql_password) == (
        "astrbot_self_learning",
        "public",
        "",
    )
    assert (
        s.url().render_as_string(hide_password=False)
        == "postgresql+asyncpg://postgres@localhost:5432/astrbot_self_learning"
    )


@pytest.mark.parametrize(
    "raw,backend",
    [
        ("postgresql", "postgresql"),
        (" PgSQL ", "postgresql"),
        ("postgres", "postgresql"),
        ("PG", "postgresql"),
        ("SQLite", "sqlite"),
        ("mysql ", "mysql"),
        ("mariadb", "mysql"),
        (" MariaDB", "mysql"),
        ("maria", "mysql"),
        ("", "postgresql"),
    ],
)
def test_db_type_aliases(raw: str, backend: str) -> None:
    assert DatabaseSettings.from_config({"Database_Settings": {"db_type": raw}}).db_type == backend


def test_reads_nested_flat_and_attribute_configs() -> None:
    nested = DatabaseSettings.from_config({"Database_Settings": {"db_type": "mysql", "mysql_port": "3307"}})
    flat = DatabaseSettings.from_config({"db_type": "mysql", "mysql_port": 3307})
    obj = DatabaseSettings.from_config(SimpleNamespace(db_type="mysql", mysql_port=3307, unrelated=1))
    assert nested == flat == obj
    assert nested.mysql_port == 3307


@pytest.mark.parametrize(
    "config,field,fragment",
    [
        ({"db_type": "oracle"}, "db_type", "accepted: postgresql, postgres, pgsql, pg, sqlite, mysql, mariadb, maria"),
        ({"postgresql_port": 70000}, "postgresql_port", "accepted: 1 to 65535"),
        ({"mysql_port": "x"}, "mysql_port", "not a whole number"),
        ({"postgresql_schema": "  "}, "postgresql_schema", "must not be empty"),
        ({"max_connections": 2, "min_connections": 5}, "min_connections", "exceeds max_connections"),
    ],
)
def test_bad_settings_name_the_field(config: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(SettingsError) as caught:
        DatabaseSettings.from_config(config)
    assert caught.value.field == field
    assert f"Database_Settings.{field}" in str(caught.value)
    assert fragment in str(caught.value)


def test_awkward_password_survives_the_url_and_never_shows() -> None:
    password = "p@ss:w/rd%20?#"
    s = DatabaseSettings.from_config({"db_type": "mysql", "mysql_password": password})
    assert make_url(s.url().render_as_string(hide_password=False)).password == password
    assert password not in s.url().render_as_string() and password not in repr(s.url())


def test_non_public_schema_travels_as_search_path() -> None:
    s = DatabaseSettings.from_config({"postgresql_schema": "self_learning"})
    assert s.url().query == {"search_path": "self_learning"}
    assert s.server_url().database == "postgres" and not s.server_url().query


def test_sqlite_path_expands_variables_home_and_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLDB_DIR", str(tmp_path))
    s = DatabaseSettings.from_config({"db_type": "sqlite", "messages_db_path": "$SLDB_DIR/a/b.db"})
    assert s.sqlite_path() == tmp_path / "a" / "b.db"
    assert s.url().drivername == "sqlite+aiosqlite"
    home = DatabaseSettings.from_config({"db_type": "sqlite", "messages_db_path": "~/x.db"})
    assert home.sqlite_path() == Path.home() / "x.db"
    monkeypatch.chdir(tmp_path)
    rel = DatabaseSettings.from_config({"db_type": "sqlite", "data_dir": "data"})
    assert rel.sqlite_path() == tmp_path / "data" / "messages.db"


@pytest.mark.parametrize(
    "value",
    ["db1:5433, db2 ,[::1]:6000", ["db1:5433", "db2", "[::1]:6000"], ("db1:5433", "db2", "[::1]:6000")],
)
def test_a_host_setting_takes_several_servers_as_text_or_a_list(value: object) -> None:
    s = DatabaseSettings.from_config({"postgresql_host": value, "postgresql_port": 5432})
    assert [(h.host, h.port) for h in s.hosts()] == [("db1", 5433), ("db2", 5432), ("::1", 6000)]
    url = s.url()
    assert url.host is None and url.query["host"] == ("db1:5433", "db2:5432", "[::1]:6000")
    assert url.query["target_session_attrs"] == "read-write"  # the one that takes writes
    assert s.where() == "db1:5433,db2:5432,[::1]:6000"
    assert s.server_url().query["host"] == url.query["host"]  # the database is created on the primary too


def test_mysql_takes_a_node_list_and_connects_to_the_first() -> None:
    s = DatabaseSettings.from_config({"db_type": "mysql", "mysql_host": "n1:3307,n2:3308,n3"})
    assert [str(h) for h in s.hosts()] == ["n1:3307", "n2:3308", "n3:3306"]
    assert (s.url().host, s.url().port) == ("n1", 3307)
    # Every node travels in the URL, to the engine's node list (handwritten/runtime/connecting/nodes.py), and is taken
    # off the URL before the driver sees it.
    assert s.url().query["host"] == ("n1:3307", "n2:3308", "n3:3306")
    assert s.server_url().query["host"] == s.url().query["host"]
    target, args = driver_connect_args(s.url(), 2.0)
    assert "host" not in target.query and args["async_creator_fn"] is not None
    single = DatabaseSettings.from_config({"db_type": "mysql", "mysql_host": "n1:3307"})
    assert "host" not in single.url().query


def test_read_replicas_get_the_primarys_url_with_their_host() -> None:
    s = DatabaseSettings.from_config(
        {"postgresql_host": "p1,p2", "postgresql_read_hosts": ["r1:5440", "r2"], "postgresql_schema": "s"}
    )
    replicas = s.read_hosts()
    assert [str(r) for r in replicas] == ["r1:5440", "r2:5432"]
    url = s.replica_url(replicas[0])
    assert (url.host, url.port, url.database, dict(url.query)) == (
        "r1",
        5440,
        s.postgresql_database,
        {"search_path": "s"},
    )
    assert DatabaseSettings().read_hosts() == ()


@pytest.mark.parametrize(
    ("value", "fragment"),
    [("", "names no server"), ("db:port", "not a whole number"), ("[::1", "[address]:port"), (5, "accepted")],
)
def test_a_bad_host_list_names_the_field(value: object, fragment: str) -> None:
    with pytest.raises(SettingsError) as caught:
        DatabaseSettings.from_config({"postgresql_host": value})
    assert caught.value.field == "postgresql_host" and fragment in str(caught.value)


@pytest.mark.parametrize("name", ["mariadb", "maria", "mysql"])
def test_every_backend_name_is_accepted_as_db_type_and_as_a_url_scheme(name: str) -> None:
    from sldb.handwritten.cli.target import settings_from_url

    by_config = DatabaseSettings.from_config({"db_type": name, "mysql_host": "m", "mysql_database": "x"})
    by_url = settings_from_url(f"{name}://root@m/x")
    assert by_config.db_type == by_url.db_type == "mysql"
    assert by_config.url().drivername == by_url.url().drivername == "mysql+aiomysql"
