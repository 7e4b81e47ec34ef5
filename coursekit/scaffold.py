"""Scaffold a new unit or method: front matter from the model, body from the course standard.

Every required field of the model gets a value from the arguments or a German placeholder
(``Noch ausfüllen: …``), so the new page passes the check at once and authors can search
for what is left to do. A new unit is also scheduled in its module (``days:``), because an
unscheduled unit is an error (REF007).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import load_project, report
from .loader import PAGE_FIELDS, Course, german_detail, parse_document
from .model import Method, Module, Unit
from .problems import Severity, summary
from .rules import check
from .rules.design import MIN_BUFFER

__all__ = ["ScaffoldError", "new_method", "new_unit", "slug"]

TODO = "Noch ausfüllen"


class ScaffoldError(Exception):
    """A German message for the author; nothing was written."""


def slug(text: str, limit: int = 40) -> str:
    """``Übergänge gestalten: Schule`` -> ``uebergaenge-gestalten-schule`` (cut at a word)."""
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if out and len(candidate) > limit:
            break
        out = candidate
    return out


def front_matter(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """Fields in model order: given values, placeholders for required text fields, empty
    lists for optional list fields (so authors see them). Validated against the model."""
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name in values:
            data[name] = values[name]
        elif field.is_required():
            if field.annotation is not str:
                raise ScaffoldError(f"Für das Pflichtfeld „{name}“ gibt es keinen Platzhalter.")
            data[name] = f"{TODO}: {field.description}"
        elif field.default_factory is list:
            data[name] = []
    try:
        model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ScaffoldError(f"Ungültiger Wert für „{where}“: {german_detail(err)}.") from None
    return data


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as the course pages do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _page(meta: dict[str, Any], body: str) -> str:
    head = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{head}---\n\n{body}"


def _steps(duration: int, block_limit: int) -> list[dict[str, Any]]:
    """A minimal Ablaufplan whose minutes add up to ``duration`` (with a pause inside the
    unit when it is longer than the longest block without a break)."""

    def step(minutes: int, phase: str, content: str, social_form: str) -> dict[str, Any]:
        return {"minutes": minutes, "phase": phase, "content": f"{TODO}: {content}",
                "social_form": social_form}

    first = step(10, "Einsteigen", "Einstieg ins Thema.", "Plenum")
    last = step(10, "Auswerten", "Auswertung und Ausblick.", "Plenum")
    if duration <= block_limit:
        middle = [
            step(duration - 30, "Erarbeiten", "Erarbeitung.", "Kleingruppe"),
            step(10, "Integrieren", "Übertragung auf die eigene Praxis.", "Einzelarbeit"),
        ]
    else:
        work = duration - 35
        middle = [
            step(work // 2, "Erarbeiten", "Erarbeitung.", "Kleingruppe"),
            {"minutes": 15, "phase": "Pause", "content": "Pause"},
            step(work - work // 2, "Integrieren", "Übertragung auf die eigene Praxis.", "Einzelarbeit"),
        ]
    return [first, *middle, last]


UNIT_BODY = f"""{{{{ unit_overview() }}}}

## Fachlicher Hintergrund

{TODO}: 300 bis 700 Wörter fachlicher Hintergrund; Quellen per Kennung unter `literature:`.

## Ablaufplan

{{{{ unit_plan() }}}}

## Hinweise für Trainerinnen und Trainer

!!! trainer "Hinweise für Trainerinnen und Trainer"

    - {TODO}: Worauf achten Trainerinnen und Trainer bei der Durchführung?

## Für kleine und große Gruppen

- **Mit 8 Teilnehmenden:** {TODO}: Wie viele Gruppen, welche Runden, was entfällt oder wird länger?
- **Mit 24 Teilnehmenden:** {TODO}: Gruppen, Zeiten, Raum, zweite Trainerin oder zweiter Trainer.

## Reflexionsfragen

- {TODO}: erste Frage
- {TODO}: zweite Frage
- {TODO}: dritte Frage

{TODO}: Ein Satz zum Transferplan des Moduls, z. B. „Halten Sie im Transferplan fest, …“. Die
eine Transferaufgabe des Moduls (`## Transferaufgabe`) steht nur in seiner letzten Einheit.

## Auf einen Blick

- {TODO}: erste Kernaussage als ganzer, kurzer Satz.
- {TODO}: zweite Kernaussage.
- {TODO}: dritte Kernaussage.

## Literatur

{{{{ sources() }}}}
"""

METHOD_BODY = f"""{{{{ method_facts() }}}}

## Zweck und Einsatz

{TODO}: Wozu dient die Methode, wann passt sie, wann nicht?

## Raum und Material

{TODO}.

## Ablauf

1. {TODO}: erster Schritt mit Zeitangabe.

## Online-Variante

{TODO}.

## Weitere Varianten

