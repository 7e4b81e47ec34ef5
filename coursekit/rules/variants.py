"""Course variants in the configuration."""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course
from ..problems import Problem
from .registry import _suggest, problem, rule
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
    """Was: In einer Kursvariante fehlt die Voraussetzung eines Moduls, oder sie kommt erst danach.

    Warum: Teilnehmende kämen zu einem Modul, dessen Grundlagen die Variante nicht vermittelt.

    Beispiel: `variants: {Koordination: [K2, K1, K3]}`, wobei K2 das Modul K1 voraussetzt.

    Stattdessen: `variants: {Koordination: [K1, K2, K3]}`.
    """
    for name, modules in course.config.variants.items():
        for i, module_id in enumerate(modules):
            module = course.modules.get(module_id)
            if module is None:
                continue
            for pre in module.prerequisites:
                if pre not in modules[:i]:
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


