"""Slides: every input a unit presents has slides, and the slides are short, titled and sourced.

Alt text of a figure on a slide is checked by MD001 like every image of the course.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course
from ..model import Slides, Unit
from ..problems import Problem
from ..slides import needs_slides, parse
from .registry import WARNING, _suggest, problem, rule

MAX_WORDS = 40
"""Words a slide shows at most (title, bullets and text; notes do not count)."""
MIN_SLIDES, MAX_SLIDES = 3, 10
"""Written slides per input (the deck adds the unit's title slide)."""


def _slides_docs(course: Course):
    for doc in course.documents:
        if isinstance(doc.item, Slides):
            yield doc, doc.item


@rule("SLIDE001", "unit-slides-missing")
def unit_slides_missing(course: Course) -> Iterable[Problem]:
    """Was: Der Ablaufplan einer Einheit hat einen Input (Methode `impulsvortrag` oder
    „Folien“ im Material oder Inhalt eines Schritts), aber zur Einheit gibt es keine Folien.

    Warum: Die Trainerin oder der Trainer steht am Kurstag ohne Folien da, und das Handbuch
    sagt nicht, wo sie sind.

    Beispiel: `k1-rolle` mit einem Schritt `method: impulsvortrag`, aber ohne Datei
    `docs/coordinators/k1/folien/k1-rolle.md`.

    Stattdessen: Neben der Einheit `folien/<einheit>.md` anlegen (`kind: slides`,
    `unit: <einheit>`), Folien durch Zeilen `---` trennen, Notizen nach `???`.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit) or unit.id in course.slides:
            continue
        steps = needs_slides(unit)
        if steps:
            folder = doc.path.rsplit("/", 1)[0] + "/" if "/" in doc.path else ""
            yield problem(
                "SLIDE001", doc.path, doc.line_of("steps", steps[0]), unit=unit.id,
                path=f"docs/{folder}folien/{unit.id}.md", step=steps[0] + 1,
            )


@rule("SLIDE002", "slide-too-many-words", WARNING)
def slide_too_many_words(course: Course) -> Iterable[Problem]:
    """Was: Eine Folie zeigt mehr als 40 Wörter (Überschrift, Punkte und Text; die Notizen
    zählen nicht).

    Warum: Wer liest, hört nicht zu. Eine Folie trägt eine Botschaft in wenigen Worten; die
    Erklärung gehört in den Vortrag und in die Notizen.

    Beispiel: Eine Folie mit sechs Punkten aus ganzen Sätzen.

    Stattdessen: Kürzen oder auf zwei Folien verteilen; Erklärungen nach `???` in die
    Notizen schreiben.
    """
    for doc, _ in _slides_docs(course):
        for s in parse(doc):
            if s.words > MAX_WORDS:
                yield problem("SLIDE002", doc.path, s.line, title=s.title or "?", words=s.words, limit=MAX_WORDS)


@rule("SLIDE003", "slide-source-unknown")
def slide_source_unknown(course: Course) -> Iterable[Problem]:
    """Was: Eine Folie nennt in `Quelle:` eine Kennung, die nicht in der Literaturliste steht.

    Warum: Auf der Folie erscheint die Quelle als Kurzbeleg (Autor Jahr); eine unbekannte
    Kennung ließe den Beleg ins Leere laufen.

    Beispiel: `Quelle: phineo-2031`.

    Stattdessen: `Quelle: phineo-2013` (Kennungen aus docs/literatur.md), mehrere durch Komma
    getrennt.
    """
    for doc, _ in _slides_docs(course):
        for s in parse(doc):
            for ref in s.sources:
                if ref not in course.sources:
                    yield problem("SLIDE003", doc.path, s.source_line, ref=ref,
                                  suggestion=_suggest(ref, course.sources))


@rule("SLIDE004", "slides-unit-unknown")
def slides_unit_unknown(course: Course) -> Iterable[Problem]:
    """Was: Eine Foliendatei nennt in `unit` eine Einheit, die es nicht gibt.

    Warum: Die Folien kämen in keinen Foliensatz und auf keine Seite.

    Beispiel: `unit: k1-rollen` statt `unit: k1-rolle`.

    Stattdessen: Die Kennung der Einheit eintragen, deren Inputs die Folien zeigen.
    """
    for doc, slides in _slides_docs(course):
        if slides.unit not in course.units:
            yield problem("SLIDE004", doc.path, doc.line_of("unit"), ref=slides.unit,
                          suggestion=_suggest(slides.unit, course.units))


@rule("SLIDE005", "slide-without-title")
def slide_without_title(course: Course) -> Iterable[Problem]:
    """Was: Eine Folie hat keine Überschrift (`# …`) oder keinen Inhalt.

    Warum: Die Überschrift trägt die Botschaft der Folie; sie erscheint auch in den Notizen
    auf der Seite der Einheit und in der Gliederung der PPTX-Datei.

    Beispiel: Eine Folie, die nur aus drei Punkten besteht.

    Stattdessen: Jede Folie mit `# Botschaft in wenigen Worten` beginnen, darunter Punkte,
    ein Satz oder eine Abbildung.
    """
    for doc, _ in _slides_docs(course):
        for s in parse(doc):
            if not s.title or not (s.bullets or s.text or s.figure):
                yield problem("SLIDE005", doc.path, s.line,
                              what="keine Überschrift" if not s.title else "nur eine Überschrift")


@rule("SLIDE006", "slides-count", WARNING)
def slides_count(course: Course) -> Iterable[Problem]:
    """Was: Die Foliendatei einer Einheit hat weniger als 3 Folien oder mehr als 10 je Input
    der Einheit.

    Warum: Ein Impuls von 10 bis 20 Minuten braucht einige Folien, aber nicht mehr als eine
    je zwei Minuten; mehr Folien verdrängen das Gespräch.

    Beispiel: Zwei Folien zu einem Impuls von 20 Minuten, oder 14 Folien zu einem Impuls.

    Stattdessen: 3 bis 10 Folien je Input; der Foliensatz ergänzt die Titelfolie der Einheit.
    """
    for doc, slides in _slides_docs(course):
        unit = course.units.get(slides.unit)
        inputs = max(len(needs_slides(unit)), 1) if unit else 1
        n = len(parse(doc))
        if n < MIN_SLIDES or n > MAX_SLIDES * inputs:
            yield problem("SLIDE006", doc.path, doc.line_of("unit"), count=n,
                          low=MIN_SLIDES, high=MAX_SLIDES * inputs)
