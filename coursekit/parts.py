"""The handbook laid out in parts, in parallel, and joined into one tagged PDF.

Why: with ``target-counter`` a long book is laid out almost three times: WeasyPrint learns the
page of a forward reference ("siehe S. 312", every line of the contents) only when it gets
there, then lays out again every page that refers to it (measured on the 566-page handbook:
1,566 page layouts). Here every reference carries its page number as a literal, taken from a
page map, so each page is laid out once; and the parts are laid out side by side.

How:
- ``split`` cuts the assembled handbook between entries into parts of similar size (the front
  part holds cover, imprint and contents).
- The page map says, for every anchor, on which page it lies. On a cold build it comes from a
  measuring pass (layout only, no PDF) of every part; otherwise from the last build.
- ``fill`` writes a part with the numbers from the map: its first page number and side, the
  running header, the figure counter, "(S. N)" after every internal link. Links to another
  part become ``xref:`` links that ``join`` turns back into links inside the book.
- After the parts are rendered their real page counts and anchors are compared with the map;
  parts whose numbers were wrong are rendered again (rare: a part changed its length).
- ``join`` concatenates the parts with pikepdf and keeps what one WeasyPrint document would have:
  the tag tree (PDF/UA), named destinations, the outline, document metadata.

An edited unit re-renders only its part (and the parts after it if its page count changed).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .handbook import css_string
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

__all__ = ["Document", "HandbookBuild", "PageMap", "Part", "as_list", "copy_into", "fill", "join", "split"]

XREF = "xref:"
TARGET_SIZE = 140_000
"""Characters of HTML per part (about 45 pages): small enough that an edit re-renders little
and the parts keep every core busy, large enough that the per-document cost stays small."""

_NO_MARGIN_BOXES = " ".join(
    f"@page{side} {{ @top-left {{ content: none; }} @top-right {{ content: none; }} "
    "@bottom-left { content: none; } @bottom-right { content: none; } }"
    for side in ("", " :left", " :right", " :first")
)
"""Margin boxes off for the measuring pass: laying out the running header and page number of
every page was a tenth of its time, and they cannot move a line of the type area."""

CHARS_PER_PAGE = 3_000
"""HTML characters per printed page of the handbook (measured: 1.67 MB, 566 pages)."""

_SECTION = re.compile(r'(?=<section class="entry )')
_DEPTH = re.compile(r'<section class="entry entry--depth-(\d)')
_ID = re.compile(r'\sid="([^"]+)"')
_LINK = re.compile(r'<a\b([^>]*?)\shref="#([^"]+)"([^>]*)>')
_TITLE = re.compile(r'<h\d class="entry__title"[^>]*>(.*?)</h\d>', re.S)
_TAG = re.compile(r"<[^>]+>")
_IMG = re.compile(r'<img\b[^>]*?\bsrc="(file:[^"]+)"')


@dataclass
class Part:
    index: int
    body: str
    owned: set[str]
    figures_before: int = 0
    chapter: str = ""
    """Running header (chapter title) in force where the part begins, if its first entry does
    not set one itself (entries of depth 0 and 1 do)."""


@dataclass
class PageMap:
    """Pages per part and the 1-based page of every anchor in the whole book."""

    pages: list[int]
    anchors: dict[str, int]

    def start(self, index: int) -> int:
        return sum(self.pages[:index]) + 1


@dataclass
class Document:
    head: str
    body_tag: str
    parts: list[Part]
    title: str


def _depth(section: str) -> int:
    match = _DEPTH.match(section)
    return int(match.group(1)) if match else 9  # 9: the front part (cover, imprint, contents)


def split(document: str, title: str, target: int = TARGET_SIZE) -> Document:
    """Cut an assembled handbook into a front part and parts of whole entries, each starting
    at an entry of depth 0 to 2 (module, section or unit)."""
    head, rest = document.split("<body", 1)
    body_tag, rest = rest.split(">", 1)
    rest = rest.rsplit("</body>", 1)[0]
    front, *sections = _SECTION.split(rest)
    groups: list[list[str]] = [[front]]
    size = 0
    for section in sections:
        if len(groups) == 1 or (size >= target and _depth(section) <= 2):
            groups.append([])
            size = 0
        groups[-1].append(section)
        size += len(section)
    parts, figures, chapter = [], 0, ""
    for index, group in enumerate(groups):
        body = "".join(group)
        opens = _depth(group[0]) <= 1  # its first title sets the chapter itself
        parts.append(Part(index, body, set(_ID.findall(body)), figures, "" if opens else chapter))
        figures += body.count("<figcaption")
        for section in group:
            title = _TITLE.search(section)
            if _depth(section) <= 1 and title:
                chapter = html_lib.unescape(_TAG.sub("", title.group(1))).strip()
    return Document(head, body_tag, parts, title)


def fill(doc: Document, part: Part, pages: PageMap | None, *, digits: int = 3) -> str:
    """The part as a document of its own, with every number from ``pages`` (or stand-ins of
    ``digits`` digits when there is no map yet: the measuring pass)."""
    start = pages.start(part.index) if pages else 1

    def link(match: re.Match) -> str:
        attrs, target, rest = match.groups()
        href = f"#{target}" if target in part.owned else f"{XREF}{target}"
        if "term-link" in attrs + rest:  # glossary terms print no page number
            return f'<a{attrs} href="{href}"{rest}>'
        page = pages.anchors.get(target) if pages else None
        number = str(page) if page else "0" * digits
        return f'<a{attrs} data-page="{number}" href="{href}"{rest}>'

    body = _LINK.sub(link, part.body)
    left = start % 2 == 0
    css = [
        '.entry__content a[data-page]:not(.term-link)::after { content: " (S.\\00a0" attr(data-page) ")"; }',
        "table a[data-page]::after { font-size: 0.95em; }",
        '.toc__item a[data-page]::after { content: leader(". ") attr(data-page); }',
        f"body {{ counter-reset: figure {part.figures_before}; }}",
    ]
    if part.index > 0:  # not the cover: the first page is a page like any other
        course, chapter = "string(course)", "string(chapter)"
        sides = ((chapter, course, "none", "counter(page)") if left else (course, chapter, "counter(page)", "none"))
        css += [
            f"html {{ break-before: {'left' if left else 'right'}; }}",
            f"@page :first {{ counter-reset: page {start}; @top-left {{ content: {sides[0]}; }} "
            f"@top-right {{ content: {sides[1]}; }} @bottom-right {{ content: {sides[2]}; }} "
            f"@bottom-left {{ content: {sides[3]}; }} }}",
        ]
        if part.chapter:  # on the first title: a string set on body would be set again on every page
            css.append("body > section:first-of-type > .entry__title "
                       f"{{ string-set: chapter {css_string(part.chapter)}; }}")
    if pages is None:  # measuring: header and footer sit outside the type area and move nothing
        css.append(_NO_MARGIN_BOXES)
    head = doc.head.replace("</head>", f"<style>{' '.join(css)}</style></head>", 1)
    return f"{head}<body{doc.body_tag}>{body}</body></html>"


def key(base: str, document: str) -> str:
    """Cache key of a filled part: the print code and settings (``base``), its HTML and the
    bytes of every image it shows."""
    digest = hashlib.sha256(base.encode())
    digest.update(document.encode("utf-8"))
    for src in sorted(set(_IMG.findall(document))):
        path = Path(url2pathname(unquote(urlsplit(src).path)))
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()[:24]


def measured_map(doc: Document, infos: list[dict]) -> PageMap:
    """The page map that the rendered (or measured) parts really have."""
    pages = [info["pages"] for info in infos]
    anchors: dict[str, int] = {}
    start = 1
    for part, info in zip(doc.parts, infos):
        for name, page in info["anchors"].items():
            if name in part.owned:
                anchors.setdefault(name, start + page)
        start += info["pages"]
    return PageMap(pages, anchors)


def estimated_map(doc: Document, last: dict | None) -> PageMap | None:
    """The page map of the last build, if there was one (parts and anchors that are new get
    numbers on the next round)."""
    if not last:
        return None
    pages = last.get("pages") or []
    if len(pages) != len(doc.parts):
        return None
    return PageMap(list(pages), dict(last.get("anchors") or {}))


def join(part_pdfs: list[Path], infos: list[dict], out: Path, owned: list[set[str]]) -> None:
    """Concatenate the rendered parts into one PDF (pikepdf, i.e. qpdf): pages, tag tree,
    named destinations, links between parts, outline and metadata of the first part."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, String

    book = pikepdf.new()
    sources = [pikepdf.open(path) for path in part_pdfs]
    first = sources[0].Root
    document = book.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document))
    kids, nums, names, outline = Array(), Array(), [], []
    offset, base_page = 0, 0
    for source, info, mine in zip(sources, infos, owned):
        start = len(book.pages)
        with warnings.catch_warnings():  # named destinations are rebuilt below
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            book.pages.extend(source.pages)
        tree = source.Root.get("/StructTreeRoot")
        if tree is not None:
            for top in as_list(tree.get("/K")):
                for kid in as_list(top.get("/K")):
                    if isinstance(kid, Dictionary):
                        del kid["/P"]
                        copied = book.copy_foreign(kid)
                        copied.P = document
                        kids.append(copied)
            pairs = list(tree.ParentTree.get("/Nums", Array()))
            top_key = -1
            for i in range(0, len(pairs), 2):
                nums.append(int(pairs[i]) + offset)
                nums.append(copy_into(book, pairs[i + 1]))
                top_key = max(top_key, int(pairs[i]))
            for page in book.pages[start:]:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                for annot in page.obj.get("/Annots", Array()):
                    if "/StructParent" in annot:
                        annot.StructParent = int(annot.StructParent) + offset
            offset += top_key + 1
        for name, dest in _dests(source):
            if name in mine:
                names.append((name, copy_into(book, dest)))
        outline += [(level, label, base_page + page, top) for page, level, label, top in info["bookmarks"]]
        base_page += len(source.pages)
    for page in book.pages:  # links to other parts become links within the book
        for annot in page.obj.get("/Annots", Array()):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(XREF):
                del annot["/A"]
                annot.Dest = String(uri[len(XREF):])
    document.K = kids
    tree_root = book.make_indirect(Dictionary(
        Type=Name.StructTreeRoot, K=Array([document]), ParentTree=book.make_indirect(Dictionary(Nums=nums)),
        ParentTreeNextKey=offset,
    ))
    document.P = tree_root
    book.Root.StructTreeRoot = tree_root
    for key_name in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key_name in first:
            book.Root[key_name] = copy_into(book, first[key_name])
    flat = Array()
    for name, dest in sorted(names, key=lambda item: item[0]):
        flat.append(String(name))
        flat.append(dest)
    book.Root.Names = Dictionary(Dests=book.make_indirect(Dictionary(Names=flat)))
    with book.open_outline() as tree:
        parents: list[tuple[int, OutlineItem]] = []
        for level, label, page, top in outline:
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = OutlineItem(label, page, PageLocation.XYZ, top=top)
            (parents[-1][1].children if parents else tree.root).append(item)
            parents.append((level, item))
    book.Root.PageMode = Name.UseOutlines
    for key_name, value in sources[0].docinfo.items():
        book.docinfo[key_name] = copy_into(book, value)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, fix_metadata_version=False)


