"""Print: what the handbook prints must make sense on paper."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..loader import Course
from ..problems import Problem
from .markdown import _blank, _line, _prose
from .registry import problem, rule

# Words that only make sense on a screen. A passage that needs them is marked screen-only.
WEB_ONLY = re.compile(
    r"\b(Schaltfläche\w*|Suchfeld\w*|Suchleiste|Seitenleiste|Kopfzeile der Website|"
    r"(?:an)?klicken|klicken Sie|herunterladen|herunter|Download\w*|Menü\w*|scrollen)\b",
    re.I,
)
_STEMS = ("schaltfläche", "suchfeld", "suchleiste", "seitenleiste", "kopfzeile", "klick", "herunter",
          "download", "menü", "scroll")
"""Lower-case parts of the words above: a cheap test before the regular expression runs."""
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)  # macros render their own print markup
_SCREEN_DIV = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\bscreen-only\b[^\"]*\"[^>]*>.*?</div>", re.S | re.I)
_SCREEN_BLOCK = re.compile(r"(?:^|\n\n)((?:(?!\n\n).)*\{:?\s*\.screen-only\s*\}(?:(?!\n\n).)*)", re.S)


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def printed_text(doc) -> str:
    """The page body as it is printed: code, raw blocks and screen-only passages blanked
    (line numbers kept)."""
    text = _prose(doc)
    if "{" in text:
        text = _TEMPLATE.sub(_blank, text)
    if "screen-only" in text:  # the patterns below are slow; most pages have no such mark
        text = _SCREEN_DIV.sub(_blank, text)
        text = _SCREEN_BLOCK.sub(lambda m: m.group(0).replace(m.group(1), _spaces(m.group(1))), text)
    return text


@rule("PRINT001", "web-only-wording-in-print")
def web_only_wording_in_print(course: Course) -> Iterable[Problem]:
    """Was: Ein Text, der gedruckt wird, spricht von Schaltflächen, Suchfeld, Menü, Klicken
    oder Herunterladen.

    Warum: Im Handbuch gibt es nichts zu klicken; Trainerinnen und Trainer stolpern über
    Sätze, die nur auf der Website stimmen.

    Beispiel: „Laden Sie das Handbuch über die Schaltfläche oben herunter.“ auf einer Seite,
    die ins Handbuch kommt.

    Stattdessen: Den Absatz nur für die Website markieren: `{ .screen-only }` in der Zeile
    nach dem Absatz oder `<div class="screen-only" markdown>` … `</div>`; ganze Seiten mit
    `print: false` im Kopfbereich. Oder den Satz so schreiben, dass er auf Papier stimmt.
    """
    for doc in course.documents:
        if not doc.printed:
            continue
        lowered = doc.body.lower()
        if not any(stem in lowered for stem in _STEMS):
            continue
        text = printed_text(doc)
        for match in WEB_ONLY.finditer(text):
            yield problem("PRINT001", doc.path, _line(doc, text, match.start()), word=match.group(0))
