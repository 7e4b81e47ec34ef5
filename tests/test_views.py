"""Generated views follow the data: change the data, see the view change."""

from __future__ import annotations

import re

import coursekit
from coursekit import views

from conftest import ROOT, apply_edits


def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")


def test_calendar_follows_transfer_weeks_and_start():
    c = course()
    before = views.course_calendar(c, "konzept.md", "Koordination")
    assert "Transferphase" in before and "G2 Transfer- und Bilanzwerkstatt" in before
    c.config = c.config.model_copy(update={"transfer_weeks": 2, "calendar_start": "2028-09"})
    after = views.course_calendar(c, "konzept.md", "Koordination")
    assert after != before
    assert "September 2028" in after and "2 Wochen" in after
    months = lambda text: int(re.search(r"etwa (\d+) Monate", text).group(1))  # noqa: E731
    assert months(after) < months(before)


def test_variant_overview_follows_configuration():
    c = course()
    before = views.variant_overview(c, "konzept.md")
    row = next(line for line in before.splitlines() if line.startswith("| Führung |"))
    assert "| 4 |" in row  # F1 (2 days) + G1 + G2
    c.config = c.config.model_copy(update={"variants": {"Führung kompakt": ["F1"]}})
    after = views.variant_overview(c, "konzept.md")
    assert "Führung kompakt" in after and "| Führung |" not in after
    assert "| 2 | 8 |" in after  # two days, eight units


def test_configured_variants_are_checked():
    c = course()
    assert set(c.config.variants) == {"Koordination", "Führung", "Komplett"}
    c.config = c.config.model_copy(update={"variants": {"Kaputt": ["K2", "K9"]}})
    rules = sorted(p.rule for p in coursekit.check(c, only=["VAR001", "VAR002"]))
    assert rules == ["VAR001", "VAR002"]


def test_glossary_is_large_and_used():
    c = course()
    assert len(c.terms) >= 30
    bodies = " ".join(d.body for d in c.documents if d.item is not None and d.item.kind == "unit")
    used = set(re.findall(r"term\(\"([a-z0-9-]+)\"", bodies))
    assert len(used) >= 15 and used <= set(c.terms)


PRACTICE_SECTIONS = (
    "## Ausgangslage", "## Was wir getan haben", "## Was funktioniert hat",
    "## Was nicht funktioniert hat", "## Was andere übernehmen können", "## Kontakt",
)


def test_practice_examples_have_the_structure():
    c = course()
    assert len(c.practices) >= 3
    assert len({p.field for p in c.practices.values()}) >= 3
    for p in c.practices.values():
        body = c.doc_of(p.id).body
        positions = [body.find(h + "\n") for h in PRACTICE_SECTIONS]
        assert -1 not in positions and positions == sorted(positions), p.id


def test_run_sheet_ends_the_day_with_the_buffer(base_project):
    c = coursekit.load_project(base_project / "mkdocs.yml")
    sheet = views.run_sheet(c, "mod/index.md", "M1")
    # 09:00 + 90 min unit + 15 min break + 60 min unit = 11:45, then 15 minutes of buffer
    assert "| 11:45–12:00 | **Zeitpuffer** |" in sheet
    assert "09:00 bis 12:00 Uhr · Lernzeit 2 h 30 min" in sheet  # the buffer is no learning time
    apply_edits(base_project, [{"file": "docs/mod/index.md", "replace": "buffer: 15", "with": "buffer: 30"}])
    c = coursekit.load_project(base_project / "mkdocs.yml")
    assert "| 11:45–12:15 | **Zeitpuffer** |" in views.run_sheet(c, "mod/index.md", "M1")


def test_method_facts_and_plans_show_the_short_form(base_project):
    apply_edits(base_project, [
        {"file": "docs/methods/methode-a.md", "replace": "settings: [Präsenz]",
         "with": "settings: [Präsenz]\nshort_form: {minutes: 5, steps: Nur eine Runde., gives_up: die Auswertung.}"},
        {"file": "docs/mod/u-zwei.md", "replace": "    method: methode-a\n",
         "with": "    method: methode-a\n    short_form: true\n"},
    ])
    c = coursekit.load_project(base_project / "mkdocs.yml")
    assert "| Kurzform | ab 5 Minuten. Nur eine Runde. Verzichtet auf: die Auswertung. |" in views.method_facts(
        c, "methods/methode-a.md", "methode-a"
    )
    assert "(Kurzform)" in views.unit_plan(c, "mod/u-zwei.md", "u-zwei")
    assert "(Kurzform)" not in views.unit_plan(c, "mod/u-eins.md", "u-eins")


def test_web_pages_are_cited_undated_with_access_date():
    c = course()
    text = views.bibliography(c, "literatur.md")
    line = next(x for x in text.splitlines() if "„Synergien vor Ort“, Projektthemen" in x)
    assert line.startswith("- Bertelsmann Stiftung (o. J.): _Fortbildungen_.")
    assert line.endswith("abgerufen am 01.12.2026.")
    blog = next(x for x in text.splitlines() if "Netzwerkmanagement für Führungskräfte" in x)
    assert "(2017)" in blog and "Veröffentlicht am 12.10.2017." in blog
    assert "bertelsmann-2018" not in c.sources


def test_case_world_lists_every_person_once_with_the_pages_naming_them():
    c = course()
    world = c.caseworld.item
    table = views.case_world(c, "hintergrund/fallwelt.md")
    rows = [line for line in table.splitlines() if line.startswith("| Frau ") or line.startswith("| Herr ")]
    assert sorted(r.split(" | ")[0][2:] for r in rows) == sorted(p.name for p in world.people)
    szabo = next(r for r in rows if r.startswith("| Frau Szabo |"))
    assert "k1-ankommen.md" in szabo and "k3-ankommen.md" in szabo
    assert len({p.name for p in world.people}) == len(world.people)
