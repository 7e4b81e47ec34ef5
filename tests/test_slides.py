"""Slides: the parser, the rules on slides files, and the decks built from the real course.

The decks are built once per test session by calling the builder on the loaded course (no
MkDocs): about 10 s for six PDFs and six PPTX files.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pypdf
import pytest

import coursekit
from coursekit import slides, views
from coursekit.loader import parse_document
from coursekit.numbering import unit_number

from conftest import ROOT, apply_edits, problems_of
from pdfcheck import check_pdf, normalise

MODULES = ("K1", "K2", "K3", "F1", "G1", "G2")


def test_parser_splits_slides_notes_sources_and_lines():
    text = (
        "---\nkind: slides\nunit: u\n---\n\n# Eins\n\n- a\n- b\n\nQuelle: x-2020, y-2021\n\n???\n\n"
        "Notiz eins.\n\n---\n\n# Zwei\n\n![Alt text](bild.svg)\n"
    )
    doc, defects = parse_document(text, "mod/folien/u.md")
    assert defects == []
    one, two = slides.parse(doc)
    assert (one.line, one.title, one.bullets, one.sources, one.notes) == (
        6, "Eins", ("a", "b"), ("x-2020", "y-2021"), "Notiz eins."
    )
    assert one.source_line == 11 and one.words == 3  # title and bullets; notes and sources do not count
    assert (two.line, two.title, two.figure.alt, two.figure.src, two.figure.line) == (
        19, "Zwei", "Alt text", "bild.svg", 21
    )


def test_figure_without_alt_on_a_slide_is_md001(base_project):
    apply_edits(base_project, [{
        "file": "docs/mod/folien/u-eins.md",
        "text": "---\nkind: slides\nunit: u-eins\nimages:\n  - {src: ../bild.png, title: Bild, author: A, "
                "licence: CC BY 4.0, origin: eigenes Werk}\n---\n\n# Eins\n\n![](../bild.png)\n\n---\n\n"
                "# Zwei\n\n- b\n\n---\n\n# Drei\n\n- c\n",
    }])
    found = [(p.rule, p.file, p.line) for p in problems_of(base_project)]
    assert found == [("MD001", "mod/folien/u-eins.md", 10)]


def test_real_slides_are_short_and_sourced():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    counts = [s.words for doc in course.slides.values() for s in slides.parse(doc)]
    assert counts and max(counts) <= 40
    cited = {ref for doc in course.slides.values() for s in slides.parse(doc) for ref in s.sources}
    assert cited and cited <= set(course.sources)


def test_notes_section_escapes_and_links_relative(tmp_path):
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    html = views.slides(course, "coordinators/k1/k1-netzwerktypen.md", "k1-netzwerktypen")
    assert 'href="../../pdf/folien-k1.pdf"' in html and 'href="../../pdf/folien-k1.pptx"' in html
    assert "Netzwerke unterscheiden sich nach Funktion" in html and "K1.2" in html
    doc = course.slides["k1-netzwerktypen"]
    doc.cache["slides"] = [slides.Slide(1, "<b>Bold</b> & co", ("x",), notes="<script>")]
    html = views.slides(course, "coordinators/k1/k1-netzwerktypen.md", "k1-netzwerktypen")
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html and "&lt;script&gt;" in html


@pytest.fixture(scope="session")
def decks(tmp_path_factory):
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    site = tmp_path_factory.mktemp("site")
    built = slides.build_decks(course, site, tmp_path_factory.mktemp("cache"), logging.getLogger("test"))
    return course, built


def _units_with_slides(course, module_id):
    module = course.modules[module_id]
    units = [*course.units_of(module_id), *(course.units[b.unit] for b in module.bridges)]
    return [u for u in units if slides.needs_slides(u)]


def test_every_module_has_both_files_with_the_same_slides(decks):
    from pptx import Presentation

    course, built = decks
    assert set(built) == set(MODULES)
    for module_id, (pdf, pptx, n) in built.items():
        assert pdf.name == f"folien-{module_id.lower()}.pdf" and pptx.name == f"folien-{module_id.lower()}.pptx"
        report = check_pdf(pdf)
        prs = Presentation(pptx)
        assert report.pages == len(prs.slides) == n
        assert _text_outside(pdf) == []
        for unit in _units_with_slides(course, module_id):
            assert normalise(unit.title) in report.text, (module_id, unit.id)
            code = unit_number(course, unit.id)
            in_pptx = [s for s in prs.slides if any(code in sh.text_frame.text for sh in s.shapes
                                                     if sh.has_text_frame and sh.name == "Foliennummer")]
            assert len(in_pptx) >= 4, unit.id
            assert any(unit.title in sh.text_frame.text for s in in_pptx for sh in s.shapes if sh.has_text_frame)


def _text_outside(pdf: Path) -> list[tuple[int, str]]:
    """Characters whose box is not inside their page (PDFium's boxes: pypdf's text visitor
    misplaces some SVG labels)."""
    import pypdfium2

    doc, out = pypdfium2.PdfDocument(str(pdf)), []
    for number in range(len(doc)):
        page = doc[number]
        width, height = page.get_size()
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            if right > left and not (-1 <= left and right <= width + 1 and -1 <= bottom and top <= height + 1):
                out.append((number + 1, text.get_text_range(i, 1)))
        text.close()
        page.close()
    doc.close()
    return out


def test_decks_are_16_to_9_and_nothing_leaves_the_slide(decks):
    from pptx import Presentation

    _, built = decks
    for pdf, pptx, _ in built.values():
        for page in pypdf.PdfReader(pdf).pages:
            assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, rel=0.002)
        prs = Presentation(pptx)
        assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=0.002)
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0, (pptx.name, number, shape.name)
                assert shape.left + shape.width <= prs.slide_width, (pptx.name, number, shape.name)
                assert shape.top + shape.height <= prs.slide_height, (pptx.name, number, shape.name)


def test_pptx_has_notes_logo_licence_and_slide_numbers(decks):
    from pptx import Presentation

    course, built = decks
    prs = Presentation(built["K1"][1])
    first_content = prs.slides[2]
    names = {sh.name for sh in first_content.shapes}
    assert {"Logo", "Lizenz", "Foliennummer"} <= names
    licence = next(sh for sh in first_content.shapes if sh.name == "Lizenz").text_frame.text
    assert course.config.licence in licence and course.config.organisation in licence
    number = next(sh for sh in first_content.shapes if sh.name == "Foliennummer")
    assert number._element.xpath(".//a:fld[@type='slidenum']")
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert sum(bool(n.strip()) for n in notes) == len(prs.slides)


def test_svg_figure_renders_on_its_pdf_page(decks):
    import pypdfium2

    course, built = decks
    deck = slides.deck(course, "K2")
    index = next(i for i, s in enumerate(deck) if s.figure and s.figure.name == "wirkungstreppe.svg")
    pdf = pypdfium2.PdfDocument(str(built["K2"][0]))
    image = pdf[index].render(scale=0.5).to_pil().convert("L")
    w, h = image.size
    figure_area = image.crop((int(w * 0.2), int(h * 0.25), int(w * 0.8), int(h * 0.8)))
    dark = sum(1 for px in figure_area.tobytes() if px < 128)
    assert dark > 0.02 * figure_area.size[0] * figure_area.size[1]  # lines and labels of the stairs
    pdf.close()


def test_figures_have_title_desc_no_external_refs_and_large_labels():
    import re

    figures = sorted((ROOT / "docs" / "assets" / "images" / "figures").glob("*.svg"))
    figures.append(ROOT / "docs" / "assets" / "images" / "kursaufbau.svg")
    assert len(figures) >= 10
    for path in figures:
        svg = path.read_text(encoding="utf-8")
        assert "<title" in svg and "<desc" in svg, path.name
        assert not re.search(r"(href|src)=\"(?!#)", svg) and "url(http" not in svg and "@import" not in svg
        width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ', svg).group(1))
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
        assert sizes and min(sizes) >= 12 * width / 390, (path.name, min(sizes))
