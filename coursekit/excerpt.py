"""Lay out each page once: documents cut from the rendered handbook.

A module booklet holds the same pages as the module's part of the handbook (module page,
units, worksheets, method cards). Laying them out a second time costs as long as the handbook
itself; cutting them out of the finished handbook PDF costs about a second. An excerpt gets a
small front part of its own (cover, imprint, contents) and keeps the handbook's page numbers,
so "siehe S. 42" and the contents point to the same pages in both.

The excerpt stays a tagged PDF (PDF/UA-1) like the handbook: its front part is rendered tagged,
and the handbook's structure elements with content on the cut pages move along with them.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import handbook, paper
from .parts import as_list, copy_into

__all__ = ["Excerpt", "cut"]

log = logging.getLogger("mkdocs.plugins.coursekit.excerpt")


@dataclass
class Excerpt:
    """A document made of handbook pages: ``parts`` are entries of the handbook (by URL), with
    the depth they have in the excerpt's outline; entries without URL are headings only."""

    name: str
    label: str
    subtitle: str
    parts: list[handbook.Entry]


def _destinations(reader) -> dict[str, tuple[int, list]]:
    """The handbook's named destinations: name -> (page, 0-based; the rest of its array)."""
    import pikepdf

    if "/Names" not in reader.Root or "/Dests" not in reader.Root.Names:
        return {}
    index = {page.objgen: number for number, page in enumerate(reader.pages)}
    found = {}
    for name, dest in pikepdf.NameTree(reader.Root.Names.Dests).items():
        array = list(dest.D if isinstance(dest, pikepdf.Dictionary) else dest)
        if array and array[0].objgen in index:
            found[name] = (index[array[0].objgen], array[1:])
    return found


def _starts(named: dict[str, tuple[int, list]], entries: list[handbook.Entry]) -> list[tuple[str, int]]:
    """(url, first page, 0-based) of every handbook entry with a page, in handbook order."""
    return [(e.url, named[anchor][0]) for i, e in enumerate(entries)
            if e.url is not None and (anchor := handbook._entry_anchor(i, e)) in named]


def _ranges(starts: list[tuple[str, int]], pages: int) -> dict[str, range]:
    """Pages of each entry: from its first page to the page before the next entry starts."""
    out: dict[str, range] = {}
    for k, (url, first) in enumerate(starts):
        following = [p for _, p in starts[k + 1:] if p > first]
        out[url] = range(first, following[0] if following else pages)
    return out


