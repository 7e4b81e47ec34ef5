"""Use: methods and worksheets that no unit uses."""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course
from ..problems import Problem
from .registry import WARNING, problem, rule

@rule("USE001", "method-unused", WARNING)
def method_unused(course: Course) -> Iterable[Problem]:
    """Was: Eine Methode der Sammlung kommt in keinem Ablaufplan vor.

    Warum: Unbenutzte Methoden sind oft vergessene oder umbenannte Verweise.

    Beispiel: `docs/methods/swot.md`, aber kein Schritt mit `method: swot`.

    Stattdessen: Die Methode in einer Einheit einsetzen; bewusst freie Methoden bleiben als
    Warnung sichtbar.
    """
    used = {m for u in course.units.values() for m in u.methods}
    for method_id in sorted(set(course.methods) - used):
        doc = course.doc_of(method_id)
        yield problem("USE001", doc.path, doc.line_of("id"), id=method_id)


@rule("USE002", "worksheet-unused", WARNING)
def worksheet_unused(course: Course) -> Iterable[Problem]:
    """Was: Ein Arbeitsblatt wird von keiner Einheit genannt.

    Warum: Es stünde im Arbeitsheft ohne Bezug zu einer Einheit.

    Beispiel: `ab-k1-rolle` ohne Einheit mit `worksheets: [ab-k1-rolle]`.

    Stattdessen: Das Blatt bei der Einheit eintragen, in der es bearbeitet wird.
    """
    used = {w for u in course.units.values() for w in u.worksheets}
    for ws_id in sorted(set(course.worksheets) - used):
        doc = course.doc_of(ws_id)
        yield problem("USE002", doc.path, doc.line_of("id"), id=ws_id)
