"""The lean print path: trainer handbook and participant workbook as PDF.

The PDFs are rendered from the pages' own HTML (the converted Markdown, without Material's
template, screen CSS, scripts or icon fonts) and one print stylesheet of ours. WeasyPrint then
lays out far less than with the screen CSS. The rendered PDF is cached by a hash of everything
that goes into it.
"""

from __future__ import annotations

import hashlib
import heapq
import html
import json
import logging
import multiprocessing
import os
import posixpath
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

from . import paper

__all__ = ["Entry", "Job", "Output", "PrintError", "assemble", "printable", "render_all", "cache_key", "classify", "workbook_entries"]

log = logging.getLogger("mkdocs.plugins.coursekit.handbook")
STYLESHEET = Path(__file__).parent / "print.css"


@dataclass
class Entry:
    """One item of the handbook in reading order."""

    title: str
    depth: int
    """0 for top-level sections; module pages are 1, units 2."""
    url: str | None = None
    """Site URL of the page (directory style, e.g. 'coordinators/k1/'); None for a section
    without a page of its own."""
    html: str = ""
    """The page's converted Markdown (MkDocs ``page.content``)."""
    kind: str | None = None
    """Kind of the page's front matter (module, unit, method, worksheet, …), if any."""
    module: str | None = None
    """For units and worksheets: the module they belong to."""
    number: str = ""
    """Number a trainer points at: "K1.4" for a unit, "AB K1.4" for a worksheet."""
    printed: bool = True
    """False for pages marked ``print: false`` (website only)."""
    id: str | None = None
    """Id of the page's item (module, unit, method, worksheet …), if it has one."""

    @property
    def label(self) -> str:
        """The title as printed: with its number, if it has one."""
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Output:
    path: Path
    pages: int
    seconds: float
    cached: bool
    info: dict | None = None
    """For parts and measurements: pages, anchors and bookmarks (see ``_where``)."""


