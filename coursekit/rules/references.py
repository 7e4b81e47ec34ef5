"""Cross-references: every id a page names exists and is unique."""

from __future__ import annotations

import graphlib
from collections.abc import Callable, Iterable, Iterator

from ..loader import Course, Document
from ..model import Module, Unit
from ..problems import Problem
from .registry import _suggest, problem, rule

def _refs(course: Course) -> dict[str, list[tuple[Document, tuple, str]]]:
    """Every reference in every valid page by target kind: (document, key path, id); collected
    once per loaded course, since five rules walk them."""
    cached = getattr(course, "_refs", None)
    if cached is None:
        cached = course._refs = {}  # type: ignore[attr-defined]
        for doc, path, target, ref in _collect_refs(course):
            cached.setdefault(target, []).append((doc, path, ref))
    return cached


def _collect_refs(course: Course) -> Iterator[tuple[Document, tuple, str, str]]:
    for doc in course.documents:
        item = doc.item
        if isinstance(item, Unit):
            yield doc, ("module",), "module", item.module
            for i, step in enumerate(item.steps):
                if step.method:
                    yield doc, ("steps", i, "method"), "method", step.method
            for i, ws in enumerate(item.worksheets):
                yield doc, ("worksheets", i), "worksheet", ws
        elif isinstance(item, Module):
            for i, pre in enumerate(item.prerequisites):
                yield doc, ("prerequisites", i), "module", pre
            for d, day in enumerate(item.days):
                for u, unit_id in enumerate(day.units):
                    yield doc, ("days", d, "units", u), "unit", unit_id
        elif item is not None and getattr(item, "kind", None) == "worksheet":
            yield doc, ("module",), "module", item.module  # type: ignore[attr-defined]
        elif item is not None and getattr(item, "kind", None) == "practice":
            for i, module_id in enumerate(item.modules):  # type: ignore[attr-defined]
                yield doc, ("modules", i), "module", module_id
        elif item is not None and getattr(item, "kind", None) == "glossary":
            for i, term in enumerate(item.terms):  # type: ignore[attr-defined]
                if term.source:
                    yield doc, ("terms", i, "source"), "source", term.source
        for i, src in enumerate(getattr(item, "literature", []) or []):
            yield doc, ("literature", i), "source", src


def _table(course: Course, kind: str) -> dict:
    return {
        "module": course.modules,
        "unit": course.units,
        "method": course.methods,
        "worksheet": course.worksheets,
        "source": course.sources,
        "term": course.terms,
        "practice": course.practices,
        "selfcheck": course.selfchecks,
    }[kind]


def _unknown(rule_id: str, kind: str) -> Callable[[Course], Iterator[Problem]]:
    def run(course: Course) -> Iterator[Problem]:
        table = _table(course, kind)
        for doc, path, ref in _refs(course).get(kind, ()):
            if ref not in table:
                yield problem(
                    rule_id, doc.path, doc.line_of(*path), ref=ref, suggestion=_suggest(ref, table)
                )

    return run


