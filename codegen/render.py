"""Stage 4, render: the intermediate model through the templates into a map of path -> text.

Nothing touches generated/ here; output is formatted with ruff so that a malformed render fails loudly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from sldb.codegen.model import Project

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Output:
    """One file to render: the template, where it goes under generated/, what it was made from."""

    template: str
    path: str
    source: str
    context: dict[str, Any]


def _per_domain(project: Project) -> Iterator[Output]:
    for d in project.domains:
        ctx = {"domain": d}
        src = d.spec_file
        yield Output("models_domain.py.j2", f"models/{d.name}.py", src, ctx)
        yield Output("records_domain.py.j2", f"records/{d.name}.py", src, ctx)
        yield Output("repositories_domain.py.j2", f"repositories/{d.name}.py", src, ctx)
        yield Output("test_crud_domain.py.j2", f"contract_tests/test_{d.name}_crud.py", src, ctx)


def _per_facade(project: Project) -> Iterator[Output]:
    for f in project.facades:
        ctx = {"facade": f}
        yield Output("shapes_facade.py.j2", f"shapes/{f.module}.py", f.spec_file, ctx)
        yield Output("facade.py.j2", f"facades/{f.module}.py", f.spec_file, ctx)
        yield Output("test_facade.py.j2", f"contract_tests/test_{f.module}_facade.py", f.spec_file, ctx)


def _whole(project: Project) -> Iterator[Output]:
    every_spec = "schema/*.yaml"
    every_facade = "schema/facades/*.yaml"
    exported = sorted(["Base", *(t.class_name for t in project.tables)])
    ctx: dict[str, Any] = {"project": project, "exported": exported}
    yield Output("package_init.py.j2", "__init__.py", every_spec, ctx)
    yield Output("models_base.py.j2", "models/base.py", every_spec, ctx)
    yield Output("models_init.py.j2", "models/__init__.py", every_spec, ctx)
    for package in ("records", "repositories", "contract_tests"):
        yield Output("empty_init.py.j2", f"{package}/__init__.py", every_spec, ctx)
    if project.facades:
        for package in ("shapes", "facades"):
            yield Output("empty_init.py.j2", f"{package}/__init__.py", every_facade, ctx)
        yield Output("manager.py.j2", "manager.py", every_facade, ctx)
        yield Output("test_manager.py.j2", "contract_tests/test_manager_surface.py", every_facade, ctx)
    if project.fast_modules:
        yield Output("empty_init.py.j2", "fast/__init__.py", every_facade, ctx)
    for m in project.fast_modules:
        yield Output("fast_facade.py.j2", f"fast/{m.module}.py", m.spec_file, {"module": m})
        yield Output("test_fast.py.j2", f"contract_tests/test_{m.module}_fast.py", m.spec_file, {"module": m})


OUTPUTS: tuple[Callable[[Project], Iterator[Output]], ...] = (_whole, _per_domain, _per_facade)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = repr
    return env


def _ruff() -> list[str]:
    found = shutil.which("ruff")
    return [found] if found else [sys.executable, "-m", "ruff"]


def format_python(files: dict[str, str], config: Path | None = None) -> dict[str, str]:
    """Every file formatted by ruff format, in one run over a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, text in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        conf = ["--config", str(config)] if config is not None else []
        # Imports sorted (and unused ones dropped) by ruff, then formatted: templates need not order or prune them.
        for args in (
            ["check", "--quiet", "--no-cache", "--select", "I,F401", "--fix", "--exit-zero", *conf],
            ["format", "--quiet", "--no-cache", *conf],
        ):
            done = subprocess.run([*_ruff(), *args, str(root)], capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"ruff {args[0]} failed on rendered code:\n{done.stderr}{done.stdout}")
        return {rel: (root / rel).read_text(encoding="utf-8") for rel in files}


def render(project: Project, config: Path | None = None) -> dict[str, str]:
    """Every generated file, path (relative to generated/) -> formatted text."""
    env = _environment()
    files: dict[str, str] = {}
    for outputs in OUTPUTS:
        for out in outputs(project):
            template = env.get_template(out.template)
            files[out.path] = template.render(source=out.source, **out.context)
    return format_python(dict(sorted(files.items())), config)
