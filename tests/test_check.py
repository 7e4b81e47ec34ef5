"""The fast check on the real course, the CLI and the schemas."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import coursekit
from coursekit.schema import schemas

from conftest import ROOT


def test_real_course_has_no_problems():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    assert coursekit.check(course) == []
    assert {"K1", "F1"} <= set(course.modules)
    assert len(course.methods) >= 3


def test_check_command_on_real_course():
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", "--strict"], cwd=ROOT,
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 Fehler, 0 Warnungen" in result.stderr


def test_committed_schemas_match_the_model():
    for kind, schema in schemas().items():
        committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{kind}.schema.json is stale: run `make schemas`"


UNIT_SECTIONS = (
    "## Fachlicher Hintergrund", "## Ablaufplan", "## Hinweise für Trainerinnen und Trainer",
    "## Für kleine und große Gruppen", "## Reflexionsfragen", "## Transferaufgabe",
    "## Auf einen Blick", "## Literatur",
)


def _sections(body: str) -> dict[str, str]:
    parts = re.split(r"^(## .+)$", body, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_unit_of_the_real_course_is_complete():
    """The unit standard: goals, background 300–700 words, plan, trainer notes, notes for
    small and large groups, worksheet, reflection questions, the module's one transfer task in
    its last unit, key points, literature."""
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    last = {m.days[-1].units[-1] for m in course.modules.values()}
    for unit in course.units.values():
        body = course.doc_of(unit.id).body
        sections = _sections(body)
        expected = [s for s in UNIT_SECTIONS if s != "## Transferaufgabe" or unit.id in last]
        assert list(sections)[: len(expected)] == expected, unit.id
        words = len(re.findall(r"\w+", re.sub(r"^#+ .*$", "", sections["## Fachlicher Hintergrund"], flags=re.M)))
        assert 300 <= words <= 720, f"{unit.id}: background has {words} words"
        assert "{{ unit_plan() }}" in sections["## Ablaufplan"]
        assert '!!! trainer "Hinweise für Trainerinnen und Trainer"' in sections["## Hinweise für Trainerinnen und Trainer"]
        assert len(re.findall(r"^- ", sections["## Reflexionsfragen"], re.M)) >= 3, unit.id
        if unit.id in last:
            assert len(sections["## Transferaufgabe"].split()) >= 15, unit.id
        assert len(sections["## Für kleine und große Gruppen"].split()) >= 25, unit.id
        assert 3 <= len(re.findall(r"^- ", sections["## Auf einen Blick"], re.M)) <= 5, unit.id
        assert "{{ sources() }}" in sections["## Literatur"] and unit.literature, unit.id
        assert "{{ unit_overview() }}" in body
        assert unit.worksheets and all(w in course.worksheets for w in unit.worksheets), unit.id
        goals = unit.goals
        assert goals.knowledge and goals.skills and (goals.social or goals.autonomy), unit.id
        assert [s.phase for s in unit.steps if s.phase != "Pause"][0] == "Einsteigen", unit.id
        assert [s.phase for s in unit.steps if s.phase != "Pause"][-1] == "Auswerten", unit.id


def test_modules_of_the_coordinators_track():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    coordinators = sorted(m.id for m in course.modules.values() if m.track == "coordinators")
    assert coordinators == ["K1", "K2", "K3"]
    for module_id in coordinators:
        module = course.modules[module_id]
        assert len(module.days) == 2
        for day in module.days:
            assert 3 <= len(day.units) <= 4
        assert course.modules["K2"].prerequisites == ["K1"] and course.modules["K3"].prerequisites == ["K2"]


METHOD_SECTIONS = (
    "## Zweck und Einsatz", "## Raum und Material", "## Ablauf", "## Online-Variante",
    "## Weitere Varianten", "## Stolpersteine und Tipps", "## Beispiel aus der Netzwerkarbeit",
    "## Quelle", "## Verwendet in",
)


def test_every_method_has_the_full_structure():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    assert len(course.methods) >= 20
    for method in course.methods.values():
        body = course.doc_of(method.id).body
        positions = [body.find(h + "\n") for h in METHOD_SECTIONS]
        assert -1 not in positions, f"{method.id}: missing {METHOD_SECTIONS[positions.index(-1)]}"
        assert positions == sorted(positions), f"{method.id}: sections out of order"
        for macro in ("{{ method_facts() }}", "{{ used_in() }}", "{{ sources() }}"):
            assert macro in body, f"{method.id}: {macro}"
        assert method.phases, f"{method.id}: no phases for the filter"


def test_check_cache_notices_a_deleted_logo_and_an_edited_page(base_project):
    """``coursekit check`` answers an unchanged course from ``.cache/check``; deleting a file
    that is not a page (the logo) or editing a page must not be answered from it."""
    config = base_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    variants:\n", "    logo: assets/wappen.svg\n    variants:\n", 1), encoding="utf-8")
    logo = base_project / "docs" / "assets" / "wappen.svg"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")

    def check():
        return subprocess.run([sys.executable, "-m", "coursekit", "check", "--config", str(config)],
                              capture_output=True, text=True)

    first, second = check(), check()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "aus dem Zwischenspeicher" in second.stderr and second.returncode == 0
    logo.unlink()
    missing = check()
    assert missing.returncode != 0 and ": CFG003 " in missing.stdout, missing.stdout + missing.stderr
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")
    assert check().returncode == 0
    page = base_project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[hier](literatur.md)\n", encoding="utf-8")
    edited = check()
    assert "aus dem Zwischenspeicher" not in edited.stderr and ": MD002 " in edited.stdout, edited.stdout
