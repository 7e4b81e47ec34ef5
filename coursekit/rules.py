"""Every content rule: one function, one id, one German message and hint.

Each rule is a pure function ``(course) -> iterable of Problem``. It never logs or raises. The
docstring has four parts (Was / Warum / Beispiel / Stattdessen); the rules page for authors is
generated from it.
"""

from __future__ import annotations

import difflib
import graphlib
import inspect
import re
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from .loader import Course, Document
from .messages import MESSAGES
from .model import MACRO_ARGS, TEMPLATE_BUILTINS, CourseConfig, Module, Unit, clock_of, minutes_of
from .problems import Problem, Severity
from .schedule import day_slots

__all__ = ["RULES", "Rule", "check", "problem"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    check: Callable[[Course], Iterable[Problem]]

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


RULES: dict[str, Rule] = {}


def rule(rule_id: str, name: str, severity: Severity = ERROR) -> Callable:
    def register(fn: Callable[[Course], Iterable[Problem]]) -> Callable:
        assert rule_id not in RULES and rule_id in MESSAGES, rule_id
        RULES[rule_id] = Rule(rule_id, name, severity, fn)
        return fn

    return register


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def problem(rule_id: str, file: str, line: int, **args: object) -> Problem:
    message, hint = MESSAGES[rule_id]
    values = _Args(args)
    return Problem(
        file,
        line,
        rule_id,
        RULES[rule_id].severity,
        message.format_map(values),
        hint.format_map(values),
    )


def check(course: Course, only: Iterable[str] | None = None) -> list[Problem]:
    """Run every rule (or the given ones) and return all problems, sorted by file and line."""
    wanted = set(only) if only is not None else set(RULES)
    found: list[Problem] = []
    for rule_id, r in RULES.items():
        if rule_id in wanted:
            found.extend(r.check(course))
    return sorted(set(found))


def _suggest(ref: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return f" Meintest du „{close[0]}“?" if close else ""


def _from_defects(rule_id: str, course: Course) -> Iterator[Problem]:
    for d in course.defects:
        if d.rule == rule_id:
            yield problem(rule_id, d.file, d.line, **d.args)


# --- reading and schema -------------------------------------------------------------------


@rule("YAML001", "yaml-syntax")
def yaml_syntax(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich einer Seite ist kein gültiges YAML.

    Warum: Ohne lesbaren Kopfbereich kennt der Kurs weder Kennung noch Titel der Seite.

    Beispiel: `title: Rolle: Haltung und Auftrag` (zweiter Doppelpunkt ohne Anführungszeichen).

    Stattdessen: `title: "Rolle: Haltung und Auftrag"`.
    """
    return _from_defects("YAML001", course)


@rule("YAML002", "front-matter-not-mapping")
def front_matter_not_mapping(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich ist eine Liste oder ein einzelner Text statt Feldern.

    Warum: Jede Angabe braucht einen Feldnamen, damit sie geprüft werden kann.

    Beispiel: `- K1` als einzige Zeile im Kopfbereich.

    Stattdessen: `id: K1`.
    """
    return _from_defects("YAML002", course)


@rule("YAML003", "not-utf8")
def not_utf8(course: Course) -> Iterable[Problem]:
    """Was: Eine Markdown-Datei ist nicht in UTF-8 gespeichert.

    Warum: Umlaute würden falsch angezeigt oder die Datei gar nicht gelesen.

    Beispiel: Eine Datei aus einem alten Textprogramm in Windows-1252.

    Stattdessen: Im Editor „Speichern unter … Kodierung UTF-8“ wählen.
    """
    return _from_defects("YAML003", course)


@rule("SCHEMA001", "missing-field")
def missing_field(course: Course) -> Iterable[Problem]:
    """Was: Ein Pflichtfeld fehlt im Kopfbereich.

    Warum: Ablaufpläne, Übersichten und Handbuch brauchen diese Angabe.

    Beispiel: Eine Einheit ohne `duration`.

    Stattdessen: `duration: 90`.
    """
    return _from_defects("SCHEMA001", course)


@rule("SCHEMA002", "wrong-type")
def wrong_type(course: Course) -> Iterable[Problem]:
    """Was: Ein Feld hat einen Wert der falschen Art oder außerhalb der Grenzen.

    Warum: Zahlen werden addiert, Listen aufgezählt; ein falscher Typ bricht beides.

    Beispiel: `duration: neunzig` oder `duration: 20` (Einheiten dauern 45 bis 180 Minuten).

    Stattdessen: `duration: 90`.
    """
    return _from_defects("SCHEMA002", course)


@rule("SCHEMA003", "unknown-field")
def unknown_field(course: Course) -> Iterable[Problem]:
    """Was: Ein Feld ist für diese Art von Seite nicht vorgesehen.

    Warum: Meist ein Tippfehler; die Angabe würde sonst stillschweigend ignoriert.

    Beispiel: `titel: Rolle der Koordination`.

    Stattdessen: `title: Rolle der Koordination`.
    """
    return _from_defects("SCHEMA003", course)


@rule("VOCAB001", "not-in-vocabulary")
def not_in_vocabulary(course: Course) -> Iterable[Problem]:
    """Was: Ein Wert steht nicht in der festen Werteliste (Strang, Lernphase, Sozialform,
    Format, Art der Seite).

    Warum: Filter, Übersichten und Ablaufpläne gruppieren nach diesen Werten.

    Beispiel: `social_form: Gruppenarbeit`.

    Stattdessen: `social_form: Kleingruppe`.
    """
    return _from_defects("VOCAB001", course)


@rule("CFG001", "invalid-course-config")
def invalid_course_config(course: Course) -> Iterable[Problem]:
    """Was: Der Block `extra.course` in mkdocs.yml ist unvollständig oder fehlerhaft.

    Warum: Name der Organisation, Tagesbeginn und Pausen gelten für den ganzen Kurs.

    Beispiel: `day_start: 9 Uhr`.

    Stattdessen: `day_start: "09:00"`.
    """
    return _from_defects("CFG001", course)


@rule("ID001", "duplicate-id")
def duplicate_id(course: Course) -> Iterable[Problem]:
    """Was: Eine Kennung (`id`) ist mehrfach vergeben.

    Warum: Verweise müssen eindeutig auf eine Seite zeigen.

    Beispiel: Zwei Einheiten mit `id: k1-rolle`.

    Stattdessen: `id: k1-rolle` und `id: k1-rollenklaerung`.
    """
    return _from_defects("ID001", course)


# --- cross-references ---------------------------------------------------------------------


def _refs(course: Course) -> Iterator[tuple[Document, tuple, str, str]]:
    """Every reference in every valid page: (document, key path, target kind, id)."""
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
    }[kind]


def _unknown(rule_id: str, kind: str) -> Callable[[Course], Iterator[Problem]]:
    def run(course: Course) -> Iterator[Problem]:
        table = _table(course, kind)
        for doc, path, target, ref in _refs(course):
            if target == kind and ref not in table:
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

    Stattdessen: `units: [..., k1-konflikte]` im passenden Tag von K1.
    """
    for doc in course.documents:
        unit = doc.item
        if not isinstance(unit, Unit) or unit.module not in course.modules:
            continue
        module = course.modules[unit.module]
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


# --- time ---------------------------------------------------------------------------------


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


def _days(course: Course) -> Iterator[tuple[Document, Module, int, list]]:
    for doc in course.documents:
        if isinstance(doc.item, Module):
            for d in range(len(doc.item.days)):
                yield doc, doc.item, d, day_slots(course, doc.item, d)


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
    """Was: Ein Kurstag endet nach dem Tagesende aus mkdocs.yml (`day_end`).

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


# --- Markdown body ------------------------------------------------------------------------

_FENCED = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(body: str) -> str:
    """The body with code blocks, inline code and raw blocks blanked (line numbers kept)."""
    for pattern in (_FENCED, _RAW, _INLINE_CODE):
        body = pattern.sub(_blank, body)
    return body


def _prose(doc: Document) -> str:
    if "prose" not in doc.cache:
        doc.cache["prose"] = prose(doc.body)
    return doc.cache["prose"]


def _line(doc: Document, text: str, offset: int) -> int:
    return doc.body_line + text.count("\n", 0, offset)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.I)
_SRC = re.compile(r"\bsrc\s*=\s*[\"']([^\"']*)", re.I)


@rule("MD001", "image-without-alt")
def image_without_alt(course: Course) -> Iterable[Problem]:
    """Was: Ein Bild hat keinen Alternativtext.

    Warum: Blinde und sehbehinderte Menschen erfahren sonst nicht, was das Bild zeigt
    (BITV 2.0 / WCAG 2.1, Kriterium 1.1.1).

    Beispiel: `![](netzwerkkarte.png)`.

    Stattdessen: `![Netzwerkkarte: Jugendamt in der Mitte, zwölf Träger im Umkreis](netzwerkkarte.png)`.
    """
    for doc in course.documents:
        text = _prose(doc)
        if "!" not in text and "<img" not in text.lower():
            continue
        for m in _MD_IMAGE.finditer(text):
            if not m.group(1).strip():
                yield problem("MD001", doc.path, _line(doc, text, m.start()), target=m.group(2))
        for m in _HTML_IMG.finditer(text):
            alt = _ALT.search(m.group(0))
            if not alt or not (alt.group(2) or alt.group(3) or "").strip():
                src = _SRC.search(m.group(0))
                yield problem(
                    "MD001", doc.path, _line(doc, text, m.start()), target=src.group(1) if src else "?"
                )


def _image_sources(doc: Document) -> list[tuple[str, int]]:
    """Every image in the page body: (src as written, line)."""
    text = _prose(doc)
    found = [(m.group(2), _line(doc, text, m.start())) for m in _MD_IMAGE.finditer(text)]
    for m in _HTML_IMG.finditer(text):
        src = _SRC.search(m.group(0))
        if src:
            found.append((src.group(1), _line(doc, text, m.start())))
    return found


@rule("IMG001", "image-without-credit")
def image_without_credit(course: Course) -> Iterable[Problem]:
    """Was: Ein Bild hat keinen Bildnachweis im Kopfbereich (`images:`).

    Warum: Offene Lizenzen verlangen Titel, Urheberschaft, Lizenz und Quelle; ohne Nachweis
    darf das Bild nicht weitergegeben werden, und forkende Kommunen wissen nicht, was sie
    nutzen dürfen.

    Beispiel: `![Kursaufbau](assets/images/kursaufbau.svg)` ohne `images:` im Kopfbereich.

    Stattdessen: `images: [{src: assets/images/kursaufbau.svg, title: Kursaufbau, author: …,
    licence: CC BY-SA 4.0, origin: eigenes Werk}]`.
    """
    for doc in course.documents:
        if "!" not in doc.body and "<img" not in doc.body.lower():
            continue
        credited = {c.src for c in doc.images}
        for src, line in _image_sources(doc):
            if src not in credited:
                yield problem("IMG001", doc.path, line, src=src)


@rule("IMG002", "image-credit-unused", WARNING)
def image_credit_unused(course: Course) -> Iterable[Problem]:
    """Was: Ein Bildnachweis in `images:` gehört zu keinem Bild der Seite.

    Warum: Meist ist `src` falsch geschrieben; dann fehlt die Bildunterschrift am Bild.

    Beispiel: `src: assets/images/Kursaufbau.svg`, im Text aber `kursaufbau.svg`.

    Stattdessen: `src` genau wie im Bildverweis schreiben.
    """
    for doc in course.documents:
        if not doc.images:
            continue
        used = {src for src, _ in _image_sources(doc)}
        for i, credit in enumerate(doc.images):
            if credit.src not in used:
                yield problem("IMG002", doc.path, doc.line_of("images", i, "src"), src=credit.src)


_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])")
_HTML_A = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
_WEAK_TEXTS = {
    "hier", "hier klicken", "klicken sie hier", "klick hier", "mehr", "mehr erfahren",
    "mehr lesen", "mehr dazu", "link", "dieser link", "diesem link", "weiterlesen", "weiter",
    "details", "siehe hier", "zum link", "here", "click here", "more", "read more",
}