def _anchor(url: str, fragment: str = "") -> str:
    base = "p-" + (re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-") or "start")
    return f"{base}--{fragment}" if fragment else base


def _rewrite(soup: BeautifulSoup, entry: Entry, known: set[str], site_dir: Path) -> None:
    """Make ids unique per page, internal links point at anchors, images at files."""
    for a in soup.select("a.headerlink"):
        a.decompose()
    for el in soup.find_all(id=True):
        el["id"] = _anchor(entry.url or "", el["id"])
    folder = _folder(entry.url or "")
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if urlsplit(href).scheme or href.startswith("//") or href.startswith("mailto:"):
            continue
        path, fragment = urldefrag(href)
        target = _target(folder, path, known) if path else (entry.url or "")
        if target is not None and target in known:
            a["href"] = "#" + _anchor(target, fragment)
        else:
            a.unwrap()  # a file outside the handbook (e.g. the PDF itself): keep the text
    for img in soup.find_all("img", src=True):
        src = img["src"]
        if not urlsplit(src).scheme:
            img["src"] = (site_dir / posixpath.normpath(posixpath.join(folder, src))).as_uri()


def _folder(url: str) -> str:
    """The folder a page URL's relative links start from: 'a/b/' for 'a/b/' (directory URLs)
    and for 'a/b/c.html' (file URLs, as with the offline plugin)."""
    if not url or url.endswith("/"):
        return url
    folder = posixpath.dirname(url)
    return folder + "/" if folder else ""


def _target(folder: str, path: str, known: set[str]) -> str | None:
    """The known page URL a relative link points at, in either URL style."""
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".":
        joined = ""
    for candidate in (joined, joined + "/", posixpath.join(joined, "index.html"), joined.removesuffix("index.html")):
        if candidate in known:
            return candidate
    return None


def _cover(title: str, subtitle: str, course: dict, kind: str, site_dir: Path | None = None) -> str:
    today = date.today().strftime("%d.%m.%Y")
    e = lambda value: html.escape(str(value or ""))  # noqa: E731
    contact = f"<p>Kontakt: {e(course.get('contact'))}</p>" if course.get("contact") else ""
    logo = ""
    if course.get("logo") and site_dir is not None and (site_dir / course["logo"]).is_file():
        colour = (course.get("colors") or {}).get("primary") or "#1a237e"
        logo = (f'<div class="cover__logo" style="background-color: {e(colour)}">'
                f'<img src="{(site_dir / course["logo"]).as_uri()}" alt="Logo {e(course["organisation"])}"></div>')
    variant = course.get("variant")
    offered = ""
    if variant and variant in (course.get("variants") or {}):
        offered = f"<p>Kursvariante: {e(variant)} ({e(', '.join(course['variants'][variant]))})</p>"
    return (
        f'<section class="cover {kind}">{logo}'
        f'<p class="cover__organisation">{e(course["organisation"])}</p>'
        f'<h1 class="cover__title">{e(title)}</h1>'
        f'<p class="cover__subtitle">{e(subtitle)}</p>'
        f'<div class="cover__meta"><p>Fassung {e(course.get("version"))}, Stand: {today}</p>{offered}{contact}'
        f'<p>Lizenz der Inhalte: {e(course["licence"])}, {e(course.get("licence_holder") or course["organisation"])}</p></div>'
        "</section>"
    )


def _entry_anchor(index: int, e: Entry) -> str:
    return _anchor(e.url) if e.url is not None else f"section-{index}"


def _toc(entries: list[Entry], max_depth: int) -> str:
    items = []
    for i, e in enumerate(entries):
        if e.depth > max_depth:
            continue
        target = _entry_anchor(i, e)
        items.append(
            f'<li class="toc__item toc__item--{e.depth}"><a href="#{target}">{html.escape(e.label)}</a></li>'
        )
    return f'<nav class="toc"><h1 class="toc__title">Inhalt</h1><ul>{"".join(items)}</ul></nav>'


def assemble(
    entries: list[Entry],
    *,
    title: str,
    subtitle: str,
    course: dict,
    site_dir: Path,
    kind: str = "handbook",
    strip_selectors: tuple[str, ...] = (),
    toc_depth: int = 2,
    imprint: bool = True,
    cover: bool = True,
    toc: bool = True,
    stylesheets: tuple[Path, ...] = (),
) -> str:
    """One HTML document: cover, imprint, table of contents, every entry as a section.
    Forms leave out cover, imprint and contents; ``stylesheets`` follow print.css."""
    known = {e.url for e in entries if e.url is not None}
    glossary = next((e.url for e in entries if e.kind == "glossary" and e.url), None)
    body = [_cover(title, subtitle, course, kind, site_dir)] if cover else []
    if imprint:
        body.append(paper.imprint(title, subtitle, course))
    if toc:
        body.append(_toc(entries, toc_depth))
    for i, e in enumerate(entries):
        level = min(e.depth + 1, 6)
        anchor = _entry_anchor(i, e)
        classes = f"entry entry--depth-{e.depth}" + (f" entry--{e.kind}" if e.kind else "")
        if e.url is None:
            classes += " entry--section"
        number = f'<span class="entry__number">{html.escape(e.number)}</span> ' if e.number else ""
        heading = (f'<h{level} class="entry__title" id="{anchor}">{number}{html.escape(e.title)}</h{level}>')
        content = ""
        if e.html:
            soup = BeautifulSoup(e.html, "html.parser")
            for selector in strip_selectors:
                for el in soup.select(selector):
                    el.decompose()
            first = soup.find(["h1"])
            if first is not None:  # the page's own title; the entry heading replaces it
                first.decompose()
            for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
                h.name = f"h{min(int(h.name[1]) + level - 1, 6)}"
                h["class"] = [*h.get("class", []), "inner-heading"]
            _rewrite(soup, e, known, site_dir)
            paper.prepare(soup, glossary_prefix=_anchor(glossary) if glossary else None)
            content = str(soup)
        body.append(f'<section class="{classes}">{heading}<div class="entry__content">{content}</div></section>')
    css = "\n".join(p.read_text(encoding="utf-8") for p in (STYLESHEET, *stylesheets))
    # the running header names this course (set on body, so on every page)
    css += f"\nbody {{ string-set: course {css_string(title)}; }}"
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} – {html.escape(subtitle)}</title>"
        f'<meta name="author" content="{html.escape(course["organisation"])}">'
        f'<meta name="description" content="{html.escape(subtitle)}">'
        f"<style>{css}</style></head><body class=\"{kind}\">{''.join(body)}</body></html>"
    )