- {TODO}.

## Stolpersteine und Tipps

- {TODO}.

## Beispiel aus der Netzwerkarbeit

{TODO}: ein Beispiel mit erfundener Kommune und erfundenen Personen.

## Quelle

{TODO}: Herkunft der Methode.

{{{{ sources() }}}}

## Verwendet in

{{{{ used_in() }}}}
"""


def _check_new(course: Course, item_id: str, path: Path) -> None:
    if item_id in course.where:
        where = f"{course.docs_dir.name}/{course.where[item_id].path}"
        raise ScaffoldError(f"Die Kennung „{item_id}“ gibt es schon in {where}. Wähle eine andere mit --id.")
    if path.exists():
        raise ScaffoldError(f"Die Datei {path} gibt es schon. Wähle eine andere Kennung mit --id.")


def _find_module(course: Course, module: str) -> str:
    for module_id in course.modules:
        if module_id.lower() == module.lower():
            return module_id
    known = ", ".join(sorted(course.modules)) or "keine"
    raise ScaffoldError(f"Das Modul „{module}“ gibt es nicht. Vorhandene Module: {known}.")


def new_unit(
    course: Course, module: str, title: str, item_id: str | None = None, duration: int = 90,
    day: int | None = None,
) -> tuple[Path, str | None]:
    """Write a new unit into the module's folder and schedule it. Returns the new file and
    a German note on how it was scheduled (None: the author must add it by hand)."""
    module_id = _find_module(course, module)
    item_id = item_id or f"{module_id.lower()}-{slug(title)}"
    module_doc = course.doc_of(module_id)
    index = course.docs_dir / module_doc.path
    path = index.parent / f"{item_id}.md"
    _check_new(course, item_id, path)
    days = course.modules[module_id].days
    if day is not None and not 1 <= day <= len(days):
        raise ScaffoldError(f"Das Modul {module_id} hat {len(days)} Kurstage; --day {day} gibt es nicht.")
    goals = {
        "knowledge": [f"{TODO}: Die Teilnehmenden kennen …"],
        "skills": [f"{TODO}: Die Teilnehmenden können …"],
        "social": [f"{TODO}: Die Teilnehmenden gestalten gemeinsam …"],
        "autonomy": [f"{TODO}: Die Teilnehmenden entscheiden selbst …"],
    }
    meta = front_matter(Unit, {
        "kind": "unit", "id": item_id, "module": module_id, "title": title, "duration": duration,
        "goals": goals, "steps": _steps(duration, course.config.max_block_minutes),
    })
    new_index = _schedule(index.read_text(encoding="utf-8"), module_doc.path, item_id, title, day)
    path.write_text(_page(meta, UNIT_BODY), encoding="utf-8")
    if new_index is None:
        return path, None
    index.write_text(new_index, encoding="utf-8")
    if day is None:
        where = f"als neuer Kurstag {len(days)} vor dem letzten Kurstag"
    elif day == len(days):
        where = f"am Kurstag {day} vor der letzten Einheit des Moduls"
    else:
        where = f"am Kurstag {day}"
    return path, f"In {index} {where} eingeplant (days: … units:)."


def new_method(course: Course, title: str, item_id: str | None = None) -> Path:
    item_id = item_id or slug(title)
    folders = Counter(PurePosixPath(course.doc_of(m).path).parent for m in course.methods)
    folder = course.docs_dir / (folders.most_common(1)[0][0] if folders else "methods")
    path = folder / f"{item_id}.md"
    _check_new(course, item_id, path)
    meta = front_matter(Method, {
        "kind": "method", "id": item_id, "title": title,
        "group_size": {"min": 4, "max": 20}, "duration": {"min": 15, "max": 30},
        "settings": ["Präsenz"], "phases": ["Erarbeiten"],
    })
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(_page(meta, METHOD_BODY), encoding="utf-8")
    return path


_FLOW_UNITS = re.compile(r"^(\s*(?:-\s+)?units:\s*\[)(.*?)(\]\s*(?:#.*)?)$")


def _schedule(text: str, rel: str, unit_id: str, title: str, day: int | None) -> str | None:
    """The module page with the unit added to a day (or as a new last day), or None when the
    YAML is not laid out in the usual way. Only a text edit that re-reads to the same module
    plus the unit is accepted, so comments and layout of the page stay as they are."""
    doc, _ = parse_document(text, rel)
    lines = text.splitlines(keepends=True)
    if not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    count = len(doc.meta.get("days") or [])
    if day is not None:
        i = doc.lines.get(("days", day - 1, "units"), 0) - 1
        m = _FLOW_UNITS.match(lines[i].rstrip("\n")) if i >= 0 else None
        if not m:
            return None
        units = [u.strip() for u in m.group(2).split(",") if u.strip()]
        # the module's last unit holds its one transfer task (TEXT002): it stays last
        units = [*units[:-1], unit_id, units[-1]] if day == count and units else [*units, unit_id]
        lines[i] = f"{m.group(1)}{', '.join(units)}{m.group(3)}\n"
    else:
        first = doc.lines.get(("days", 0), 0) - 1
        start = doc.lines.get(("days", count - 1), 0) - 1
        m = re.match(r"^(\s*)-\s", lines[first]) if first >= 0 else None
        if not m or not re.match(r"^\s*-\s", lines[start]):
            return None
        indent = m.group(1)
        while start > 0 and lines[start - 1].strip().startswith("#"):
            start -= 1  # a comment above the last day stays with it
        day_title = json.dumps(f"Neuer Kurstag: {title}", ensure_ascii=False)
        # before the last day, so the module's closing unit with the transfer task stays last
        lines.insert(
            start,
            f"{indent}- title: {day_title}\n{indent}  units: [{unit_id}]\n{indent}  buffer: {MIN_BUFFER}\n",
        )
    new_text = "".join(lines)
    before, after = doc.meta, parse_document(new_text, rel)[0].meta
    before, after = ({k: v for k, v in m.items() if k not in PAGE_FIELDS} for m in (before, after))
    try:
        old, new = Module.model_validate(before), Module.model_validate(after)
    except ValidationError:
        return None
    old_units = [u for d in old.days for u in d.units]
    new_units = [u for d in new.days for u in d.units]
    same = {k: v for k, v in after.items() if k != "days"} == {k: v for k, v in before.items() if k != "days"}
    if not same or sorted(new_units) != sorted([*old_units, unit_id]):
        return None
    return new_text


def _show(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def run(args: Any) -> int:
    """``python -m coursekit new unit|method``: create, check, print the next steps."""
    if not Path(args.config).is_file():
        print(f"Nicht angelegt: Die Konfiguration {args.config} gibt es nicht (Option --config).")
        return 2
    course = load_project(args.config)
    try:
        if args.kind == "unit":
            path, scheduled = new_unit(course, args.module, args.title, args.id, args.duration, args.day)
        else:
            path, scheduled = new_method(course, args.title, args.id), None
    except ScaffoldError as exc:
        print(f"Nicht angelegt: {exc}")
        return 2
    docs = course.docs_dir
    rel = path.relative_to(docs).as_posix()
    meta = parse_document(path.read_text(encoding="utf-8"), rel)[0].meta
    item_id = meta["id"]
    print(f"Angelegt: {_show(path)} (Kennung {item_id})")
    touched = {rel}
    if args.kind == "unit":
        index = course.doc_of(meta["module"]).path
        touched.add(index)
        print(scheduled or (
            f"Nicht eingeplant: Trage `{item_id}` in {_show(docs / index)} unter `days:` bei einem "
            f"Tag in `units: [...]` ein (sonst meldet die Prüfung REF007)."
        ))
    problems = [p for p in check(load_project(args.config)) if p.file in touched]
    for line in report(problems):
        print(line)
    print(f"Prüfung der neuen Seite: {summary(problems)}")
    print("\nNächste Schritte:")
    if args.kind == "unit":
        steps = [
            f"Alle Stellen „{TODO}“ in {_show(path)} ersetzen: Kurzbeschreibung, Lernziele, "
            "Ablaufplan und Text.",
            f"Ablaufplan (`steps`): Die Minuten der Schritte ergeben zusammen genau `duration` "
            f"({meta['duration']} Minuten); Methoden mit `method: kennung` aus der Methodensammlung.",
            "Einplanen: Die Einheit steht als eigener Kurstag vor dem letzten Tag des Moduls. Um sie "
            "in einen anderen Tag "
            f"zu verschieben, die Kennung in {_show(docs / index)} unter `days:` → `units:` umtragen "
            f"(höchstens {course.config.max_day_minutes} Minuten Lernzeit je Tag).",
            "Arbeitsblatt im Ordner arbeitsblaetter/ anlegen und unter `worksheets:` eintragen; "
            "Quellen aus der Literaturliste unter `literature:`.",
        ]
        if args.day:
            steps[2] = f"Eingeplant am Kurstag {args.day}: Uhrzeiten und Pausen prüfen (make serve)."
    else:
        steps = [
            f"Alle Stellen „{TODO}“ in {_show(path)} ersetzen; Gruppengröße, Dauer, Formate "
            "und Lernphasen anpassen.",
            f"In einer Einheit einsetzen: ein Schritt im Ablaufplan mit `method: {item_id}`. Bis "
            "dahin meldet die Prüfung die Warnung USE001 (Methode unbenutzt); das ist erwartet.",
        ]
    steps += ["Prüfen: make check; ansehen: make serve."]
    for n, text in enumerate(steps, 1):
        print(f"  {n}. {text}")
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0
