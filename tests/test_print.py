"""The handbook as a print shop and a trainer meet it: measured on the PDF itself."""

from __future__ import annotations

import re

import pypdf
import pytest

import coursekit
from coursekit.numbering import numbers

from conftest import ROOT
from pdfcheck import check_pdf, measure_layout, normalise

# Phrases that belong to the website, the author guide or empty configuration values, never
# to the printed handbook.
WEB_ONLY = [
    "Schaltfläche", "Suchfeld", "herunterladen", "klicken", "Klicken Sie", "Kopfzeile der Website",
    "make check", "coursekit new", "kind: unit", "BITTE ERGÄNZEN", "Die Rechte liegen bei .",
    "unter , ", "Prüfregeln", "Felder im Kopfbereich", "Keine Literaturangaben", "2 bis 2 Personen",
]


@pytest.fixture(scope="module")
def handbook(full_site):
    return full_site / "pdf/handbuch.pdf"


@pytest.fixture(scope="module")
def layout(handbook):
    return measure_layout(handbook, edge_mm=8, binding_mm=18)


@pytest.fixture(scope="module")
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")


def test_everything_stays_inside_the_printable_area(layout):
    assert layout.too_close == [], f"ink closer than 8 mm to the paper edge: {layout.too_close[:10]}"


def test_binding_side_leaves_room_for_punching_and_binding(layout):
    assert layout.binding == [], f"binding side under 18 mm: {layout.binding[:10]}"


def test_lines_of_running_text_are_book_length(layout):
    assert len(layout.line_lengths) > 1000
    assert 50 <= layout.median_line <= 75, layout.median_line


def _page_of_outline(reader: pypdf.PdfReader) -> dict[str, int]:
    pages: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(re.sub(r"\s+", " ", item.title), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages


def test_units_and_worksheets_start_a_page_and_carry_their_number(handbook, layout, course):
    reader = pypdf.PdfReader(handbook)
    outline = _page_of_outline(reader)
    numbered = numbers(course)
    sheets = [w for w in course.worksheets.values() if w.id in numbered]
    assert sheets
    for item in [*sheets, *course.units.values()]:
        label = f"{numbered[item.id]} {item.title}"
        assert label in outline, label
        text = normalise(layout.page_texts[outline[label] - 1])
        head = text[: len(label) + 200]
        assert normalise(label)[:40] in head, (label, head[:120])
        previous = normalise(layout.page_texts[outline[label] - 2]) if outline[label] > 1 else ""
        assert normalise(label)[:40] not in previous  # not continued from the page before


def test_no_web_only_or_authoring_text_is_printed(handbook):
    text = check_pdf(handbook).text
    found = [phrase for phrase in WEB_ONLY if phrase in text]
    assert found == []


def test_paper_has_imprint_page_numbers_after_links_and_numbered_figures(handbook):
    reader = pypdf.PdfReader(handbook)
    imprint = normalise(reader.pages[1].extract_text())
    assert "Impressum" in imprint and "Zitiervorschlag" in imprint and "Lizenz" in imprint
    text = check_pdf(handbook).text
    assert len(re.findall(r"\(S\. \d+\)", text)) > 100  # "siehe … (S. 42)"
    assert re.search(r"Abbildung 1: ", text)


def test_figures_are_drawn_in_print(handbook):
    """Each "Abbildung N" caption stands on a page that also carries a drawing."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(handbook))
    pages_with_captions = [i for i in range(len(pdf)) if "Abbildung " in pdf[i].get_textpage().get_text_range()]
    assert pages_with_captions
    for i in pages_with_captions:
        drawn = list(pdf[i].get_objects(filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                                                raw.FPDF_PAGEOBJ_FORM), max_depth=6))
        assert len(drawn) > 5, f"page {i + 1} has a caption but no drawing"


def test_glossary_cites_every_author_of_a_source(handbook):
    text = check_pdf(handbook).text
    assert "(Kania und Kramer 2011)" in text
    assert "(Kania 2011)" not in text


def test_smaller_print_errors_are_fixed_at_their_source(handbook):
    from coursekit import views

    assert views.span(2, 2, "Personen") == "2 Personen"
    assert views.span(8, 20, "Personen") == "8 bis 20 Personen"
    assert views.short_author("Kania, John; Kramer, Mark") == "Kania und Kramer"
    assert views.short_author("Hoffmann, Till; Mengel, Melanie; Sandner, Eva") == "Hoffmann u. a."
    assert views.short_author("PHINEO gAG") == "PHINEO gAG"
    text = check_pdf(handbook).text
    repeated = "Hinweise für Trainerinnen und Trainer Hinweise für Trainerinnen und Trainer"
    assert repeated not in text  # the box no longer repeats its heading
    assert "Selbständigkeit" not in text and "Selbstständigkeit" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # dates as 21.11.2026, never ISO