def css_string(text: str) -> str:
    """``text`` as a CSS string inside a <style> element: quotes, backslashes and angle
    brackets escaped (a title can never close the style element)."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>&\n\r' else c for c in str(text))
    return f'"{escaped}"'


def classify(course, entries: list[Entry], sources: dict[str, str]) -> list[Entry]:
    """Give each entry the kind and module of its page (``sources``: url -> docs path)."""
    from .numbering import numbers

    numbered = numbers(course)
    for e in entries:
        doc = course.doc_at(sources.get(e.url, "")) if e.url is not None else None
        item = doc.item if doc else None
        e.kind = getattr(item, "kind", None)
        e.module = getattr(item, "module", None) if e.kind in ("unit", "worksheet") else None
        e.number = numbered.get(getattr(item, "id", None) or "", "") if e.kind in ("unit", "worksheet") else ""
        e.printed = doc.printed if doc else True
        e.id = getattr(item, "id", None)
    return entries


def printable(entries: list[Entry]) -> list[Entry]:
    """The entries that go on paper: no page marked ``print: false``, and no section heading
    left without a printed page under it."""
    kept: list[Entry] = []
    for i, e in enumerate(entries):
        if not e.printed:
            continue
        if e.url is None:  # a section without a page: keep it only if something below is printed
            below = []
            for f in entries[i + 1:]:
                if f.depth <= e.depth:
                    break
                below.append(f)
            if not any(f.printed and f.url is not None for f in below):
                continue
        kept.append(e)
    return kept


def workbook_entries(course, handbook: list[Entry]) -> list[Entry]:
    """Worksheets only, grouped by module in the handbook's order (no trainer material)."""
    groups: dict[str, list[Entry]] = {}
    for e in handbook:
        if e.kind == "worksheet" and e.module:
            groups.setdefault(e.module, []).append(e)
    out: list[Entry] = []
    for module_id, sheets in groups.items():
        title = course.modules[module_id].title if module_id in course.modules else module_id
        out.append(Entry(title, 0))
        out += [Entry(s.title, 1, s.url, s.html, "worksheet", module_id, s.number) for s in sheets]
    return out


_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]+)"')
FONT_DIRS = ("/usr/share/fonts/truetype/charis", "/usr/share/fonts/truetype/dejavu")


def _fonts_version() -> str:
    """Names, sizes and times of the installed print fonts (a new font version re-renders)."""
    found = []
    for folder in FONT_DIRS:
        for path in sorted(Path(folder).glob("*.ttf")) if Path(folder).is_dir() else []:
            stat = path.stat()
            found.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(found)


def cache_key(entries: list[Entry], *, site_dir: Path | None = None, **settings: object) -> str:
    """Hash of everything that goes into a PDF: entries (their HTML and, with ``site_dir``, the
    images they show), settings, stylesheet, print code, fonts, hyphenation patterns and the
    WeasyPrint version. Cheap: computed before the document is assembled."""
    import weasyprint

    digest = hashlib.sha256()
    for part in (
        weasyprint.__version__, STYLESHEET.read_text(encoding="utf-8"),
        Path(__file__).read_text(encoding="utf-8"), Path(paper.__file__).read_text(encoding="utf-8"),
        paper.HYPHENATION.read_text(encoding="utf-8"), repr(sorted(settings.items())),
        _fonts_version(), date.today().isoformat(),
    ):
        digest.update(part.encode("utf-8"))
    for e in entries:
        digest.update(f"{e.title}|{e.depth}|{e.url}|{e.kind}|{e.module}|{e.number}|{e.printed}|".encode())
        digest.update(e.html.encode("utf-8"))
        if site_dir is not None and "<img" in e.html:
            for src in _SRC.findall(e.html):
                if not urlsplit(src).scheme:
                    image = site_dir / posixpath.normpath(posixpath.join(_folder(e.url or ""), src))
                    digest.update(image.read_bytes() if image.is_file() else b"missing")
    return digest.hexdigest()[:24]


class PrintError(Exception):
    """A document could not be rendered completely (message in German, for the build log)."""


def _confined_fetcher(roots: tuple[Path, ...], refused: list[str]):
    """A WeasyPrint URL fetcher that reads only ``data:`` URLs and files below ``roots``:
    nothing from other hosts (privacy) or from elsewhere on the building machine."""
    from urllib.parse import unquote
    from urllib.request import url2pathname

    import weasyprint

    resolved = tuple(r.resolve() for r in roots)

    class Fetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(url2pathname(unquote(parts.path))).resolve()
                if any(path.is_relative_to(r) for r in resolved):
                    return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"not fetched (outside the course): {url}")

    return Fetcher(allowed_protocols=("file", "data"))


