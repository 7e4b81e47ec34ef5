"""Website views without a browser: legal pages with sparse configuration, the trainer's path,
page links to the repository, the glossary's A–Z bar, unit plans with clock times."""

from __future__ import annotations

import re

from urllib.parse import parse_qs, urlsplit

import jinja2
import pytest

import coursekit
from conftest import ROOT
from coursekit import escape, macros, views, webviews
from coursekit.model import CourseConfig


@pytest.fixture
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml", ROOT / "docs")

LEGAL = ("impressum.md", "datenschutz.md", "barrierefreiheit.md")
# A value left out must not leave its comma behind: "unter , Beispielweg 12", "Sitz: ."
GAPS = re.compile(r"\s,|,\s*[,.;)]|unter\s*[,.]|:\s*[,.]|\(\s*\)|\bNone\b")


def _render(name: str, cfg: CourseConfig) -> str:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8").split("---", 2)[2]
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters["datum"] = macros.datum
    return env.from_string(text).render(course=escape.tree(cfg.model_dump()))


@pytest.mark.parametrize("name", LEGAL)
def test_legal_pages_leave_no_gaps_when_optional_values_are_missing(name):
    sparse = CourseConfig(organisation="Stadt Ahornbach (erfunden)")
    text = _render(name, sparse)
    gaps = [text[max(0, m.start() - 40): m.end() + 20] for m in GAPS.finditer(text)]
    assert gaps == []


@pytest.mark.parametrize("name", LEGAL)
def test_legal_pages_name_the_configured_values(name):
    cfg = CourseConfig(
        organisation="Stadt Ahornbach (erfunden)",
        imprint={"address": "Lindenweg 3, 12345 Ahornbach", "email": "info@ahornbach.example"},
        privacy={"hosting": "Hosting Ahornbach GmbH"},
        accessibility={"feedback": "barrierefrei@ahornbach.example"},
    )
    text = _render(name, cfg)
    assert "Stadt Ahornbach (erfunden)" in text
    assert GAPS.search(text) is None, GAPS.search(text)


def test_trainers_page_lists_every_course_day_with_its_run_sheet(course):
    text = webviews.course_days(course, "trainer/index.md")
    links = re.findall(r"\]\(\.\./([^)#]+)#([^)]+)\)", text)
    expected = [
        (course.doc_of(m.id).path, webviews.run_sheet_anchor(course, m, d))
        for m in webviews.module_order(course) for d in range(len(m.days))
    ]
    assert links == expected
    assert len(expected) >= 10
    first = webviews.module_order(course)[0]
    headings = re.findall(r"^### (.+)$", views.run_sheet(course, links[0][0], first.id), re.M)
    assert len(headings) == len(first.days)  # each anchor names one of these headings (mkdocs --strict checks it)


@pytest.mark.parametrize("forge, edit, issue", [
    ("gitlab", "/-/edit/main/docs/methods/swot.md", "/-/issues/new?issue%5Btitle%5D="),
    ("github", "/edit/main/docs/methods/swot.md", "/issues/new?title="),
    ("gitea", "/_edit/main/docs/methods/swot.md", "/issues/new?title="),
])
def test_page_links_follow_the_forge(course, forge, edit, issue):
    course.config = course.config.model_copy(update={"repository": "https://forge.example/kurs", "forge": forge})
    links = webviews.page_links(course, "methods/swot.md", "SWOT-Analyse", "methods/swot.html")
    assert links["source"] == "https://forge.example/kurs"
    assert links["edit"] == "https://forge.example/kurs" + edit
    assert links["report"].startswith("https://forge.example/kurs" + issue)
    assert links["archive"].startswith("https://forge.example/kurs/") and links["archive"].endswith(".zip")
    query = parse_qs(urlsplit(links["report"]).query)
    title = query.get("title") or query["issue[title]"]
    assert title == ["Hinweis zur Seite „SWOT-Analyse“"]


def test_without_repository_feedback_goes_by_mail(course):
    course.config = course.config.model_copy(update={"repository": None, "contact": "team@kurs.example"})
    links = webviews.page_links(course, "glossar.md", "Glossar", "glossar.html")
    assert set(links) == {"report"}
    assert links["report"].startswith("mailto:team@kurs.example?subject=")


def test_glossary_has_an_a_to_z_bar_and_terms_carry_their_definition(course):
    text = views.glossary(course, "glossar.md")
    bar = re.search(r'<nav class="glossary-az"[^>]*>(.*?)</nav>', text).group(1)
    targets = re.findall(r'href="#([^"]+)"', bar)
    assert targets and all(f'<dt id="{t}">' in text for t in targets)
    assert len(re.findall(r">[A-Z]<", bar)) == 26
    term = next(iter(course.terms.values()))
    link = views.term(course, "methods/swot.md", term.id)
    title = re.search(r'#' + term.id + r' "([^"]+)"\)$', link).group(1)
    assert title == " ".join(term.definition.split()).replace('"', "'")


def test_unit_plan_gives_clock_times_within_the_day(course):
    module = webviews.module_order(course)[0]
    unit_id = module.days[0].units[1]
    plan = views.unit_plan(course, course.doc_of(unit_id).path, unit_id)
    rows = re.findall(r"^\| (\d\d:\d\d)–(\d\d:\d\d)<span[^>]*>(\d+)–(\d+) min</span> \|", plan, re.M)
    assert len(rows) == len(course.units[unit_id].steps)
    assert rows[0][2] == "0"
    assert rows[0][0] != "09:00"  # the second unit of the day starts later


def test_worksheet_pages_name_their_number_in_the_workbook(course):
    from coursekit.numbering import worksheet_number

    sheet = next(iter(course.worksheets.values()))
    intro = webviews.page_intro(course, course.doc_of(sheet.id))
    assert f"Im Arbeitsheft unter <strong>{worksheet_number(course, sheet.id)}</strong>" in intro
    assert webviews.page_intro(course, course.doc_at("glossar.md")) == ""
