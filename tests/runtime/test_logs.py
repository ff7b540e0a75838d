"""The layer's log lines: one root logger name, and handed to a host's logger when the host names one."""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import sldb.handwritten as handwritten
from sldb.generated.manager import SQLAlchemyDatabaseManager
from sldb.handwritten.runtime.contract.logs import ROOT, log_to


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def host() -> Iterator[tuple[logging.Logger, Collect]]:
    logger = logging.getLogger("test_host_app")
    collect = Collect()
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # a host logger with handlers of its own, as AstrBot's
    root_collect = Collect()
    logging.getLogger().addHandler(root_collect)
    yield logger, collect
    log_to(None)
    logger.removeHandler(collect)
    logging.getLogger().removeHandler(root_collect)
    # Nothing the layer logged while a host logger was named reached the root logger a second time.
    assert not [r for r in root_collect.records if r.name.startswith(ROOT)]


def test_every_module_logs_under_the_layers_root_name() -> None:
    loggers: dict[str, str] = {}
    for module in pkgutil.walk_packages(handwritten.__path__, "sldb.handwritten."):
        if module.name.startswith("sldb.handwritten.cli"):
            continue  # the command line prints; it has no loggers
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if isinstance(value, logging.Logger):
                loggers[module.name] = value.name
    assert loggers, "no module logger found"
    assert {name for name in loggers.values() if not name.startswith(ROOT + ".")} == set()


async def test_log_to_hands_the_records_to_the_named_host_logger(
    host: tuple[logging.Logger, Collect], tmp_path: Path
) -> None:
    logger, collect = host
    manager = SQLAlchemyDatabaseManager(
        {"db_type": "sqlite", "messages_db_path": str(tmp_path / "m.db"), "log_to": logger.name}
    )
    assert await manager.start()
    await manager.stop()
    started = [r for r in collect.records if r.name == "sldb.manager" and "data layer started" in r.getMessage()]
    assert len(started) == 1
    # The host's level applies: the layer's DEBUG lines (the migration's) are not handed over at INFO.
    assert all(r.levelno >= logging.INFO for r in collect.records)


async def test_a_logger_passed_to_the_manager_gets_the_records(
    host: tuple[logging.Logger, Collect], tmp_path: Path
) -> None:
    logger, collect = host
    manager = SQLAlchemyDatabaseManager(
        {"db_type": "sqlite", "messages_db_path": str(tmp_path / "m.db")}, None, logger=logger
    )
    assert await manager.start()
    await manager.stop()
    assert any(r.name == "sldb.manager" for r in collect.records)


def test_the_layer_cannot_be_told_to_log_to_itself() -> None:
    with pytest.raises(ValueError, match="its own logger"):
        log_to("sldb.manager")
