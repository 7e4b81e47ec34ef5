"""A municipality forks the course: it changes only the extra.course block and gets its own
name, logo, contact and variant on every page, on both PDF covers and in the metadata."""

from __future__ import annotations

import shutil

import pypdf
import pytest

from amb import amb_errors, jsonld_of
from conftest import ROOT
from pdfcheck import figure_alts
from test_build import PROJECT_FILES, build

OLD_NAME = "Fortbildungsverbund Synergien vor Ort"
NEW = {
    "title": "Gemeinsam in Lindenhain",
    "organisation": "Stadt Lindenhain",
    "logo": "assets/images/wappen-lindenhain.svg",
    "contact": "fortbildung@lindenhain.example",
    "variant": "Koordination",
    "base_url": "https://fortbildung.lindenhain.example/",
}
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Wappen</title>'
        '<rect width="10" height="10" fill="#ffffff"/></svg>\n')


def _set(text: str, key: str, value: str) -> str:
    """Replace the value of one key of the extra.course block (indented by four spaces)."""
    lines = text.splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(f"    {key}:")]
    assert len(hits) == 1, key
    lines[hits[0]] = f"    {key}: {value}\n"
    return "".join(lines)


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    project = tmp_path_factory.mktemp("fork")
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert OLD_NAME in config
    for key, value in NEW.items():
        config = _set(config, key, value)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs" / NEW["logo"]).write_text(LOGO, encoding="utf-8")
    site = project / "site"
    result = build(project, site, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_fork_shows_its_name_logo_and_contact_on_the_site(fork):
    home = (fork / "index.html").read_text(encoding="utf-8")
    assert f" - {NEW['title']}</title>" in home
    assert NEW["organisation"] in home and 'wappen-lindenhain.svg' in home
    unit = (fork / "coordinators/k1/k1-rolle.html").read_text(encoding="utf-8")
    assert NEW["organisation"] in unit and NEW["title"] in unit
    concept = (fork / "konzept.html").read_text(encoding="utf-8")
    assert "<strong>Koordination</strong> (angeboten)" in concept
    imprint = (fork / "impressum.html").read_text(encoding="utf-8")
    assert NEW["organisation"] in imprint


def test_fork_shows_its_name_contact_and_variant_on_both_pdf_covers(fork):
    for name in ("handbuch.pdf", "arbeitsheft.pdf"):
        reader = pypdf.PdfReader(fork / "pdf" / name)
        cover = " ".join(reader.pages[0].extract_text().split())
        for text in (NEW["organisation"], NEW["title"], NEW["contact"], "Kursvariante: Koordination"):
            assert text in cover, (name, text)
        assert figure_alts(reader)[0] == f"Logo {NEW['organisation']}", name  # logo on the cover
        assert reader.metadata.author == NEW["organisation"]


def test_fork_metadata_names_the_fork_and_validates(fork):
    (home,) = jsonld_of((fork / "index.html").read_text(encoding="utf-8"))
    assert amb_errors(home) == []
    assert home["id"] == NEW["base_url"] and home["name"] == NEW["title"]
    assert home["creator"] == [{"type": "Organization", "name": NEW["organisation"]}]
    assert [p["name"].split(":")[0] for p in home["hasPart"]] == ["K1", "G1", "K2", "K3", "G2"]
    (unit,) = jsonld_of((fork / "coordinators/k1/k1-rolle.html").read_text(encoding="utf-8"))
    assert unit["id"].startswith(NEW["base_url"]) and amb_errors(unit) == []


def test_old_name_appears_nowhere_in_the_fork(fork):
    leftovers = []
    for path in fork.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".js", ".css", ".txt"}:
            if OLD_NAME in path.read_text(encoding="utf-8", errors="replace"):
                leftovers.append(path.relative_to(fork).as_posix())
        elif path.suffix == ".pdf":
            reader = pypdf.PdfReader(path)
            text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
            if OLD_NAME in text or OLD_NAME in str(reader.metadata):
                leftovers.append(path.relative_to(fork).as_posix())
    assert leftovers == []