@rule("MD002", "weak-link-text")
def weak_link_text(course: Course) -> Iterable[Problem]:
    """Was: Ein Linktext wie „hier“, „mehr“, „Link“ oder „weiterlesen“ sagt nicht, wohin der
    Link führt.

    Warum: Screenreader bieten Links als Liste an; „hier, hier, mehr“ ist dort wertlos
    (BITV 2.0 / WCAG 2.1, Kriterium 2.4.4).

    Beispiel: `Die Methode finden Sie [hier](../methods/world-cafe.md).`

    Stattdessen: `Siehe [Methode World Café](../methods/world-cafe.md).`
    """
    for doc in course.documents:
        text = _prose(doc)
        if "[" not in text and "<a" not in text.lower():
            continue
        for pattern in (_MD_LINK, _HTML_A):
            for m in pattern.finditer(text):
                label = re.sub(r"<[^>]+>", "", m.group(1))
                label = re.sub(r"[\s.:!»›…→-]+$", "", label.strip()).strip().lower()
                if label in _WEAK_TEXTS:
                    yield problem("MD002", doc.path, _line(doc, text, m.start()), text=m.group(1).strip())


# --- macros -------------------------------------------------------------------------------

_JINJA = jinja2.Environment()
_KIND_LABELS = {
    "module": ("das Modul", "eines Moduls"),
    "unit": ("die Einheit", "einer Einheit"),
    "method": ("die Methode", "einer Methode"),
    "worksheet": ("das Arbeitsblatt", "eines Arbeitsblatts"),
    "track": ("den Kursstrang", "eines Kursstrangs (coordinators, leaders, joint)"),
    "term": ("den Glossarbegriff", "eines Begriffs aus docs/glossar.md"),
    "any": ("die Kennung", "einer Seite"),
}


