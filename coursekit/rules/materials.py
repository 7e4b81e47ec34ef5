"""Materials: units and methods name their material by an id of the catalogue (docs/materialien.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..loader import Course, Document
from ..model import Method, Unit
from ..problems import Problem
from .registry import WARNING, _suggest, problem, rule


def _uses(course: Course) -> Iterator[tuple[Document, int, str]]:
    """(document, index in ``materials``, id) of every material a unit or method names."""
    for doc in course.documents:
        if isinstance(doc.item, (Unit, Method)):
            for i, ref in enumerate(doc.item.materials):
                yield doc, i, ref


@rule("MAT001", "unknown-material")
def unknown_material(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit oder Methode nennt unter `materials` eine Kennung, die im
    Materialkatalog (docs/materialien.md) fehlt.

    Warum: Packliste und Mengen der Tagesmappe entstehen aus dem Katalog; ein unbekanntes
    Material fehlte beim Packen.

    Beispiel: `materials: [moderationskarte, pinnwand]`.

    Stattdessen: `materials: [moderationskarten, pinnwand]` oder das Material im Katalog
    anlegen (`id`, `name`, `type`, `per`, `amount`, `unit`).
    """
    for doc, i, ref in _uses(course):
        if ref not in course.materials:
            yield problem(
                "MAT001", doc.path, doc.line_of("materials", i), ref=ref,
                suggestion=_suggest(ref, course.materials),
            )


@rule("MAT002", "unused-material", WARNING)
def unused_material(course: Course) -> Iterable[Problem]:
    """Was: Ein Material im Katalog wird von keiner Einheit und keiner Methode genannt.

    Warum: Der Katalog soll zeigen, was der Kurs wirklich braucht; ein vergessener Eintrag
    deutet auf eine vertippte Kennung oder eine gestrichene Übung.

    Beispiel: `- {id: beamer, …}` im Katalog, aber keine Einheit nennt `beamer`.

    Stattdessen: Das Material in `materials` der Einheit nennen, die es braucht, oder den
    Eintrag aus dem Katalog löschen.
    """
    used = {ref for _, _, ref in _uses(course)}
    for doc in course.documents:
        if getattr(doc.item, "kind", None) == "materials":
            for i, entry in enumerate(doc.item.items):  # type: ignore[attr-defined]
                if entry.id not in used:
                    yield problem("MAT002", doc.path, doc.line_of("items", i), id=entry.id, name=entry.name)


@rule("MAT003", "course-dates")
def course_dates(course: Course) -> Iterable[Problem]:
    """Was: `dates` in `extra.course` nennt ein Modul, das es nicht gibt, oder eine andere Zahl
    von Terminen, als das Modul Kurstage hat.

    Warum: Teilnahmebescheinigung und Teilnahmeliste drucken diese Termine; ein falscher
    Termin auf einer Bescheinigung ist ein falscher Nachweis.

    Beispiel: `dates: {K1: ["2027-02-04"]}` für ein Modul mit zwei Kurstagen.

    Stattdessen: `dates: {K1: ["2027-02-04", "2027-02-05"]}`: ein Datum je Kurstag, in der
    Reihenfolge der Tage.
    """
    for module_id, dates in course.config.dates.items():
        line = _config_line(course, "dates", module_id)
        module = course.modules.get(module_id)
        if module is None:
            yield problem("MAT003", course.config_file, line, module=module_id,
                          detail="dieses Modul gibt es nicht", days="keine", suggestion=_suggest(module_id, course.modules))
        elif len(dates) != len(module.days):
            yield problem("MAT003", course.config_file, line, module=module_id,
                          detail=f"{len(dates)} Termine für {len(module.days)} Kurstage",
                          days=f"{len(module.days)} Kurstage", suggestion="")
        elif sorted(dates) != list(dates):
            yield problem("MAT003", course.config_file, line, module=module_id,
                          detail="die Termine stehen nicht in aufsteigender Reihenfolge",
                          days=f"{len(module.days)} Kurstage", suggestion="")


def _config_line(course: Course, *path: str) -> int:
    key = tuple(path)
    while key and key not in course.config_lines:
        key = key[:-1]
    return course.config_lines.get(key, course.config_lines.get((), 1))