def _front(excerpt: Excerpt, rows: list[tuple[int, str, int]], *, title: str, course: dict,
           site_dir: Path) -> bytes:
    """Cover, imprint and contents (with the handbook's page numbers) as a small PDF."""
    import weasyprint

    items = "".join(
        f'<li class="toc__item toc__item--{depth}"><span data-page="{page}">{html.escape(text)}</span></li>'
        for depth, text, page in rows
    )
    body = (
        handbook._cover(title, excerpt.subtitle, course, "booklet", site_dir)
        + paper.imprint(title, excerpt.subtitle, course)
        + '<nav class="toc"><h1 class="toc__title">Inhalt</h1>'
        '<p class="toc__note">Auszug aus dem Handbuch für Trainerinnen und Trainer; die Seitenzahlen '
        f"sind die des Handbuchs, damit Verweise („S. 42“) in beiden stimmen.</p><ul>{items}</ul></nav>"
    )
    css = handbook.STYLESHEET.read_text(encoding="utf-8") + (
        ".toc__item span::after { content: leader('. ') attr(data-page); }"  # as in the handbook
        ".toc__note { font-size: 9pt; color: #333; }"
    )
    document = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)} – '
                f"{html.escape(excerpt.subtitle)}</title><style>{css}</style></head>"
                f'<body class="booklet">{body}</body></html>')
    paper.use_german_hyphenation()
    refused: list[str] = []
    fetcher = handbook._confined_fetcher((site_dir, Path(handbook.__file__).parent), refused)
    return weasyprint.HTML(string=document, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")


def _keep_links(pdf, named: dict[str, tuple[int, list]], copies: dict[int, object]) -> None:
    """The handbook's named destinations on pages the excerpt holds (``copies``: handbook
    page -> its copy), pointed at the copies; a link to a page the excerpt lacks is dropped
    (its printed "S. N" stays, as the handbook's page)."""
    import pikepdf

    names = pikepdf.NameTree.new(pdf)
    for name, (page, rest) in named.items():
        if page in copies:
            names[name] = pdf.make_indirect(pikepdf.Array([copies[page], *rest]))
    pdf.Root.Names = pikepdf.Dictionary(Dests=names.obj)
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        kept = [a for a in annots if "/Dest" not in a or str(a.Dest) in names]
        if len(kept) != len(annots):
            page.obj.Annots = pikepdf.Array(kept)


def _numbers(node) -> dict[int, object]:
    """The entries of a number tree (a parent tree): key -> value."""
    found = {}
    pairs = node.get("/Nums")
    if pairs is not None:
        found.update({int(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)})
    for kid in node.get("/Kids", ()):
        found.update(_numbers(kid))
    return found


class _Tags:
    """The handbook's tag tree as the excerpts need it, read once for all of them."""

    def __init__(self, reader) -> None:
        import pikepdf

        tree = reader.Root.StructTreeRoot
        self.parents = _numbers(tree.ParentTree)
        self.tops = {kid.objgen for top in as_list(tree.get("/K")) for kid in as_list(top.get("/K"))
                     if isinstance(kid, pikepdf.Dictionary)}
        self.pages = [page.obj for page in reader.pages]


def _keep_tags(pdf, handbook_tags: _Tags, copies: dict[int, object]) -> None:
    """Give the cut pages (``copies``: handbook page -> its copy, in the excerpt's order) their
    part of the handbook's tag tree, under the front's Document: every top-level element (an
    entry's section) with content on them, in the order of the pages, rebuilt with only what
    lies on those pages (a reference to any other page would pull the whole handbook along);
    page and link keys numbered on after the front's; links that were dropped lose their
    object reference."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    source, tops, originals = handbook_tags.parents, handbook_tags.tops, handbook_tags.pages
    pages = {originals[number].objgen: copy for number, copy in copies.items()}  # source -> copy
    links = {}  # source annotation -> its kept copy
    for number, copy in copies.items():
        kept = {a.objgen for a in copy.get("/Annots", ())}
        for original, annot in zip(originals[number].get("/Annots", ()), copy.get("/Annots", ())):
            if "/StructParent" in annot:
                del annot["/StructParent"]  # the handbook's key; set again below if its element comes along
            if annot.objgen in kept:
                links[original.objgen] = annot

    def top_of(element):
        """The element's top-level ancestor, or the root of a page margin's content: WeasyPrint
        marks the header and footer as elements below the Document but outside its kids, so
        that they are not read as content (Kozea/WeasyPrint#1836)."""
        while element.objgen not in tops:
            parent = element.get("/P")
            if parent is None or parent.get("/S") == Name.Document:
                return element
            element = parent
        return element

    needed: dict[tuple[int, int], object] = {}  # top-level elements, in order of their first page
    for number in copies:
        page = originals[number]
        for element in as_list(source.get(int(page.StructParents))) if "/StructParents" in page else ():
            if isinstance(element, Dictionary):
                top = top_of(element)
                needed.setdefault(top.objgen, top)
    root = pdf.Root.StructTreeRoot
    document = as_list(root.K)[0]
    nums = _numbers(root.ParentTree)
    key = max(nums, default=-1) + 1
    marked: dict[tuple[int, int], dict[int, object]] = {}  # copied page -> MCID -> its element
    for copy in copies.values():
        marked[copy.objgen] = {}

    def clone(element, parent, page):
        nonlocal key
        here = element.Pg.objgen if "/Pg" in element else page
        new = pdf.make_indirect(Dictionary(Type=Name.StructElem))
        for name, value in element.items():
            if name not in ("/P", "/Pg", "/K", "/Type"):
                new[name] = copy_into(pdf, value)
        new.P = parent
        if here in pages:
            new.Pg = pages[here]
        kids = []
        for kid in as_list(element.get("/K")):
            if isinstance(kid, int):
                if here in pages:
                    kids.append(kid)
                    marked[pages[here].objgen][kid] = new
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                at = kid.Pg.objgen if "/Pg" in kid else here
                if at in pages:
                    kids.append(Dictionary(Type=Name.MCR, Pg=pages[at], MCID=int(kid.MCID)))
                    marked[pages[at].objgen][int(kid.MCID)] = new
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                annot = links.get(kid.Obj.objgen)
                if annot is not None:
                    kids.append(Dictionary(Type=Name.OBJR, Obj=annot))
                    annot.StructParent = key
                    nums[key] = new
                    key += 1
            elif isinstance(kid, Dictionary) and "/S" in kid:
                child = clone(kid, new, here)
                if child is not None:
                    kids.append(child)
        if not kids:
            return None
        new.K = Array(kids)
        return new

    elements = list(as_list(document.get("/K")))
    for objgen, top in needed.items():
        copied = clone(top, document, None)
        if copied is not None and objgen in tops:  # a margin's content stays outside, as made
            elements.append(copied)
    document.K = Array(elements)
    for copy in copies.values():
        found = marked[copy.objgen]
        copy.StructParents = key
        nums[key] = Array([found.get(i) for i in range(max(found, default=-1) + 1)])
        key += 1
    flat = Array()
    for number in sorted(nums):
        flat.extend([number, nums[number]])
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=flat))
    root.ParentTreeNextKey = key