_ID_KINDS = ("module", "unit", "method", "worksheet", "term", "practice")


def _kind_of(course: Course, ref: str) -> str | None:
    for kind in _ID_KINDS:
        if ref in _table(course, kind):
            return kind
    return None


@dataclass(frozen=True)
class _Usage:
    """What a page body does with the template language: names, course fields, macro calls."""

    error: jinja2.TemplateSyntaxError | None
    names: tuple[tuple[str, int], ...] = ()
    """(name, body line) of every variable or macro name that is read."""
    course_fields: tuple[tuple[str, int], ...] = ()
    calls: tuple[tuple[str, str | None, bool, int], ...] = ()
    """(macro, first argument if it is a constant, has arguments, body line)."""


_STRING = r"(?:\"[^\"\n]*\"|'[^'\n]*')"
_SIMPLE = re.compile(
    r"\{\{\s*([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*"
    rf"(\(\s*(?:({_STRING})(?:\s*,\s*{_STRING})*)?\s*\))?\s*\}}\}}"
)


def _usage(doc: Document) -> _Usage:
    """Parsed once per document (three rules read it). Bodies whose expressions are all plain
    ``{{ name }}``, ``{{ course.field }}`` or ``{{ macro("id", "text") }}`` are read with a
    regular expression; anything else goes through Jinja's parser."""
    if "usage" not in doc.cache:
        doc.cache["usage"] = _read_usage(doc.body)
    return doc.cache["usage"]


