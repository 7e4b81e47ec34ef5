"""Unit structure: key points, one transfer task per module, the "Auf einen Blick" handout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape

import pytest

import coursekit
from coursekit import views

from conftest import ROOT, apply_edits


def test_each_module_has_exactly_one_transfer_task_in_its_last_unit():
    c = coursekit.load_project(ROOT / "mkdocs.yml")
    for module_id, module in c.modules.items():
        with_task = [
            u.id for u in c.units_of(module_id)
            if re.search(r"^## Transferaufgabe\s*$", c.doc_of(u.id).body, re.M)
        ]
        assert with_task == [module.days[-1].units[-1]], module_id


def test_each_module_has_a_key_points_page_in_its_last_unit():
    c = coursekit.load_project(ROOT / "mkdocs.yml")
    for module_id, module in c.modules.items():
        sheet = f"ab-{module_id.lower()}-auf-einen-blick"
        assert sheet in c.worksheets, module_id
        assert c.worksheets[sheet].title == f"Auf einen Blick: {module.title}"
        assert sheet in c.units[module.days[-1].units[-1]].worksheets, module_id


def test_key_points_view_lists_units_in_schedule_order(base_project):
    apply_edits(base_project, [
        {"file": "docs/mod/u-zwei.md", "replace": "- Ein Netzwerk besteht aus Verbindungen.",
         "with": "- Der {{ term(\"netz\", \"Lenkungskreis\") }} entscheidet, siehe [Methode A](../methods/methode-a.md)."},
        {"file": "docs/mod/index.md", "replace": "units: [u-eins, u-zwei]", "with": "units: [u-zwei, u-eins]"},
    ])
    c = coursekit.load_project(base_project / "mkdocs.yml")
    text = views.key_points(c, "mod/ab-eins.md", "M1")
    assert text.index("## Zweite Einheit") < text.index("## Erste Einheit")
    assert "- Der Lenkungskreis entscheidet, siehe Methode A." in text
    assert text.count("- Kleine Schritte tragen weiter als große Pläne.") == 2


def test_key_points_of_an_unknown_module_is_a_macro_error(base_project):
    apply_edits(base_project, [
        {"file": "docs/mod/ab-eins.md", "replace": "{{ used_in() }}", "with": "{{ key_points(\"M9\") }}"},
    ])
    found = coursekit.check(coursekit.load_project(base_project / "mkdocs.yml"))
    assert [(p.rule, p.file) for p in found] == [("MAC002", "mod/ab-eins.md")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_built_key_points_page_shows_every_unit_and_its_points(site):
    c = coursekit.load_project(ROOT / "mkdocs.yml")
    from coursekit.rules.structure import key_points_of

    html = (site / "coordinators/k1/arbeitsblaetter/ab-k1-auf-einen-blick.html").read_text(encoding="utf-8")
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))
    positions = []
    for unit in c.units_of("K1"):
        assert unit.title in text, unit.id
        positions.append(text.index(unit.title))
        for point in key_points_of(c.doc_of(unit.id)):
            assert point.split(":")[0] in text, (unit.id, point)
    assert positions == sorted(positions)
    assert "{{" not in text and "key_points" not in text
