"""Self-checks (the Netzwerk-Check): dimensions, statements, scale and the units they name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..loader import Course, Document
from ..model import Selfcheck
from ..problems import Problem
from .registry import _suggest, problem, rule


def _selfchecks(course: Course) -> Iterator[tuple[Document, Selfcheck]]:
    for doc in course.documents:
        if isinstance(doc.item, Selfcheck):
            yield doc, doc.item


@rule("NC001", "statement-unknown-dimension")
def statement_unknown_dimension(course: Course) -> Iterable[Problem]:
    """Was: Eine Aussage des Netzwerk-Checks nennt eine Dimension, die es nicht gibt.

    Warum: Die Aussage ginge in keine Auswertung ein und fehlte im Arbeitsblatt.

    Beispiel: `dimension: zeile` bei den Dimensionen `ziele` und `bedarf`.

    Stattdessen: `dimension: ziele`, also eine Kennung aus `dimensions`.
    """
    for doc, check in _selfchecks(course):
        known = [d.id for d in check.dimensions]
        for i, s in enumerate(check.statements):
            if s.dimension not in known:
                yield problem(
                    "NC001", doc.path, doc.line_of("statements", i, "dimension"),
                    statement=s.id, ref=s.dimension, known=", ".join(known),
                    suggestion=_suggest(s.dimension, known),
                )


@rule("NC002", "selfcheck-duplicate-id")
def selfcheck_duplicate_id(course: Course) -> Iterable[Problem]:
    """Was: Zwei Dimensionen oder zwei Aussagen eines Selbstchecks haben dieselbe Kennung.

    Warum: Gespeicherte Ergebnisse ordnen die Antworten über die Kennung zu; eine doppelte
    Kennung vermischt zwei Aussagen.

    Beispiel: zweimal `id: ziele-1` unter `statements`.

    Stattdessen: Jede Kennung einmal vergeben, z. B. `ziele-1`, `ziele-2`, `ziele-3`.
    """
    for doc, check in _selfchecks(course):
        for key, label, items in (
            ("dimensions", "Dimension", check.dimensions),
            ("statements", "Aussage", check.statements),
        ):
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.id in first:
                    yield problem(
                        "NC002", doc.path, doc.line_of(key, i, "id"), what=label, id=item.id,
                        first=doc.line_of(key, first[item.id], "id"),
                    )
                else:
                    first[item.id] = i


@rule("NC003", "statement-empty-text")
def statement_empty_text(course: Course) -> Iterable[Problem]:
    """Was: Eine Aussage des Netzwerk-Checks hat keinen Text.

    Warum: Im Fragebogen und im Arbeitsblatt stünde eine leere Zeile zum Ankreuzen.

    Beispiel: `text: ""` oder `text:` ohne Wert.

    Stattdessen: Eine konkrete, beobachtbare Aussage, z. B. `text: Die Ziele des Netzwerks
    sind schriftlich festgehalten.`
    """
    for doc, check in _selfchecks(course):
        for i, s in enumerate(check.statements):
            if not s.text.strip():
                yield problem("NC003", doc.path, doc.line_of("statements", i, "text"), statement=s.id)


@rule("NC004", "dimension-without-statements")
def dimension_without_statements(course: Course) -> Iterable[Problem]:
    """Was: Eine Dimension des Netzwerk-Checks hat keine Aussage.

    Warum: Die Auswertung zeigte für sie nie eine Punktzahl.

    Beispiel: Dimension `lernen`, aber keine Aussage mit `dimension: lernen`.

    Stattdessen: Der Dimension mindestens eine Aussage geben (besser drei) oder sie entfernen.
    """
    for doc, check in _selfchecks(course):
        used = {s.dimension for s in check.statements}
        for i, d in enumerate(check.dimensions):
            if d.id not in used:
                yield problem("NC004", doc.path, doc.line_of("dimensions", i, "id"), id=d.id)


@rule("NC005", "selfcheck-unknown-unit")
def selfcheck_unknown_unit(course: Course) -> Iterable[Problem]:
    """Was: Eine Dimension des Netzwerk-Checks nennt eine Einheit, die es nicht gibt.

    Warum: Die Auswertung verweist je Dimension auf die Einheit, die daran arbeitet; der
    Verweis liefe ins Leere.

    Beispiel: `unit: k2-ziele` statt `unit: k2-gemeinsame-ziele`.

    Stattdessen: Die Kennung einer Einheit aus docs/ eintragen.
    """
    for doc, check in _selfchecks(course):
        for i, d in enumerate(check.dimensions):
            if d.unit not in course.units:
                yield problem(
                    "NC005", doc.path, doc.line_of("dimensions", i, "unit"), id=d.id, ref=d.unit,
                    suggestion=_suggest(d.unit, course.units),
                )


@rule("NC006", "scale-points-repeated")
def scale_points_repeated(course: Course) -> Iterable[Problem]:
    """Was: Zwei Stufen der Skala eines Selbstchecks haben dieselbe Punktzahl, oder die Punkte
    steigen nicht von der ersten zur letzten Stufe.

    Warum: Gespeicherte Antworten halten die Punkte fest; gleiche Punkte machen zwei Stufen
    ununterscheidbar, fallende Punkte kehren die Auswertung um.

    Beispiel: `trifft eher zu` und `trifft voll zu` beide mit `points: 2`.

    Stattdessen: Punkte von der niedrigsten zur höchsten Stufe aufsteigend, z. B. 0, 1, 2, 3.
    """
    for doc, check in _selfchecks(course):
        for i in range(1, len(check.scale)):
            if check.scale[i].points <= check.scale[i - 1].points:
                yield problem(
                    "NC006", doc.path, doc.line_of("scale", i, "points"),
                    label=check.scale[i].label, points=check.scale[i].points,
                    before=check.scale[i - 1].label, before_points=check.scale[i - 1].points,
                )