def _read_usage(body: str) -> _Usage:
    if "{" not in body:
        return _Usage(None)
    simple = list(_SIMPLE.finditer(body))
    if "{%" not in body and "{#" not in body and body.count("{{") == len(simple) == body.count("}}"):
        names, fields, calls = [], [], []
        for m in simple:
            line = body.count("\n", 0, m.start()) + 1
            names.append((m.group(1), line))
            if m.group(2) and m.group(1) == "course":
                fields.append((m.group(2), line))
            if m.group(3) is not None and not m.group(2):
                first = m.group(4)[1:-1] if m.group(4) else None
                calls.append((m.group(1), first, m.group(4) is not None, line))
        return _Usage(None, tuple(names), tuple(fields), tuple(calls))
    try:
        parsed = _JINJA.parse(body)
    except jinja2.TemplateSyntaxError as exc:
        return _Usage(exc)
    found = list(parsed.find_all(nodes.Name))
    assigned = {n.name for n in found if n.ctx in ("store", "param")}
    names = tuple((n.name, n.lineno) for n in found if n.ctx == "load" and n.name not in assigned)
    fields = tuple(
        (a.attr, a.lineno) for a in parsed.find_all(nodes.Getattr)
        if isinstance(a.node, nodes.Name) and a.node.name == "course"
    )
    calls = []
    for call in parsed.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name):
            if call.args and not isinstance(call.args[0], nodes.Const):
                continue  # computed argument: only the build can tell
            first = str(call.args[0].value) if call.args else None
            calls.append((call.node.name, first, bool(call.args), call.lineno))
    return _Usage(None, names, fields, tuple(calls))


