"""Shared helpers: a small valid course to break one rule at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def build(project: Path, site: Path, *, pdf: bool) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of a project into ``site`` (with the PDFs if ``pdf``)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        env["ENABLE_PDF_EXPORT"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


@pytest.fixture(scope="session")
def full_site(tmp_path_factory) -> Path:
    """The real course, site and every PDF, built once per test session; tests only read it."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no test tool may download a browser)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install chromium"
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        launched.close()
