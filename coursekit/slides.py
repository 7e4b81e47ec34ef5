"""Slide decks from the slides files next to the units (``kind: slides``).

A slides file holds the slides of one unit in plain Markdown (GTN convention): a line ``---``
separates slides, each slide has a ``# Title``, a few bullets or a figure, an optional line
``Quelle: <id>, <id>`` and, after a line ``???``, the speaker notes. The parser is pure and
cheap (the rules use it); rendering imports WeasyPrint and python-pptx only when called.

Per module the builder writes ``pdf/folien-<module>.pdf`` (16:9, one page per slide) and
``pdf/folien-<module>.pptx`` with the same slides and the notes in the PPTX notes.
"""

from __future__ import annotations

import hashlib
import html
import io
import posixpath
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .loader import Course, Document
from .model import Unit
from .numbering import unit_number

__all__ = [
    "DeckSlide", "Figure", "Slide", "build_decks", "deck", "deck_html", "deck_pptx", "needs_slides",
    "parse", "short_cite", "slides_of", "words",
]

STYLESHEET = Path(__file__).parent / "slides.css"
WIDTH_IN, HEIGHT_IN = 13.333, 7.5
"""Slide size in inches (16:9, PowerPoint's default widescreen)."""

_SEPARATOR = re.compile(r"^---[ \t]*$")
_NOTES = re.compile(r"^\?\?\?[ \t]*$")
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*$")
_BULLET = re.compile(r"^[-*][ \t]+(.+?)[ \t]*$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)[ \t]*$")
_SOURCE = re.compile(r"^Quelle(?:n)?:[ \t]*(.+?)[ \t]*$")
_WORD = re.compile(r"[\wÄÖÜäöüß§%–-]+")


@dataclass(frozen=True)
class Figure:
    alt: str
    src: str
    """As written in the slides file (relative to it)."""
    line: int


@dataclass(frozen=True)
class Slide:
    """One slide as written: its file line, title, bullets, text, figure, sources and notes."""

    line: int
    title: str
    bullets: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    figure: Figure | None = None
    sources: tuple[str, ...] = ()
    source_line: int = 0
    notes: str = ""

    @property
    def words(self) -> int:
        """Words the audience reads: title, bullets and text (not notes, sources or alt text)."""
        return words(" ".join((self.title, *self.bullets, *self.text)))

    def __repr__(self) -> str:
        return f"Slide({self.line}, {self.title!r})"


def words(text: str) -> int:
    return len(_WORD.findall(text))


def parse(doc: Document) -> list[Slide]:
    """The slides of a slides file (cached on the document)."""
    if "slides" not in doc.cache:
        doc.cache["slides"] = _parse(doc.body, doc.body_line)
    return doc.cache["slides"]


def _parse(body: str, first_line: int) -> list[Slide]:
    chunks: list[tuple[int, list[str]]] = [(first_line, [])]
    for offset, raw in enumerate(body.splitlines()):
        if _SEPARATOR.match(raw):
            chunks.append((first_line + offset + 1, []))
        else:
            chunks[-1][1].append(raw)
    slides = []
    for start, lines in chunks:
        if not any(x.strip() for x in lines):
            continue
        slides.append(_slide(start, lines))
    return slides


def _slide(start: int, lines: list[str]) -> Slide:
    title, bullets, text, figure, sources, source_line, notes = "", [], [], None, [], 0, []
    in_notes = False
    first = next(i for i, x in enumerate(lines) if x.strip())
    for i, raw in enumerate(lines):
        line_no = start + i
        if in_notes:
            notes.append(raw.strip())
            continue
        if _NOTES.match(raw):
            in_notes = True
            continue
        line = raw.strip()
        if not line:
            continue
        if (m := _TITLE.match(line)) and not title:
            title = m.group(1)
        elif m := _BULLET.match(line):
            bullets.append(m.group(1))
        elif m := _IMAGE.match(line):
            figure = Figure(m.group(1).strip(), m.group(2), line_no)
        elif m := _SOURCE.match(line):
            sources += [s.strip() for s in m.group(1).split(",") if s.strip()]
            source_line = line_no
        elif text and not lines[i - 1].strip() == "":
            text[-1] += " " + line  # a paragraph over several lines
        else:
            text.append(line)
    note_text = re.sub(r"\n{3,}", "\n\n", "\n".join(notes).strip())
    return Slide(start + first, title, tuple(bullets), tuple(text), figure, tuple(sources), source_line, note_text)


