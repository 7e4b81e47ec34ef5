"""The trainer's kit (issue 15): materials as data, day kits, module booklets and forms.

Fast tests call the views and builders on the loaded course; forms, which need no site, are
rendered directly; build-level assertions read the PDFs of the session's full build."""

from __future__ import annotations

import difflib
import html
import itertools
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

import coursekit
from coursekit import documents, kits, webviews
from coursekit.documents import daykit, forms
from coursekit.handbook import Entry
from pdfcheck import measure_layout, normalise

ROOT = Path(__file__).resolve().parent.parent
QUANTITY = re.compile(r"^\d+ \S+")


@pytest.fixture()
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")


def _with(course, **changes):
    course.config = course.config.model_copy(update=changes)
    return course


def _days(course):
    return [(m, d) for m in webviews.module_order(course) for d in range(len(m.days))]


def test_units_and_methods_name_materials_from_the_catalogue(course):
    assert len(course.materials) >= 20
    assert all(u.materials for u in course.units.values()), "every unit names its material by id"
    used = {i for item in [*course.units.values(), *course.methods.values()] for i in item.materials}
    assert used <= set(course.materials)


def test_every_packing_line_has_a_quantity_and_a_unit_of_count(course):
    for module, d in _days(course):
        lines = kits.packing(course, kits.day_units(course, module, d))
        assert lines, f"{module.id} day {d + 1} packs nothing"
        for line in lines:
            assert line.count > 0 and QUANTITY.match(line.text), (module.id, d, line)


def test_no_two_materials_are_near_duplicates(course):
    names = [m.name.lower() for m in course.materials.values()]
    close = [(a, b) for a, b in itertools.combinations(names, 2) if difflib.SequenceMatcher(None, a, b).ratio() > 0.85]
    assert close == []
    for module, d in _days(course):  # and none within one day's packing list
        day = [line.material.name.lower() for line in kits.packing(course, kits.day_units(course, module, d))]
        assert len(day) == len(set(day))


def test_quantities_follow_the_configured_group(course):
    module = course.modules["K1"]
    units = kits.day_units(course, module, 0)
    big = {line.material.id: line.count for line in kits.packing(course, units)}
    small = {line.material.id: line.count for line in kits.packing(_with(course, participants=12), units)}
    uses = lambda mid: sum(mid in kits.unit_materials(course, u) for u in units)  # noqa: E731
    cards, paper = course.materials["moderationskarten"], course.materials["flipchartpapier"]
    assert (cards.per, paper.per) == ("Person", "Gruppe")
    assert big["moderationskarten"] == 20 * cards.amount * uses("moderationskarten")
    assert small["moderationskarten"] == 12 * cards.amount * uses("moderationskarten")
    assert small["flipchartpapier"] == 3 * paper.amount * uses("flipchartpapier")  # 12 in groups of 4
    assert big["flipchartpapier"] == 5 * paper.amount * uses("flipchartpapier")
    copies = kits.copies(course, units, last_day=False, module_id="K1")
    assert {c.count for c in copies if c.worksheet} == {12 + course.config.copy_reserve}


def test_day_kit_pages_say_packliste_kopierliste_vorbereitung(course):
    module = course.modules["K1"]
    kit = daykit.entries(course, module, 0, {})
    titles = [e.title for e in kit]
    assert titles[:5] == ["Ablaufplan", "Packliste", "Kopierliste", "Vorbereitung", "Raum und Aufbau"]
    prep = kit[3].html
    for when in ("Sechs Wochen vorher", "Zwei Wochen vorher", "Einen Tag vorher", "Am Morgen"):
        assert when in prep
    plan = kit[0].html
    assert "<th>Leitung</th>" in plan and "<td>beide</td>" in plan
    one = daykit.entries(_with(course, trainers=1), module, 0, {})
    assert "<th>Leitung</th>" not in one[0].html and "beide" not in one[0].html


def test_bridges_belong_to_the_first_day_of_their_module_when_the_variant_needs_them(course):
    g1 = course.modules["G1"]
    assert kits.day_bridges(course, g1, 0) == []  # the offered variant (Komplett) has every module
    coordination = _with(course, variant="Koordination")  # no F1: G1's bridge for leaders' content
    bridges = kits.day_bridges(coordination, g1, 0)
    assert bridges and all(b.for_module not in coordination.config.variants["Koordination"] for b in bridges)
    units = kits.day_units(coordination, g1, 0)
    assert [u.id for u in units[: len(bridges)]] == [b.unit for b in bridges]
    assert all(kits.day_bridges(coordination, g1, d) == [] for d in range(1, len(g1.days)))
    plan = daykit.entries(coordination, g1, 0, {})[0].html
    assert all(f"Brückenbaustein: {html.escape(coordination.units[b.unit].title)}" in plan for b in bridges)
    assert plan.index("Brückenbaustein") < plan.index("<h2>Kurstag</h2>")


