"""Build tests on the real course: site, German search index, handbook PDF, failure modes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

import coursekit
from coursekit.privacy import third_party_requests

from amb import amb_errors, jsonld_of
from pdfcheck import check_pdf

from conftest import ROOT, build

MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_FILES = ["mkdocs.yml", "hooks.py", "docs", "overrides"]


@pytest.fixture(scope="module")
def course():
    return coursekit.load_project(ROOT / "mkdocs.yml")




def _pages(course):
    """Documents that are pages of the site (slides files are content of the decks only)."""
    return [d for d in course.documents if getattr(d.item, "kind", None) != "slides"]


def _titled(outline: list[str], title: str) -> bool:
    """The outline has the title, with or without its number (K1.4, AB K1.4)."""
    return any(t == title or t.endswith(" " + title) for t in outline)


def test_site_has_every_page(full_site, course):
    for doc in _pages(course):
        target = full_site / (doc.path[:-3] + ".html")  # offline plugin: no directory URLs
        assert target.is_file(), doc.path


def test_site_is_german_and_shows_generated_views(full_site):
    home = (full_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]* lang="de"', home)
    k1 = (full_site / "coordinators/k1/index.html").read_text(encoding="utf-8")
    assert "09:00–" in k1 and "Mittagspause" in k1  # run sheet with clock times and breaks
    method = (full_site / "methods/kartenabfrage.html").read_text(encoding="utf-8")
    assert "k1-rolle.html" in method  # "used in" backlink


def test_search_index_is_german(full_site):
    index = json.loads((full_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    text = " ".join(d["text"] for d in index["docs"])
    for word in ("Heterarchie", "Netzwerkkoordination", "Führungskräfte", "Rückendeckung"):
        assert word in text


def test_no_third_party_requests(full_site):
    assert third_party_requests(full_site) == []
    leaks = subprocess.run(
        ["grep", "-rlE", "googleapis|gstatic|unpkg|jsdelivr", str(full_site)],
        capture_output=True, text=True,
    )
    assert leaks.stdout == ""


def test_handbook_pdf_has_every_module_and_unit(full_site, course):
    reader = pypdf.PdfReader(full_site / "pdf/handbuch.pdf")
    report = check_pdf(full_site / "pdf/handbuch.pdf")
    text, outline = report.text, report.outline
    assert report.pages > 20
    for module in course.modules.values():
        assert module.title in text
        assert module.title in outline
    for unit in course.units.values():
        assert _titled(outline, unit.title), unit.title
    assert "Inhalt" in text and re.search(r"Rolle, Haltung und Auftrag \. [. ]*\d+", text)  # contents with pages
    assert reader.metadata.title.startswith("Synergien vor Ort")


def test_handbook_is_hyphenated_german(full_site):
    reader = pypdf.PdfReader(full_site / "pdf/handbuch.pdf")
    raw = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "\u2010" in raw or re.search(r"[a-zäöüß]-\n[a-zäöüß]", raw), "no hyphenation found"


def test_handbook_passes_the_pdf_check(full_site, course):
    report = check_pdf(full_site / "pdf/handbuch.pdf")
    assert report.broken_links == []
    assert report.outside == []
    assert 100 < report.pages < 20 * len(course.units) + 100  # page budget
    for item in [*course.modules.values(), *course.units.values(), *course.methods.values()]:
        assert _titled(report.outline, item.title), item.title


def test_pdf_metadata(full_site):
    for name, subtitle in (("handbuch", "Handbuch für Trainerinnen und Trainer"),
                           ("arbeitsheft", "Arbeitsheft für Teilnehmende")):
        reader = pypdf.PdfReader(full_site / f"pdf/{name}.pdf")
        assert reader.metadata.title == f"Synergien vor Ort – {subtitle}"
        assert reader.metadata.author == coursekit.load_project(ROOT / "mkdocs.yml").config.organisation
        assert str(reader.trailer["/Root"].get("/Lang")) == "de"
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF (PDF/UA-1)


def _trainer_sentences(course) -> list[str]:
    """The first words of every trainer note in the course."""
    found = []
    for doc in course.documents:
        block = re.search(r'^!!! trainer .*\n((?:\n|    .*\n)+)', doc.body, re.M)
        if block:
            words = re.sub(r"[*_`{}]|^\s*- ", "", block.group(1), flags=re.M).split()
            found.append(" ".join(words[:6]))
    return found


def test_workbook_has_worksheets_and_no_trainer_notes(full_site, course):
    report = check_pdf(full_site / "pdf/arbeitsheft.pdf")
    assert report.broken_links == []
    for sheet in course.worksheets.values():
        assert _titled(report.outline, sheet.title), sheet.title
    assert not any(_titled(report.outline, u.title) for u in course.units.values())
    sentences = _trainer_sentences(course)
    assert len(sentences) >= len(course.units)
    handbook_text = check_pdf(full_site / "pdf/handbuch.pdf").text
    assert sum(s in handbook_text for s in sentences) >= len(sentences) // 2  # the probe works
    leaked = [s for s in sentences if s in report.text]
    assert leaked == []
    assert "Trainerhinweis" not in report.text


@pytest.fixture
def project_copy(tmp_path) -> Path:
    project = tmp_path / "kurs"
    project.mkdir()
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    return project


def test_site_without_pdf_builds_without_warnings(project_copy, tmp_path):
    result = build(project_copy, tmp_path / "site", pdf=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert not (tmp_path / "site/pdf/handbuch.pdf").exists()


def test_broken_reference_fails_with_file_line_rule(project_copy, tmp_path):
    unit = project_copy / "docs/coordinators/k1/k1-rolle.md"
    text = unit.read_text(encoding="utf-8")
    line = text.splitlines().index("    method: kartenabfrage") + 1
    unit.write_text(text.replace("    method: kartenabfrage", "    method: kartenabfrag", 1), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", pdf=False)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"docs/coordinators/k1/k1-rolle.md:{line}: REF003" in out
    assert "Meintest du „kartenabfrage“?" in out
    assert "Traceback" not in out


def test_broken_yaml_fails_without_traceback(project_copy, tmp_path):
    module = project_copy / "docs/leaders/f1/index.md"
    module.write_text(module.read_text(encoding="utf-8").replace("track: leaders", "track: [leaders", 1), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", pdf=False)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "docs/leaders/f1/index.md:" in out and "YAML001" in out
    assert "Traceback" not in out


def test_ci_annotations(project_copy, tmp_path):
    unit = project_copy / "docs/leaders/f1/f1-transfer.md"
    unit.write_text(unit.read_text(encoding="utf-8").replace("duration: 90", "duration: 95", 1), encoding="utf-8")
    env = {**os.environ, "CI": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", "check"], cwd=project_copy, env=env,
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert re.search(r"^::error file=docs/leaders/f1/f1-transfer.md,line=\d+,title=PLAN001::", result.stdout, re.M)


def test_warning_fails_strict_build(project_copy, tmp_path):
    method = project_copy / "docs/methods/ungenutzt.md"
    method.write_text(
        "---\nkind: method\nid: ungenutzt\ntitle: Ungenutzt\npurpose: Test.\n"
        "group_size: {min: 2, max: 4}\nduration: {min: 5, max: 10}\nsettings: [online]\n---\n",
        encoding="utf-8",
    )
    result = build(project_copy, tmp_path / "site", pdf=False)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "docs/methods/ungenutzt.md:3: USE001 Warnung" in out
    assert "Traceback" not in out


def test_misspelt_course_variable_fails_without_traceback(project_copy, tmp_path):
    home = project_copy / "docs/index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("course.organisation", "course.organisaton"), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", pdf=False)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert "docs/index.md:" in out and "MAC001" in out and "course.organisation" in out
    assert "Traceback" not in out


def test_method_cards_are_compact(full_site, course):
    reader = pypdf.PdfReader(full_site / "pdf/handbuch.pdf")
    top = reader.outline
    at = [getattr(i, "title", None) for i in top].index("Methoden")
    section = top[at + 1]
    starts = {
        re.sub(r"\s+", " ", item.title): reader.get_destination_page_number(item)
        for item in section if not isinstance(item, list)
    }
    after = next(i for i in top[at + 2:] if not isinstance(i, list))
    methods = sorted(course.methods.values(), key=lambda m: m.title.lower())
    pages = [starts[m.title] for m in methods] + [reader.get_destination_page_number(after)]
    for method, start, end in zip(methods, pages, pages[1:]):  # book type (11.4 pt): up to three pages
        assert end - start <= 3, f"{method.title} takes {end - start} pages"


def test_modules_show_two_run_sheets_with_breaks(full_site, course):
    for module in course.modules.values():
        doc = course.doc_of(module.id).path
        html = (full_site / doc.replace("index.md", "index.html")).read_text(encoding="utf-8")
        days = len(module.days)
        # one run sheet per day, plus one per bridge block a configured variant needs (G1)
        assert days <= html.count('class="run-sheet"') <= days + len(module.bridges), module.id
        breaks = re.findall(r'<tr class="break-row">.*?</tr>', html, re.S)
        assert sum("Mittagspause" in b for b in breaks) == days, module.id
        assert sum("Kaffeepause" in b for b in breaks) == 2 * days, module.id
        assert "09:00–" in html and "16:30" in html


def test_handbook_has_run_sheets_and_worksheets(full_site, course):
    text = check_pdf(full_site / "pdf/handbuch.pdf").text
    assert text.count("Mittagspause") >= 2 * len(course.modules)
    for sheet in course.worksheets.values():
        assert sheet.title in text, sheet.title


def test_download_links_point_at_the_pdfs(full_site):
    for page in ("index.html", "trainer/index.html"):
        html = (full_site / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.pdf)"', html)
        assert {"handbuch.pdf", "arbeitsheft.pdf"} <= {h.rsplit("/", 1)[-1] for h in links}, page
        for href in links:
            assert (full_site / page).parent.joinpath(href).resolve().is_file(), href


def test_every_page_carries_valid_amb_metadata_and_the_sitemap_lists_it(full_site, course):
    base = course.config.base_url
    pages = [p for p in full_site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]
    assert len(pages) == len(_pages(course))
    for page in pages:
        (data,) = jsonld_of(page.read_text(encoding="utf-8"))
        assert amb_errors(data) == [], page
        path = page.relative_to(full_site).as_posix()
        assert data["id"] == (base if path == "index.html" else base + path)  # home page = the course
    sitemap = (full_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len(pages)
    assert f"<loc>{base}methods/netzwerkkarte.html</loc>" in sitemap


def test_footer_links_the_legal_pages_on_every_page(full_site):
    for page in ("index.html", "coordinators/k1/k1-rolle.html", "methods/netzwerkkarte.html"):
        html = (full_site / page).read_text(encoding="utf-8")
        footer = html[html.index('class="course-legal"'):]
        for title in ("Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache"):
            assert f">{title}</a>" in footer, (page, title)
    imprint = (full_site / "impressum.html").read_text(encoding="utf-8")
    assert "Beispielweg 12, 34567 Musterstadt" in imprint and "§ 18 Abs. 2 MStV" in imprint


def test_images_carry_their_credit_as_caption_on_the_site_and_in_the_handbook(full_site):
    concept = (full_site / "konzept.html").read_text(encoding="utf-8")
    figure = concept[concept.index('<figure class="credited">'):]
    caption = figure[figure.index("<figcaption>"):figure.index("</figcaption>")]
    assert "Aufbau der Fortbildung." in caption and "CC BY-SA 4.0" in caption and "Herkunft: eigenes Werk" in caption
    credits = (full_site / "bildnachweise.html").read_text(encoding="utf-8")
    assert "Aufbau der Fortbildung" in credits and 'href="konzept.html"' in credits
    text = check_pdf(full_site / "pdf/handbuch.pdf").text
    assert "Bildnachweise" in text
    assert "Aufbau der Fortbildung. Synergien vor Ort – Kursautorinnen und Kursautoren, CC BY-SA 4.0." in text