def _write(reader, named, tags: _Tags, parts, front: bytes, out: Path, *, title: str, author: str) -> int:
    """The excerpt: its own front pages, then the handbook's pages of each part, with an
    outline entry per part, the links and the part of the tag tree that the copied pages keep."""
    import pikepdf

    with pikepdf.open(io.BytesIO(front)) as pdf:
        with pdf.open_outline() as outline:
            outline.root.clear()  # the front's own bookmarks; the excerpt gets its own
            stack: dict[int, list] = {0: outline.root}
            copies: dict[int, object] = {}
            for part, pages in parts:
                first = len(pdf.pages)
                for number in pages or ():
                    pdf.pages.append(reader.pages[number])
                    copies[number] = pdf.pages[-1].obj
                item = pikepdf.OutlineItem(part.label, first if pages else min(first, len(pdf.pages) - 1))
                stack.get(part.depth - 1, outline.root).append(item)
                stack[part.depth] = item.children
        _keep_links(pdf, named, copies)
        _keep_tags(pdf, tags, copies)
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Author"] = author
        pdf.Root.Lang = pikepdf.String("de")
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return len(pdf.pages)


class _Cutting:
    """What every excerpt of one build is cut from; the handbook is opened once per process."""

    def __init__(self, source: Path, entries: list[handbook.Entry], title: str, course: dict, site_dir: Path) -> None:
        self.source, self.entries, self.title, self.course, self.site_dir = source, entries, title, course, site_dir
        self.reader = None

    def cut(self, excerpt: Excerpt, cached: Path, out: Path) -> handbook.Output:
        import pikepdf

        started = time.perf_counter()
        if self.reader is None:
            self.reader = pikepdf.open(self.source)
            self.named = _destinations(self.reader)
            self.tags = _Tags(self.reader)
            self.ranges = _ranges(_starts(self.named, self.entries), len(self.reader.pages))
        parts = [(p, self.ranges.get(p.url) if p.url else None) for p in excerpt.parts]
        rows = [(p.depth, p.label, (r.start + 1) if r else 0) for p, r in parts]
        rows = [(d, text, page or next((q for _, _, q in rows[i + 1:] if q), 0))
                for i, (d, text, page) in enumerate(rows)]
        front = _front(excerpt, rows, title=self.title, course=self.course, site_dir=self.site_dir)
        pages = _write(self.reader, self.named, self.tags, parts, front, out,
                       title=f"{self.title} – {excerpt.subtitle}", author=self.course["organisation"])
        for old in cached.parent.glob(f"*-{excerpt.name}"):  # keep one cached copy per excerpt
            old.unlink()
        shutil.copyfile(out, cached)
        seconds = time.perf_counter() - started
        log.info("%s: %d Seiten aus dem Handbuch geschnitten in %.1f s", excerpt.label, pages, seconds)
        return handbook.Output(out, pages, seconds, False)


_PENDING: tuple[_Cutting, list] | None = None
"""The cutting of this build, for the forked processes (they inherit it; nothing is pickled)."""


def _cut_pending(index: int) -> handbook.Output:
    cutting, todo = _PENDING
    return cutting.cut(*todo[index])


def cut(excerpts: list[Excerpt], *, source: Path, source_key: str, entries: list[handbook.Entry],
        title: str, course: dict, site_dir: Path, out_dir: Path, cache_dir: Path,
        workers: int | None = None) -> list[handbook.Output]:
    """Write every excerpt to ``out_dir``, cut from the rendered ``source`` (the handbook) whose
    cache key is ``source_key``; an excerpt is cached by that key and its own parts. Several
    excerpts are cut side by side, one process per core (``workers``)."""
    global _PENDING
    import multiprocessing
    import os

    outputs, todo = [], []
    for excerpt in excerpts:
        digest = hashlib.sha256(f"{source_key}|{excerpt.name}|{excerpt.subtitle}|{title}|{course}".encode())
        digest.update(Path(__file__).read_bytes())  # how it is cut
        for part in excerpt.parts:
            digest.update(f"{part.url}|{part.depth}|{part.title}|{part.number}\n".encode())
        cached = cache_dir / f"{digest.hexdigest()[:24]}-{excerpt.name}"
        out = out_dir / excerpt.name
        out.parent.mkdir(parents=True, exist_ok=True)
        if cached.exists():
            shutil.copyfile(cached, out)
            log.info("%s: unverändert, aus dem Zwischenspeicher übernommen", excerpt.label)
            outputs.append(handbook.Output(out, 0, 0.0, True))
        else:
            todo.append((excerpt, cached, out))
    if not todo:
        return outputs
    cache_dir.mkdir(parents=True, exist_ok=True)
    cutting = _Cutting(source, entries, title, course, site_dir)
    count = min(len(todo), max(1, workers or os.cpu_count() or 1))
    if count == 1:
        return outputs + [cutting.cut(*item) for item in todo]
    _PENDING = (cutting, todo)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return outputs + pool.map(_cut_pending, range(len(todo)), chunksize=1)
    finally:
        _PENDING = None
