"""Netzwerk-Check: the data, both views, the built pages and the page in Chromium.

One site build for the whole module (no PDF). The browser tests answer the form, evaluate,
save, reload, compare and load several member files, and check privacy and accessibility.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import coursekit
from coursekit import handbook
from coursekit.netcheck import netzwerk_check, netzwerk_check_sheet, numbered

from conftest import ROOT, apply_edits, problems_of

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE = "netzwerk-check.html"
SHEET = "joint/g1/arbeitsblaetter/ab-g1-netzwerk-check.html"
NC_RULES = {"NC001", "NC002", "NC003", "NC004", "NC005", "NC006"}


@pytest.fixture(scope="module")
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def check(course):
    return course.selfchecks["netzwerk-check"]


# --- data and views, no build -------------------------------------------------------------


def test_the_check_has_24_statements_in_8_dimensions_with_questions_and_units(course, check):
    assert len(check.statements) >= 24
    assert len(check.dimensions) >= 6
    assert [p.label for p in check.scale] == [
        "trifft nicht zu", "trifft eher nicht zu", "trifft eher zu", "trifft voll zu",
    ]
    assert check.unknown == "weiß nicht"
    for _, dim, items in numbered(check):
        assert len(items) >= 3, dim.id
        assert 2 <= len(dim.questions) <= 3, dim.id
        assert dim.unit in course.units, dim.id
    assert len({s.text for s in check.statements}) == len(check.statements)
    assert set(check.literature) <= set(course.sources)
    assert not [p for p in coursekit.check(course) if p.rule in NC_RULES]


HOSTILE = """---
kind: selfcheck
id: test-check
title: Test <b>Check</b>
summary: Ein kleiner Selbstcheck.
scale:
  - {label: "nein <i>", points: 0}
  - {label: "ja & gut", points: 1}
unknown: "weiß \\"nicht\\""
dimensions:
  - id: ziele
    title: "Ziele <script>alert(1)</script>"
    summary: "Ziele & Wege"
    questions: ["Frage <eins>?", "Frage *zwei*?"]
    unit: u-eins
statements:
  - id: ziele-1
    dimension: ziele
    text: "Wir <img src=x onerror=alert(1)> sagen \\"ja\\" | oder nein."
---
"""


def test_views_escape_every_text_from_the_content(base_project):
    apply_edits(base_project, [{"file": "docs/check.md", "text": HOSTILE}])
    course = coursekit.load_project(base_project / "mkdocs.yml")
    assert not [p for p in problems_of(base_project) if p.rule in NC_RULES]
    form = netzwerk_check(course, "check.md", "test-check")
    sheet = netzwerk_check_sheet(course, "check.md", "test-check")
    for out in (form, sheet):
        assert "<script" not in out and "<img" not in out and "<i>" not in out and "<b>" not in out
        assert "&lt;script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in form
    # the data attribute holds the same texts as JSON, and the attribute stays closed
    soup = BeautifulSoup(form, "html.parser")
    data = json.loads(soup.find("form")["data-netcheck"])
    assert data["statements"][0]["text"].startswith("Wir <img")
    assert data["unknown"] == 'weiß "nicht"'
    assert len(soup.find_all("input", type="radio")) == 3
    assert soup.find("legend").get_text(" ", strip=True).startswith("1.1 Wir <img")
    # a pipe in a statement must not split the worksheet's table row
    row = [line for line in sheet.splitlines() if line.startswith("| 1.1 ")][0]
    assert row.count(" | ") == 4 and "\\|" in row
    assert "Frage \\*zwei\\*?" in form  # Markdown emphasis stays literal


# --- built site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One strict site build (no PDF). NETCHECK_SITE=<dir> reuses a site built before."""
    reuse = os.environ.get("NETCHECK_SITE")
    if reuse:
        return Path(reuse)
    out = tmp_path_factory.mktemp("netcheck-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def _text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ").split())


def test_page_and_worksheet_contain_every_statement(site, check):
    page, sheet = _text(site / PAGE), _text(site / SHEET)
    for s in check.statements:
        text = " ".join(s.text.split())
        assert text in page, s.id
        assert text in sheet, s.id
    for d in check.dimensions:
        assert d.title in sheet and d.title in page
        assert all(q in page for q in d.questions), d.id
    assert sheet.count("☐") == len(check.statements) * (len(check.scale) + 1)


def test_workbook_html_contains_every_statement(site, check, course):
    """The workbook is assembled from the worksheet pages' content, as the PDF step does."""
    article = BeautifulSoup((site / SHEET).read_text(encoding="utf-8"), "html.parser").find("article")
    entry = handbook.Entry("Arbeitsblatt: Netzwerk-Check", 1, SHEET, str(article), "worksheet", "G1")
    book = handbook.assemble(
        [handbook.Entry("G1", 0), entry], title="Test", subtitle="Arbeitsheft",
        course=course.config.model_dump(), site_dir=site, kind="workbook",
        strip_selectors=(".trainer",), toc_depth=1,
    )
    text = " ".join(BeautifulSoup(book, "html.parser").get_text(" ").split())
    for s in check.statements:
        assert " ".join(s.text.split()) in text, s.id


