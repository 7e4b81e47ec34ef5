"""Checks of a generated PDF, used by the tests: outline, links, page box, page budget."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdf


@dataclass
class Report:
    pages: int
    outline: list[str]
    text: str
    broken_links: list[str] = field(default_factory=list)
    outside: list[tuple[int, str]] = field(default_factory=list)


def _titles(reader: pypdf.PdfReader, outline) -> list[str]:
    out = []
    for item in outline:
        if isinstance(item, list):
            out += _titles(reader, item)
        else:
            out.append(re.sub(r"\s+", " ", item.title))
    return out


def normalise(text: str) -> str:
    text = text.replace("\u2010\n", "").replace("\u2010 ", "").replace("-\n", "")
    return re.sub(r"\s+", " ", text)


def check_pdf(path) -> Report:
    """The report of a PDF; read once per file and test session (the handbook has 500+ pages)."""
    stat = Path(path).stat()
    return _check_pdf(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _check_pdf(path: str, _size: int, _mtime: int) -> Report:
    reader = pypdf.PdfReader(path)
    named = set(reader.named_destinations)
    texts, outside, broken = [], [], []
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text, cm, tm, font, size, number=number, width=width, height=height):
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            if text.strip() and not (-1 <= x <= width + 1 and -1 <= y <= height + 1):
                outside.append((number, text.strip()[:40]))

        texts.append(page.extract_text(visitor_text=visit) or "")
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            dest = annot.get("/Dest")
            if action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            if isinstance(dest, (str, pypdf.generic.TextStringObject, pypdf.generic.NameObject)):
                if str(dest) not in named:
                    broken.append(str(dest))
    return Report(len(reader.pages), _titles(reader, reader.outline), normalise(" ".join(texts)), broken, outside)


def figure_alts(reader: pypdf.PdfReader) -> list[str]:
    """Alternative texts of all figures in the tagged PDF's structure tree (document order)."""
    out: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure" and node.get("/Alt"):
            out.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


@dataclass
class Layout:
    """Where ink lies on the paper: the measures a print shop and a reader care about."""

    pages: int
    too_close: list[tuple[int, float]]
    """(page, mm) of every page with a glyph, rule, border or image closer to the paper edge
    than the limit."""
    binding: list[tuple[int, float]]
    """(page, mm) of body pages whose ink comes closer to the binding side than allowed."""
    line_lengths: list[int]
    """Characters per line of running text (the most frequent type size)."""
    page_texts: list[str]

    @property
    def median_line(self) -> float:
        values = sorted(self.line_lengths)
        return values[len(values) // 2] if values else 0


MM = 72 / 25.4


def measure_layout(path, *, edge_mm: float = 8, binding_mm: float = 18, skip_first: int = 2) -> Layout:
    """Measure every page (pypdfium2, PDFium's own geometry): nearest ink to any edge, the
    binding-side margin (odd pages bind on the left, even pages on the right; the first
    ``skip_first`` pages, cover and imprint, are exempt) and characters per line of running
    text, lines being characters on one baseline in the body type size."""
    import ctypes
    from collections import Counter, defaultdict

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    too_close, binding, texts = [], [], []
    lines: list[tuple[float, int]] = []  # (type size, characters) per line of any page
    sizes: Counter = Counter()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for index in range(len(pdf)):
        page, number = pdf[index], index + 1
        width, height = page.get_size()
        textpage = page.get_textpage()
        boxes, baselines, last = [], defaultdict(list), None
        for k in range(textpage.count_chars()):
            char = textpage.get_text_range(k, 1)
            if char in ("\r", "\n", ""):
                continue
            raw.FPDFText_GetCharOrigin(textpage.raw, k, origin_x, origin_y)
            if char == " ":  # spaces count towards the line, not as ink
                if last is not None:
                    baselines[last].append(origin_x.value)
                continue
            boxes.append(textpage.get_charbox(k))
            size = round(raw.FPDFText_GetFontSize(textpage.raw, k), 1)
            last = (round(origin_y.value, 1), size)
            baselines[last].append(origin_x.value)
            sizes[size] += 1
        for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE), max_depth=4):
            boxes.append(obj.get_bounds())
        if boxes:
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
            nearest = min(x0, y0, width - x1, height - y1) / MM
            if nearest < edge_mm:
                too_close.append((number, round(nearest, 1)))
            if number > skip_first:
                inner = (x0 if number % 2 else width - x1) / MM
                if inner < binding_mm:
                    binding.append((number, round(inner, 1)))
        for (_, size), xs in baselines.items():
            lines.append((size, len(xs)))
        texts.append(textpage.get_text_range())
    body = sizes.most_common(1)[0][0] if sizes else 0
    lengths = [n for size, n in lines if size == body and n > 1]
    return Layout(len(pdf), too_close, binding, lengths, texts)
