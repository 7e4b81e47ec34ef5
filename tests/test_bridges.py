"""Bridges: variants that lack a prerequisite of G1 stay valid only through G1's bridges."""

from __future__ import annotations

import coursekit
from coursekit import views

from conftest import ROOT

BRIDGE_RULES = {"PRE002", "VAR002", "VAR004", "VAR005", "VAR006", "VAR007"}


def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")


def _change_module(c, module_id: str, **update) -> None:
    """Replace a module in the loaded course (model and document), as an edit would."""
    changed = c.modules[module_id].model_copy(update=update)
    c.modules[module_id] = changed
    c.doc_of(module_id).item = changed


def _found(c) -> list[tuple[str, str]]:
    return sorted((p.rule, p.message) for p in coursekit.check(c, only=BRIDGE_RULES))


def test_real_variants_pass_with_prerequisites_and_bridges():
    c = course()
    g1 = c.modules["G1"]
    assert g1.prerequisites == ["K1", "F1"]
    assert {b.for_module for b in g1.bridges} == {"K1", "F1"}
    assert c.config.variants["Koordination"] == ["K1", "G1", "K2", "K3", "G2"]
    assert c.config.variants["Führung"] == ["F1", "G1", "G2"]
    assert _found(c) == []


def test_a_variant_without_the_bridge_fails_with_var002():
    c = course()
    _change_module(c, "G1", bridges=[])
    found = _found(c)
    assert [r for r, _ in found] == ["VAR002", "VAR002"]
    messages = " ".join(m for _, m in found)
    assert "„Koordination“ setzt „G1“ das Modul „F1“ voraus" in messages
    assert "„Führung“ setzt „G1“ das Modul „K1“ voraus" in messages
    hints = [p.hint for p in coursekit.check(c, only={"VAR002"})]
    assert all("Brückenbaustein" in h and "bridges:" in h for h in hints)


def test_removing_g1_prerequisites_is_caught_through_its_bridges():
    c = course()
    _change_module(c, "G1", prerequisites=[])
    found = _found(c)
    var004 = [m for r, m in found if r == "VAR004"]
    assert len(var004) == 2 and all("steht nicht unter `prerequisites` von „G1“" in m for m in var004)
    assert {r for r, _ in found} == {"VAR004", "PRE002"}


def test_removing_prerequisites_and_bridges_is_still_caught_in_the_units():
    """What the units ask participants to bring ("Unterlagen aus K1 und F1") shows the need."""
    c = course()
    _change_module(c, "G1", prerequisites=[], bridges=[])
    found = coursekit.check(c, only=BRIDGE_RULES)
    assert {p.rule for p in found} == {"PRE002"}
    assert {(p.file.rsplit("/", 1)[-1], p.message.split("„")[2][:2]) for p in found} >= {
        ("g1-auftrag.md", "K1"), ("g1-auftrag.md", "F1"), ("g1-problemdefinition.md", "F1"),
    }


def test_complete_variant_needs_no_bridge():
    from coursekit.bridges import needed_in

    c = course()
    assert needed_in(c, c.config.variants["Komplett"], "G1") == []
    assert [b.for_module for b in needed_in(c, c.config.variants["Koordination"], "G1")] == ["F1"]
    assert [b.for_module for b in needed_in(c, c.config.variants["Führung"], "G1")] == ["K1"]


def test_bridges_show_in_module_page_run_sheet_and_calendar():
    c = course()
    here = "joint/g1/index.md"
    overview = views.module_overview(c, here, "G1")
    assert "Brückenbausteine" in overview
    assert "**Für Führungskräfte ohne F1** (statt [F1]" in overview
    assert "in der Variante „Koordination“" in overview and "in der Variante „Führung“" in overview
    sheet = views.run_sheet(c, here, "G1")
    assert sheet.index("### Brückenbaustein für Führungskräfte ohne F1") < sheet.index("### Auftakttag")
    assert "0–10 min" in sheet  # a bridge on its own date has minutes, not clock times
    coordination = views.course_calendar(c, "konzept.md", "Koordination")
    assert "g1-bruecke-fuehrung.md) für Führungskräfte ohne F1 | eigener Termin" in coordination
    assert "g1-bruecke-koordination.md" not in coordination
    assert "g1-bruecke" not in views.course_calendar(c, "konzept.md", "Komplett")


def test_a_vorlauf_bridge_gets_clock_times_before_the_day():
    c = course()
    g1 = c.modules["G1"]
    vorlauf = [b.model_copy(update={"placement": "Vorlauf"}) for b in g1.bridges]
    _change_module(c, "G1", bridges=vorlauf)
    sheet = views.run_sheet(c, "joint/g1/index.md", "G1")
    assert "07:30–07:40" in sheet  # the 90-minute K1 bridge ends when the day starts at 09:00
    assert "08:00–08:10" in sheet  # the 60-minute F1 bridge


def test_bridge_units_come_first_in_the_navigation():
    c = course()
    key = lambda path: views.nav_key(c, path, path)  # noqa: E731
    assert key("joint/g1/g1-bruecke-fuehrung.md") < key("joint/g1/g1-ankommen.md")
    assert key("joint/g1/g1-bruecke-koordination.md") < key("joint/g1/g1-ankommen.md")