def test_page_is_linked_from_home_trainers_page_and_k2(site):
    for page in ("index.html", "trainer/index.html", "coordinators/k2/k2-wirkungsverstaendnis.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select("article a[href]")]
        assert any(h.split("#")[0].endswith("netzwerk-check.html") for h in links), page


# --- in the browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    yield ctx
    ctx.close()


def _open(context, site_url):
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + PAGE)
    return page, requests, errors


def _answer(page, check, choose) -> dict:
    """Tick one option per statement; ``choose(i)`` gives points or None (weiß nicht)."""
    answers = {}
    for i, s in enumerate(check.statements):
        value = choose(i)
        answers[s.id] = value
        page.locator(f'input[name="nc-{s.id}"][value="{"unknown" if value is None else value}"]').check()
    return answers


def _percent(check, answers: dict, dim_id: str) -> int | None:
    top = max(p.points for p in check.scale)
    values = [answers[s.id] for s in check.statements if s.dimension == dim_id and answers.get(s.id) is not None]
    return round(100 * sum(values) / (top * len(values))) if values else None


def _axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [(v["id"], v["nodes"][0]["html"][:120]) for v in result["violations"]]


def test_answer_evaluate_save_reload_and_compare(context, site_url, check, tmp_path):
    page, requests, errors = _open(context, site_url)
    storage = page.evaluate("JSON.stringify(window.localStorage)")
    page.get_by_label("Name des Netzwerks").fill("Netzwerk Frühe Hilfen Auental")
    first = _answer(page, check, lambda i: None if i % 7 == 3 else i % 4)
    page.get_by_role("button", name="Auswerten").click()

    result = page.locator("#netcheck-result")
    assert result.get_attribute("aria-live") == "polite"
    assert page.evaluate("document.activeElement.closest('#netcheck-result') !== null")
    rows = result.locator(".netcheck-chart__row")
    assert rows.count() == len(check.dimensions)
    for i, d in enumerate(check.dimensions):
        text = rows.nth(i).inner_text()
        assert d.title in text
        assert re.search(r"\d+ von \d+ Punkten \(\d+ %\)", text), text
        assert f"({_percent(check, first, d.id)} %)" in text
    table = result.locator("table").first.locator("tbody tr")
    assert table.count() == len(check.dimensions)
    unit_links = result.locator(".netcheck-result__talk a")
    assert unit_links.count() == len(check.dimensions)
    assert "weiß nicht" in result.inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Ergebnis speichern").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["network"] == "Netzwerk Frühe Hilfen Auental"
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", record["date"])
    assert record["answers"] == first

    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0
    second = _answer(page, check, lambda i: 3 - (i % 4))
    page.set_input_files("#nc-file", str(saved))
    page.wait_for_function("document.querySelector('#netcheck-result h2')?.textContent === 'Vergleich'")
    compare = page.locator("#netcheck-result table tbody tr")
    assert compare.count() == len(check.dimensions)
    d = check.dimensions[0]
    cells = compare.nth(0).locator("td").all_inner_texts()
    before, after = _percent(check, first, d.id), _percent(check, second, d.id)
    assert f"({before} %)" in cells[0] and f"({after} %)" in cells[1]
    assert cells[2] == ("+" if after > before else "−" if after < before else "±") + str(abs(after - before))
    # the current answers stay in the form
    assert page.locator(f'input[name="nc-{check.statements[0].id}"]:checked').get_attribute("value") == str(second[check.statements[0].id])

    assert _axe(page) == []
    assert errors == []
    assert [u for u in requests if not u.startswith(site_url)] == []
    assert context.cookies() == []
    assert page.evaluate("JSON.stringify(window.localStorage)") == storage


def _member(tmp_path: Path, check, n: int, choose) -> str:
    answers = {s.id: choose(i) for i, s in enumerate(check.statements)}
    path = tmp_path / f"mitglied-{n}.json"
    path.write_text(json.dumps({
        "format": "netzwerk-check", "version": 1, "check": check.id, "date": "2027-03-0" + str(n),
        "network": "Netzwerk Auental", "answers": answers,
    }), encoding="utf-8")
    return str(path)


def test_one_file_restores_the_answers(context, site_url, check, tmp_path):
    page, _, errors = _open(context, site_url)
    file = _member(tmp_path, check, 1, lambda i: None if i == 0 else i % 4)
    page.set_input_files("#nc-file", file)
    page.wait_for_selector("#netcheck-result h2")
    assert page.locator("input[type=radio]:checked").count() == len(check.statements)
    assert page.locator(f'input[name="nc-{check.statements[0].id}"]:checked').get_attribute("value") == "unknown"
    assert page.locator(f'input[name="nc-{check.statements[5].id}"]:checked').get_attribute("value") == str(5 % 4)
    assert page.get_by_label("Name des Netzwerks").input_value() == "Netzwerk Auental"
    assert "wiederhergestellt" in page.locator(".netcheck__status").inner_text()
    assert errors == []


