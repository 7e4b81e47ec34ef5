"""`python -m coursekit drift`: upstream changes by module, files changed on both sides."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.__main__ import main
from coursekit.drift import drift

from conftest import ROOT

UNIT = "docs/coordinators/k2/k2-phasen.md"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def edit(repo: Path, path: str, text: str) -> None:
    file = repo / path
    file.parent.mkdir(parents=True, exist_ok=True)
    old = file.read_text(encoding="utf-8") if file.exists() else ""
    file.write_text(old + text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repos(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """An original course (a copy of the real docs/ and mkdocs.yml) and a clone of it."""
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "test@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # "ohne-git" stays outside any repo
    original, fork = tmp_path / "original", tmp_path / "fork"
    shutil.copytree(ROOT / "docs", original / "docs")
    shutil.copy(ROOT / "mkdocs.yml", original / "mkdocs.yml")
    git(original, "init", "-q", "-b", "main")
    commit(original, "Kurs")
    git(tmp_path, "clone", "-q", str(original), str(fork))
    return original, fork


def test_reports_the_module_of_a_changed_unit_and_both_sided_changes(repos, capsys):
    original, fork = repos
    edit(original, UNIT, "\nErgänzung im Original.\n")
    commit(original, "K2: Phasen ergänzt")
    edit(fork, UNIT, "\nEigene Ergänzung.\n")
    edit(fork, "docs/coordinators/k1/k1-rolle.md", "\nNur im Fork.\n")
    commit(fork, "Eigene Anpassungen")
    git(fork, "fetch", "-q", "origin")

    report = drift(fork / "mkdocs.yml")
    assert report.ref == "origin/main"  # no remote named upstream: falls back to origin
    assert report.module_ids == ["K2"]
    assert [c.path for c in report.conflicts] == [UNIT]
    assert report.upstream_commits == 1 and report.local_commits == 1

    assert main(["drift", "--config", str(fork / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "Modul K2" in out and "Modul K1" not in out
    assert "Einheit k2-phasen" in out and "auch lokal geändert" in out
    assert "git merge origin/main" in out


def test_new_pages_methods_config_and_uncommitted_changes(repos):
    original, fork = repos
    new_unit = "docs/coordinators/k3/k3-neu.md"
    edit(original, new_unit, "---\nkind: unit\nid: k3-neu\nmodule: K3\n---\n")
    edit(original, "docs/methods/blitzlicht.md", "\nNeue Variante.\n")
    edit(original, "mkdocs.yml", "\n# Kommentar im Original\n")
    commit(original, "Neue Einheit, Methode, Konfiguration")
    git(fork, "remote", "rename", "origin", "upstream")
    git(fork, "fetch", "-q", "upstream")
    edit(fork, "mkdocs.yml", "\n# noch nicht eingecheckt\n")

    report = drift(fork / "mkdocs.yml")
    assert report.ref == "upstream/main"
    assert report.module_ids == ["K3"]
    groups = {title.split()[0]: [c.path for c in changes] for title, changes in report.groups.items()}
    assert groups == {"Modul": [new_unit], "Methoden": ["docs/methods/blitzlicht.md"],
                      "Technik": ["mkdocs.yml"]}
    assert [c.path for c in report.conflicts] == ["mkdocs.yml"]


def test_clear_errors_without_traceback(repos, tmp_path, capsys):
    original, fork = repos
    assert main(["drift", "--config", str(fork / "mkdocs.yml"), "--upstream", "upstream/gibtsnicht"]) == 2
    assert "„upstream/gibtsnicht“ gibt es nicht" in capsys.readouterr().out
    plain = tmp_path / "ohne-git"
    shutil.copytree(original / "docs", plain / "docs", ignore=shutil.ignore_patterns("*"))
    shutil.copy(original / "mkdocs.yml", plain / "mkdocs.yml")
    assert main(["drift", "--config", str(plain / "mkdocs.yml")]) == 2
    assert "kein Git-Repository" in capsys.readouterr().out
