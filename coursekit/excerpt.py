"""Lay out each page once: documents cut from the rendered handbook.

A module booklet holds the same pages as the module's part of the handbook (module page,
units, worksheets, method cards). Laying them out a second time costs as long as the handbook
itself; cutting them out of the finished handbook PDF costs about a second. An excerpt gets a
small front part of its own (cover, imprint, contents) and keeps the handbook's page numbers,
so "siehe S. 42" and the contents point to the same pages in both.

Trade-off, measured and accepted: the cut pages lose the handbook's tag tree (PDF/UA); the
handbook and the website stay the accessible versions.
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
    return weasyprint.HTML(string=document, url_fetcher=fetcher).write_pdf()


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


def _write(reader, named, parts, front: bytes, out: Path, *, title: str, author: str) -> int:
    """The excerpt: its own front pages, then the handbook's pages of each part, with an
    outline entry per part. The copied pages leave the handbook's tag tree behind."""
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
                    page = copies[number] = pdf.pages[-1].obj
                    if "/StructParents" in page:
                        del page["/StructParents"]
                    for annot in page.get("/Annots", ()):
                        if "/StructParent" in annot:
                            del annot["/StructParent"]
                item = pikepdf.OutlineItem(part.label, first if pages else min(first, len(pdf.pages) - 1))
                stack.get(part.depth - 1, outline.root).append(item)
                stack[part.depth] = item.children
        _keep_links(pdf, named, copies)
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Author"] = author
        pdf.Root.Lang = pikepdf.String("de")
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        pdf.save(out)
        return len(pdf.pages)


def cut(excerpts: list[Excerpt], *, source: Path, source_key: str, entries: list[handbook.Entry],
        title: str, course: dict, site_dir: Path, out_dir: Path, cache_dir: Path) -> list[handbook.Output]:
    """Write every excerpt to ``out_dir``, cut from the rendered ``source`` (the handbook) whose
    cache key is ``source_key``; an excerpt is cached by that key and its own parts."""
    import pikepdf

    reader = None
    outputs = []
    try:
        for excerpt in excerpts:
            started = time.perf_counter()
            digest = hashlib.sha256(f"{source_key}|{excerpt.name}|{excerpt.subtitle}|{title}|{course}".encode())
            for part in excerpt.parts:
                digest.update(f"{part.url}|{part.depth}|{part.title}|{part.number}\n".encode())
            cached = cache_dir / f"{digest.hexdigest()[:24]}-{excerpt.name}"
            out = out_dir / excerpt.name
            out.parent.mkdir(parents=True, exist_ok=True)
            if cached.exists():
                shutil.copyfile(cached, out)
                log.info("%s: unverändert, aus dem Zwischenspeicher übernommen", excerpt.label)
                outputs.append(handbook.Output(out, 0, 0.0, True))
                continue
            if reader is None:
                reader = pikepdf.open(source)
                named = _destinations(reader)
                ranges = _ranges(_starts(named, entries), len(reader.pages))
            parts = [(p, ranges.get(p.url) if p.url else None) for p in excerpt.parts]
            rows = [(p.depth, p.label, (r.start + 1) if r else 0) for p, r in parts]
            rows = [(d, text, page or next((q for _, _, q in rows[i + 1:] if q), 0))
                    for i, (d, text, page) in enumerate(rows)]
            pages = _write(reader, named, parts, _front(excerpt, rows, title=title, course=course, site_dir=site_dir),
                           out, title=f"{title} – {excerpt.subtitle}", author=course["organisation"])
            cache_dir.mkdir(parents=True, exist_ok=True)
            for old in cache_dir.glob(f"*-{excerpt.name}"):  # keep one cached copy per excerpt
                old.unlink()
            shutil.copyfile(out, cached)
            seconds = time.perf_counter() - started
            log.info("%s: %d Seiten aus dem Handbuch geschnitten in %.1f s", excerpt.label, pages, seconds)
            outputs.append(handbook.Output(out, pages, seconds, False))
    finally:
        if reader is not None:
            reader.close()
    return outputs
