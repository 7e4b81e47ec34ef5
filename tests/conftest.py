"""Shared helpers: a small valid course to break one rule at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import coursekit

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "fixtures" / "base"


def apply_edits(project: Path, edits: list[dict]) -> None:
    """Apply fixture edits: ``text`` writes a file, ``replace``/``with`` changes one."""
    for edit in edits:
        path = project / edit["file"]
        if "text" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit["text"].encode(edit.get("encoding", "utf-8")))
            continue
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"fixture edit does not apply: {edit}"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    project = tmp_path / "kurs"
    shutil.copytree(BASE, project)
    return project


def problems_of(project: Path) -> list[coursekit.Problem]:
    return coursekit.check(coursekit.load_project(project / "mkdocs.yml"))
