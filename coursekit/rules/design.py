"""Course design: methods get the time they need, short forms exist, days keep a buffer."""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course
from ..model import Module, Unit
from ..problems import Problem
from .registry import problem, rule

MIN_BUFFER = 15
"""Minutes of time buffer every course day plans at its end."""


@rule("PLAN003", "method-too-short")
def method_too_short(course: Course) -> Iterable[Problem]:
    """Was: Die Schritte einer Einheit geben einer Methode weniger Zeit als ihre Mindestdauer
    (`duration.min` auf der Methodenseite, bei `short_form: true` die Minuten der Kurzform).

    Warum: Eine Methode, die nicht in ihre Zeit passt, wird im Raum abgebrochen oder nur
    angerissen; der Ablaufplan verspricht dann etwas, das nicht stattfindet.

    Beispiel: World Café (mindestens 75 Minuten) mit zwei Schritten zu 20 und 10 Minuten.

    Stattdessen: Den Schritten mehr Minuten geben, die Kurzform der Methode wählen
    (`short_form: true`) oder, wenn der Schritt die Methode nur vorstellt, `presents: true`.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit):
            continue
        runs: dict[str, list[int]] = {}
        for i, step in enumerate(unit.steps):
            if step.method in course.methods and not step.presents:
                runs.setdefault(step.method, []).append(i)
        for method_id, indexes in runs.items():
            method = course.methods[method_id]
            steps = [unit.steps[i] for i in indexes]
            minutes = sum(s.minutes for s in steps)
            short = any(s.short_form for s in steps) and method.short_form is not None
            need = method.short_form.minutes if short else method.duration.min
            if minutes < need:
                yield problem(
                    "PLAN003", doc.path, doc.line_of("steps", indexes[0]),
                    method=method.title, minutes=minutes, need=need,
                    kind="die Kurzform" if short else "die Methode",
                    short=_short_form_hint(method, short),
                )


def _short_form_hint(method, short: bool) -> str:
    if short or method.short_form is None:
        return ""
    return f" oder die Kurzform mit `short_form: true` ({method.short_form.minutes} Minuten)"


@rule("PLAN004", "short-form-missing")
def short_form_missing(course: Course) -> Iterable[Problem]:
    """Was: Ein Schritt setzt `short_form: true`, aber die Methodenseite beschreibt keine
    Kurzform (`short_form`).

    Warum: Ohne beschriebene Kurzform weiß niemand, wie die Methode in weniger Zeit abläuft
    und worauf sie dabei verzichtet.

    Beispiel: `method: open-space` mit `short_form: true`, Open Space hat kein `short_form`.

    Stattdessen: Auf der Methodenseite `short_form: {minutes: …, steps: …, gives_up: …}`
    ergänzen oder `short_form: true` im Schritt entfernen.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit):
            continue
        for i, step in enumerate(unit.steps):
            method = course.methods.get(step.method or "")
            if step.short_form and method is not None and method.short_form is None:
                yield problem(
                    "PLAN004", doc.path, doc.line_of("steps", i, "short_form"),
                    method=method.title, id=method.id,
                )


@rule("DAY004", "day-without-buffer")
def day_without_buffer(course: Course) -> Iterable[Problem]:
    """Was: Ein Kurstag plant am Ende weniger als 15 Minuten Zeitpuffer (`buffer`).

    Warum: Methoden überziehen, Fragen brauchen Raum, Technik hakt. Ohne Puffer fehlt die
    Zeit am Ende des Tages der Auswertung oder der Abreise.

    Beispiel: Ein Tag mit vier Einheiten zu 90 Minuten und ohne `buffer`.

    Stattdessen: `buffer: 15` im Tag; der Puffer muss vor dem Tagesende (`day_end`) liegen.
    """
    for doc in course.documents:
        module = doc.item
        if not isinstance(module, Module):
            continue
        for d, day in enumerate(module.days):
            if day.buffer < MIN_BUFFER:
                yield problem(
                    "DAY004", doc.path, doc.line_of("days", d, "buffer"),
                    day=d + 1, buffer=day.buffer, need=MIN_BUFFER,
                )
