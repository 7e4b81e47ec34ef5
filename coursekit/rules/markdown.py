"""The Markdown body: images, alt texts, link texts."""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable

from ..loader import Course, Document
from ..paths import inside, is_remote
from ..problems import Problem
from .registry import WARNING, problem, rule

_FENCED = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(body: str) -> str:
    """The body with code blocks, inline code and raw blocks blanked (line numbers kept)."""
    if "`" in body or ("~" in body and "~~~" in body):  # most pages have neither; the patterns are not cheap
        body = _FENCED.sub(_blank, body)
    if "raw" in body:
        body = _RAW.sub(_blank, body)
    if "`" in body:
        body = _INLINE_CODE.sub(_blank, body)
    return body


def _prose(doc: Document) -> str:
    if "prose" not in doc.cache:
        doc.cache["prose"] = prose(doc.body)
    return doc.cache["prose"]


def _has_tag(text: str, start: str) -> bool:
    """Whether ``start`` (such as ``<img``) occurs in any letter case; most pages have no ``<``."""
    return "<" in text and start in text.lower()


def _line(doc: Document, text: str, offset: int) -> int:
    return doc.body_line + text.count("\n", 0, offset)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.I)
_SRC = re.compile(r"\bsrc\s*=\s*[\"']([^\"']*)", re.I)


@rule("MD001", "image-without-alt")
def image_without_alt(course: Course) -> Iterable[Problem]:
    """Was: Ein Bild hat keinen Alternativtext.

    Warum: Blinde und sehbehinderte Menschen erfahren sonst nicht, was das Bild zeigt
    (BITV 2.0 / WCAG 2.1, Kriterium 1.1.1).

    Beispiel: `![](netzwerkkarte.png)`.

    Stattdessen: `![Netzwerkkarte: Jugendamt in der Mitte, zwölf Träger im Umkreis](netzwerkkarte.png)`.
    """
    for doc in course.documents:
        text = _prose(doc)
        if "!" not in text and not _has_tag(text, "<img"):
            continue
        for m in _MD_IMAGE.finditer(text):
            if not m.group(1).strip():
                yield problem("MD001", doc.path, _line(doc, text, m.start()), target=m.group(2))
        for m in _HTML_IMG.finditer(text):
            alt = _ALT.search(m.group(0))
            if not alt or not (alt.group(2) or alt.group(3) or "").strip():
                src = _SRC.search(m.group(0))
                yield problem(
                    "MD001", doc.path, _line(doc, text, m.start()), target=src.group(1) if src else "?"
                )


def _image_sources(doc: Document) -> list[tuple[str, int]]:
    """Every image in the page body: (src as written, line)."""
    text = _prose(doc)
    found = [(m.group(2), _line(doc, text, m.start())) for m in _MD_IMAGE.finditer(text)]
    for m in _HTML_IMG.finditer(text) if _has_tag(text, "<img") else ():
        src = _SRC.search(m.group(0))
        if src:
            found.append((src.group(1), _line(doc, text, m.start())))
    return found


@rule("IMG001", "image-without-credit")
def image_without_credit(course: Course) -> Iterable[Problem]:
    """Was: Ein Bild hat keinen Bildnachweis im Kopfbereich (`images:`).

    Warum: Offene Lizenzen verlangen Titel, Urheberschaft, Lizenz und Quelle; ohne Nachweis
    darf das Bild nicht weitergegeben werden, und forkende Kommunen wissen nicht, was sie
    nutzen dürfen.

    Beispiel: `![Kursaufbau](assets/images/kursaufbau.svg)` ohne `images:` im Kopfbereich.

    Stattdessen: `images: [{src: assets/images/kursaufbau.svg, title: Kursaufbau, author: …,
    licence: CC BY-SA 4.0, origin: eigenes Werk}]`.
    """
    for doc in course.documents:
        if "!" not in doc.body and not _has_tag(doc.body, "<img"):
            continue
        credited = {c.src for c in doc.images}
        for src, line in _image_sources(doc):
            if src not in credited:
                yield problem("IMG001", doc.path, line, src=src)


