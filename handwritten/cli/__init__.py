"""sldb: the data layer's command line (console script `sldb`, also `python -m sldb.handwritten.cli`).

The command and the generator need the tools of the `cli` extra (rich, ruamel.yaml, jinja2, pydantic, pyyaml);
the runtime install (`pip install sldb`) has the console script but not them, and says so in one line.
"""

from __future__ import annotations

import sys

# The modules the `cli` extra brings (as an ImportError names them).
TOOL_MODULES = frozenset({"rich", "ruamel", "jinja2", "pydantic", "yaml"})


def main(argv: list[str] | None = None) -> int:
    try:
        from sldb.handwritten.cli.main import main as run
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in TOOL_MODULES:
            raise
        print(f"sldb: the command needs the tools of the cli extra ({exc.name} is missing):", file=sys.stderr)
        print("  pip install 'sldb[cli]'", file=sys.stderr)
        return 1
    return run(argv)


__all__ = ["main"]