def test_certificate_ue_come_from_the_schedule(course):
    for module in webviews.module_order(course):
        minutes = sum(kits.content_minutes(course, module, d) for d in range(len(module.days)))
        (cert,) = forms.certificate(course, module)
        assert f"{kits.ue_text(minutes / 45)} Unterrichtseinheiten (UE)" in cert.html
        assert all(html.escape(course.units[u].title) in cert.html for day in module.days for u in day.units)


def test_configured_dates_go_on_certificate_and_attendance_list(course):
    module = course.modules["K1"]
    dated = _with(course, dates={"K1": [date(2027, 2, 4), date(2027, 2, 5)]})
    (cert,) = forms.certificate(dated, module)
    assert "am 04.02.2027 und 05.02.2027" in cert.html
    (sheet,) = forms.attendance(dated, module)
    assert "04.02.2027" in sheet.html and "05.02.2027" in sheet.html
    assert sheet.html.count("<tr>") == 1 + dated.config.participants + dated.config.copy_reserve


def test_kit_documents_match_the_list_on_the_site(course):
    built = {d.name for d in documents.collect(course, [])} - {"einladung.pdf"}
    listed = {Path(d.file).name for d in webviews.documents(course) if d.kind in ("day", "module", "form")}
    assert built == listed - {"einladung.pdf"}
    days = sum(len(m.days) for m in course.modules.values())
    assert len([n for n in built if n.startswith("tag-")]) == days >= 10
    for m in course.modules:
        for stem in ("modul", "teilnahmebescheinigung", "teilnahmeliste"):
            assert f"{stem}-{m.lower()}.pdf" in built


def test_trainers_page_links_every_day_kit_booklet_and_form(course):
    text = webviews.course_days(course, "trainer/index.md", "trainer/index.html")
    for d in webviews.documents(course):
        if d.kind in ("day", "module", "form"):
            assert f'href="../{d.file}"' in text, d.file


def test_feedback_form_rates_goals_methods_transfer_organisation(course):
    sheets = forms.feedback(course)
    assert [e.title for e in sheets][-1] == "Nachbefragung nach drei Monaten"
    k1 = sheets[0].html
    for group in ("Ziele des Moduls", "Methoden", "Transfer", "Organisation", "Was hat gefehlt?"):
        assert group in k1
    assert all(html.escape(g) in k1 for g in course.modules["K1"].goals)


@pytest.fixture(scope="module")
def rendered_forms(tmp_path_factory):
    """Certificate, attendance list and feedback form of the real course, rendered directly."""
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    out = tmp_path_factory.mktemp("forms")
    module = course.modules["K1"]
    docs = [
        documents.Doc("teilnahmebescheinigung-k1.pdf", "Bescheinigung", "Teilnahmebescheinigung K1",
                      forms.certificate(course, module), forms.OPTIONS),
        documents.Doc("teilnahmeliste-k1.pdf", "Liste", "Teilnahmeliste K1", forms.attendance(course, module), forms.OPTIONS),
        documents.Doc("auswertungsbogen.pdf", "Auswertung", "Auswertungsbogen", forms.feedback(course), forms.OPTIONS),
    ]
    for doc in docs:
        documents.render(doc, title=course.config.title, course_block=course.config.model_dump(),
                         site=course.docs_dir, out_dir=out, cache=out / "cache")
    return course, out


def test_forms_stay_inside_the_type_area(rendered_forms):
    course, out = rendered_forms
    for name in ("teilnahmebescheinigung-k1.pdf", "teilnahmeliste-k1.pdf", "auswertungsbogen.pdf"):
        layout = measure_layout(out / name, edge_mm=8, binding_mm=18, skip_first=0)
        assert layout.too_close == [] and layout.binding == [], (name, layout.too_close, layout.binding)
    assert measure_layout(out / "teilnahmebescheinigung-k1.pdf").pages == 1
    assert measure_layout(out / "teilnahmeliste-k1.pdf").pages == 1


def test_certificate_pdf_states_the_schedules_ue(rendered_forms):
    course, out = rendered_forms
    text = normalise(pypdf.PdfReader(out / "teilnahmebescheinigung-k1.pdf").pages[0].extract_text())
    ue = sum(kits.teaching_units(course, course.modules["K1"]))
    assert f"{kits.ue_text(ue)} Unterrichtseinheiten (UE)" in text


