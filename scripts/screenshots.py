"""Screenshots of the built site at mobile and desktop width, for a look by eye.

    python scripts/screenshots.py [--site site] [--out .cache/screenshots]

Build first (make preview). Shows the home page, a module's run sheet, a unit's plan, the
trainers' page, the method index, the glossary and search results for "Konflikte im Netzwerk";
prints the files it wrote. A page with a selector is scrolled to that element first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from localsite import CHROMIUM, serve

PAGES = {
    "start": ("index.html", None),
    "modul": ("coordinators/k1/index.html", ".run-sheet"),
    "einheit": ("coordinators/k1/k1-rolle.html", ".unit-plan"),
    "trainer": ("trainer/index.html", ".course-days"),
    "methoden": ("methods/index.html", None),
    "glossar": ("glossar.html", None),
    "arbeitsblatt": ("coordinators/k1/arbeitsblaetter/ab-k1-rolle.html", None),
}
WIDTHS = {"mobil": (390, 844), "desktop": (1280, 800)}
QUERY = "Konflikte im Netzwerk"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--out", default=".cache/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    url = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for width_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, (path, selector) in PAGES.items():
                page.goto(url + path)
                if selector:
                    page.locator(selector).first.scroll_into_view_if_needed()
                    page.evaluate("window.scrollBy(0, -60)")
                target = out / f"{name}-{width_name}.png"
                page.screenshot(path=target, full_page=False)
                print(target)
            page.goto(url + "index.html")
            page.keyboard.press("/")
            page.wait_for_function(
                "!document.querySelector('.md-search-result__meta').textContent.includes('initialisiert')")
            page.locator("input.md-search__input").press_sequentially(QUERY)
            page.wait_for_function(
                "/Suchergebnis/.test(document.querySelector('.md-search-result__meta').textContent)")
            page.wait_for_timeout(300)
            target = out / f"suche-{width_name}.png"
            page.screenshot(path=target)
            print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
