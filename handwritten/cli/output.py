"""How sldb talks: tables for people and JSON for scripts on stdout; progress bars and errors on stderr."""

from __future__ import annotations

import base64
import datetime
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from sldb.handwritten.runtime.contract.errors import (
    mask_passwords as mask_passwords,  # where the CLI has always found it
)

WIDTH_WHEN_PIPED = 200  # rich assumes 80 columns off a terminal and would wrap DDL and chat text


class CliError(Exception):
    """A failure explained in one line: main prints `sldb <command>: <message>` and exits with 1."""


def error_text(exc: BaseException) -> str:
    """An exception as one line: the driver's own type and message rather than SQLAlchemy's wrapping, no password."""
    # Imported here: failures loads SQLAlchemy and the drivers, which `sldb generate` never needs.
    from sldb.handwritten.runtime.failures.classify import cause_text

    return cause_text(exc)


def json_default(value: Any) -> Any:
    """JSON for what json.dumps cannot write itself: times as ISO 8601, Decimals as numbers, bytes as base64."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(data: Any, indent: int | None = 2) -> str:
    """data as JSON text, non-ASCII kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=json_default)


def _console(stderr: bool) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else WIDTH_WHEN_PIPED
    # No markup, emoji codes or highlighting: chat text such as "[图片]" or ":)" is printed as it is.
    return Console(stderr=stderr, width=width, markup=False, emoji=False, highlight=False)


class RateColumn(ProgressColumn):
    """Rows per second, once rich has measured some."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} rows/s")


class Bar:
    """One progress bar; advance() moves it, describe() says what it is working on."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: float = 1) -> None:
        self._progress.advance(self._task, amount)

    def describe(self, text: str) -> None:
        self._progress.update(self._task, description=text)

    def finish(self) -> None:
        total = self._progress.tasks[self._task].total
        self._progress.update(self._task, completed=total)


class Output:
    """Where a command's results go: people get rich tables, --json gets one JSON document on stdout."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.out = _console(stderr=False)
        self.err = _console(stderr=True)

    def json(self, data: Any) -> None:
        """The command's result for scripts; printed only with --json."""
        if self.as_json:
            sys.stdout.write(to_json(data) + "\n")

    def line(self, text: str = "", wrap: bool = False) -> None:
        """A line for people; not wrapped unless asked (DDL and file names stay copyable)."""
        if not self.as_json:
            self.out.print(text, soft_wrap=not wrap)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        title: str | None = None,
        right: int = 0,
        show_header: bool = True,
    ) -> None:
        """A table for people; the last `right` columns (numbers) are right-aligned."""
        if self.as_json:
            return
        if title:
            self.out.print(title, soft_wrap=True)  # above, not as the table's title, which wraps to its width
        table = Table(show_header=show_header)
        for index, header in enumerate(headers):
            table.add_column(header, justify="right" if index >= len(headers) - right else "left")
        for row in rows:
            table.add_row(*("" if cell is None else str(cell) for cell in row))
        self.out.print(table)

    def warn(self, text: str) -> None:
        self.err.print(f"sldb: {text}", soft_wrap=True)

    @contextmanager
    def progress(self, description: str, total: float, rate: bool = False) -> Iterator[Bar]:
        """A progress bar on stderr (drawn only on a terminal; updated either way); rate: rows/s and time left."""
        columns: list[ProgressColumn] = [
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        if rate:
            columns += [RateColumn(), TimeRemainingColumn()]
        progress = Progress(
            *columns,
            console=self.err,
            disable=not self.err.is_terminal,
        )
        with progress:
            yield Bar(progress, progress.add_task(description, total=total))
