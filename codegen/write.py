"""Stage 5, write: put the rendered map on disk under generated/, or compare it with what is there.

generate() and diff() share render(); generated/ is owned wholly: files no spec produces are removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

OWNED_SUFFIXES = (".py",)


@dataclass(frozen=True)
class Changes:
    """How generated/ differs from the rendered map."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def _on_disk(out_dir: Path) -> set[str]:
    if not out_dir.exists():
        return set()
    return {
        str(p.relative_to(out_dir))
        for p in out_dir.rglob("*")
        if p.is_file() and p.suffix in OWNED_SUFFIXES and "__pycache__" not in p.parts
    }


def stale(files: dict[str, str], out_dir: Path) -> Changes:
    """Which files generate() would write or remove."""
    written = []
    unchanged = 0
    for rel, text in files.items():
        target = out_dir / rel
        if target.exists() and target.read_text(encoding="utf-8") == text:
            unchanged += 1
        else:
            written.append(rel)
    removed = sorted(_on_disk(out_dir) - set(files))
    return Changes(tuple(written), tuple(removed), unchanged)


def write(files: dict[str, str], out_dir: Path) -> Changes:
    """Make out_dir hold exactly the rendered files; everything was rendered before this is called."""
    changes = stale(files, out_dir)
    for rel in changes.written:
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[rel], encoding="utf-8")
    for rel in changes.removed:
        (out_dir / rel).unlink()
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if folder.name != "__pycache__" and not any(folder.iterdir()):
            folder.rmdir()
    return changes


def diff(files: dict[str, str], out_dir: Path) -> str:
    """A unified diff from what is in out_dir to what the specs give."""
    chunks: list[str] = []
    changes = stale(files, out_dir)
    for rel in changes.written:
        target = out_dir / rel
        old = target.read_text(encoding="utf-8").splitlines(keepends=True) if target.exists() else []
        chunks.extend(
            difflib.unified_diff(old, files[rel].splitlines(keepends=True), f"a/generated/{rel}", f"b/generated/{rel}")
        )
    for rel in changes.removed:
        old = (out_dir / rel).read_text(encoding="utf-8").splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(old, [], f"a/generated/{rel}", "/dev/null"))
    return "".join(chunks)