@rule("MAC003", "macro-syntax")
def macro_syntax(course: Course) -> Iterable[Problem]:
    """Was: Ein Makro ist falsch geschrieben (Klammern, Anführungszeichen).

    Warum: Die Seite kann sonst nicht erzeugt werden.

    Beispiel: `{{ run_sheet("K1") }` (eine schließende Klammer fehlt).

    Stattdessen: `{{ run_sheet("K1") }}`.
    """
    for doc in course.documents:
        error = _usage(doc).error
        if error is not None:
            yield problem(
                "MAC003", doc.path, doc.body_line + (error.lineno or 1) - 1, detail=error.message
            )


def _known_names(course: Course, doc: Document) -> set[str]:
    return set(MACRO_ARGS) | TEMPLATE_BUILTINS | set(course.extra_names) | set(doc.meta)


@rule("MAC001", "unknown-macro")
def unknown_macro(course: Course) -> Iterable[Problem]:
    """Was: Eine Seite ruft ein Makro oder eine Variable auf, die es nicht gibt.

    Warum: Die Seite würde mit einer Fehlermeldung statt mit Inhalt erzeugt.

    Beispiel: `{{ runsheet() }}` oder `{{ course.organisaton }}`.

    Stattdessen: `{{ run_sheet() }}`. Die Makros stehen auf der Seite „Makros“, die Felder von
    `course` auf der Seite „Felder im Kopfbereich“.
    """
    fields = CourseConfig.model_fields
    for doc in course.documents:
        usage = _usage(doc)
        known = _known_names(course, doc)
        seen: set[str] = set()
        for name, line in usage.names:
            if name not in known and name not in seen:
                seen.add(name)
                yield problem(
                    "MAC001", doc.path, doc.body_line + line - 1, name=name,
                    known=", ".join(sorted(MACRO_ARGS)) + _suggest(name, MACRO_ARGS),
                )
        for attr, line in usage.course_fields:
            if attr not in fields:
                yield problem(
                    "MAC001", doc.path, doc.body_line + line - 1, name=f"course.{attr}",
                    known=", ".join(f"course.{f}" for f in fields) + _suggest(attr, fields),
                )


@rule("MAC002", "unknown-macro-id")
def unknown_macro_id(course: Course) -> Iterable[Problem]:
    """Was: Ein Makro bekommt eine Kennung, die es nicht gibt oder die zur falschen Art von
    Seite gehört.

    Warum: Übersicht oder Verweis blieben leer.

    Beispiel: `{{ run_sheet("K7") }}` oder `{{ unit_plan() }}` auf einer Methodenseite.

    Stattdessen: `{{ run_sheet("K1") }}`; `unit_plan()` nur auf Seiten von Einheiten.
    """
    for doc in course.documents:
        for macro, first, has_args, line in _usage(doc).calls:
            expected = MACRO_ARGS.get(macro)
            if expected is None:
                continue
            if has_args:
                ref = first or ""
            else:
                ref = str(doc.meta.get("id", "")) if doc.item is not None else ""
            if expected == ("track",):
                ok = ref in ("coordinators", "leaders", "joint")
            else:
                kind = _kind_of(course, ref)
                ok = kind is not None and ("any" in expected or kind in expected)
            if not ok:
                if expected == ("track",):
                    pool: Iterable[str] = ("coordinators", "leaders", "joint")
                else:
                    pool = [
                        i for k in _ID_KINDS
                        if "any" in expected or k in expected for i in _table(course, k)
                    ]
                article, generic = _KIND_LABELS[expected[0]]
                yield problem(
                    "MAC002", doc.path, doc.body_line + line - 1, macro=macro,
                    expected=article, expected_article=generic, ref=ref or "(keine Kennung)",
                    suggestion=_suggest(ref, pool),
                )


