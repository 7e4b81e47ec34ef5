"""What a page becomes on paper: the print core's adjustments to a page's HTML.

The website and the PDFs share one HTML per page. On paper some of it is of no use (passages
marked ``screen-only``, the browser-only form of the Netzwerk-Check), some needs help to read
well (a heading or a day's clock line must not end a page; a short literature list stays in
one piece; a box title that repeats its heading goes), and German hyphenation needs correct
patterns. Print-only additions (page numbers after internal links, figure numbers) are done by
the print stylesheet on the classes set here.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

__all__ = ["HYPHENATION", "imprint", "prepare", "use_german_hyphenation"]

HYPHENATION = Path(__file__).parent / "hyphenation" / "hyph_de_DE.dic"
SCREEN_ONLY = ".screen-only, .md-source-file, .downloads, .method-filter, .method-filter__status"


def use_german_hyphenation() -> None:
    """Make WeasyPrint's Pyphen use our single-level German patterns for ``lang="de"``.

    Pyphen's bundled ``hyph_de_DE.dic`` is LibreOffice's two-level file; read as one level it
    breaks "Far-ben" as "Fa-rben". Ours is built from the TeX hyph-utf8 patterns
    (scripts/hyphenation.py)."""
    import pyphen

    for name in ("de", "de_DE"):
        pyphen.LANGUAGES[name] = HYPHENATION
        pyphen.LANGUAGES_LOWERCASE[name.lower()] = name


def load_hyphenation() -> None:
    """Read the patterns now (0.6 s); processes forked afterwards share them."""
    import pyphen

    pyphen.Pyphen(lang="de")


def prepare(soup: BeautifulSoup, *, glossary_prefix: str | None = None) -> None:
    """Adjust one page's HTML (already with print anchors) for paper, in place."""
    for el in soup.select(SCREEN_ONLY):
        el.decompose()
    for el in soup.select(".print-only"):
        el["class"] = [c for c in el.get("class", []) if c != "print-only"] + ["printed"]
    _repeated_box_titles(soup)
    _keep_with_next(soup)
    _short_lists_whole(soup)
    if glossary_prefix:
        for a in soup.find_all("a", href=True):
            if a["href"].startswith("#" + glossary_prefix):
                a["class"] = [*a.get("class", []), "term-link"]


def _repeated_box_titles(soup: BeautifulSoup) -> None:
    """A box titled like the heading right above it ("Hinweise für Trainerinnen und Trainer"
    under the heading of the same name) keeps only its marker, not the repeated words."""
    for title in soup.select(".admonition > .admonition-title"):
        box = title.parent
        heading = box.find_previous_sibling()
        if heading is not None and heading.name in ("h2", "h3", "h4", "h5", "h6"):
            if heading.get_text(" ", strip=True) == title.get_text(" ", strip=True):
                title.decompose()


def _keep_with_next(soup: BeautifulSoup) -> None:
    """A short paragraph right after a heading (a day's clock line, a lead-in such as
    "Die Teilnehmenden …:") stays with what follows."""
    for p in soup.find_all("p"):
        before = p.find_previous_sibling()
        after = p.find_next_sibling()
        if before is not None and before.name in ("h2", "h3", "h4", "h5", "h6") and len(p.get_text()) < 160:
            p["class"] = [*p.get("class", []), "keep-with-next"]
        elif after is not None and after.name in ("ul", "ol", "table", "div") and p.get_text(strip=True).endswith(":"):
            p["class"] = [*p.get("class", []), "keep-with-next"]


def _short_lists_whole(soup: BeautifulSoup) -> None:
    """A list of at most eight short items (e.g. a literature list) is not split across pages."""
    for ul in soup.find_all(["ul", "ol"]):
        items = ul.find_all("li", recursive=False)
        if 0 < len(items) <= 8 and len(ul.get_text()) < 1200:
            ul["class"] = [*ul.get("class", []), "keep-whole"]


def imprint(title: str, subtitle: str, course: dict, today: date | None = None) -> str:
    """The handbook's imprint page: publisher, version, date, licence, citation, contact."""
    today = today or date.today()
    e = lambda value: html.escape(str(value or ""))  # noqa: E731
    holder = course.get("licence_holder") or course["organisation"]
    licence = course["licence"]
    licence_url = {
        "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
        "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.de",
    }.get(licence, "")
    address = (course.get("imprint") or {}).get("address")
    site = course.get("base_url")
    cite = f"{course['organisation']} ({today.year}): {title}. {subtitle}. Fassung {course.get('version') or '1.0'}."
    if site:
        cite += f" {site}"
    rows = [
        ("Herausgeber", course["organisation"] + (f", {address}" if address else "")),
        ("Fassung", f"{course.get('version') or '1.0'}, Stand {today.day:02d}.{today.month:02d}.{today.year}"),
        ("Lizenz", f"{licence} ({licence_url})" if licence_url else licence),
        ("Rechteinhaber", holder),
        ("Kontakt", course.get("contact")),
        ("Online", site),
    ]
    upstream = course.get("upstream") or {}
    if upstream.get("title"):
        rows.append(("Beruht auf", f"{upstream['title']} ({upstream.get('url') or ''})".replace(" ()", "")))
    table = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows if v)
    return (
        '<section class="imprint">'
        '<h1 class="imprint__title">Impressum</h1>'
        f'<table class="imprint__facts">{table}</table>'
        f'<p class="imprint__licence">Dieses Werk steht unter der Lizenz {e(licence)}. Sie dürfen es '
        "kopieren, weitergeben und bearbeiten, auch für Ihre eigene Fortbildung, wenn Sie die Quelle "
        "nennen" + (" und Bearbeitungen unter derselben Lizenz weitergeben." if "SA" in licence else ".")
        + "</p>"
        f'<p class="imprint__cite"><strong>Zitiervorschlag:</strong> {e(cite)}</p>'
        "<p class=\"imprint__note\">Alle Personen, Kommunen und Fälle in den Fallbeispielen sind "
        "erfunden. Quellen stehen bei jeder Einheit und im Literaturverzeichnis.</p>"
        "</section>"
    )