@dataclass
class Job:
    """One PDF to render: ``build`` returns its HTML (only called when it is not cached).

    ``mode``: "pdf" writes ``out``; "part" writes only the cached PDF and reports where its
    anchors and bookmarks lie (a part of the handbook, see ``parts``); "measure" lays out
    without writing a PDF and reports the same (the measuring pass of a cold build).
    ``tagged`` writes a tagged PDF/UA-1 (accessible; about 20 % slower). Only files below
    ``roots`` (the built site; the package's own print assets always) may be embedded; any other
    reference fails the document with ``PrintError``."""

    key: str
    build: Callable[[], str] | None
    out: Path
    cache_dir: Path
    label: str
    tagged: bool = True
    roots: tuple[Path, ...] = ()
    mode: str = "pdf"
    group: object = None
    """The ``parts.HandbookBuild`` a part belongs to (it decides the next round)."""
    index: int = 0

    @property
    def cached(self) -> Path:
        suffix = "-m.json" if self.mode == "measure" else f"{'-ua' if self.tagged else ''}.pdf"
        return self.cache_dir / f"{self.key}{suffix}"


def render_all(jobs: list[Job], workers: int | None = None, alongside=None) -> list[Output]:
    """Render many documents: cached ones are copied, the others are laid out in a pool of
    ``workers`` processes (default: one per core), longest first, with progress per document.
    Jobs of a handbook in parts (``job.group``) bring the jobs of their next round when a
    round is complete. A failing document is named and fails the whole call (``PrintError``).
    ``alongside`` (no arguments) runs in a thread of this process while the pool renders; it
    starts after the workers are forked, so no worker inherits a lock it holds."""
    import queue
    from concurrent.futures import ThreadPoolExecutor

    outputs: list[Output] = []
    finished: queue.SimpleQueue = queue.SimpleQueue()

    def take(new_jobs: list[Job]) -> list[tuple[Job, str]]:
        """Serve cached jobs (and what their groups ask for next); return those to render."""
        pending, fresh = list(new_jobs), []
        while pending:
            job = pending.pop(0)
            hit = _from_cache(job)
            if hit is None:
                fresh.append((job, job.build()))
                continue
            outputs.append(hit)
            if job.group is not None:
                pending += job.group.follow(job, hit)
        return fresh

    todo = take(jobs)
    if not todo:
        if alongside is not None:
            alongside()
        return outputs
    workers = max(1, workers or os.cpu_count() or 1)
    started = time.perf_counter()
    log.info("PDF: %d Dokumente zu setzen, %d aus dem Zwischenspeicher, %d Prozesse",
             len(todo), len(outputs), workers)
    waiting: list = []  # the handbook's parts first (later rounds wait for them), then longest first
    for job, document in todo:
        heapq.heappush(waiting, (job.group is None, -len(document), len(waiting), job, document))
    failed: list[str] = []
    paper.use_german_hyphenation()
    paper.load_hyphenation()  # once here, not once in every worker
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool, ThreadPoolExecutor(1) as side:
        beside = side.submit(alongside) if alongside is not None else None

        def submit() -> None:
            while waiting and running[0] < workers:
                *_, job, document = heapq.heappop(waiting)
                running[0] += 1
                pool.apply_async(_render_safely, (_travelling(job), document),
                                 callback=lambda result, job=job: finished.put((job, result)),
                                 error_callback=lambda exc, job=job: finished.put((job, f"{job.label}: {exc}")))

        running, done, total = [0], 0, len(todo)
        submit()
        while running[0]:
            job, result = finished.get()
            running[0] -= 1
            done += 1
            if isinstance(result, str):
                failed.append(result)
                waiting.clear()
                continue
            outputs.append(result)
            log.info("PDF: %d von %d fertig (%s)", done, total, job.label if job.mode != "pdf" else result.path.name)
            if job.group is not None and not failed:
                try:
                    more = take(job.group.follow(job, result))
                except PrintError as exc:
                    failed.append(str(exc))
                    waiting.clear()
                    continue
                for new_job, document in more:
                    heapq.heappush(waiting, (False, -len(document), total, new_job, document))
                    total += 1
            submit()
        if beside is not None:
            beside.result()  # its errors are raised here
    if failed:
        raise PrintError("; ".join(failed))
    log.info("PDF: %d Dokumente in %.1f s gesetzt", total, time.perf_counter() - started)
    return outputs


