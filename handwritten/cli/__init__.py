"""sldb: the data layer's command line (console script `sldb`, also `python -m sldb.handwritten.cli`)."""

from sldb.handwritten.cli.main import main

__all__ = ["main"]
