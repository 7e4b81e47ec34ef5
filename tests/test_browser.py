"""Browser tests: Debian's Chromium driven by Playwright against the built site."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from conftest import ROOT



@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-site")


@pytest.fixture(scope="module")
def site_url(site_dir):
    site = site_dir
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def visible_rows(page) -> int:
    return page.locator(".method-index tbody tr:visible").count()


def test_method_filter_by_setting_changes_rows(site_url, page):
    page.goto(site_url + "methods/index.html")
    total = page.locator(".method-index tbody tr").count()
    assert total >= 20
    assert visible_rows(page) == total
    page.get_by_label("Format").select_option("hybrid")
    hybrid = visible_rows(page)
    assert 0 < hybrid < total
    assert page.get_by_role("status").inner_text() == f"{hybrid} von {total} Methoden passen."
    page.get_by_label("Gruppengröße (Personen)").fill("100")
    assert visible_rows(page) < hybrid
    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function(f"document.querySelectorAll('.method-index tbody tr:not([hidden])').length === {total}")


def test_method_index_is_complete_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site_url + "methods/index.html")
    assert plain.locator("form.method-filter").count() == 0
    assert plain.locator(".method-index tbody tr:visible").count() >= 20
    context.close()


AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_page_is_accessible_and_loads_nothing_from_other_hosts(site_url, page, site_dir):
    """axe-core (WCAG 2.1 A and AA) on every built page; every request goes to our server."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    violations = {}
    pages = _site_pages(site_dir)
    assert len(pages) >= 100
    for path in pages:
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
        )
        for v in result["violations"]:
            violations.setdefault(v["id"], []).append((path, v["nodes"][0]["html"][:120]))
    assert violations == {}
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert foreign == []


QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
RESULTS_SHOWN = 10  # Material shows ten result pages before "more"


