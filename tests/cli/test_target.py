"""How sldb turns --url and --config into Database_Settings (in process: the mapping, not the process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sldb.handwritten.cli.output import CliError, error_text, mask_passwords, to_json
from sldb.handwritten.cli.target import for_the_tool, settings_from_file, settings_from_url
from sldb.handwritten.runtime.contract.errors import SettingsError


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        (
            "postgresql://bot:p%40ss%3Aw%2Frd@db.example:6543/plugin?schema=learning",
            {
                "db_type": "postgresql",
                "postgresql_host": "db.example",
                "postgresql_port": 6543,
                "postgresql_user": "bot",
                "postgresql_password": "p@ss:w/rd",
                "postgresql_database": "plugin",
                "postgresql_schema": "learning",
            },
        ),
        ("postgres://h/db", {"db_type": "postgresql", "postgresql_host": "h", "postgresql_port": 5432}),
        ("postgresql+asyncpg://h/db?search_path=s", {"postgresql_schema": "s", "postgresql_database": "db"}),
        (
            "mysql://root@127.0.0.1/chat?charset=utf8mb4",
            {"db_type": "mysql", "mysql_host": "127.0.0.1", "mysql_port": 3306, "mysql_database": "chat"},
        ),
        ("mariadb+aiomysql://u:pw@m:3307/x", {"db_type": "mysql", "mysql_port": 3307, "mysql_password": "pw"}),
        (
            "sqlite+aiosqlite:////var/data/messages.db",
            {"db_type": "sqlite", "messages_db_path": "/var/data/messages.db"},
        ),
    ],
)
def test_urls_become_the_plugins_settings(url: str, fields: dict[str, object]) -> None:
    settings = settings_from_url(url)
    for name, value in fields.items():
        assert getattr(settings, name) == value, name
    assert settings.url().drivername in ("postgresql+asyncpg", "mysql+aiomysql", "sqlite+aiosqlite")


def test_a_relative_sqlite_url_is_a_file_under_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert settings_from_url("sqlite:///data/m.db").sqlite_path() == tmp_path / "data" / "m.db"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://h/db?charset=latin1", "URL parameter charset='latin1': this data layer uses utf8mb4 only"),
        ("sqlite:///x.db?mode=ro", "unknown URL parameter 'mode' for sqlite; accepted: none"),
        ("sqlite:///:memory:", "an SQLite URL needs a file"),
        ("redis://h", "unsupported URL scheme 'redis'"),
        ("://nothing", "cannot read the URL '://nothing'"),
    ],
)
def test_urls_the_tool_cannot_use_are_refused(url: str, message: str) -> None:
    with pytest.raises(CliError) as refused:
        settings_from_url(url)
    assert str(refused.value).startswith(message)


def test_config_files_nested_or_flat_json_or_yaml(tmp_path: Path) -> None:
    nested = tmp_path / "astrbot_plugin_self_learning_config.json"
    nested.write_text(json.dumps({"Other": 1, "Database_Settings": {"db_type": "MySQL", "mysql_port": "3307"}}))
    flat = tmp_path / "db.yaml"
    flat.write_text("# flat\ndb_type: sqlite\nmessages_db_path: /tmp/x.db\nmax_connections: 4\n")
    assert (settings_from_file(nested).db_type, settings_from_file(nested).mysql_port) == ("mysql", 3307)
    assert (settings_from_file(flat).sqlite_path(), settings_from_file(flat).max_connections) == (Path("/tmp/x.db"), 4)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CliError, match=r"broken.json is not valid JSON"):
        settings_from_file(broken)
    with pytest.raises(SettingsError, match="mysql_port"):
        settings_from_file(_write(tmp_path / "port.yaml", "db_type: mysql\nmysql_port: 0\n"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_the_tool_never_falls_back_and_schema_is_for_postgresql_only() -> None:
    settings = for_the_tool(settings_from_url("postgresql://h/db"), "analytics")
    assert (settings.fallback_to_sqlite, settings.postgresql_schema) == (False, "analytics")
    with pytest.raises(CliError, match="--schema applies to PostgreSQL only"):
        for_the_tool(settings_from_url("mysql://h/db"), "s")
    with pytest.raises(SettingsError, match="postgresql_schema"):
        for_the_tool(settings_from_url("postgresql://h/db"), " ")


def test_passwords_never_reach_a_message_and_json_keeps_text_readable() -> None:
    assert mask_passwords("cannot use mysql://root:hunter2@h:1/x now") == "cannot use mysql://root:***@h:1/x now"
    assert "hunter2" not in error_text(OSError("connect to postgresql://u:hunter2@h failed\nsecond line"))
    from datetime import datetime
    from decimal import Decimal

    assert to_json(
        {"t": datetime(2025, 3, 1, 8, 0), "n": Decimal("2.50"), "k": Decimal("3"), "s": "𠮷🙂"}, indent=None
    ) == ('{"t": "2025-03-01T08:00:00", "n": 2.5, "k": 3, "s": "𠮷🙂"}')


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u@db1:5433,db2/d?read_hosts=r1:5434,r2",
        "postgresql://u@/d?host=db1:5433&host=db2:5432&read_hosts=r1:5434,r2",
    ],
)
def test_a_url_names_several_servers_in_the_netloc_or_as_host_parameters(url: str) -> None:
    s = settings_from_url(url)
    assert [str(h) for h in s.hosts()] == ["db1:5433", "db2:5432"]
    assert [str(h) for h in s.read_hosts()] == ["r1:5434", "r2:5432"]
    assert s.postgresql_database == "d" and s.postgresql_user == "u"
