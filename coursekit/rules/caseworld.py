"""Case world: the fictional people and places of the case vignettes stay consistent.

The registry is the page with ``kind: caseworld``. Without it these rules stay silent, so a
course that does not keep a case world is not bothered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..loader import Course, Document
from ..model import CaseWorld, Person, Place
from ..problems import Problem
from .markdown import _line, _prose
from .registry import WARNING, problem, rule

__all__ = ["mentions", "paragraphs", "registry"]

# "Frau"/"Herr" not preceded by a letter: written as a look-behind after the word rather than a
# leading \b, so the regex engine can jump to the literal (six times faster on the course).
_NAME = re.compile(
    r"(Frau(?<!\wFrau)|Herr(?<!\wHerr)n?)\s+(?:Dr\.\s+)?([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\wäöüß-])"
)
# Words after "Frau"/"Herr" that are forms of address or pronouns, not surnames.
_NOT_NAMES = frozenset({
    "Bürgermeister", "Bürgermeisterin", "Landrat", "Landrätin", "Professor", "Professorin",
    "Doktor", "Minister", "Ministerin", "Präsident", "Präsidentin", "Vorsitzende", "Vorsitzender",
    "Ihr", "Ihre", "Ihrer", "Ihres", "Sie",
})
# A paragraph ends at a blank line; a list item starts a new one.
_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])")


def registry(course: Course) -> CaseWorld | None:
    """The validated case world, if the course has one."""
    doc = course.caseworld
    return doc.item if doc is not None else None  # type: ignore[return-value]


def paragraphs(doc: Document) -> Iterator[tuple[int, str]]:
    """(offset, text) of every paragraph or list item of the page body, code blanked."""
    text = _prose(doc)
    start = 0
    for m in _BREAK.finditer(text):
        yield start, text[start:m.start()]
        start = m.end()
    yield start, text[start:]


def mentions(text: str, known: set[str]) -> Iterator[tuple[str, int]]:
    """Every "Frau X" / "Herr X" in the text as (name as registered, offset).

    "Herrn" counts as "Herr"; a genitive s ("Frau Haberlands") counts as the registered name.
    """
    for m in _NAME.finditer(text):
        surname = m.group(2)
        if surname in _NOT_NAMES:
            continue
        name = f"{'Frau' if m.group(1) == 'Frau' else 'Herr'} {surname}"
        if name not in known and name.endswith("s") and name[:-1] in known:
            name = name[:-1]
        yield name, m.start()


def _place_pattern(places: list[Place]) -> re.Pattern | None:
    names = sorted({p.name for p in places}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\wäöüß-])({alternatives})s?(?![\wäöüß])")


def _pages(course: Course) -> Iterator[Document]:
    for doc in course.documents:
        if doc is not course.caseworld and ("Frau" in doc.body or "Herr" in doc.body):
            yield doc


@rule("CASE001", "case-person-unregistered", WARNING)
def case_person_unregistered(course: Course) -> Iterable[Problem]:
    """Was: Ein Text nennt eine Person („Frau X“, „Herr X“), die in der Fallwelt fehlt.

    Warum: Nur eingetragene Personen lassen sich prüfen. Sonst taucht dieselbe erfundene
    Person unbemerkt in zwei Kommunen auf, und Leserinnen und Leser stolpern über den
    Widerspruch.

    Beispiel: Eine Methode erzählt von „Frau Okafor“, aber `docs/hintergrund/fallwelt.md`
    kennt sie nicht.

    Stattdessen: Die Person unter `people:` der Fallwelt eintragen (mit Ort, Organisation und
    Rolle) oder eine dort schon eingetragene Person verwenden.
    """
    world = registry(course)
    if world is None:
        return
    known = {p.name for p in world.people}
    for doc in _pages(course):
        text = _prose(doc)
        seen: set[str] = set()
        for name, offset in mentions(text, known):
            if name not in known and name not in seen:
                seen.add(name)
                yield problem(
                    "CASE001", doc.path, _line(doc, text, offset), name=name,
                    registry=course.caseworld.path,  # type: ignore[union-attr]
                )


@rule("CASE002", "case-person-elsewhere")
def case_person_elsewhere(course: Course) -> Iterable[Problem]:
    """Was: Ein Absatz setzt eine Person der Fallwelt an einen Ort, an dem sie nicht
    eingetragen ist: Er nennt die Person und eingetragene Orte, aber nicht ihren eigenen.

    Warum: Wer Frau Okafor in K1 im Landkreis Hohenmoor kennengelernt hat, wundert sich, wenn
    sie in einer Methode das Netzwerk in Auental koordiniert. Eine Person, ein Ort: so tragen
    wiederkehrende Figuren einen roten Faden durch den Kurs.

    Beispiel: „Frau Okafor koordiniert das Netzwerk Frühe Hilfen im Landkreis Auental.“, aber
    in der Fallwelt gehört Frau Okafor nach Hohenmoor.

    Stattdessen: Den Fall an den Ort der Person verlegen oder für den anderen Ort eine dort
    eingetragene (oder neue) Person wählen.
    """
    world = registry(course)
    if world is None:
        return
    pattern = _place_pattern(world.places)
    if pattern is None:
        return
    people = {p.name: p for p in world.people}
    place_names = {p.id: p.name for p in world.places}
    known = set(people)
    for doc in _pages(course):
        text = _prose(doc)
        for start, para in paragraphs(doc):
            if "Frau" not in para and "Herr" not in para:
                continue  # no mention can start here (the name pattern begins with one of them)
            named = [(people[n], start + off) for n, off in mentions(para, known) if n in people]
            if not named:
                continue
            here = {m.group(1) for m in pattern.finditer(para)}
            if not here:
                continue
            reported: set[str] = set()
            for person, offset in named:
                home = place_names.get(person.place)
                if home is None or home in here or person.id in reported:
                    continue
                reported.add(person.id)
                yield problem(
                    "CASE002", doc.path, _line(doc, text, offset), name=person.name, home=home,
                    places=", ".join(sorted(here)),
                )


@rule("CASE003", "case-world-inconsistent")
def case_world_inconsistent(course: Course) -> Iterable[Problem]:
    """Was: Die Fallwelt widerspricht sich: Eine Person nennt einen Ort, den es dort nicht gibt,
    oder eine Kennung oder ein Personenname kommt zweimal vor.

    Warum: Jede Person gehört zu genau einem Ort. Zwei Einträge „Frau Okafor“ in zwei
    Kommunen sind genau die Doppelung, die die Fallwelt verhindern soll.

    Beispiel: `place: auental` bei einer Person, aber kein Ort mit `id: auental`; oder zweimal
    `name: Frau Okafor`.

    Stattdessen: Den Ort unter `places:` eintragen oder die Kennung korrigieren; bei doppelten
    Namen einer der Personen einen anderen Nachnamen geben.
    """
    world = registry(course)
    if world is None:
        return
    doc = course.caseworld
    assert doc is not None
    seen_places: set[str] = set()
    for i, place in enumerate(world.places):
        if place.id in seen_places:
            yield problem(
                "CASE003", doc.path, doc.line_of("places", i, "id"),
                detail=f"die Orts-Kennung „{place.id}“ steht zweimal unter `places`",
                fix="Gib jedem Ort eine eigene Kennung.",
            )
        seen_places.add(place.id)
    ids: set[str] = set()
    names: dict[str, Person] = {}
    for i, person in enumerate(world.people):
        if person.place not in seen_places:
            yield problem(
                "CASE003", doc.path, doc.line_of("people", i, "place"),
                detail=f"„{person.name}“ nennt den Ort „{person.place}“, den es unter `places` nicht gibt",
                fix="Trage den Ort unter `places:` ein oder korrigiere `place:`.",
            )
        if person.id in ids:
            yield problem(
                "CASE003", doc.path, doc.line_of("people", i, "id"),
                detail=f"die Personen-Kennung „{person.id}“ steht zweimal unter `people`",
                fix="Gib jeder Person eine eigene Kennung.",
            )
        elif person.name in names:
            yield problem(
                "CASE003", doc.path, doc.line_of("people", i, "name"),
                detail=f"„{person.name}“ steht zweimal unter `people` "
                f"(Orte „{names[person.name].place}“ und „{person.place}“)",
                fix="Eine Person gehört zu einem Ort: gib einer der beiden einen anderen Nachnamen "
                "und passe die Texte an.",
            )
        ids.add(person.id)
        names.setdefault(person.name, person)
