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


def test_every_printed_page_reference_is_the_page_its_link_leads_to(handbook):
    """"(S. 42)" is the page the link next to it opens, in all 500+ pages: the numbers come
    from the page map of the parts, and links between parts work in the joined book."""
    reader = pypdf.PdfReader(handbook)
    dests = {name: reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}
    wrong, references, across = [], 0, 0
    for number, page in enumerate(reader.pages, 1):
        printed = {int(n) for n in re.findall(r"\(S\.\s(\d+)\)", page.extract_text())}
        targets = set()
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            assert "/URI" not in (annot.get("/A") or {}) or not str(annot["/A"]["/URI"]).startswith("xref:")
            if annot.get("/Dest") is not None:
                targets.add(dests[str(annot["/Dest"])])
                across += 1
        references += len(printed)
        wrong += [(number, n) for n in sorted(printed - targets)]
    assert references > 300 and across > 1000
    assert wrong == []


def test_joined_handbook_keeps_one_tag_tree_for_all_pages(handbook):
    """PDF/UA: one structure tree; every page's and link's key is in its parent tree."""
    reader = pypdf.PdfReader(handbook)
    root = reader.trailer["/Root"]
    tree = root["/StructTreeRoot"]
    keys = {int(k) for k in tree["/ParentTree"]["/Nums"][::2]}
    assert root["/MarkInfo"]["/Marked"] and str(root["/Lang"]) == "de"
    assert [str(tree["/K"][0].get_object()["/S"])] == ["/Document"]
    for page in reader.pages:
        assert int(page["/StructParents"]) in keys
        for annot in page.get("/Annots") or []:
            assert int(annot.get_object()["/StructParent"]) in keys
    assert int(tree["/ParentTreeNextKey"]) == max(keys) + 1
    assert reader.metadata.title.startswith("Synergien vor Ort")


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
