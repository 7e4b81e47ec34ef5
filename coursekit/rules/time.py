"""Time: Ablaufplan sums, phases, days and breaks."""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course, Document
from ..model import Module, Unit, clock_of, minutes_of
from ..problems import Problem
from ..schedule import day_slots
from .registry import WARNING, problem, rule

@rule("PLAN001", "plan-sum")
def plan_sum(course: Course) -> Iterable[Problem]:
    """Was: Die Minuten der Schritte im Ablaufplan ergeben nicht die Dauer der Einheit.

    Warum: Sonst stimmen die Uhrzeiten im Tagesablauf nicht.

    Beispiel: `duration: 90` mit Schritten von 15, 30 und 30 Minuten.

    Stattdessen: Schritte von 15, 30, 30 und 15 Minuten.
    """
    for doc in course.documents:
        unit = doc.item
        if isinstance(unit, Unit):
            total = sum(s.minutes for s in unit.steps)
            if total != unit.duration:
                yield problem(
                    "PLAN001",
                    doc.path,
                    doc.line_of("duration"),
                    total=total,
                    duration=unit.duration,
                    diff=total - unit.duration,
                )


_PHASE_ORDER = {"Einsteigen": 0, "Erarbeiten": 1, "Integrieren": 2, "Auswerten": 3}


@rule("PLAN002", "phase-order", WARNING)
def phase_order(course: Course) -> Iterable[Problem]:
    """Was: Die Lernphasen im Ablaufplan springen zurück, z. B. Auswerten vor Erarbeiten.

    Warum: Die Phasen Einsteigen → Erarbeiten → Integrieren → Auswerten tragen den
    Lernprozess; ein Rücksprung ist oft ein Tippfehler.

    Beispiel: `phase: Einsteigen` nach `phase: Integrieren`.

    Stattdessen: Die Phase des Schritts korrigieren (Pausen zählen nicht).
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit):
            continue
        previous = None
        for i, step in enumerate(unit.steps):
            if step.phase == "Pause":
                continue
            if previous and _PHASE_ORDER[step.phase] < _PHASE_ORDER[previous]:
                yield problem(
                    "PLAN002", doc.path, doc.line_of("steps", i, "phase"),
                    phase=step.phase, previous=previous,
                )
            previous = step.phase


def _days(course: Course) -> list[tuple[Document, Module, int, list]]:
    """Every course day with its timed slots; computed once per loaded course, since three
    rules walk them."""
    cached = getattr(course, "_days", None)
    if cached is None:
        cached = course._days = [  # type: ignore[attr-defined]
            (doc, doc.item, d, day_slots(course, doc.item, d))
            for doc in course.documents if isinstance(doc.item, Module)
            for d in range(len(doc.item.days))
        ]
    return cached


@rule("DAY001", "no-break-for-too-long")
def no_break_for_too_long(course: Course) -> Iterable[Problem]:
    """Was: Ein Kurstag hat mehr als 90 Minuten Lernzeit am Stück (Grenze `max_block_minutes`).

    Warum: Seminarplanung sieht spätestens nach 90 Minuten eine Pause vor.

    Beispiel: Zwei Einheiten zu 90 Minuten ohne Pause dazwischen.

    Stattdessen: `breaks: [{after_unit: 1, minutes: 15, title: Kaffeepause}]`.
    """
    limit = course.config.max_block_minutes
    for doc, module, d, slots in _days(course):
        stretch: list = []
        for slot in [*slots, None]:
            if slot is not None and not slot.is_break:
                stretch.append(slot)
                continue
            minutes = sum(s.minutes for s in stretch)
            if minutes > limit:
                last = stretch[-1]
                yield problem(
                    "DAY001", doc.path, doc.line_of("days", d, "units", last.position),
                    day=d + 1, minutes=minutes, start=clock_of(stretch[0].start),
                    unit=last.unit.id, limit=limit,
                )
            stretch = []


@rule("DAY002", "day-too-long")
def day_too_long(course: Course) -> Iterable[Problem]:
    """Was: Ein Kurstag hat mehr Lernzeit als erlaubt (Grenze `max_day_minutes`, 8 UE).

    Warum: Mehr als acht Unterrichtseinheiten zu 45 Minuten überfordern Teilnehmende.

    Beispiel: Fünf Einheiten zu 90 Minuten an einem Tag.

    Stattdessen: Höchstens vier Einheiten zu 90 Minuten je Tag.
    """
    limit = course.config.max_day_minutes
    for doc, module, d, slots in _days(course):
        minutes = sum(s.minutes for s in slots if not s.is_break)
        if minutes > limit:
            yield problem(
                "DAY002", doc.path, doc.line_of("days", d), day=d + 1, minutes=minutes,
                ue=round(minutes / 45, 1), limit=limit,
            )


@rule("DAY003", "day-ends-late")
def day_ends_late(course: Course) -> Iterable[Problem]:
    """Was: Ein Kurstag endet nach dem Tagesende aus mkdocs.yml (`day_end`); der Zeitpuffer am
    Ende des Tages (`buffer`) zählt mit.

    Warum: Teilnehmende planen An- und Abreise nach der Ausschreibung.

    Beispiel: Beginn 10:00, vier Einheiten zu 90 Minuten und 90 Minuten Pausen: Ende 17:30.

    Stattdessen: `start: "09:00"` für diesen Tag oder kürzere Pausen.
    """
    limit = minutes_of(course.config.day_end)
    for doc, module, d, slots in _days(course):
        if slots and slots[-1].end > limit:
            yield problem(
                "DAY003", doc.path, doc.line_of("days", d), day=d + 1,
                end=clock_of(slots[-1].end), limit=course.config.day_end,
            )


