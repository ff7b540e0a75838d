"""Where the layer's log lines go: every logger of this package is `sldb` or below it (`sldb.manager`,
`sldb.migrate`, `sldb.facades`, ...), so a host configures, silences or collects them by that one name.

A host whose own logger carries its level, handlers and filters (AstrBot's plugins log through the `astrbot`
logger) can have the layer's records handed to that logger instead: `log_to` in the settings (a logger name) or
a Logger passed to the manager. The records keep their `sldb.*` names; they stop propagating to the root logger,
so nothing is printed twice.
"""

from __future__ import annotations

import logging

ROOT = "sldb"


class _ForwardTo(logging.Handler):
    """Hands every record to another logger, which applies its own level, filters and handlers."""

    def __init__(self, target: logging.Logger) -> None:
        super().__init__()
        self.target = target

    def emit(self, record: logging.LogRecord) -> None:
        if self.target.isEnabledFor(record.levelno):
            self.target.handle(record)


def layer_logger(name: str) -> logging.Logger:
    """The logger of one part of the layer: `sldb.<name>`."""
    return logging.getLogger(f"{ROOT}.{name}")


def log_to(target: logging.Logger | str | None) -> None:
    """Hand the layer's records to target (a Logger or a logger name); None or "" restores plain propagation."""
    root = logging.getLogger(ROOT)
    for handler in [h for h in root.handlers if isinstance(h, _ForwardTo)]:
        root.removeHandler(handler)
    if target is None or target == "":
        root.propagate = True
        root.setLevel(logging.NOTSET)
        return
    host = logging.getLogger(target) if isinstance(target, str) else target
    if host.name == ROOT or host.name.startswith(ROOT + "."):
        raise ValueError(f"cannot hand the layer's log records to its own logger {host.name!r}")
    root.addHandler(_ForwardTo(host))
    root.propagate = False
    # The host's level decides what the layer logs at all (no record is made for a level the host drops); it
    # is read now, so a host that changes its level later calls log_to again.
    root.setLevel(host.getEffectiveLevel())
