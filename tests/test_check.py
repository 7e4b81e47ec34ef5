"""The fast check on the real course, the CLI and the schemas."""

from __future__ import annotations

import json
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


def test_every_unit_of_the_real_course_is_complete():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    for unit in course.units.values():
        body = course.doc_of(unit.id).body
        for heading in ("## Fachlicher Hintergrund", "## Ablaufplan", "## Hinweise für Trainerinnen und Trainer",
                        "## Reflexionsfragen", "## Transferaufgabe", "## Literatur"):
            assert heading in body, f"{unit.id}: {heading}"
        assert "{{ unit_plan() }}" in body and '!!! trainer' in body
        assert unit.worksheets and unit.literature, unit.id
        phases = [s.phase for s in unit.steps]
        assert {"Einsteigen", "Erarbeiten", "Auswerten"} <= set(phases), unit.id


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
