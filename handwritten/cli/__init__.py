"""sldb: the data layer's command line (console script `sldb`, also `python -m handwritten.cli`)."""

from handwritten.cli.main import main

__all__ = ["main"]