def _travelling(job: Job) -> Job:
    """The job as it is sent to a worker: without its build function and its group."""
    from dataclasses import replace

    return replace(job, build=None, group=None)


def _render_safely(job: Job, document: str):
    try:
        return _render(job, document)
    except PrintError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a worker must report, not die silently
        return f"{job.label}: PDF konnte nicht gesetzt werden ({type(exc).__name__}: {exc})"


def _from_cache(job: Job) -> Output | None:
    if not job.cached.exists():
        return None
    if job.mode == "measure":
        info = json.loads(job.cached.read_text(encoding="utf-8"))
        return Output(job.out, info["pages"], 0.0, True, info)
    info = None
    if job.mode == "part":
        info = json.loads(job.cached.with_suffix(".json").read_text(encoding="utf-8"))
    else:
        job.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job.cached, job.out)
    pages = int(job.cached.with_suffix(".pages").read_text() or 0)
    log.info("%s: unverändert, aus dem Zwischenspeicher übernommen (%d Seiten)", job.label, pages)
    return Output(job.out, pages, 0.0, True, info)


def _where(rendered) -> dict:
    """Page count, the page (0-based) of every anchor and every bookmark (page, level, label,
    top in PDF points) of a laid-out document."""
    anchors: dict[str, int] = {}
    bookmarks = []
    for number, page in enumerate(rendered.pages):
        for name in page.anchors:
            anchors.setdefault(name, number)
        for level, label, (_x, y), _state in page.bookmarks:
            bookmarks.append((number, level, label, (page.height - y) * 0.75))
    return {"pages": len(rendered.pages), "anchors": anchors, "bookmarks": bookmarks}


def _render(job: Job, document: str) -> Output:
    import weasyprint

    out, cache_dir, label = job.out, job.cache_dir, job.label
    started = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    if job.mode == "pdf":
        out.parent.mkdir(parents=True, exist_ok=True)
        (cache_dir / f"{out.stem}.html").write_text(document, encoding="utf-8")  # for debugging
    log.info("%s: Layout wird berechnet …", label)
    paper.use_german_hyphenation()
    refused: list[str] = []
    fetcher = _confined_fetcher((*job.roots, Path(__file__).parent), refused)
    rendered = weasyprint.HTML(string=document, url_fetcher=fetcher).render(pdf_tags=job.tagged)
    if refused:
        raise PrintError(
            f"{label}: {len(refused)} Verweis(e) auf Dateien außerhalb des Kurses nicht eingebettet "
            f"(z. B. {refused[0]}); das PDF wurde nicht geschrieben."
        )
    pages = len(rendered.pages)
    layout = time.perf_counter() - started
    info = _where(rendered) if job.mode != "pdf" else None
    if job.mode == "measure":
        job.cached.write_text(json.dumps(info), encoding="utf-8")
        log.info("%s: %d Seiten vermessen in %.1f s", label, pages, layout)
        return Output(out, pages, layout, False, info)
    log.info("%s: %d Seiten gesetzt in %.1f s, PDF wird geschrieben …", label, pages, layout)
    options = {"pdf_variant": "pdf/ua-1"} if job.tagged else {}
    target = job.cached.with_suffix(".tmp") if job.mode == "part" else out
    rendered.write_pdf(target, **options)
    seconds = time.perf_counter() - started
    for old in cache_dir.glob("*.pdf"):  # keep one cached PDF per document
        if old.name != job.cached.name and label_of(old) == label:
            for suffix in (".pdf", ".pages", ".label", ".json"):
                old.with_suffix(suffix).unlink(missing_ok=True)
    if job.mode == "part":
        job.cached.with_suffix(".json").write_text(json.dumps(info), encoding="utf-8")
        target.replace(job.cached)
    else:
        shutil.copyfile(out, job.cached)
    job.cached.with_suffix(".pages").write_text(str(pages))
    job.cached.with_suffix(".label").write_text(label)
    log.info("%s: %d Seiten in %.1f s (%.1f Seiten/s)", label, pages, seconds, pages / max(seconds, 1e-9))
    return Output(out, pages, seconds, False, info)


def label_of(path: Path) -> str:
    marker = path.with_suffix(".label")
    return marker.read_text() if marker.exists() else ""