def copy_into(book, value):
    """``value`` from another PDF, copied into ``book`` (qpdf copies indirect objects and
    keeps one copy of each, so references to pages land on the pages already copied)."""
    import pikepdf

    if not isinstance(value, pikepdf.Object):
        return value
    if value.is_indirect:
        return book.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([copy_into(book, item) for item in value])
    if isinstance(value, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: copy_into(book, item) for key, item in value.items()})
    return value


def as_list(value) -> list:
    import pikepdf

    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def _dests(source) -> list[tuple[str, object]]:
    """(name, destination array) of every named destination, as written by WeasyPrint."""
    names = source.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return []
    out: list[tuple[str, object]] = []

    def walk(node) -> None:
        pairs = node.get("/Names")
        if pairs is not None:
            for i in range(0, len(pairs), 2):
                out.append((str(pairs[i]), pairs[i + 1]))
        for kid in node.get("/Kids", []):
            walk(kid)

    walk(names.Dests)
    return out


@dataclass
class HandbookBuild:
    """Rounds of part jobs for ``handbook.render_all``: measure (cold build only), render,
    compare with the map, render again what was numbered wrong; then join."""

    assemble: Callable[[], str]
    """Returns the whole handbook as one HTML document (called only when it is not cached)."""
    title: str
    key: str
    """Cache key of the whole handbook (all entries, settings, code): unchanged, nothing is done."""
    base: str
    """Cache key of settings and code alone: part keys add the part's own HTML to it."""
    out: Path
    cache_dir: Path
    roots: tuple[Path, ...]
    label: str = "Handbuch"
    max_rounds: int = 4
    target: int = TARGET_SIZE
    doc: Document | None = None
    pages: PageMap | None = None
    infos: dict[int, dict] = field(default_factory=dict)
    waiting: set[str] = field(default_factory=set)
    rounds: int = 0
    measuring: bool = False
    done: bool = False
    rendered: dict[int, object] = field(default_factory=dict)
    """The latest render job of each part (by index)."""
    measured: set[str] = field(default_factory=set)
    """Keys of this build's measurements (kept in the cache; older ones are removed)."""

    @property
    def map_file(self) -> Path:
        return self.cache_dir / "handbuch-seiten.json"

    @property
    def joined(self) -> Path:
        return self.cache_dir / f"handbuch-{self.key}.pdf"

    def first_jobs(self):
        """The jobs of the first round; none when the whole handbook is cached."""
        import shutil

        from .handbook import log

        if self.joined.exists():
            self.out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.joined, self.out)
            log.info("%s: unverändert, aus dem Zwischenspeicher übernommen", self.label)
            self.done = True
            return []
        document = self.assemble()
        (self.cache_dir / "handbuch.html").parent.mkdir(parents=True, exist_ok=True)
        (self.cache_dir / "handbuch.html").write_text(document, encoding="utf-8")  # for debugging
        self.doc = split(document, self.title, self.target)
        last = json.loads(self.map_file.read_text(encoding="utf-8")) if self.map_file.exists() else None
        self.pages = estimated_map(self.doc, last)
        if self.pages is None:
            return self._measure_jobs()
        return self._render_jobs()

    def _job(self, part: Part, document: str, measure: bool):
        from .handbook import Job

        kind = "Umfang" if measure else "Satz"
        return Job(key(self.base + ("m" if measure else "r"), document), lambda d=document: d,
                   self.cache_dir / "teile" / f"handbuch-{part.index:02d}.pdf", self.cache_dir / "teile",
                   f"{self.label}, Teil {part.index + 1} von {len(self.doc.parts)} ({kind})",
                   tagged=not measure, roots=self.roots, mode="measure" if measure else "part", group=self,
                   index=part.index)

    def _measure_jobs(self):
        self.measuring = True
        jobs, before = [], 0
        # stand-ins with as many digits as a page this far in will have: the print fonts have
        # digits of equal width, so the measured line breaks stay those of the real numbers
        for part in self.doc.parts:
            estimate = before // CHARS_PER_PAGE + 10
            jobs.append(self._job(part, fill(self.doc, part, None, digits=len(str(estimate))), True))
            before += len(part.body)
        self.waiting = {j.key for j in jobs}
        self.measured = set(self.waiting)
        self.infos = {}
        return jobs

    def _render_jobs(self, only: set[int] | None = None):
        self.measuring = False
        self.rounds += 1
        jobs = [self._job(part, fill(self.doc, part, self.pages), False)
                for part in self.doc.parts if only is None or part.index in only]
        self.rendered.update({j.index: j for j in jobs})
        self.waiting = {j.key for j in jobs}
        return jobs

    def follow(self, job, output) -> list:
        """Called with every finished job of this build; returns the jobs of the next round."""
        if job.key not in self.waiting:
            return []
        self.waiting.discard(job.key)
        self.infos[job.index] = output.info
        if self.waiting:
            return []
        infos = [self.infos[i] for i in range(len(self.doc.parts))]
        real = measured_map(self.doc, infos)
        if self.measuring:
            self.pages = real
            return self._render_jobs()
        wrong = {part.index for part in self.doc.parts
                 if fill(self.doc, part, real) != fill(self.doc, part, self.pages)}
        self.pages = real
        if not wrong:  # every part carries the numbers it really has
            self._join(infos)
            return []
        if self.rounds >= self.max_rounds:
            from .handbook import PrintError

            raise PrintError(f"{self.label}: die Seitenzahlen der Teile stimmen nach {self.rounds} Durchgängen "
                             "nicht überein; bitte melden.")
        return self._render_jobs(wrong)

    def _join(self, infos: list[dict]) -> None:
        import shutil
        import time

        from .handbook import log

        started = time.perf_counter()
        ordered = [self.rendered[i] for i in range(len(self.doc.parts))]
        self.done = True
        self.map_file.write_text(json.dumps({"pages": self.pages.pages, "anchors": self.pages.anchors}),
                                 encoding="utf-8")
        join([j.cached for j in ordered], infos, self.out, [p.owned for p in self.doc.parts])
        for old in self.cache_dir.glob("handbuch-*.pdf"):
            old.unlink()
        current = {j.key for j in ordered} | self.measured
        for old in (self.cache_dir / "teile").glob("*"):  # parts of earlier versions
            if old.name.split("-")[0] not in current:
                old.unlink()
        shutil.copyfile(self.out, self.joined)
        log.info("%s: %d Teile zu %d Seiten zusammengefügt in %.1f s", self.label, len(ordered),
                 sum(self.pages.pages), time.perf_counter() - started)
