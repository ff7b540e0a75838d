"""python -m sldb.codegen.spec_models generate|check: the spec-format classes from their JSON Schemas.

codegen/spec_model.py and codegen/facade_model.py are written by datamodel-code-generator; check regenerates
them into a temporary folder and fails when the committed files differ.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMAS = ("spec", "facade")


def _render(name: str, out: Path) -> None:
    tool = shutil.which("datamodel-codegen") or "datamodel-codegen"
    subprocess.run(
        [
            tool,
            "--input",
            str(HERE / f"{name}_schema.json"),
            "--input-file-type",
            "jsonschema",
            "--output",
            str(out),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--disable-timestamp",
            "--target-python-version",
            "3.11",
            "--use-standard-collections",
            "--use-union-operator",
            "--field-constraints",
            "--use-annotated",
            "--extra-fields",
            "forbid",
            "--use-schema-description",
            "--use-field-description",
            "--enum-field-as-literal",
            "all",
            "--strict-nullable",
            "--formatters",
            "ruff-format",
            "--custom-file-header",
            f"# Generated from codegen/{name}_schema.json by datamodel-code-generator (make spec-models). Do not edit.",
        ],
        check=True,
    )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in SCHEMAS:
            fresh = Path(tmp) / f"{name}_model.py"
            _render(name, fresh)
            target = HERE / f"{name}_model.py"
            if command == "generate":
                shutil.copyfile(fresh, target)
            elif not target.exists() or target.read_text() != fresh.read_text():
                stale.append(str(target.relative_to(HERE.parent)))
    for path in stale:
        print(f"stale: {path} (run make spec-models)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