def needs_slides(unit: Unit) -> list[int]:
    """Indexes of the steps that present an input: the method `impulsvortrag`, or "Folien"
    in the step's material or content."""
    return [
        i for i, s in enumerate(unit.steps)
        if s.method == "impulsvortrag" or "Folien" in (s.material or "") or "Folien" in s.content
    ]


def slides_of(course: Course, unit_id: str) -> list[Slide]:
    doc = course.slides.get(unit_id)
    return parse(doc) if doc is not None else []


def short_cite(course: Course, source_id: str) -> str:
    """„Schubert 2018“, „Kania/Kramer 2011“, „Quilling u. a. 2013“ for a source id."""
    source = course.sources.get(source_id)
    if source is None:
        return source_id
    names = [a.split(",")[0].strip() for a in source.author.split(";") if a.strip()]
    names = [re.sub(r"\s*\((Hg|Hrsg)\.\)$", "", n) for n in names]
    who = names[0] if len(names) == 1 else "/".join(names) if len(names) == 2 else f"{names[0]} u. a."
    return f"{who} {source.year_label}"


# --- the deck of a module -------------------------------------------------------------------


@dataclass
class DeckSlide:
    """One page of a module's deck, ready to render (text plain; the renderers escape it)."""

    kind: str
    """'cover' (the module), 'unit' (a unit's title slide) or 'content'."""
    title: str
    code: str = ""
    """The unit number, e.g. K1.3 ('' on the cover)."""
    lines: list[str] = field(default_factory=list)
    """Cover and unit slides: the lines under the title."""
    bullets: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    figure: Path | None = None
    alt: str = ""
    source: str = ""
    notes: str = ""


def deck(course: Course, module_id: str) -> list[DeckSlide]:
    """Cover, then per unit with slides (schedule order, bridge units last) its title slide
    and its slides."""
    module = course.modules[module_id]
    cfg = course.config
    out = [DeckSlide(
        "cover", _module_label(module), "",
        [f"Modul {module.id} · Folien", cfg.title, cfg.organisation],
        notes=module.summary,
    )]
    units = [*course.units_of(module_id), *(course.units[b.unit] for b in module.bridges if b.unit in course.units)]
    for unit in units:
        slides = slides_of(course, unit.id)
        if not slides:
            continue
        code = unit_number(course, unit.id)
        doc = course.slides[unit.id]
        out.append(DeckSlide(
            "unit", unit.title, code, [f"{code} · Modul {_module_label(module)}", f"{unit.duration} Minuten"],
            notes=unit.summary,
        ))
        for s in slides:
            figure = None
            if s.figure is not None:
                figure = (course.docs_dir / posixpath.normpath(
                    posixpath.join(posixpath.dirname(doc.path), s.figure.src))).resolve()
            source = ", ".join(short_cite(course, x) for x in s.sources)
            out.append(DeckSlide(
                "content", s.title, code, bullets=list(s.bullets), text=list(s.text), figure=figure,
                alt=s.figure.alt if s.figure else "", source=f"Quelle: {source}" if source else "",
                notes=s.notes,
            ))
    return out


def _module_label(module) -> str:
    """„K1 Rolle, Haltung und Auftrag“, whether or not the title repeats the id."""
    return module.title if module.title.startswith(module.id) else f"{module.id}: {module.title}"


def _footer_text(course: Course) -> str:
    cfg = course.config
    return f"{cfg.title} · {cfg.organisation} · Lizenz {cfg.licence}"


def _logo(course: Course) -> Path | None:
    logo = course.config.logo
    path = (course.docs_dir / logo).resolve() if logo else None
    return path if path is not None and path.is_file() else None