# --- course variants ----------------------------------------------------------------------


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


# --- municipality overlay -----------------------------------------------------------------


def _config_line(course: Course, *path: str | int) -> int:
    key = tuple(path)
    while key and key not in course.config_lines:
        key = key[:-1]
    return course.config_lines.get(key, course.config_lines.get((), 1))


def contrast_with_white(color: str) -> float:
    """WCAG contrast ratio of white text on ``#rrggbb``."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


@rule("CFG002", "colour-contrast")
def colour_contrast(course: Course) -> Iterable[Problem]:
    """Was: Eine Farbe des Auftritts ist zu hell für weiße Schrift.

    Warum: Kopfzeile und Schaltflächen zeigen weiße Schrift auf dieser Farbe; BITV 2.0 verlangt
    einen Kontrast von mindestens 4,5:1.

    Beispiel: `colors: {primary: "#8fb3ff"}`.

    Stattdessen: `colors: {primary: "#2b3a8c"}`.
    """
    colors = course.config.colors
    if colors is None:
        return
    for name in ("primary", "accent"):
        color = getattr(colors, name)
        if color and (ratio := contrast_with_white(color)) < 4.5:
            yield problem(
                "CFG002", course.config_file, _config_line(course, "colors", name),
                field=f"colors.{name}", color=color, ratio=f"{ratio:.1f}".replace(".", ","),
            )


@rule("CFG003", "logo-missing")
def logo_missing(course: Course) -> Iterable[Problem]:
    """Was: Die Logodatei aus `logo:` fehlt in docs/.

    Warum: Kopfzeile und Titelseiten der PDFs zeigten sonst ein fehlendes Bild.

    Beispiel: `logo: assets/images/logo.svg`, aber die Datei heißt `Logo.svg`.

    Stattdessen: Pfad und Dateiname genau so schreiben, wie die Datei unter docs/ liegt.
    """
    logo = course.config.logo
    if logo and not (Path(course.docs_dir) / logo).is_file():
        yield problem("CFG003", course.config_file, _config_line(course, "logo"), path=logo)


PLACEHOLDER = "BITTE ERGÄNZEN"
LEGAL_FIELDS = {
    "imprint": ("Impressum", ("provider", "address", "represented_by", "email", "responsible")),
    "privacy": ("Datenschutz", ("controller", "dpo", "hosting", "supervisory_authority")),
    "accessibility": ("Barrierefreiheit", ("status", "evaluated", "feedback", "enforcement")),
}


@rule("LEGAL001", "legal-placeholder", WARNING)
def legal_placeholder(course: Course) -> Iterable[Problem]:
    """Was: Eine Pflichtangabe für Impressum, Datenschutz oder Barrierefreiheit fehlt oder ist
    noch ein Platzhalter `BITTE ERGÄNZEN: …`.

    Warum: Öffentliche Stellen müssen Anbieter, Datenschutz und Barrierefreiheit vollständig
    erklären (§ 5 DDG, DSGVO, BITV 2.0).

    Beispiel: `imprint: {address: "BITTE ERGÄNZEN: Anschrift"}`.

    Stattdessen: `imprint: {address: "Rathausplatz 1, 12345 Musterstadt"}`.
    """
    cfg = course.config
    for group, (page, names) in LEGAL_FIELDS.items():
        values = getattr(cfg, group)
        for name in names:
            value = str(getattr(values, name) or "")
            state = "leer" if not value else "noch ein Platzhalter" if PLACEHOLDER in value.upper() else ""
            if state:
                yield problem(
                    "LEGAL001", course.config_file, _config_line(course, group, name),
                    field=f"{group}.{name}", state=state, page=page,
                )
    for i, issue in enumerate(cfg.accessibility.known_issues):
        if PLACEHOLDER in issue.upper():
            yield problem(
                "LEGAL001", course.config_file, _config_line(course, "accessibility", "known_issues", i),
                field="accessibility.known_issues", state="noch ein Platzhalter", page="Barrierefreiheit",
            )


# --- use ----------------------------------------------------------------------------------


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
