"""`python -m coursekit new`: new pages pass the check, duplicates are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import coursekit
from coursekit.__main__ import main
from coursekit.scaffold import _schedule, slug

from conftest import ROOT


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _problems(project: Path) -> set[tuple[str, str, str]]:
    """Problems without line numbers (a scheduled unit shifts lines in the module page)."""
    course = coursekit.load_project(project / "mkdocs.yml")
    return {(p.file, p.rule, p.message) for p in coursekit.check(course)}


def test_slug_transliterates_umlauts():
    assert slug("Übergänge gestalten: Schule & Straße") == "uebergaenge-gestalten-schule-strasse"
    assert slug("Café für Fachkräfte") == "cafe-fuer-fachkraefte"
    assert len(slug("ein sehr langer Titel mit vielen Wörtern, der nicht endet")) <= 40


@pytest.mark.parametrize("duration", ["45", "180"])
def test_new_unit_passes_the_check_and_is_scheduled(course_copy, capsys, duration):
    before = _problems(course_copy)
    config = str(course_copy / "mkdocs.yml")
    code = main(["new", "unit", "--module", "k1", "--title", "Konflikte im Team",
                 "--duration", duration, "--config", config])
    out = capsys.readouterr().out
    assert code == 0, out
    path = course_copy / "docs/coordinators/k1/k1-konflikte-im-team.md"
    assert path.is_file()
    assert "Nächste Schritte" in out and "k1-konflikte-im-team.md" in out
    course = coursekit.load_project(config)
    unit = course.units["k1-konflikte-im-team"]
    assert unit.module == "K1" and unit.duration == int(duration)
    # a new day before the last one: the module's closing unit keeps its transfer task (TEXT002)
    assert course.modules["K1"].days[-2].units == ["k1-konflikte-im-team"]
    assert course.modules["K1"].days[-1].units[-1] == "k1-transfer"
    body = path.read_text(encoding="utf-8")
    for heading in ("## Für kleine und große Gruppen", "## Auf einen Blick"):
        assert f"\n{heading}\n" in body
    assert "\n## Transferaufgabe\n" not in body
    assert _problems(course_copy) - before == set()


def test_new_method_only_warns_that_it_is_unused(course_copy, capsys):
    before = _problems(course_copy)
    config = str(course_copy / "mkdocs.yml")
    assert main(["new", "method", "--title", "Fishbowl-Diskussion", "--config", config]) == 0
    assert (course_copy / "docs/methods/fishbowl-diskussion.md").is_file()
    new = _problems(course_copy) - before
    assert {(f, rule) for f, rule, _ in new} == {("methods/fishbowl-diskussion.md", "USE001")}
    assert "USE001" in capsys.readouterr().out


def test_duplicates_and_unknown_modules_are_refused(course_copy, capsys):
    config = str(course_copy / "mkdocs.yml")
    args = ["new", "unit", "--module", "K1", "--title", "Konflikte im Team", "--config", config]
    assert main(args) == 0
    index = (course_copy / "docs/coordinators/k1/index.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 2
    assert "gibt es schon" in capsys.readouterr().out
    assert (course_copy / "docs/coordinators/k1/index.md").read_text(encoding="utf-8") == index
    assert main(["new", "unit", "--module", "K1", "--id", "k1-rolle", "--title", "X", "--config", config]) == 2
    assert main(["new", "method", "--title", "Blitzlicht", "--config", config]) == 2
    assert main(["new", "unit", "--module", "K9", "--title", "X", "--config", config]) == 2
    assert "Das Modul „K9“ gibt es nicht" in capsys.readouterr().out
    (course_copy / "docs/coordinators/k1/k1-neu.md").write_text("Entwurf ohne Kopfbereich\n", encoding="utf-8")
    assert main(["new", "unit", "--module", "K1", "--title", "Neu", "--config", config]) == 2
    assert "Die Datei" in capsys.readouterr().out


MODULE = """---
kind: module
id: M1
title: M1 Test
track: joint
summary: Test.
goals: [Ziel]
days:
  # erster Tag
  - title: Tag 1
    units: [u-eins, u-zwei]  # Kommentar bleibt
literature: []
---
Text
"""


def test_schedule_edits_only_the_days():
    new_day = _schedule(MODULE, "mod/index.md", "u-drei", "Drei", None)
    assert ('days:\n  - title: "Neuer Kurstag: Drei"\n    units: [u-drei]\n    buffer: 15\n'
            '  # erster Tag\n  - title: Tag 1\n') in new_day
    last_day = _schedule(MODULE, "mod/index.md", "u-drei", "Drei", 1)
    assert "    units: [u-eins, u-drei, u-zwei]  # Kommentar bleibt\n" in last_day
    two_days = MODULE.replace("literature: []", "  - title: Tag 2\n    units: [u-vier]\nliterature: []")
    first_day = _schedule(two_days, "mod/index.md", "u-drei", "Drei", 1)
    assert "    units: [u-eins, u-zwei, u-drei]  # Kommentar bleibt\n" in first_day
    block = MODULE.replace("units: [u-eins, u-zwei]  # Kommentar bleibt", "units:\n      - u-eins")
    assert _schedule(block, "mod/index.md", "u-drei", "Drei", 1) is None  # told to add by hand
