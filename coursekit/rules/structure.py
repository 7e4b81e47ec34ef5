"""The unit's body: key points, one transfer task per module, notes for group sizes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..loader import Course, Document
from ..model import Unit
from ..problems import Problem
from .markdown import _prose
from .registry import problem, rule

__all__ = ["KEY_POINTS", "TRANSFER", "GROUP_SIZES", "key_points_of", "last_unit_of", "section"]

KEY_POINTS = "## Auf einen Blick"
TRANSFER = "## Transferaufgabe"
GROUP_SIZES = "## Für kleine und große Gruppen"

_H1_H2 = re.compile(r"\n(#{1,2})[ \t]+(.+?)[ \t#]*$", re.M)
"""An H1 or H2 heading, searched in the text after a line break (its start is then the
heading's offset in the text itself)."""
_ITEM = re.compile(r"^[-*+][ \t]+(.+(?:\n(?![ \t]*\n)(?![-*+][ \t])(?!#).+)*)", re.M)


def section(doc: Document, heading: str) -> tuple[int, str] | None:
    """The line of an H2 heading outside code and the text up to the next H1 or H2 heading."""
    found = _sections(doc).get(heading.removeprefix("## "))
    return (found[0], doc.body[found[1]:found[2]]) if found else None


def _sections(doc: Document) -> dict[str, tuple[int, int, int]]:
    """Every H2 section of the body (first of each title): line, start and end offset; read
    once per document, since several rules ask."""
    out = doc.cache.get("h2-sections")
    if out is None:
        text = _prose(doc)
        heads = [(m.start(), m.end() - 1, m.group(1), m.group(2)) for m in _H1_H2.finditer("\n" + text)]
        out = {}
        line, counted = doc.body_line, 0
        for k, (start, end, level, title) in enumerate(heads):
            if level == "##" and title not in out:
                stop = heads[k + 1][0] if k + 1 < len(heads) else len(text)
                line, counted = line + text.count("\n", counted, start), start
                out[title] = (line, end, stop)
        doc.cache["h2-sections"] = out
    return out


def key_points_of(doc: Document) -> list[str]:
    """The top-level list items of the unit's "Auf einen Blick" section, as written."""
    found = section(doc, KEY_POINTS)
    if found is None:
        return []
    return [" ".join(m.group(1).split()) for m in _ITEM.finditer(found[1])]


def last_unit_of(course: Course, module_id: str) -> str | None:
    """Id of the last unit of the module's last day."""
    module = course.modules.get(module_id)
    return module.days[-1].units[-1] if module and module.days and module.days[-1].units else None


def _units(course: Course) -> Iterator[tuple[Unit, Document]]:
    for unit in course.units.values():
        yield unit, course.doc_of(unit.id)


@rule("TEXT001", "unit-key-points")
def unit_key_points(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit hat keinen Abschnitt `## Auf einen Blick` oder er hat nicht drei bis
    fünf Listenpunkte.

    Warum: Die Kernaussagen sind das, was Teilnehmende behalten sollen. Das Arbeitsblatt „Auf
    einen Blick“ eines Moduls sammelt sie als Handout; ohne sie fehlt die Einheit dort.

    Beispiel: Eine Einheit endet mit den Reflexionsfragen und der Literatur.

    Stattdessen: Vor `## Literatur` einen Abschnitt `## Auf einen Blick` mit drei bis fünf
    ganzen, kurzen Sätzen als Liste (`- …`).
    """
    for unit, doc in _units(course):
        found = section(doc, KEY_POINTS)
        if found is None:
            yield problem("TEXT001", doc.path, doc.body_line, unit=unit.id, state="fehlt")
            continue
        count = len(key_points_of(doc))
        if not 3 <= count <= 5:
            yield problem("TEXT001", doc.path, found[0], unit=unit.id, state=f"hat {count} Listenpunkte statt drei bis fünf")


@rule("TEXT002", "transfer-not-last")
def transfer_not_last(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit, die nicht die letzte ihres Moduls ist, hat einen Abschnitt
    `## Transferaufgabe`, oder der letzten Einheit eines Moduls fehlt er.

    Warum: Koordinierende und Führungskräfte haben zwischen den Modulen nur wenige Stunden.
    Eine Transferaufgabe je Modul ist zu schaffen; acht sind es nicht. Die übrigen Einheiten
    füllen Schritt für Schritt das Arbeitsblatt „Transferplan“ des Moduls.

    Beispiel: `## Transferaufgabe` in der zweiten Einheit des ersten Kurstages.

    Stattdessen: Die Reflexionsfragen mit einem Satz wie „Halten Sie im Transferplan (Teil B)
    fest …“ beenden; die eine Transferaufgabe steht in der letzten Einheit des letzten Tages.
    """
    for unit, doc in _units(course):
        last = last_unit_of(course, unit.module)
        if last is None:
            continue
        found = section(doc, TRANSFER)
        if unit.id != last and found is not None:
            what = f"hat eine Transferaufgabe, ist aber nicht die letzte Einheit des Moduls (das ist „{last}“)"
            yield problem("TEXT002", doc.path, found[0], unit=unit.id, what=what)
        elif unit.id == last and found is None:
            what = "ist die letzte Einheit des Moduls, hat aber keinen Abschnitt `## Transferaufgabe`"
            yield problem("TEXT002", doc.path, doc.body_line, unit=unit.id, what=what)


@rule("TEXT003", "group-sizes-missing")
def group_sizes_missing(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit hat keinen Abschnitt `## Für kleine und große Gruppen`.

    Warum: Kurse finden mit acht oder mit 24 Teilnehmenden statt. Trainerinnen und Trainer
    müssen wissen, was sich dann ändert: Zahl der Gruppen, Runden, Zeiten, Raum, zweite
    Trainerin oder zweiter Trainer.

    Beispiel: Die Hinweise für Trainerinnen und Trainer nennen nur „Kleingruppen zu viert“.

    Stattdessen: Direkt nach den Hinweisen für Trainerinnen und Trainer einen Abschnitt
    `## Für kleine und große Gruppen`, der sagt, was bei 8 und was bei 24 Teilnehmenden anders
    läuft.
    """
    for unit, doc in _units(course):
        if section(doc, GROUP_SIZES) is None:
            notes = section(doc, "## Hinweise für Trainerinnen und Trainer")
            yield problem("TEXT003", doc.path, notes[0] if notes else doc.body_line, unit=unit.id)
