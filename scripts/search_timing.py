"""Search timing in Debian's Chromium: index size, time until the search is ready, and time
from the first keystroke to the first result, for a few queries.

    python scripts/search_timing.py [--site site] [--page path] [--warm]

Build first. Each query runs on a fresh page load and is typed right away, as a reader who
opens a page and searches at once (the index is still being built); with --warm the script
first waits until the search is ready (a reader who has been on the page for a moment).
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from localsite import CHROMIUM, serve

QUERIES = ["Konflikte im Netzwerk", "Moderatorin", "Evaluation", "Netzwerkkarte", "Datenschutz Netzwerk"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--page", default="coordinators/k1/k1-rolle.html")
    parser.add_argument("--warm", action="store_true", help="wait until the search is ready")
    args = parser.parse_args()
    index = Path(args.site) / "search" / "search_index.json"
    raw = index.read_bytes()
    print(f"Index: {len(raw) / 1024:.0f} KB, gzip {len(gzip.compress(raw)) / 1024:.0f} KB")
    url = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for query in QUERIES:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            started = time.perf_counter()
            page.goto(url + args.page)
            page.evaluate("""() => {
              window.__t = {};
              document.addEventListener('keydown', () => { window.__t.key ??= performance.now(); }, true);
              new MutationObserver(() => {
                if (document.querySelector('li.md-search-result__item')) window.__t.first ??= performance.now();
              }).observe(document.body, {childList: true, subtree: true});
            }""")
            if args.warm:
                page.locator("input.md-search__input").focus()
                page.wait_for_function(
                    "!document.querySelector('.md-search-result__meta').textContent.includes('initialisiert')")
                page.evaluate("window.__t = {}")
            else:
                page.keyboard.press("/")
            page.locator("input.md-search__input").press_sequentially(query, delay=80)
            page.wait_for_function(
                "q => document.querySelector('.md-search__input').value === q && "
                "/Suchergebnis|Keine/.test(document.querySelector('.md-search-result__meta').textContent)",
                arg=query, timeout=30000)
            page.wait_for_timeout(300)
            ready = time.perf_counter() - started
            t = page.evaluate("window.__t")
            first = f"{(t['first'] - t['key']) / 1000:.2f} s" if "first" in t else "keins"
            top = page.eval_on_selector_all(
                "li.md-search-result__item", "items => items.slice(0, 3).map(i => i.querySelector('a').href)")
            print(f"{query!r}: erstes Ergebnis {first} nach dem ersten Tastendruck "
                  f"(Antwort auf die ganze Anfrage nach {ready:.2f} s ab Laden); "
                  f"oben: {[h.replace(url, '').split('?')[0] for h in top]}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