@rule("MD003", "image-outside-docs")
def image_outside_docs(course: Course) -> Iterable[Problem]:
    """Was: Ein Bild im Seitentext oder ein Bildnachweis (`images:` → `src`) zeigt aus dem
    Ordner docs/ hinaus: ein absoluter Pfad, `..` über docs/ hinaus, `file:` oder `data:`.

    Warum: Website und PDF dürfen nur Dateien des Kurses enthalten; sonst landeten Dateien
    des bauenden Rechners im Handbuch. (Bilder von fremden Servern meldet die
    Datenschutzprüfung des Baus.)

    Beispiel: `![Karte](../../../../etc/passwd)` oder `![Karte](file:///home/kurs/karte.svg)`.

    Stattdessen: Das Bild unter docs/ ablegen, etwa in docs/assets/images/, und relativ zur
    Seite verweisen: `![Karte](../assets/images/karte.svg)`.
    """
    docs = Path(course.docs_dir)
    for doc in course.documents:
        for src, line in _image_sources(doc):
            if src and not is_remote(src) and not inside(docs, src, doc.path):
                yield problem("MD003", doc.path, line, src=src)
        for i, credit in enumerate(doc.images):
            if not is_remote(credit.src) and not inside(docs, credit.src, doc.path):
                yield problem("MD003", doc.path, doc.line_of("images", i, "src"), src=credit.src)


@rule("IMG002", "image-credit-unused", WARNING)
def image_credit_unused(course: Course) -> Iterable[Problem]:
    """Was: Ein Bildnachweis in `images:` gehört zu keinem Bild der Seite.

    Warum: Meist ist `src` falsch geschrieben; dann fehlt die Bildunterschrift am Bild.

    Beispiel: `src: assets/images/Kursaufbau.svg`, im Text aber `kursaufbau.svg`.

    Stattdessen: `src` genau wie im Bildverweis schreiben.
    """
    for doc in course.documents:
        if not doc.images:
            continue
        used = {src for src, _ in _image_sources(doc)}
        for i, credit in enumerate(doc.images):
            if credit.src not in used:
                yield problem("IMG002", doc.path, doc.line_of("images", i, "src"), src=credit.src)


_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])")
_HTML_A = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
_WEAK_TEXTS = {
    "hier", "hier klicken", "klicken sie hier", "klick hier", "mehr", "mehr erfahren",
    "mehr lesen", "mehr dazu", "link", "dieser link", "diesem link", "weiterlesen", "weiter",
    "details", "siehe hier", "zum link", "here", "click here", "more", "read more",
}


@rule("MD002", "weak-link-text")
def weak_link_text(course: Course) -> Iterable[Problem]:
    """Was: Ein Linktext wie „hier“, „mehr“, „Link“ oder „weiterlesen“ sagt nicht, wohin der
    Link führt.

    Warum: Screenreader bieten Links als Liste an; „hier, hier, mehr“ ist dort wertlos
    (BITV 2.0 / WCAG 2.1, Kriterium 2.4.4).

    Beispiel: `Die Methode finden Sie [hier](../methods/world-cafe.md).`

    Stattdessen: `Siehe [Methode World Café](../methods/world-cafe.md).`
    """
    for doc in course.documents:
        text = _prose(doc)
        if "[" not in text and not _has_tag(text, "<a"):
            continue
        for pattern in (_MD_LINK, _HTML_A):
            for m in pattern.finditer(text):
                label = re.sub(r"<[^>]+>", "", m.group(1))
                label = re.sub(r"[\s.:!»›…→-]+$", "", label.strip()).strip().lower()
                if label in _WEAK_TEXTS:
                    yield problem("MD002", doc.path, _line(doc, text, m.start()), text=m.group(1).strip())


