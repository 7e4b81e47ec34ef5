"""The handbook in parts: how it is cut, numbered, rendered in rounds and joined."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from coursekit import handbook, parts

COURSE = {"organisation": "Fortbildungsverbund Musterstadt", "licence": "CC BY-SA 4.0", "version": "1.0"}


def _entries() -> list[handbook.Entry]:
    """Three modules of units long enough to fill several pages each, with links forwards and
    backwards across modules."""
    text = "<p>" + "Die Koordination verbindet Verwaltung, Träger und Zivilgesellschaft. " * 40 + "</p>"
    out = []
    for m in (1, 2, 3):
        out.append(handbook.Entry(f"Modul {m}", 0, f"m{m}/", f"<h1>Modul {m}</h1>{text}"))
        for u in (1, 2):
            other = 4 - m
            link = f'<p>Siehe <a href="../../m{other}/u{u}/">Einheit {other}.{u}</a>.</p>'
            out.append(handbook.Entry(f"Einheit {m}.{u}", 1, f"m{m}/u{u}/",
                                      f"<h1>Einheit {m}.{u}</h1>{link}{text}{text}", number=f"E{m}.{u}"))
    return out


def _document(tmp_path: Path) -> str:
    return handbook.assemble(_entries(), title="Musterkurs", subtitle="Handbuch", course=COURSE, site_dir=tmp_path)


def test_parts_begin_at_whole_entries_and_know_their_anchors_and_figures(tmp_path):
    doc = parts.split(_document(tmp_path), "Musterkurs", target=9_000)
    assert doc.parts[0].body.startswith('<section class="cover')  # cover, imprint, contents
    assert len(doc.parts) > 3
    for part in doc.parts[1:]:
        assert part.body.startswith('<section class="entry ')
    owned = [a for p in doc.parts for a in p.owned]
    assert len(owned) == len(set(owned))  # each anchor lives in exactly one part
    assert any("p-m3-u2" in p.owned for p in doc.parts[1:])


def test_a_part_carries_its_first_page_number_side_and_the_pages_of_its_references(tmp_path):
    doc = parts.split(_document(tmp_path), "Musterkurs", target=9_000)
    part = next(p for p in doc.parts if "p-m1-u1" in p.owned)
    pages = parts.PageMap([5] + [3] * (len(doc.parts) - 1), {"p-m3-u1": 77, "p-m1-u1": 9})
    html = parts.fill(doc, part, pages)
    start = pages.start(part.index)
    assert f"counter-reset: page {start}" in html
    assert f"break-before: {'left' if start % 2 == 0 else 'right'}" in html
    assert re.search(r'data-page="77" href="xref:p-m3-u1"', html)  # another part: joined later
    assert 'data-page="9" href="#p-m1-u1"' in html or "p-m1-u1" not in re.findall(r'href="#([^"]+)"', html)
    assert "target-counter" not in html.split("</style><style>")[-1]  # no re-layout for numbers


class _Output:
    def __init__(self, info):
        self.info = info


def test_rounds_measure_render_and_render_again_only_what_was_numbered_wrong(tmp_path, monkeypatch):
    joined = []
    def fake_join(pdfs, infos, out, owned):
        joined.append(len(pdfs))
        out.write_bytes(b"%PDF")

    monkeypatch.setattr(parts, "join", fake_join)
    html = _document(tmp_path)
    build = parts.HandbookBuild(lambda: html, "Musterkurs", "k", "b", tmp_path / "out.pdf", tmp_path, (),
                                target=9_000)
    measure = build.first_jobs()  # cold: no page map yet
    assert {j.mode for j in measure} == {"measure"}
    sizes = {j.index: 2 for j in measure}

    def info(index, pages):
        part = build.doc.parts[index]
        return {"pages": pages, "anchors": {a: 0 for a in part.owned}, "bookmarks": []}

    rendered = []
    for job in measure:
        rendered += build.follow(job, _Output(info(job.index, sizes[job.index])))
    assert {j.mode for j in rendered} == {"part"} and len(rendered) == len(build.doc.parts)
    # part 2 turns out one page longer than measured: every part after it starts a page later
    sizes[2] = 3
    again = []
    for job in rendered:
        again += build.follow(job, _Output(info(job.index, sizes[job.index])))
    indices = {j.index for j in again}
    assert set(range(3, len(build.doc.parts))) <= indices and {j.mode for j in again} == {"part"}
    assert joined == []
    for job in again:
        build.follow(job, _Output(info(job.index, sizes[job.index])))
    assert joined == [len(build.doc.parts)] and build.done
    assert (tmp_path / "handbuch-seiten.json").exists()  # the next build starts from this map


def test_joined_book_has_right_references_links_outline_and_one_tag_tree(tmp_path):
    html = _document(tmp_path)
    out = tmp_path / "book.pdf"
    build = parts.HandbookBuild(lambda: html, "Musterkurs", "k", "b", out, tmp_path / "cache", (tmp_path,),
                                target=9_000)
    handbook.render_all(build.first_jobs(), workers=2)
    assert build.done and len(build.doc.parts) > 3
    reader = pypdf.PdfReader(out)
    dests = {n: reader.get_destination_page_number(d) + 1 for n, d in reader.named_destinations.items()}
    checked = 0
    for page in reader.pages:
        printed = {int(n) for n in re.findall(r"\(S\.\s(\d+)\)", page.extract_text())}
        targets = {dests[str(a.get_object()["/Dest"])] for a in page.get("/Annots") or [] if "/Dest" in a.get_object()}
        assert printed <= targets
        checked += len(printed)
    assert checked >= 6  # every unit links to a unit in another module
    assert dests["p-m3-u2"] > dests["p-m1-u1"] > 1
    titles = [item.title if not isinstance(item, list) else None for item in reader.outline]
    assert "Modul 1" in " ".join(t for t in titles if t)
    keys = {int(k) for k in reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"][::2]}
    assert all(int(p["/StructParents"]) in keys for p in reader.pages)
    last = reader.pages[-1].extract_text()
    assert re.search(rf"(^|\s){len(reader.pages)}(\s|$)", last)  # page numbers run on across parts