def _colour(course: Course) -> str:
    colors = course.config.colors
    return colors.primary if colors else "#2b3a8c"


# --- PDF (WeasyPrint) -----------------------------------------------------------------------


def deck_html(course: Course, module_id: str, slides: list[DeckSlide]) -> str:
    """One HTML document, one section per slide; slides.css lays it out 16:9."""
    e = html.escape
    logo = _logo(course)
    logo_tag = (f'<img class="logo" src="{logo.as_uri()}" alt="Logo {e(course.config.organisation)}">'
                if logo else "")
    total = len(slides)
    pages = []
    for n, s in enumerate(slides, 1):
        inner = ""
        if s.kind == "cover":
            inner = (f'<div class="cover-logo">{logo_tag}</div><h1>{e(s.title)}</h1>'
                     + "".join(f"<p>{e(x)}</p>" for x in s.lines))
        elif s.kind == "unit":
            inner = (f'<p class="code">{e(s.code)}</p><h1>{e(s.title)}</h1>'
                     + "".join(f"<p>{e(x)}</p>" for x in s.lines))
        else:
            body = "".join(f"<p>{e(x)}</p>" for x in s.text)
            if s.bullets:
                body += "<ul>" + "".join(f"<li>{e(b)}</li>" for b in s.bullets) + "</ul>"
            fig = (f'<figure><img src="{s.figure.as_uri()}" alt="{e(s.alt, quote=True)}"></figure>'
                   if s.figure else "")
            layout = "both" if fig and body else "figure" if fig else "text"
            if layout == "figure" and _tall(s.figure):
                layout = "tall"  # title beside the figure, which gets the slide's full height
            inner = (f"<h1>{e(s.title)}</h1><div class=\"body {layout}\">"
                     + (f'<div class="words">{body}</div>' if body else "") + fig + "</div>"
                     + (f'<p class="source">{e(s.source)}</p>' if s.source else ""))
        pages.append(
            f'<section class="slide {s.kind}{" tall" if "body tall" in inner else ""}">{inner}'
            f'<footer><span class="mark">{logo_tag}</span><span class="licence">{e(_footer_text(course))}</span>'
            f'<span class="number">{e(s.code + " · " if s.code else "")}{n} / {total}</span></footer></section>'
        )
    css = STYLESHEET.read_text(encoding="utf-8").replace("var(--primary)", _colour(course))
    title = f"{course.modules[module_id].title} – Folien"
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><meta name=\"author\" content=\"{e(course.config.organisation)}\">"
        f"<style>{css}</style></head><body>{''.join(pages)}</body></html>"
    )


# --- PPTX (python-pptx) ---------------------------------------------------------------------


def _size(path: Path) -> tuple[float, float]:
    """Width and height of an SVG's viewBox (of a raster image: its pixels)."""
    if path.suffix.lower() != ".svg":
        from PIL import Image

        with Image.open(path) as image:
            return float(image.size[0]), float(image.size[1])
    m = re.search(r'viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)', path.read_text(encoding="utf-8"))
    return (float(m.group(1)), float(m.group(2))) if m else (400.0, 300.0)


def _tall(path: Path) -> bool:
    """A figure that would be small under a title: higher than 0.85 of its width."""
    w, h = _size(path)
    return h > 0.85 * w


def _png(path: Path, width_px: int, cache: dict[Path, bytes]) -> bytes:
    """A PNG of an SVG or raster figure (SVG: WeasyPrint to PDF, PDFium to pixels)."""
    if path in cache:
        return cache[path]
    if path.suffix.lower() != ".svg":
        cache[path] = path.read_bytes()
        return cache[path]
    import pypdfium2
    import weasyprint

    page = (
        "<html><head><style>@page{size:auto;margin:0}html,body{margin:0}"
        "img{display:block;width:100%}</style></head>"
        f'<body><img src="{path.as_uri()}"></body></html>'
    )
    w, h = _size(path)
    page = page.replace("size:auto", f"size:{w}px {h}px")
    pdf = weasyprint.HTML(string=page, base_url=str(path.parent)).write_pdf()
    doc = pypdfium2.PdfDocument(pdf)
    bitmap = doc[0].render(scale=width_px / w, fill_color=(255, 255, 255, 255))
    buffer = io.BytesIO()
    bitmap.to_pil().save(buffer, "PNG")
    doc.close()
    cache[path] = buffer.getvalue()
    return cache[path]


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#"))