def _search(page, query: str) -> list[str]:
    """Pages (site-relative paths) of the search results for ``query``, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "/Suchergebnis|Keine/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
    )
    # The count may still be the previous query's while the worker answers the last keystrokes:
    # read the list once it has not changed for 400 ms.
    hrefs, stable = None, 0
    while stable < 2:
        page.wait_for_timeout(200)
        now = page.eval_on_selector_all(
            "li.md-search-result__item", "items => items.map(i => i.querySelector('a').href)"
        )
        stable = stable + 1 if now == hrefs else 0
        hrefs = now
    base = page.url.rsplit("/", 1)[0] + "/"
    return [h.split("?")[0].split("#")[0].replace(base, "") for h in hrefs]


def _open_search(page, url: str) -> None:
    page.goto(url)
    page.keyboard.press("/")
    page.wait_for_function(
        "!document.querySelector('.md-search-result__meta').textContent.includes('initialisiert')"
    )


def test_german_search_finds_inflected_forms_compounds_and_transliterations(site_url, page):
    _open_search(page, site_url + "index.html")
    found, missed, misranked = 0, [], []
    expected = sum(len(q["expect"]) for q in QUERIES)
    for q in QUERIES:
        window = q.get("top", RESULTS_SHOWN)
        results = _search(page, q["query"])[:window]
        for target in q["expect"]:
            if target in results:
                found += 1
            else:
                missed.append((q["query"], target, q.get("must", False), results[:5]))
                if "top" in q:
                    misranked.append((q["query"], target, results))
        misranked += [(q["query"], f"nicht {t}", results) for t in q.get("absent", []) if t in results]
    recall = found / expected
    print(f"\nSuche: Trefferquote {found}/{expected} = {recall:.0%} "
          f"({len(QUERIES)} Anfragen, erste {RESULTS_SHOWN} Ergebnisse)")
    assert [m for m in missed if m[2]] == [], "Beispiele aus dem Auftrag nicht gefunden"
    assert misranked == [], "Rangfolge: erwartete Seite nicht unter den ersten drei"
    assert recall >= 0.9, f"Trefferquote {recall:.0%}; verfehlt: {missed}"


def test_unit_page_prints_without_navigation_and_with_trainer_notes(site_url, page):
    page.goto(site_url + "joint/g1/g1-ankommen.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    notes = page.locator(".admonition.trainer")
    assert notes.count() >= 1
    assert notes.first.is_visible()
    assert "Trainerinnen und Trainer" in notes.first.inner_text()
    assert page.locator("h1").first.is_visible()


def test_site_works_from_a_local_folder_without_server(site_dir, browser):
    """Opened from file://, links lead to pages with styles, and search still answers."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    home = (site_dir / "index.html").as_uri()
    page.goto(home)
    page.get_by_role("link", name="Methoden", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/methods/index.html")
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).position")
    assert header == "sticky"  # Material's stylesheet is loaded
    _open_search(page, home)
    assert "methods/netzwerkkarte.html" in _search(page, "Netzwerkkarten")[:RESULTS_SHOWN]
    foreign = [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert foreign == []
    context.close()


# --- Website for trainers and readers (issue 17) ---------------------------------------------

PLAN_PAGES = ["coordinators/k1/index.html", "joint/g2/index.html", "coordinators/k1/k1-rolle.html",
              "leaders/f1/f1-steuerung.html"]
CLIPPED = """() => {
  const out = [];
  for (const wrap of document.querySelectorAll('.run-sheet .md-typeset__scrollwrap, .unit-plan .md-typeset__scrollwrap, .run-sheet table, .unit-plan table')) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) out.push('wrapper ' + wrap.className + ' ' + wrap.scrollWidth + '>' + wrap.clientWidth);
  }
  for (const cell of document.querySelectorAll('.run-sheet td, .unit-plan td')) {
    if (cell.scrollWidth > cell.clientWidth + 1) out.push('cell ' + cell.textContent.slice(0, 40));
    const r = cell.getBoundingClientRect(), main = document.querySelector('.md-content').getBoundingClientRect();
    if (cell.textContent.trim() && (r.width === 0 || r.right > main.right + 1)) out.push('hidden ' + cell.textContent.slice(0, 40));
  }
  return out;
}"""


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_run_sheets_and_unit_plans_show_every_column(site_url, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for path in PLAN_PAGES:
        page.goto(site_url + path)
        assert page.locator(".run-sheet td, .unit-plan td").count() > 10, path
        assert page.evaluate(CLIPPED) == [], (path, width)
    if width < 700:  # phone: cards, each value labelled with its column
        page.goto(site_url + PLAN_PAGES[0])
        label = page.locator(".run-sheet tr.step-row td").nth(5).evaluate(
            "td => getComputedStyle(td, '::before').content")
        assert label == '"Material"'
    context.close()


def test_trainers_page_links_every_course_days_run_sheet(site_url, page):
    from coursekit import load_project, webviews

    course = load_project(ROOT / "mkdocs.yml", ROOT / "docs")
    days = sum(len(m.days) for m in webviews.module_order(course))
    page.goto(site_url + "trainer/index.html")
    hrefs = page.eval_on_selector_all(".course-days a[href*='#']", "links => links.map(a => a.href)")
    assert len(hrefs) == days
    for href in hrefs:
        page.goto(href)
        anchor = href.split("#", 1)[1]
        follows = page.evaluate(
            """id => { const h = document.getElementById(id); let e = h && h.nextElementSibling;
               for (let i = 0; e && i < 3; i++, e = e.nextElementSibling) if (e.matches('.run-sheet')) return h.tagName;
               return null; }""", anchor)
        assert follows == "H3", href


def test_every_page_links_the_repository_and_offers_feedback(site_dir):
    repository = "https://gitlab.example/synergien-vor-ort/kurs"
    missing = []
    for path in _site_pages(site_dir):
        text = (site_dir / path).read_text(encoding="utf-8")
        if "md-footer" not in text:
            continue  # redirect stubs
        if f'href="{repository}"' not in text:
            missing.append(path)
        elif path != "404.html" and ('rel="edit"' not in text or "/-/issues/new?" not in text):
            missing.append(path)  # the 404 page has no source file to edit
    assert missing == []


def test_method_filter_keeps_its_state_in_the_address_and_says_when_nothing_fits(site_url, page):
    page.goto(site_url + "methods/index.html")
    page.get_by_label("Format").select_option("hybrid")
    assert "format=hybrid" in page.url
    hybrid = visible_rows(page)
    page.reload()
    assert page.get_by_label("Format").input_value() == "hybrid"
    assert visible_rows(page) == hybrid
    page.get_by_label("Gruppengröße (Personen)").fill("1000")
    assert page.get_by_role("status").inner_text().startswith("Keine der ")
    assert not page.locator(".method-index").is_visible()
    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function("!location.search.includes('format=')")


def test_practice_form_writes_a_valid_practice_file(site_url, page):
    from coursekit.model import Practice

    page.goto(site_url + "praxis/mitmachen.html")
    form = page.locator("#practice-form")
    form.get_by_role("button", name="Datei erzeugen").click()
    assert page.locator(".practice-form__status").inner_text().startswith("Bitte ergänzen:")
    values = {
        "Titel": 'Der "Runde Tisch" wird ein Netzwerk: Erfahrungen',
        "Kommune oder Region": "Stadt Ahornbach (erfunden)",
        "Art des Netzwerks": "Handlungsnetzwerk",
        "Worum es geht": "Drei Träger stimmen ihre Angebote ab.\nSie messen gemeinsam.",
        "Ansprechstelle als Funktion": "Netzwerkkoordination im Jugendamt",
        "Jahr": "2025",
    }
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label("Handlungsfeld").select_option("Bildung")
    form.get_by_label("K2 Netzwerke analysieren und wirkungsorientiert steuern").check()
    for label in ("Ausgangslage", "Was wir getan haben", "Was funktioniert hat", "Was nicht funktioniert hat",
                  "Was andere übernehmen können", "Kontakt"):
        form.get_by_label(label, exact=True).fill(f"Text zu {label}.")
    form.get_by_role("button", name="Datei erzeugen").click()
    text = page.locator("#pf-output").input_value()
    _, front, body = text.split("---\n", 2)
    item = Practice.model_validate(yaml.safe_load(front))
    assert item.title == values["Titel"] and item.modules == ["K2"] and item.year == 2025
    assert item.id == "praxis-runde-ahornbach"
    assert body.count("\n## ") + body.startswith("## ") == 6
    assert page.locator("#pf-download").get_attribute("download") == "praxis-runde-ahornbach.md"


def test_term_links_show_their_definition_on_keyboard_focus(site_url, page):
    page.goto(site_url + "joint/g1/g1-ankommen.html")
    link = page.locator('a[href$="glossar.html#tandem"]').first
    link.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "Führungskraft" in tooltip.inner_text()


def test_no_tab_stop_lands_on_something_invisible(site_url, page):
    page.goto(site_url + "index.html")
    for _ in range(6):
        page.keyboard.press("Tab")
        box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); "
                            "return [r.width, r.height, getComputedStyle(document.activeElement).visibility]; }")
        assert box[0] > 0 and box[1] > 0 and box[2] == "visible", page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
