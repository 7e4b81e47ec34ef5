"""Checks of a generated PDF, used by the tests: outline, links, page box, page budget."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