def test_three_member_files_show_agreement_and_spread(context, site_url, check, tmp_path):
    page, requests, errors = _open(context, site_url)
    files = [
        _member(tmp_path, check, 1, lambda i: 0 if i == 0 else 2),
        _member(tmp_path, check, 2, lambda i: 3 if i == 0 else 2),
        _member(tmp_path, check, 3, lambda i: None if i == 0 else 2),
    ]
    page.set_input_files("#nc-file", files)
    page.wait_for_function(
        "document.querySelector('#netcheck-result h2')?.textContent === 'Übereinstimmung und Streuung'"
    )
    result = page.locator("#netcheck-result")
    assert "3 Einschätzungen" in result.inner_text()
    statements = result.locator("table").nth(1).locator("tbody tr")
    assert statements.count() == len(check.statements)
    first = statements.nth(0).locator("th, td").all_inner_texts()
    assert first[1:] == ["0 (trifft nicht zu)", "3 (trifft voll zu)", "3", "1", "ja"]
    agreed = statements.nth(1).locator("th, td").all_inner_texts()
    assert agreed[1:] == ["2 (trifft eher zu)", "2 (trifft eher zu)", "0", "0", "nein"]
    dims = result.locator("table").nth(0).locator("tbody tr")
    assert dims.count() == len(check.dimensions)
    assert dims.nth(1).locator("td").all_inner_texts() == ["67 %", "67 %", "0 Prozentpunkte"]
    assert "1 Aussage liegt zwei oder mehr Stufen auseinander. Mit ihr beginnt das Gespräch: 1.1." in \
        result.inner_text()
    assert _axe(page) == []
    assert errors == []
    assert [u for u in requests if not u.startswith(site_url)] == []


def test_a_wrong_file_gets_a_german_message(context, site_url, tmp_path):
    page, _, errors = _open(context, site_url)
    wrong = tmp_path / "irgendwas.json"
    wrong.write_text('{"hallo": 1}', encoding="utf-8")
    page.set_input_files("#nc-file", str(wrong))
    status = page.locator(".netcheck__status")
    status.filter(has_text="keine gespeicherte Datei").wait_for()
    assert page.locator("#netcheck-result h2").count() == 0
    assert errors == []


def test_keyboard_only(context, site_url, check):
    page, _, _ = _open(context, site_url)
    first = page.locator(f'input[name="nc-{check.statements[0].id}"]').first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    value = page.locator(f'input[name="nc-{check.statements[0].id}"]:checked').get_attribute("value")
    assert value == str(check.scale[1].points)
    page.get_by_role("button", name="Auswerten").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#netcheck-result h2")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    # every radio has a label the screen reader announces, every group a legend
    assert page.locator("fieldset.netcheck__item").count() == len(check.statements)
    assert page.locator("fieldset.netcheck__item legend").count() == len(check.statements)
    assert page.locator("label.netcheck__option > input[type=radio]").count() == \
        len(check.statements) * (len(check.scale) + 1)


def test_without_javascript_every_statement_and_the_paper_version_are_there(browser, site_url, check):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert page.locator("fieldset.netcheck__item:visible").count() == len(check.statements)
    assert not page.locator(".netcheck__actions").is_visible()
    sheet_link = page.locator(f'article a[href$="{SHEET}"]')
    assert sheet_link.count() >= 1
    sheet_link.first.click()
    page.wait_for_load_state()
    text = page.locator("article").inner_text()
    assert all(" ".join(s.text.split()) in " ".join(text.split()) for s in check.statements)
    context.close()


def test_script_does_nothing_on_other_pages(context, site_url):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "methods/index.html")
    assert page.locator(".netcheck, .netcheck-result").count() == 0
    assert page.locator("form.method-filter").count() == 1  # the other script still works
    assert errors == []


def test_works_opened_from_a_folder(browser, site, check):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / PAGE).as_uri())
    _answer(page, check, lambda i: 1)
    page.get_by_role("button", name="Auswerten").click()
    assert page.locator("#netcheck-result .netcheck-chart__row").count() == len(check.dimensions)
    assert "(33 %)" in page.locator("#netcheck-result").inner_text()
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))] == []
    context.close()


def test_print_shows_answers_and_results_but_no_buttons(context, site_url, check):
    page, _, _ = _open(context, site_url)
    _answer(page, check, lambda i: 2)
    page.get_by_role("button", name="Auswerten").click()
    page.emulate_media(media="print")
    assert not page.locator(".netcheck__actions").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("#netcheck-result .netcheck-chart").is_visible()
    assert page.locator("input[type=radio]:checked").first.is_visible()
    assert "(67 %)" in page.locator("#netcheck-result").inner_text()


def test_form_and_worksheet_pass_axe_before_any_answer(context, site_url):
    page = context.new_page()
    for path in (PAGE, SHEET):
        page.goto(site_url + path)
        assert _axe(page) == [], path