@rule("REF001", "unknown-module")
def unknown_module(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit, ein Arbeitsblatt oder eine Voraussetzung nennt ein Modul, das es
    nicht gibt.

    Warum: Die Seite würde keinem Modul zugeordnet und fehlte in Ablauf und Handbuch.

    Beispiel: `module: K4` in einem Kurs mit K1 bis K3.

    Stattdessen: `module: K3`.
    """
    return _unknown("REF001", "module")(course)


@rule("REF002", "unknown-unit")
def unknown_unit(course: Course) -> Iterable[Problem]:
    """Was: Ein Kurstag nennt eine Einheit, die es nicht gibt.

    Warum: Der Ablaufplan des Tages wäre unvollständig.

    Beispiel: `units: [k1-rolle, k1-rollen]`.

    Stattdessen: `units: [k1-rolle, k1-auftrag]` (die Kennungen der vorhandenen Einheiten).
    """
    return _unknown("REF002", "unit")(course)


@rule("REF003", "unknown-method")
def unknown_method(course: Course) -> Iterable[Problem]:
    """Was: Ein Schritt im Ablaufplan nennt eine Methode, die in der Methodensammlung fehlt.

    Warum: Trainerinnen und Trainer brauchen zu jeder Methode die Beschreibung.

    Beispiel: `method: worldcafe`.

    Stattdessen: `method: world-cafe` oder eine neue Methodenseite anlegen.
    """
    return _unknown("REF003", "method")(course)


@rule("REF004", "unknown-worksheet")
def unknown_worksheet(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit nennt ein Arbeitsblatt, das es nicht gibt.

    Warum: Das Blatt fehlte im Handbuch und im Arbeitsheft.

    Beispiel: `worksheets: [ab-k1-rolle]` ohne Datei mit dieser Kennung.

    Stattdessen: Arbeitsblatt mit `kind: worksheet` und `id: ab-k1-rolle` anlegen.
    """
    return _unknown("REF004", "worksheet")(course)


@rule("REF005", "unknown-source")
def unknown_source(course: Course) -> Iterable[Problem]:
    """Was: `literature` nennt eine Angabe, die nicht in der Literaturliste steht.

    Warum: Quellen müssen vollständig nachgewiesen sein.

    Beispiel: `literature: [tietze-2030]`.

    Stattdessen: `literature: [tietze-2003]` oder den Eintrag in docs/literatur.md ergänzen.
    """
    return _unknown("REF005", "source")(course)


@rule("REF006", "unit-in-wrong-module")
def unit_in_wrong_module(course: Course) -> Iterable[Problem]:
    """Was: Ein Modul plant eine Einheit ein, die laut `module` zu einem anderen Modul gehört.

    Warum: Einheit, Modulübersicht und Handbuch widersprächen sich.

    Beispiel: Modul K2 nennt `k1-rolle`, die Einheit sagt `module: K1`.

    Stattdessen: Die Einheit im Modul K1 einplanen oder `module: K2` setzen.
    """
    for doc in course.documents:
        if not isinstance(doc.item, Module):
            continue
        for d, day in enumerate(doc.item.days):
            for u, unit_id in enumerate(day.units):
                unit = course.units.get(unit_id)
                if unit and unit.module != doc.item.id:
                    yield problem(
                        "REF006",
                        doc.path,
                        doc.line_of("days", d, "units", u),
                        unit=unit_id,
                        declared=unit.module,
                        listed=doc.item.id,
                    )


@rule("REF007", "unit-not-scheduled")
def unit_not_scheduled(course: Course) -> Iterable[Problem]:
    """Was: Eine Einheit steht an keinem Kurstag ihres Moduls.

    Warum: Sie fehlte in Ablaufplan, Stundenzahl und Handbuch, ohne dass es auffällt.

    Beispiel: Neue Einheit `k1-konflikte` mit `module: K1`, aber nicht unter `days` in K1.

    Stattdessen: `units: [..., k1-konflikte]` im passenden Tag von K1, oder die Einheit als
    Brückenbaustein unter `bridges` des Moduls nennen.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit) or unit.module not in course.modules:
            continue
        module = course.modules[unit.module]
        if unit.id in {b.unit for b in module.bridges}:
            continue  # a bridge unit runs outside the days (see VAR005, VAR006)
        if not any(unit.id in day.units for day in module.days):
            yield problem("REF007", doc.path, doc.line_of("module"), unit=unit.id, module=module.id)


@rule("PRE001", "prerequisite-cycle")
def prerequisite_cycle(course: Course) -> Iterable[Problem]:
    """Was: Module setzen sich gegenseitig (auch über Umwege) voraus.

    Warum: Dann lässt sich keine Reihenfolge für den Kurs bilden.

    Beispiel: K2 setzt K3 voraus und K3 setzt K2 voraus.

    Stattdessen: Nur das frühere Modul als Voraussetzung des späteren nennen.
    """
    graph = {m.id: [p for p in m.prerequisites if p in course.modules] for m in course.modules.values()}
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return
        except graphlib.CycleError as exc:
            # each node is a prerequisite of the next: read it backwards as "requires"
            ring = list(reversed(exc.args[1][:-1]))
            first = min(ring)
            ring = ring[ring.index(first):] + ring[: ring.index(first)]
            nxt = ring[1 % len(ring)]  # the module `first` requires
            doc = course.doc_of(first)
            idx = course.modules[first].prerequisites.index(nxt)
            yield problem(
                "PRE001", doc.path, doc.line_of("prerequisites", idx),
                cycle=" → ".join([*ring, first]),
            )
            graph[first] = [p for p in graph[first] if p != nxt]  # break it, look for more


