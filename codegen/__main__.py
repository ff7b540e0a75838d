"""python -m sldb.codegen generate|check [--schema DIR] [--out DIR]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sldb.codegen.applied import LOCK_FILE
from sldb.codegen.errors import SpecErrors
from sldb.codegen.pipeline import ROOT, check, generate, lock_stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sldb.codegen", description="Generate generated/ from schema/.")
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument("--schema", type=Path, default=ROOT / "schema")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            changes = generate(args.schema, args.out)
            print(
                f"generated/: {len(changes.written)} written, {len(changes.removed)} removed, {changes.unchanged} unchanged"
            )
            return 0
        changes, text = check(args.schema, args.out)
        lock = lock_stale(args.schema)
    except SpecErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s) in the specs; nothing was written", file=sys.stderr)
        return 1
    if changes.written or changes.removed or lock:
        sys.stdout.write(text)
        for rel in (*changes.written, *changes.removed):
            print(f"stale: generated/{rel}", file=sys.stderr)
        if lock:
            print(f"stale: {args.schema.name}/{LOCK_FILE}", file=sys.stderr)
        print("generated/ is stale: run make generate", file=sys.stderr)
        return 1
    print(f"generated/ is up to date ({changes.unchanged} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
