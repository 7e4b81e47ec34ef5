"""Course variants in the configuration."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..bridges import needed_in
from ..loader import Course
from ..model import Module, Unit
from ..problems import Problem
from ..schedule import day_slots
from .registry import WARNING, _suggest, problem, rule
from .overlay import _config_line

def _variant_line(course: Course, *path: str | int) -> int:
    return _config_line(course, "variants", *path)


@rule("VAR001", "variant-unknown-module")
def variant_unknown_module(course: Course) -> Iterable[Problem]:
    """Was: Eine Kursvariante in mkdocs.yml nennt ein Modul, das es nicht gibt.

    Warum: Übersicht und Kalender der Variante wären falsch.

    Beispiel: `variants: {Führung: [F1, G1, G3]}`.

    Stattdessen: `variants: {Führung: [F1, G1, G2]}`.
    """
    for name, modules in course.config.variants.items():
        for i, module_id in enumerate(modules):
            if module_id not in course.modules:
                yield problem(
                    "VAR001", course.config_file, _variant_line(course, name, i), variant=name,
                    ref=module_id, suggestion=_suggest(module_id, course.modules),
                )


@rule("VAR002", "variant-missing-prerequisite")
def variant_missing_prerequisite(course: Course) -> Iterable[Problem]:
    """Was: In einer Kursvariante fehlt die Voraussetzung eines Moduls, oder sie kommt erst danach,
    und kein Brückenbaustein des Moduls (`bridges`) ersetzt sie.

    Warum: Teilnehmende kämen zu einem Modul, dessen Grundlagen die Variante nicht vermittelt.

    Beispiel: `variants: {Führung: [F1, G1, G2]}`, wobei G1 die Module K1 und F1 voraussetzt und
    keinen Brückenbaustein für K1 hat.

    Stattdessen: K1 vor G1 in die Variante aufnehmen oder in G1 einen Brückenbaustein anlegen:
    `bridges: [{for_module: K1, unit: g1-bruecke-koordination, audience: Koordinierende ohne K1}]`.
    """
    for name, modules in course.config.variants.items():
        for i, module_id in enumerate(modules):
            module = course.modules.get(module_id)
            if module is None:
                continue
            covered = {b.for_module for b in module.bridges}
            for pre in module.prerequisites:
                if pre not in modules[:i] and pre not in covered:
                    yield problem(
                        "VAR002", course.config_file, _variant_line(course, name, i), variant=name,
                        module=module_id, pre=pre,
                        where="fehlt" if pre not in modules else "steht erst danach",
                    )


@rule("VAR003", "variant-chosen-unknown")
def variant_chosen_unknown(course: Course) -> Iterable[Problem]:
    """Was: Die angebotene Kursvariante (`variant`) ist keine der Varianten unter `variants`.

    Warum: Startseite, Kalender und Handbuch zeigen die angebotene Variante.

    Beispiel: `variant: Kompakt` bei `variants: {Koordination: [...], Führung: [...]}`.

    Stattdessen: `variant: Koordination`.
    """
    chosen = course.config.variant
    if chosen and chosen not in course.config.variants:
        yield problem(
            "VAR003", course.config_file, _config_line(course, "variant"), variant=chosen,
            known=", ".join(course.config.variants) or "(keine Varianten angelegt)",
        )


def _bridges(course: Course):
    for doc in course.documents:
        if isinstance(doc.item, Module):
            for i, bridge in enumerate(doc.item.bridges):
                yield doc, doc.item, i, bridge


@rule("VAR004", "bridge-not-prerequisite")
def bridge_not_prerequisite(course: Course) -> Iterable[Problem]:
    """Was: Ein Brückenbaustein (`bridges`) ersetzt ein Modul, das es nicht gibt oder das keine
    Voraussetzung (`prerequisites`) dieses Moduls ist.

    Warum: Eine Brücke gleicht nur eine fehlende Voraussetzung aus; ohne sie würde sie nie
    eingeplant, oder die Voraussetzung wurde versehentlich gelöscht.

    Beispiel: In G1 `prerequisites: []` und `bridges: [{for_module: F1, unit: g1-bruecke-fuehrung, …}]`.

    Stattdessen: `prerequisites: [K1, F1]`, oder den Brückenbaustein entfernen.
    """
    for doc, module, i, bridge in _bridges(course):
        if bridge.for_module in module.prerequisites:
            continue
        if bridge.for_module in course.modules:
            reason = f"„{bridge.for_module}“ steht nicht unter `prerequisites` von „{module.id}“"
            hint = f"Nimm „{bridge.for_module}“ in `prerequisites` auf oder korrigiere `for_module`."
        else:
            reason = f"ein Modul „{bridge.for_module}“ gibt es nicht"
            hint = "Korrigiere `for_module`." + _suggest(bridge.for_module, module.prerequisites or course.modules)
        yield problem(
            "VAR004", doc.path, doc.line_of("bridges", i, "for_module"),
            ref=bridge.for_module, reason=reason, fix=hint,
        )


@rule("VAR005", "bridge-unknown-unit")
def bridge_unknown_unit(course: Course) -> Iterable[Problem]:
    """Was: Ein Brückenbaustein nennt eine Einheit, die es nicht gibt oder die zu einem anderen
    Modul gehört.

    Warum: Die Brücke ist eine eigene kurze Einheit dieses Moduls; sonst fehlen Ablaufplan,
    Uhrzeiten und Handbuchseite.

    Beispiel: `bridges: [{for_module: K1, unit: k1-auftrag, …}]` in G1.

    Stattdessen: Eine Einheit `g1-bruecke-koordination` mit `module: G1` anlegen und nennen.
    """
    for doc, module, i, bridge in _bridges(course):
        unit = course.units.get(bridge.unit)
        if unit is None:
            yield problem(
                "VAR005", doc.path, doc.line_of("bridges", i, "unit"), ref=bridge.unit,
                reason="gibt es nicht", suggestion=_suggest(bridge.unit, course.units),
            )
        elif unit.module != module.id:
            yield problem(
                "VAR005", doc.path, doc.line_of("bridges", i, "unit"), ref=bridge.unit,
                reason=f"gehört zum Modul „{unit.module}“", suggestion="",
            )


@rule("VAR006", "bridge-unit-scheduled")
def bridge_unit_scheduled(course: Course) -> Iterable[Problem]:
    """Was: Die Einheit eines Brückenbausteins steht auch in einem Kurstag unter `days`.

    Warum: Dann liefe sie für alle Teilnehmenden, auch für die, die das Modul schon besucht haben,
    und die Lernzeit des Tages wäre doppelt gezählt.

    Beispiel: `units: [g1-bruecke-fuehrung, g1-ankommen, …]` und zugleich
    `bridges: [{unit: g1-bruecke-fuehrung, …}]`.

    Stattdessen: Die Einheit nur unter `bridges` nennen.
    """
    for doc, module, i, bridge in _bridges(course):
        for d, day in enumerate(module.days):
            if bridge.unit in day.units:
                yield problem(
                    "VAR006", doc.path, doc.line_of("days", d, "units", day.units.index(bridge.unit)),
                    unit=bridge.unit, day=d + 1,
                )


@rule("VAR007", "bridge-day-too-long")
def bridge_day_too_long(course: Course) -> Iterable[Problem]:
    """Was: Mit einem Brückenbaustein im Vorlauf hat der erste Kurstag für dessen Gruppe mehr
    Lernzeit als erlaubt (`max_day_minutes`), in einer Variante, die den Baustein braucht.

    Warum: Wer die Voraussetzung nachholt, soll nicht den längsten Tag haben.

    Beispiel: Ein Vorlauf von 90 Minuten vor einem Tag mit 360 Minuten Lernzeit.

    Stattdessen: Den Vorlauf kürzen, den Tag kürzen oder `placement: eigener Termin` wählen.
    """
    limit = course.config.max_day_minutes
    for doc, module, i, bridge in _bridges(course):
        unit = course.units.get(bridge.unit)
        if unit is None or bridge.placement != "Vorlauf":
            continue
        if not any(bridge in needed_in(course, ms, module.id) for ms in course.config.variants.values()):
            continue
        day = sum(s.minutes for s in day_slots(course, module, 0) if not s.is_break)
        total = day + sum(s.minutes for s in unit.steps if s.phase != "Pause")
        if total > limit:
            yield problem(
                "VAR007", doc.path, doc.line_of("bridges", i, "placement"), unit=bridge.unit,
                minutes=total, day=day, limit=limit,
            )


_FROM_MODULE = re.compile(r"\baus (?:dem Modul |den Modulen )?([A-Z][0-9]+(?:(?:, | und | oder | bis )[A-Z][0-9]+)*)")
_MODULE_ID = re.compile(r"[A-Z][0-9]+")


def _required(course: Course, module_id: str) -> set[str]:
    """The module and everything it requires, directly or through other modules."""
    seen, todo = {module_id}, [module_id]
    while todo:
        module = course.modules.get(todo.pop())
        for pre in module.prerequisites if module else ():
            if pre not in seen:
                seen.add(pre)
                todo.append(pre)
    return seen


@rule("PRE002", "unit-needs-unrequired-module", WARNING)
def unit_needs_unrequired_module(course: Course) -> Iterable[Problem]:
    """Was: Ein Schritt im Ablaufplan verlangt Ergebnisse „aus“ einem Modul (etwa „Unterlagen aus
    K1“), das sein Modul weder direkt noch über andere Module voraussetzt.

    Warum: In einer Variante ohne dieses Modul fehlen den Teilnehmenden die Unterlagen. Die
    Prüfung der Varianten (VAR002) sieht nur `prerequisites`; dieser Hinweis findet, was dort
    fehlt.

    Beispiel: G1 mit `prerequisites: []` und dem Material „mitgebrachte Unterlagen aus K1 und F1“.

    Stattdessen: `prerequisites: [K1, F1]` in G1 (und Brückenbausteine für Varianten ohne sie),
    oder im Text „aus K1, falls vorhanden“, wenn das Material nur eine Hilfe ist.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit) or unit.module not in course.modules:
            continue
        required: set[str] | None = None  # computed only for units that name a module
        for i, step in enumerate(unit.steps):
            for field in ("content", "material"):
                text = getattr(step, field) or ""
                if "aus " not in text:
                    continue
                reported: set[str] = set()
                for m in _FROM_MODULE.finditer(text):
                    if required is None:
                        required = _required(course, unit.module)
                    if "falls" in text[m.end():m.end() + 20]:
                        continue
                    for ref in _MODULE_ID.findall(m.group(1)):
                        if ref in course.modules and ref not in required and ref not in reported:
                            reported.add(ref)
                            yield problem(
                                "PRE002", doc.path, doc.line_of("steps", i, field),
                                unit=unit.id, ref=ref, module=unit.module,
                            )
