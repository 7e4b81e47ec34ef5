"""Browser tests: Debian's Chromium driven by Playwright against the built site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


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


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def visible_rows(page) -> int:
    return page.locator(".method-index tbody tr:visible").count()


def test_method_filter_by_setting_changes_rows(site_url, page):
    page.goto(site_url + "methods/")
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
    plain.goto(site_url + "methods/")
    assert plain.locator("form.method-filter").count() == 0
    assert plain.locator(".method-index tbody tr:visible").count() >= 20
    context.close()


AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _site_pages(url: str) -> list[str]:
    site = Path(url.replace("file://", ""))
    return sorted(
        "" if str(p.parent.relative_to(site)) == "." else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html") if "assets" not in p.parts
    )


def test_every_page_is_accessible_and_loads_nothing_from_other_hosts(site_url, page, site_dir):
    """axe-core (WCAG 2.1 A and AA) on every built page; every request goes to our server."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    violations = {}
    pages = _site_pages(str(site_dir))
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