def _textbox(slide, x, y, w, h, paragraphs, *, size, colour="#1f1f1f", bold=False, bullets=False,
             align=None, name=None):
    from pptx.util import Pt

    box = slide.shapes.add_textbox(x, y, w, h)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    for i, text in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = ("• " if bullets else "") + text
        _font(p, size, colour, bold)
        if align is not None:
            p.alignment = align
        if bullets:
            p.space_after = Pt(10)
    return box


def _font(paragraph, size, colour, bold=False) -> None:
    """Set the font on the runs (LibreOffice ignores paragraph defaults)."""
    from pptx.util import Pt

    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)


def _slide_number(shape, number: int) -> None:
    """Append PowerPoint's slide number field to ``shape``'s first paragraph (it renumbers
    itself when slides are moved; ``number`` is the value shown until then)."""
    import copy

    from lxml import etree
    from pptx.oxml.ns import qn

    p = shape.text_frame.paragraphs[0]._p
    run = p.find(qn("a:r"))
    fld = etree.SubElement(p, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
    fld.append(copy.deepcopy(run.find(qn("a:rPr"))))
    etree.SubElement(fld, qn("a:t")).text = str(number)
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        p.remove(end)
        p.append(end)


def deck_pptx(course: Course, slides: list[DeckSlide], out: Path, png_cache: dict | None = None) -> int:
    """Write the deck as PPTX: the same slides, logo and licence in each footer (a picture
    named „Logo“ that a municipality replaces), the speaker notes in the notes."""
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu, Inches

    png_cache = {} if png_cache is None else png_cache
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    W, H = prs.slide_width, prs.slide_height
    primary = _colour(course)
    logo = _logo(course)
    margin = Inches(0.6)
    footer_h = Inches(0.55)
    for n, s in enumerate(slides, 1):
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        band = slide.shapes.add_shape(1, 0, H - footer_h, W, footer_h)  # rectangle
        band.name = "Fußzeile"
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(primary)
        band.line.fill.background()
        if logo is not None:
            pic = slide.shapes.add_picture(io.BytesIO(_png(logo, 96, png_cache)), Inches(0.15),
                                           H - footer_h + Inches(0.05), Inches(0.45), Inches(0.45))
            pic.name = "Logo"
        _textbox(slide, Inches(0.8), H - footer_h + Inches(0.08), Inches(8.6), Inches(0.4),
                 [_footer_text(course)], size=12, colour="#ffffff", name="Lizenz")
        number = _textbox(slide, W - Inches(3.6), H - footer_h + Inches(0.08), Inches(3.3), Inches(0.4),
                          [f"{s.code} · " if s.code else "Folie "], size=12, colour="#ffffff",
                          align=PP_ALIGN.RIGHT, name="Foliennummer")
        _slide_number(number, n)
        if s.kind in ("cover", "unit"):
            top = Inches(1.3)
            if s.kind == "unit":
                _textbox(slide, margin, top, W - 2 * margin, Inches(0.9), [s.code], size=32,
                         colour=primary, bold=True)
            _textbox(slide, margin, top + Inches(1.0), W - 2 * margin, Inches(1.9), [s.title], size=44,
                     colour=primary, bold=True)
            _textbox(slide, margin, top + Inches(3.0), W - 2 * margin, Inches(1.8), s.lines, size=24)
        else:
            tall = s.figure is not None and not (s.text or s.bullets) and _tall(s.figure)
            _textbox(slide, margin, Inches(0.4), Inches(4.4) if tall else W - 2 * margin,
                     Inches(3.0) if tall else Inches(1.1), [s.title], size=38, colour=primary, bold=True,
                     name="Titel")
            top, bottom = (Inches(0.35) if tall else Inches(1.6)), H - footer_h - Inches(0.6)
            words_w = (W - 2 * margin) if s.figure is None else Inches(5.2)
            if s.text or s.bullets:
                box = _textbox(slide, margin, top, words_w, bottom - top, s.text, size=28)
                if s.bullets:
                    frame = box.text_frame
                    from pptx.util import Pt
                    for i, b in enumerate(s.bullets):
                        p = frame.paragraphs[0] if (i == 0 and not s.text) else frame.add_paragraph()
                        p.text = "• " + b
                        _font(p, 28, "#1f1f1f")
                        p.space_after = Pt(10)
            if s.figure is not None:
                left = margin + words_w + Inches(0.3) if (s.text or s.bullets) else (
                    margin + Inches(4.6) if tall else margin)
                avail_w, avail_h = W - margin - left, bottom - top
                data = _png(s.figure, 1600, png_cache)
                from PIL import Image

                iw, ih = Image.open(io.BytesIO(data)).size
                scale = min(avail_w / iw, avail_h / ih)
                pw, ph = int(iw * scale), int(ih * scale)
                pic = slide.shapes.add_picture(io.BytesIO(data), Emu(left + (avail_w - pw) // 2), Emu(top), Emu(pw), Emu(ph))
                pic.name = "Abbildung"
                pic._element.nvPicPr.cNvPr.set("descr", s.alt)
            if s.source:
                _textbox(slide, margin, H - footer_h - Inches(0.55), W - 2 * margin, Inches(0.45), [s.source],
                         size=14, colour="#444444", align=PP_ALIGN.RIGHT, name="Quelle")
        if s.notes:
            slide.notes_slide.notes_text_frame.text = s.notes
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.core_properties.title = slides[0].title if slides else ""
    prs.core_properties.author = course.config.organisation
    prs.save(out)
    return len(slides)


# --- all decks ------------------------------------------------------------------------------


def _key(course: Course, module_id: str, slides: list[DeckSlide]) -> str:
    import weasyprint

    digest = hashlib.sha256()
    for part in (weasyprint.__version__, STYLESHEET.read_text(encoding="utf-8"),
                 Path(__file__).read_text(encoding="utf-8"), repr(course.config.model_dump()), module_id):
        digest.update(part.encode("utf-8"))
    files = [p for p in (_logo(course), *(s.figure for s in slides)) if p is not None]
    for s in slides:
        digest.update(repr((s.kind, s.title, s.code, s.lines, s.bullets, s.text, s.alt, s.source, s.notes)).encode())
    for p in sorted(set(files)):
        digest.update(p.read_bytes() if p.is_file() else b"missing")
    return "slides-" + digest.hexdigest()[:24]


def _decks(course: Course, site_dir: Path):
    """(module id, slides, PDF path, PPTX path) of every module with a deck."""
    for module_id in course.modules:
        slides = deck(course, module_id)
        if len(slides) >= 2:
            name = module_id.lower()
            yield module_id, slides, site_dir / "pdf" / f"folien-{name}.pdf", site_dir / "pdf" / f"folien-{name}.pptx"


def deck_jobs(course: Course, site_dir: Path, cache_dir: Path) -> list:
    """The print jobs of every deck's PDF (rendered with the other documents, in parallel)."""
    from . import handbook

    return [
        handbook.Job(
            _key(course, module_id, slides),
            lambda slides=slides, module_id=module_id: deck_html(course, module_id, slides),
            pdf, cache_dir, f"Folien {module_id}", roots=(site_dir, course.docs_dir),
        )
        for module_id, slides, pdf, _ in _decks(course, site_dir)
    ]


def build_pptx(course: Course, site_dir: Path, cache_dir: Path, log) -> dict[str, tuple[Path, Path, int]]:
    """Write ``pdf/folien-<module>.pptx`` for every module with slides (cached like the PDFs);
    returns module id -> (pdf, pptx, slides)."""
    started = time.perf_counter()
    written = {}
    png_cache: dict[Path, bytes] = {}
    for module_id, slides, pdf, pptx in _decks(course, site_dir):
        name = module_id.lower()
        key = _key(course, module_id, slides)
        cached = cache_dir / f"{key}-{name}.pptx"
        if cached.exists():
            pptx.parent.mkdir(parents=True, exist_ok=True)
            pptx.write_bytes(cached.read_bytes())
        else:
            deck_pptx(course, slides, pptx, png_cache)
            cache_dir.mkdir(parents=True, exist_ok=True)
            for old in cache_dir.glob(f"slides-*-{name}.pptx"):  # keep one cached PPTX per module
                old.unlink()
            cached.write_bytes(pptx.read_bytes())
        written[module_id] = (pdf, pptx, len(slides))
    if written:
        log.info("Folien: %d PowerPoint-Dateien (%d Folien) in %.1f s", len(written),
                 sum(n for _, _, n in written.values()), time.perf_counter() - started)
    return written


def build_decks(course: Course, site_dir: Path, cache_dir: Path, log) -> dict[str, tuple[Path, Path, int]]:
    """Write ``pdf/folien-<module>.pdf`` and ``.pptx`` for every module with slides; returns
    module id -> (pdf, pptx, slides). The PDF is cached by its content hash like the handbook."""
    from . import handbook

    handbook.render_all(deck_jobs(course, site_dir, cache_dir), workers=1)
    return build_pptx(course, site_dir, cache_dir, log)


# --- views (macros) -------------------------------------------------------------------------


def _deck_links(course: Course, here: str, module_id: str) -> str:
    prefix = "../" * here.count("/")  # pages end in .html: one level per folder
    name, e = module_id.lower(), html.escape
    return (
        f'<a href="{prefix}pdf/folien-{name}.pdf">Folien {e(module_id)} zum Zeigen (folien-{name}.pdf, 16:9)</a> · '
        f'<a href="{prefix}pdf/folien-{name}.pptx">Folien {e(module_id)} zum Anpassen (folien-{name}.pptx)</a>'
    )


def _has_deck(course: Course, module_id: str) -> bool:
    module = course.modules[module_id]
    ids = [u.id for u in course.units_of(module_id)] + [b.unit for b in module.bridges]
    return any(i in course.slides for i in ids)


def notes_section(course: Course, here: str, unit_id: str) -> str:
    """Macro ``slides()``: the unit's slides with their speaker notes, and the module's decks."""
    unit = course.units[unit_id]
    slides = slides_of(course, unit_id)
    if not slides:
        return ""
    e = html.escape
    code = unit_number(course, unit_id)
    items = []
    for s in slides:
        notes = " ".join(s.notes.split())
        items.append(f"<li><strong>{e(s.title)}</strong>" + (f" – {e(notes)}" if notes else "") + "</li>")
    return (
        "### Folien\n\n"
        '<div class="slides-notes">\n'
        f"<p>{len(slides)} Folien nach der Titelfolie {e(code)}, mit den Notizen für die Vortragenden; "
        f"im Foliensatz des Moduls: {_deck_links(course, here, unit.module)}</p>\n"
        f"<ol>{''.join(items)}</ol>\n</div>\n"
    )


def deck_links(course: Course, here: str, module_id: str) -> str:
    """Macro ``slide_decks()``: the module's two deck files (module page)."""
    if not _has_deck(course, module_id):
        return ""
    return f'<p class="slide-decks">Foliensatz: {_deck_links(course, here, module_id)}</p>\n'


def deck_index(course: Course, here: str) -> str:
    """Macro ``slide_deck_index()``: every module's deck with its number of slides."""
    e = html.escape
    rows = ["| Modul | Folien | Dateien |", "|---|---|---|"]
    for module_id, module in course.modules.items():
        if not _has_deck(course, module_id):
            continue
        n = len(deck(course, module_id))
        rows.append(f"| {e(module_id)}: {e(module.title)} | {n} | {_deck_links(course, here, module_id)} |")
    return "\n".join(rows) + "\n"
