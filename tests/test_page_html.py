"""The hooks' rewrites without a build: run sheets and unit plans structured as text give the
same bytes as parsed with BeautifulSoup; credited images become figures; search documents get
the parts of their compounds."""

from __future__ import annotations

import markdown
import pytest

import coursekit
from conftest import ROOT
from coursekit import images, search, tables
from coursekit.model import ImageCredit


@pytest.fixture(scope="module")
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml", ROOT / "docs")


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "md_in_html", "tables"])


def _blocks(course) -> list[str]:
    from coursekit import views

    pages = [views.run_sheet(course, course.doc_of(m).path, m) for m in course.modules]
    pages += [views.unit_plan(course, course.doc_of(u).path, u) for u in course.units]
    return [m.group(0) for page in pages for m in tables._BLOCK.finditer(_html(page))]


def test_plans_structured_as_text_equal_the_parsed_ones(course):
    blocks = _blocks(course)
    assert len(blocks) > len(course.units)
    for block in blocks:
        assert tables._structure_markdown_table(block) == tables._structure(block)


@pytest.mark.parametrize("old, new", [
    ("<th>Zeit</th>", "<th>Zeit &amp; \"Ort\" 'hier'</th>"),  # label with both quotes
    ("<th>Zeit</th>", '<th>Zeit "Ort"</th>'),
    ("<th>Zeit</th>", "<th><em>Zeit</em> jetzt</th>"),
    ("<td>", '<td style="text-align: left;">'),  # aligned columns
    ("<td></td>\n<td><strong>", "<td>12:00</td>\n<td><strong>Zeitpuffer "),  # buffer row
    ("<td></td>\n<td><strong>", "<td>12:00</td>\n<td><strong>Pause</strong> und <strong>"),  # break row
    ("strong>", "b>"),  # no unit rows: one tbody
])
def test_unusual_plan_cells_give_the_same_bytes(course, old, new):
    block = _blocks(course)[0].replace(old, new)
    assert tables._structure_markdown_table(block) == tables._structure(block)


def test_a_table_of_another_shape_is_parsed():
    block = _html('<div class="unit-plan" markdown>\n\n| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n\n</div>')
    other = block.replace("<tr>", '<tr class="own">')
    assert tables._structure_markdown_table(other) is None
    assert '<tr class="own step-row">' in tables.structure_plans(other)
    assert '<tr class="step-row">' in tables.structure_plans(block)


def test_credited_images_become_figures_and_the_rest_of_the_page_stays():
    credit = ImageCredit(src="../assets/k.svg", title="Karte", author="A. Autorin", licence="CC BY 4.0",
                         origin="eigenes Werk", link="https://example.org/?a=1&b=2")
    page = ('<h2 id="x">X<a class="headerlink" href="#x">&para;</a></h2>\n'
            '<p><img alt="Karte" src="../assets/k.svg" /></p>\n'
            '<p>Im Text <img alt="Karte" src="../assets/k.svg" /> und <img alt="Andere" src="../assets/o.svg" /></p>\n'
            '<figure><img alt="Karte" src="../assets/k.svg" /></figure>\n')
    out = images.caption_images(page, [credit], "methods/karte.md")
    figure = ('<figure class="credited"><img alt="Karte" src="../assets/k.svg"/><figcaption>'
              '<a href="https://example.org/?a=1&amp;b=2">Karte</a>. A. Autorin, CC BY 4.0. '
              "Herkunft: eigenes Werk.</figcaption></figure>")
    assert out == (
        '<h2 id="x">X<a class="headerlink" href="#x">&para;</a></h2>\n'
        f"{figure}\n"
        f'<p>Im Text {figure} und <img alt="Andere" src="../assets/o.svg" /></p>\n'
        '<figure><img alt="Karte" src="../assets/k.svg" /></figure>\n'
    )


def test_search_documents_get_the_parts_of_their_compounds_once():
    data = {"docs": [
        {"location": "a.html", "title": "Netzwerkkarte", "text": "<p>Die Netzwerkkarte und die Karte.</p>"},
        {"location": "b.html", "title": "Netzwerk", "text": "Ein Netzwerk und seine Netzwerkkarten, Netzwerkkarten."},
    ]}
    search.add_parts(data)
    a, b = data["docs"]
    assert a["title_parts"] == "netzwerk karte" and a["parts"] == "netzwerk"  # "karte" is a word of the text
    assert b["parts"] == "karten" and "title_parts" not in b  # "netzwerk" is a word of b's text
    assert data["config"]["fields"]["parts"] == {"boost": 1.0}


def test_words_are_lowered_as_a_whole_text_only_where_that_gives_the_same_words():
    import sys

    joins = [chr(c) for c in range(sys.maxunicode + 1)
             if chr(c).lower() != chr(c) and not search.WORD.match(chr(c)) and search.WORD.search(chr(c).lower())]
    assert sorted(joins) == sorted(search._LOWER_JOINS)  # İ, ẞ, Kelvin sign: letters only once lowered
    text = "STRA\u1e9eE in \u0130zmir bei 3 \u212a, die Netzwerkkarte"  # as if each word were lowered alone
    assert list(search._words(text)) == ["stra", "e", "in", "zmir", "bei", "die", "netzwerkkarte"]
    assert list(search._words("Die Netzwerkkarte, die NETZWERKKARTE")) == ["die", "netzwerkkarte"]


def test_extended_search_index_comes_from_the_cache_only_for_the_same_index(tmp_path):
    import json

    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "search").mkdir(parents=True)
    lunr = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js"
    lunr.parent.mkdir(parents=True)
    index = site / "search" / "search_index.json"

    def build(title: str, weights: dict) -> dict:
        lunr.write_text("/* lunr.de */", encoding="utf-8")
        index.write_text(json.dumps({"docs": [{"location": "a.html", "title": title, "text": "Das Netzwerk und die Karte."}]}),
                         encoding="utf-8")
        assert search.extend_search(site, weights, [], cache)
        return json.loads(index.read_text(encoding="utf-8"))

    fresh = build("Netzwerkkarte", {})
    assert list(cache.glob("search-*.json")) and build("Netzwerkkarte", {}) == fresh
    assert fresh["docs"][0]["title_parts"] == "netzwerk karte"
    assert build("Netzwerkkarte", {"a.html": 3.0})["docs"][0]["boost"] == 3.0  # other weights: computed again
    other = build("Kartennetzwerk", {})  # another index: computed again, not the cached one
    assert other["docs"][0]["title"] == "Kartennetzwerk" and other != fresh
    assert len(list(cache.glob("search-*.json"))) == 1