def test_certificates_for_a_group_from_a_local_csv(tmp_path):
    from coursekit.__main__ import main

    people = tmp_path / "teilnehmende.csv"
    people.write_text("name;organisation\nErika Mustermann;Stadt Ahornbach\nJonas Beispiel;Familienzentrum\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["bescheinigungen", "--config", str(ROOT / "mkdocs.yml"), "--module", "K1", "--csv", str(people),
                 "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["teilnahmebescheinigungen-k1.pdf"]  # no cache with names left
    reader = pypdf.PdfReader(out / "teilnahmebescheinigungen-k1.pdf")
    assert len(reader.pages) == 2
    assert "Erika Mustermann" in reader.pages[0].extract_text() and "Jonas Beispiel" in reader.pages[1].extract_text()
    assert "*.csv" in (ROOT / ".gitignore").read_text(encoding="utf-8")


# --- build level: the PDFs of the session's full build -------------------------------------------


def test_every_day_module_and_form_has_its_pdf(full_site, course):
    for d in webviews.documents(course):
        if d.kind in ("day", "module", "form"):
            assert (full_site / d.file).is_file(), d.file


def test_day_kits_contain_their_lists_and_stay_small(full_site, course):
    for module, d in _days(course):
        path = full_site / "pdf" / daykit.name(module, d)
        reader = pypdf.PdfReader(path)
        text = normalise(" ".join(p.extract_text() for p in reader.pages))
        for word in ("Packliste", "Kopierliste", "Vorbereitung"):
            assert word in text, (path.name, word)
        assert len(reader.pages) <= 60, (path.name, len(reader.pages))


def test_day_kit_stays_inside_the_type_area(full_site):
    layout = measure_layout(full_site / "pdf/tag-k1-1.pdf", edge_mm=8, binding_mm=18, skip_first=1)
    assert layout.too_close == [] and layout.binding == [], (layout.too_close[:5], layout.binding[:5])


def test_built_certificate_states_the_schedules_ue(full_site, course):
    for module in webviews.module_order(course):
        text = normalise(pypdf.PdfReader(full_site / f"pdf/teilnahmebescheinigung-{module.id.lower()}.pdf").pages[0].extract_text())
        assert f"{kits.ue_text(sum(kits.teaching_units(course, module)))} Unterrichtseinheiten" in text, module.id


def test_module_booklet_is_the_handbooks_pages_with_its_own_outline(full_site, course):
    """The booklet is cut from the handbook: every outline entry opens a page whose text is a
    page of the handbook, and the unit's id is on it."""
    book = pypdf.PdfReader(full_site / "pdf/handbuch.pdf")
    booklet = pypdf.PdfReader(full_site / "pdf/modul-k1.pdf")
    assert booklet.trailer["/Root"]["/Lang"] == "de"
    book_pages = {normalise(page.extract_text()) for page in book.pages}

    def items(outline, depth=0):
        for item in outline:
            if isinstance(item, list):
                yield from items(item, depth + 1)
            else:
                yield depth, item

    found = list(items(booklet.outline))
    assert found[0][0] == 0 and found[0][1].title.startswith("K1 ")
    units = [item for depth, item in found if depth == 1 and re.match(r"K1\.\d+ ", item.title)]
    assert len(units) >= 5, [item.title for _, item in found]
    for item in units:
        text = normalise(booklet.pages[booklet.get_destination_page_number(item)].extract_text())
        assert item.title.split()[0] in text, item.title
        assert text in book_pages, item.title
    named = booklet.named_destinations  # links lead to the booklet's own pages, none nowhere
    links = [a.get_object()["/Dest"] for page in booklet.pages for a in page.get("/Annots", ())
             if "/Dest" in a.get_object()]
    assert len(links) > 100 and all(str(dest) in named for dest in links)


def _marked_content(page) -> set[int]:
    """The MCIDs a page's content stream marks."""
    import pikepdf

    found = set()
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
            found.add(int(operands[1].MCID))
    return found


def test_module_booklet_is_tagged_with_the_handbooks_structure_of_its_pages(full_site):
    """PDF/UA like the handbook: one tag tree whose elements lie only on the booklet's pages;
    every page's and link's key is in the parent tree; every marked content of every page has
    its element, and the figures keep their alternative texts."""
    import pikepdf

    from pdfcheck import figure_alts

    path = full_site / "pdf/modul-k1.pdf"
    with pikepdf.open(path) as pdf, pikepdf.open(full_site / "pdf/handbuch.pdf") as book:
        root = pdf.Root
        assert root.MarkInfo.Marked and "/Metadata" in root
        tree = root.StructTreeRoot
        assert [str(k.S) for k in tree.K] == ["/Document"]
        nums = tree.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(tree.ParentTreeNextKey) == max(parents) + 1
        own = {page.objgen for page in pdf.pages}
        elements = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"]
        assert len(elements) > 1000
        assert all(e.Pg.objgen in own for e in elements if "/Pg" in e)  # nothing of the rest of the handbook
        for number, page in enumerate(pdf.pages):
            marked = _marked_content(page)
            array = parents[int(page.obj.StructParents)]
            assert {i for i, e in enumerate(array) if e is not None} == marked, number
            for annot in page.obj.get("/Annots", ()):
                element = parents[int(annot.StructParent)]
                assert element.S == "/Link" and any(k.get("/Obj") == annot for k in element.K
                                                    if isinstance(k, pikepdf.Dictionary)), number
        assert path.stat().st_size < (full_site / "pdf/handbuch.pdf").stat().st_size / 3
    alts = figure_alts(pypdf.PdfReader(path))
    assert alts and set(alts) <= set(figure_alts(pypdf.PdfReader(full_site / "pdf/handbuch.pdf")))
