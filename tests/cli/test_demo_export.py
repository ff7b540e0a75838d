"""sldb demo and sldb export on each backend: the summary must be what the database holds, read directly."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select, text

from sldb.generated.models import Base
from sldb.handwritten.runtime.connecting.pools import PoolOptions, create_engine_for
from sldb.handwritten.runtime.connecting.settings import DatabaseSettings
from tests.backends import db_name
from tests.cli.run import ROOT, inside, ok, one_line
from tests.fixtures import BACKENDS, drop_database, settings_for

CHAT_LOG = ROOT / "handwritten" / "cli" / "data" / "chat_log.jsonl"
REPLAYED = {"sqlite": 200, "postgresql": 100, "mysql": 100}  # lines of the chat log each backend replays


def first_lines(count: int) -> list[dict[str, Any]]:
    with CHAT_LOG.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(count), f, strict=False)]


@pytest.fixture
async def target(backend: str, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    """Database_Settings of a database that does not exist yet."""
    database = db_name("sldb_cli_demo")
    await drop_database(backend, database)
    yield settings_for(backend, tmp_path, database=database, schema="demo")
    await drop_database(backend, database)


def demo_args(config: dict[str, Any], tmp_path: Path) -> list[str]:
    if config["db_type"] == "sqlite":
        return ["--dir", str(Path(config["messages_db_path"]).parent / "demo")]
    if config["db_type"] == "mysql":
        return [
            "--url",
            f"mysql://{config['mysql_user']}@{config['mysql_host']}:{config['mysql_port']}/{config['mysql_database']}",
        ]
    url = f"postgresql://{config['postgresql_user']}@{config['postgresql_host']}:{config['postgresql_port']}/{config['postgresql_database']}"
    return ["--url", url, "--schema", config["postgresql_schema"]]


def demo_config(config: dict[str, Any]) -> dict[str, Any]:
    """The settings of the database the demo wrote (SQLite: the file under --dir)."""
    if config["db_type"] == "sqlite":
        return {
            "db_type": "sqlite",
            "messages_db_path": str(Path(config["messages_db_path"]).parent / "demo" / "messages.db"),
        }
    return config


async def read_database(config: dict[str, Any]) -> dict[str, Any]:
    """Counts, processed flags and approved few-shots, straight from the database."""
    engine = create_engine_for(DatabaseSettings.from_config(config).url(), PoolOptions(1, 0))
    async with engine.connect() as conn:
        counts = {
            t.name: int((await conn.execute(select(func.count()).select_from(t))).scalar_one())
            for t in Base.metadata.sorted_tables
        }
        unprocessed = (await conn.execute(text("SELECT COUNT(*) FROM raw_messages WHERE processed = FALSE"))).scalar()
        approved = (
            await conn.execute(
                text(
                    "SELECT group_id, few_shots_content FROM style_learning_reviews WHERE status = 'approved' "
                    "ORDER BY timestamp DESC, id DESC"
                )
            )
        ).all()
        by_group = (await conn.execute(text("SELECT group_id, COUNT(*) FROM raw_messages GROUP BY group_id"))).all()
    await engine.dispose()
    few_shots: dict[str, list[str]] = {}
    for group, shot in approved:
        few_shots.setdefault(group, []).append(shot)
    return {"counts": counts, "unprocessed": unprocessed, "few_shots": few_shots, "by_group": dict(by_group)}


def table_cells(shown: str) -> list[tuple[str, ...]]:
    """The cells of every row of the tables sldb printed for people."""
    return [
        tuple(cell.strip() for cell in re.split("[│┃]", line.strip())[1:-1])
        for line in shown.splitlines()
        if line.startswith(("│", "┃"))
    ]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_demo_summary_matches_the_database_and_export_writes_it(
    backend: str, target: dict[str, Any], tmp_path: Path
) -> None:
    lines = first_lines(REPLAYED[backend])
    summary = ok("demo", *demo_args(target, tmp_path), "--messages", str(len(lines)), "--json").json()
    config = demo_config(target)
    found = await read_database(config)

    assert summary["tables"] == {name: rows for name, rows in found["counts"].items() if rows}
    assert found["counts"]["raw_messages"] == sum(line["sender_id"] != "bot" for line in lines)
    assert found["counts"]["bot_messages"] == sum(line["sender_id"] == "bot" for line in lines)
    assert found["unprocessed"] == 0
    assert (
        found["counts"]["filtered_messages"] + sum(summary["filtered_out"].values()) == found["counts"]["raw_messages"]
    )
    groups = sorted({line["group_id"] for line in lines})
    assert sorted(summary["few_shots"]) == groups
    for group in groups:
        assert summary["few_shots"][group] == found["few_shots"].get(group, [])[:3]
    assert any(summary["few_shots"].values())  # the bundled log has dialogue pairs from its first lines
    assert sum(summary["reviews"].values()) == found["counts"]["style_learning_reviews"]
    assert summary["messages"] == len(lines) and summary["messages_per_second"] > 0

    config_file = tmp_path / "config.yaml"
    config_file.write_text(yaml.safe_dump({"Database_Settings": config}, allow_unicode=True), encoding="utf-8")
    output = tmp_path / "export.json"
    done = ok("export", "--config", str(config_file), "--output", str(output), "--json").json()
    exported = json.loads(output.read_text(encoding="utf-8"))
    assert done["raw_messages"] == len(exported["raw_messages"]) == found["counts"]["raw_messages"]
    assert done["filtered_messages"] == len(exported["filtered_messages"]) == found["counts"]["filtered_messages"]
    assert [m["id"] for m in exported["raw_messages"]] == sorted(m["id"] for m in exported["raw_messages"])
    assert exported["raw_messages"][0]["message"] == lines[0]["message"]
    assert lines[0]["message"] in output.read_text(encoding="utf-8")  # non-ASCII written as itself, not \\u escapes
    assert exported["statistics"]["messages"] == sum(
        found["counts"][t] for t in ("raw_messages", "filtered_messages", "bot_messages")
    )


async def test_demo_for_people_refuses_a_used_database_and_export_of_one_group(tmp_path: Path) -> None:
    lines = first_lines(120)
    shown = ok("demo", "--dir", str(tmp_path), "--messages", str(len(lines))).out
    config = {"db_type": "sqlite", "messages_db_path": str(tmp_path / "messages.db")}
    found = await read_database(config)
    rows_shown = dict(cells for cells in table_cells(shown) if len(cells) == 2)
    assert rows_shown == {"table": "rows", **{t: str(n) for t, n in found["counts"].items() if n}}
    assert f"replayed {len(lines)} chat lines" in shown
    again = await asyncio.to_thread(inside, "demo", "--dir", str(tmp_path), "--messages", "10")
    assert one_line(again, "demo").endswith(
        f"already holds {found['counts']['raw_messages']} raw messages; the demo needs an empty database"
    )

    config_file = tmp_path / "config.json"
    config_file.write_text(json.dumps(config), encoding="utf-8")
    group, rows = sorted(found["by_group"].items())[0]
    output = tmp_path / "group.json"
    await asyncio.to_thread(inside, "export", "--config", str(config_file), "--group", group, "--output", str(output))
    exported = json.loads(output.read_text(encoding="utf-8"))
    assert len(exported["raw_messages"]) == rows and {m["group_id"] for m in exported["raw_messages"]} == {group}
    refused = await asyncio.to_thread(inside, "export", "--config", str(config_file), "--output", str(output))
    assert one_line(refused, "export") == f"sldb export: {output} exists; give another --output or --force"
