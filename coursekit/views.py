"""Generated Markdown views: run sheets, overviews, backlinks, references.

Every function takes the course and the path of the page it is rendered on (relative to the
docs folder), and returns Markdown. Links are relative ``.md`` links, so MkDocs validates them
and the site works under any base path.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from datetime import date, timedelta
from functools import lru_cache

from . import escape, kits
from .loader import Course
from .numbering import unit_number, worksheet_number
from .model import KINDS, TRACK_LABELS, Bridge, CourseConfig, Module, Unit, Worksheet, clock_of
from .netcheck import netzwerk_check, netzwerk_check_sheet  # noqa: F401  (macros)
from .webviews import course_days, course_facts, downloads, practice_form  # noqa: F401  (macros)
from .slides import deck_index as slide_deck_index, deck_links as slide_decks  # noqa: F401  (macros)
from .slides import notes_section as slides  # noqa: F401  (macro)
from .rules import RULES
from .rules.caseworld import mentions, registry
from .rules.structure import key_points_of
from .schedule import day_slots
from .bridges import bridge_slots, bridge_start, needed_in, variants_needing

__all__ = [
    "bibliography", "key_points", "link", "method_facts", "method_index", "module_overview", "rules_reference",
    "run_sheet", "schema_reference", "sources", "track_overview", "unit_overview", "unit_plan",
    "used_in",
]

GOAL_LABELS = {
    "knowledge": "Wissen",
    "skills": "Fertigkeiten",
    "social": "Sozialkompetenz",
    "autonomy": "Selbstständigkeit",
}


def _esc(text: object) -> str:
    """Text from content or configuration, escaped for Markdown and HTML (never markup)."""
    return escape.text(text)


def _cell(text: str | None) -> str:
    """Text for a Markdown table cell: escaped, one line, pipes protected."""
    return _esc(text or "").replace("|", "\\|").replace("\n", " ").strip()


def _label(text: object) -> str:
    """Text for a Markdown link label: escaped, brackets protected."""
    return _esc(text).replace("[", "\\[").replace("]", "\\]")


def _href(course: Course, here: str, item_id: str) -> str:
    return _relative(course.doc_of(item_id).path, here)


@lru_cache(maxsize=65536)
def _relative(target: str, here: str) -> str:
    """Link from the page ``here`` to the page ``target`` (both docs-relative); the same pairs
    come up on many pages, and ``relpath`` asks the operating system for the working folder."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def link(course: Course, here: str, item_id: str, text: str | None = None) -> str:
    """A Markdown link to the page of an id, with the page's title as link text."""
    item = course.doc_of(item_id).item
    title = text or getattr(item, "title", None) or item_id
    return f"[{_label(title)}]({_href(course, here, item_id)})"


def _hours(minutes: int) -> str:
    ue = minutes / 45
    ue_text = f"{ue:.0f}" if ue == int(ue) else f"{ue:.1f}".replace(".", ",")
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d} min ({ue_text} UE)" if m else f"{h} h ({ue_text} UE)"


def _content_minutes(unit: Unit) -> int:
    return sum(s.minutes for s in unit.steps if s.phase != "Pause")


def module_overview(course: Course, here: str, module_id: str) -> str:
    m = course.modules[module_id]
    units = course.units_of(module_id)
    minutes = sum(_content_minutes(u) for u in units)
    lines = [
        f"**{TRACK_LABELS[m.track]}** · {len(m.days)} {'Kurstag' if len(m.days) == 1 else 'Kurstage'} · "
        f"{len(units)} Einheiten · "
        f"Lernzeit {_hours(minutes)}",
        "",
        _esc(m.summary),
        "",
        "**Ziele des Moduls**",
        "",
        *[f"- {_esc(g)}" for g in m.goals],
        "",
    ]
    if m.prerequisites:
        pre = ", ".join(link(course, here, p) for p in m.prerequisites if p in course.modules)
        lines += [f"**Voraussetzung:** {pre}", ""]
    lines += _bridge_list(course, here, m)
    for d, day in enumerate(m.days):
        lines.append(f"**{_esc(day.title or f'Tag {d + 1}')}**")
        lines.append("")
        for n, unit_id in enumerate(day.units, 1):
            if unit_id in course.units:
                u = course.units[unit_id]
                lines.append(f"{n}. {link(course, here, unit_id)} ({u.duration} Minuten)")
        lines.append("")
    return "\n".join(lines)


def _variants_text(names: list[str]) -> str:
    quoted = [f"„{_cell(n)}“" for n in names]
    if len(quoted) == 1:
        return f"in der Variante {quoted[0]}"
    return "in den Varianten " + ", ".join(quoted[:-1]) + f" und {quoted[-1]}"


def _bridge_when(course: Course, m: Module, b: Bridge) -> str:
    unit = course.units[b.unit]
    start = bridge_start(course, m, b)
    if start is not None:
        return (
            f"Vorlauf am ersten Kurstag, {clock_of(start)} bis {clock_of(start + unit.duration)} Uhr "
            f"({unit.duration} Minuten)"
        )
    return f"eigener Termin vor dem Kurstag ({unit.duration} Minuten)"


def _bridge_list(course: Course, here: str, m: Module) -> list[str]:
    """Module page: each bridge, for whom, when, and in which variants it takes place."""
    known = [b for b in m.bridges if b.unit in course.units]
    if not known:
        return []
    lines = ["**Brückenbausteine** für Varianten, in denen ein vorausgesetztes Modul fehlt", ""]
    for b in known:
        names = variants_needing(course, m.id, b)
        where = _variants_text(names) if names else "derzeit in keiner Kursvariante nötig"
        replaced = link(course, here, b.for_module, b.for_module) if b.for_module in course.modules else b.for_module
        lines.append(
            f"- **Für {_cell(b.audience)}** (statt {replaced}): {link(course, here, b.unit)}, "
            f"{_bridge_when(course, m, b)}, {where}"
        )
    return [*lines, ""]


def _bridge_sheet(course: Course, here: str, m: Module, b: Bridge) -> list[str]:
    """Run sheet block of one bridge: clock times for a Vorlauf, minutes for its own date."""
    unit = course.units[b.unit]
    slots = bridge_slots(course, m, b)
    clock = bridge_start(course, m, b) is not None
    out = [
        f"### Brückenbaustein für {_cell(b.audience)}",
        "",
        f"{link(course, here, unit.id)}, nur {_variants_text(variants_needing(course, m.id, b))}: "
        f"{_bridge_when(course, m, b)}. Wer {b.for_module} besucht hat, nimmt nicht teil.",
        "",
        '<div class="run-sheet" markdown data-search-exclude>',  # units carry the steps in the index
        "",
        "| Zeit | Einheit und Schritt | Phase | Methode | Sozialform | Material |",
        "|---|---|---|---|---|---|",
        f"| | **{link(course, here, unit.id)}** | | | | |",
    ]
    offset = slots[0].start if slots else 0
    for s in slots:
        time = (
            f"{clock_of(s.start)}–{clock_of(s.end)}" if clock
            else f"{s.start - offset}–{s.end - offset} min"
        )
        out.append(
            f"| {time} | {_cell(s.step.content)} | {s.step.phase} | {_method_cell(course, here, s.step)} | "
            f"{s.step.social_form or ''} | {_cell(s.step.material)} |"
        )
    return [*out, "", "</div>", ""]


def run_sheet(course: Course, here: str, module_id: str) -> str:
    """Per-day run sheet of a module: clock times, steps, methods, social forms, breaks; before
    the first day, the bridges that a configured variant needs."""
    m = course.modules[module_id]
    out: list[str] = []
    for b in m.bridges:
        if b.unit in course.units and variants_needing(course, m.id, b):
            out += _bridge_sheet(course, here, m, b)
    for d, day in enumerate(m.days):
        slots = day_slots(course, m, d)
        if not slots:
            continue
        title = day.title or f"Tag {d + 1}"
        out += [
            f"### {_esc(title)}",
            "",
            f"{clock_of(slots[0].start)} bis {clock_of(slots[-1].end)} Uhr · Lernzeit "
            f"{_hours(sum(s.minutes for s in slots if not s.is_break))}",
            "",
            '<div class="run-sheet" markdown data-search-exclude>',  # units carry the steps in the index
            "",
            "| Zeit | Einheit und Schritt | Phase | Methode | Sozialform | Material |",
            "|---|---|---|---|---|---|",
        ]
        current = None
        for s in slots:
            time = f"{clock_of(s.start)}–{clock_of(s.end)}"
            if s.step is None:
                out.append(f"| {time} | **{_cell(s.break_title)}** | | | | |")
                continue
            if s.unit is not current:
                current = s.unit
                out.append(f"| | **{link(course, here, s.unit.id)}** | | | | |")
            method = _method_cell(course, here, s.step)
            out.append(
                f"| {time} | {_cell(s.step.content)} | {s.step.phase} | {method} | "
                f"{s.step.social_form or ''} | {_material(course, here, s.unit, s.step.material)} |"
            )
        out += ["", "</div>", ""]
    return "\n".join(out)


def unit_overview(course: Course, here: str, unit_id: str) -> str:
    u = course.units[unit_id]
    module = course.modules.get(u.module)
    number = unit_number(course, unit_id)
    facts = ([f"**Einheit {number}**"] if number else []) + [f"**Dauer:** {u.duration} Minuten"]
    if module:
        facts.append(f"**Modul:** {link(course, here, module.id)}")
    lines = [" · ".join(facts), "", _esc(u.summary), "", "**Lernziele**", ""]
    lines += ["| Kompetenz | Die Teilnehmenden … |", "|---|---|"]
    for key, label in GOAL_LABELS.items():
        for goal in getattr(u.goals, key):
            lines.append(f"| {label} | {_cell(goal)} |")
    lines.append("")
    methods = [link(course, here, mid) for mid in u.methods if mid in course.methods]
    if methods:
        lines += [f"**Methoden:** {', '.join(methods)}", ""]
    sheets = [link(course, here, w) for w in u.worksheets if w in course.worksheets]
    if sheets:
        lines += [f"**Arbeitsblätter:** {', '.join(sheets)}", ""]
    if u.materials:
        lines += [f"**Material:** {_esc(', '.join(_material_names(course, u.materials)))}", ""]
    return "\n".join(lines)


def _method_cell(course: Course, here: str, step) -> str:
    """Method link of a step, marked when the step uses the short form or only presents it."""
    if step.method not in course.methods:
        return ""
    mark = " (nur vorgestellt)" if step.presents else " (Kurzform)" if step.short_form else ""
    return link(course, here, step.method) + mark


def span(low: int, high: int, unit: str) -> str:
    """A range in words: "2 Personen" when both ends agree, else "8 bis 20 Personen"."""
    return f"{low} {unit}" if low == high else f"{low} bis {high} {unit}"


_SHEET_WORD = re.compile(r"\bArbeitsbl(att|ätter)\b(?! AB )")


def _material(course: Course, here: str, unit: Unit, text: str | None) -> str:
    """A material cell; "Arbeitsblatt" names the unit's worksheet by number and links it,
    so "Arbeitsblatt Teil C" on paper says which sheet."""
    cell = _cell(text)
    sheets = [w for w in unit.worksheets if w in course.worksheets]
    if not sheets or not _SHEET_WORD.search(cell):
        return cell
    target = sheets[0]
    label = link(course, here, target, worksheet_number(course, target) or None)
    return _SHEET_WORD.sub(lambda m: f"{m.group(0)} {label}", cell, count=1)


def unit_clock(course: Course, unit_id: str) -> tuple[str, list[int]] | None:
    """Where a unit sits in its module's schedule: the day's title and the start time of each
    step (minutes since midnight); None for a unit no course day lists (a bridge)."""
    u = course.units[unit_id]
    m = course.modules.get(u.module)
    for d, day in enumerate(m.days if m else []):
        if unit_id in day.units:
            starts = [s.start for s in day_slots(course, m, d) if s.unit is u and s.step is not None]
            return (day.title or f"Tag {d + 1}", starts) if len(starts) == len(u.steps) else None
    return None


def unit_plan(course: Course, here: str, unit_id: str) -> str:
    """The unit's Ablaufplan: clock times within its course day (when it has one) and minutes
    from the unit's start."""
    u = course.units[unit_id]
    clock = unit_clock(course, unit_id)
    lines = []
    if clock:
        day, starts = clock
        end = starts[-1] + u.steps[-1].minutes
        lines += [f"Im Ablauf des Moduls: {clock_of(starts[0])} bis {clock_of(end)} Uhr am Kurstag „{_esc(day)}“.", ""]
    lines += [
        '<div class="unit-plan" markdown>',
        "",
        "| Zeit | Phase | Inhalt | Methode | Sozialform | Material |",
        "|---|---|---|---|---|---|",
    ]
    t = 0
    for i, s in enumerate(u.steps):
        method = _method_cell(course, here, s)
        minutes = f"{t}–{t + s.minutes} min"
        time = (f"{clock_of(clock[1][i])}–{clock_of(clock[1][i] + s.minutes)}"
                f'<span class="plan-minutes">{minutes}</span>') if clock else minutes
        lines.append(
            f"| {time} | {s.phase} | {_cell(s.content)} | {method} | "
            f"{s.social_form or ''} | {_material(course, here, u, s.material)} |"
        )
        t += s.minutes
    return "\n".join([*lines, "", "</div>"]) + "\n"


def method_facts(course: Course, here: str, method_id: str) -> str:
    m = course.methods[method_id]
    rows = [
        ("Zweck", m.purpose),
        ("Gruppengröße", span(m.group_size.min, m.group_size.max, "Personen")),
        ("Dauer", span(m.duration.min, m.duration.max, "Minuten")),
        ("Format", ", ".join(m.settings)),
    ]
    if m.short_form:
        sf = m.short_form
        rows.insert(3, ("Kurzform", f"ab {sf.minutes} Minuten. {sf.steps} Verzichtet auf: {sf.gives_up}"))
    if m.phases:
        rows.append(("Lernphasen", ", ".join(m.phases)))
    if m.materials:
        rows.append(("Material", ", ".join(_material_names(course, m.materials))))
    if m.attribution:
        a = m.attribution
        parts = [f"„{a.title}“ von {a.author}", a.origin, a.licence, a.link]
        rows.append(("Bearbeitet nach", "; ".join(p for p in parts if p)))
    lines = ["| Merkmal | Angabe |", "|---|---|", *[f"| {k} | {_cell(v)} |" for k, v in rows]]
    return "\n".join(lines) + "\n"


def _users_of(course: Course, item_id: str) -> list[Unit]:
    return [
        u for u in course.units.values()
        if item_id in u.methods or item_id in u.worksheets
    ]


def used_in(course: Course, here: str, item_id: str) -> str:
    """Backlinks: the units that use a method or worksheet, grouped by module."""
    users = _users_of(course, item_id)
    if not users:
        return "_Noch in keiner Einheit verwendet._\n"
    by_module: dict[str, list[Unit]] = {}
    for u in users:
        by_module.setdefault(u.module, []).append(u)
    lines = []
    for module_id in sorted(by_module):
        order = [x.id for x in course.units_of(module_id)] if module_id in course.modules else []
        units = sorted(by_module[module_id], key=lambda u: order.index(u.id) if u.id in order else 0)
        label = link(course, here, module_id) if module_id in course.modules else module_id
        lines.append(f"- {label}: " + ", ".join(link(course, here, u.id) for u in units))
    return "\n".join(lines) + "\n"


_TERM_OR_LINK = re.compile(
    r"\{\{\s*(term|link)\(\s*[\"']([^\"']+)[\"']\s*(?:,\s*[\"']([^\"']*)[\"']\s*)?\)\s*\}\}"
)
_MD_LINK_TEXT = re.compile(r"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)")


def _plain_point(course: Course, text: str) -> str:
    """A key point for another page: term and link macros and Markdown links become their text
    (relative links of the unit page would break elsewhere)."""

    def name(m: re.Match) -> str:
        kind, ref, given = m.groups()
        if given:
            return given
        if kind == "term" and ref in course.terms:
            return course.terms[ref].term
        item = course.doc_of(ref).item if ref in course.where else None
        return getattr(item, "title", None) or ref

    return _MD_LINK_TEXT.sub(r"\1", _TERM_OR_LINK.sub(name, text))


def key_points(course: Course, here: str, module_id: str) -> str:
    """Handout: every unit of the module in schedule order with its "Auf einen Blick" points."""
    out: list[str] = []
    for u in course.units_of(module_id):
        points = key_points_of(course.doc_of(u.id))
        if points:
            out += [f"## {_esc(u.title)}", "", *[f"- {_plain_point(course, p)}" for p in points], ""]
    return "\n".join(out) or "_Die Einheiten dieses Moduls haben noch keine Kernaussagen._\n"


def german_date(d: date) -> str:
    """A date as Germans write it: DD.MM.YYYY."""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


_PLAIN_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


def _source_line(course: Course, source_id: str) -> str:
    s = course.sources[source_id]
    text = f"{_esc(s.author)} ({s.year_label}): _{_esc(s.title)}_."
    if s.publisher:
        text += f" {_esc(s.publisher)}."
    if s.published:
        text += f" Veröffentlicht am {german_date(s.published)}."
    if s.url:
        text += f" <{s.url}>" if _PLAIN_URL.match(s.url) else f" {_esc(s.url)}"
        if s.accessed:
            text += f", abgerufen am {german_date(s.accessed)}."
    return text


def sources(course: Course, here: str, item_id: str) -> str:
    item = course.doc_of(item_id).item
    ids = [i for i in getattr(item, "literature", []) if i in course.sources]
    if not ids:
        return ""  # the page says where the method comes from (e.g. "eigene Beschreibung")
    return "\n".join(f"- {_source_line(course, i)}" for i in ids) + "\n"


def bibliography(course: Course, here: str) -> str:
    ordered = sorted(course.sources, key=lambda i: (course.sources[i].author, course.sources[i].year or 0))
    return "\n".join(f"- {_source_line(course, i)}" for i in ordered) + "\n"


def track_overview(course: Course, here: str, track: str) -> str:
    """Table of the modules of one track: days, units, learning time."""
    modules = [m for m in course.modules.values() if m.track == track]
    if not modules:
        return "_In diesem Kursstrang gibt es noch keine Module._\n"
    lines = ["| Modul | Kurstage | Einheiten | Lernzeit | Voraussetzung |", "|---|---|---|---|---|"]
    for m in sorted(modules, key=lambda m: m.id):
        units = course.units_of(m.id)
        minutes = sum(_content_minutes(u) for u in units)
        pre = ", ".join(m.prerequisites) or "–"
        lines.append(
            f"| {link(course, here, m.id)} | {len(m.days)} | {len(units)} | {_hours(minutes)} | {pre} |"
        )
    return "\n".join(lines) + "\n"


def method_index(course: Course, here: str) -> str:
    """Table of all methods with their facets, plus a filter form for the browser.

    The table is complete and readable without JavaScript. The facets of each row travel as
    JSON beside it; ``method-filter.js`` builds the form and hides rows that do not fit.
    """
    methods = sorted(course.methods.values(), key=lambda m: m.title.lower())
    facets = [
        {
            "settings": list(m.settings), "phases": list(m.phases),
            "group": [m.group_size.min, m.group_size.max],
            "minutes": [m.duration.min, m.duration.max],
        }
        for m in methods
    ]
    lines = [
        '<div class="method-index" data-facets=\'' + json.dumps(facets, ensure_ascii=False) + '\' markdown>',
        "",
        "| Methode | Zweck | Gruppe (Personen) | Dauer (Minuten) | Format | Lernphasen | Verwendet in |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in methods:
        users = len(_users_of(course, m.id))
        lines.append(
            f"| {link(course, here, m.id)} | {_cell(m.purpose)} | {m.group_size.min}–{m.group_size.max} "
            f"| {m.duration.min}–{m.duration.max} | {', '.join(m.settings)} | "
            f"{', '.join(m.phases) or '–'} | {users} {'Einheit' if users == 1 else 'Einheiten'} |"
        )
    return "\n".join([*lines, "", "</div>"]) + "\n"


_DOC_PARTS = re.compile(r"^(Was|Warum|Beispiel|Stattdessen):\s*", re.M)


def rules_reference(course: Course, here: str) -> str:
    """Every rule with id, severity and its Was/Warum/Beispiel/Stattdessen text."""
    out = []
    for r in RULES.values():
        level = "Fehler" if r.severity.value == "error" else "Warnung"
        out += [f"### {r.id} {r.name}", "", f"*{level}*", ""]
        parts = _DOC_PARTS.split(r.doc)[1:]
        for label, text in zip(parts[::2], parts[1::2]):
            out += [f"**{label}:** " + " ".join(text.split()), ""]
    return "\n".join(out)


def schema_reference(course: Course, here: str) -> str:
    """German field reference of every content kind, from the model's descriptions."""
    out = []
    titles = {
        "module": "Modul (`kind: module`)",
        "unit": "Einheit (`kind: unit`)",
        "method": "Methode (`kind: method`)",
        "worksheet": "Arbeitsblatt (`kind: worksheet`)",
        "bibliography": "Literaturliste (`kind: bibliography`)",
        "glossary": "Glossar (`kind: glossary`)",
        "practice": "Praxisbeispiel (`kind: practice`)",
        "selfcheck": "Selbstcheck (`kind: selfcheck`, z. B. der Netzwerk-Check)",
        "caseworld": "Fallwelt (`kind: caseworld`)",
        "slides": "Folien einer Einheit (`kind: slides`)",
    }
    models = [(titles.get(k, f"`kind: {k}`"), m) for k, m in KINDS.items()]
    models.append(("Kurskonfiguration (`extra: course:` in mkdocs.yml)", CourseConfig))
    for title, model in models:
        out += [f"### {title}", "", "| Feld | Pflicht | Bedeutung |", "|---|---|---|"]
        for name, field in model.model_fields.items():
            required = "ja" if field.is_required() else "nein"
            desc = field.description or ""
            sub = _sub_model(field.annotation)
            if sub is not None:
                desc += " Unterfelder: " + "; ".join(
                    f"`{n}` – {f.description or ''}" for n, f in sub.model_fields.items()
                )
            out.append(f"| `{name}` | {required} | {_cell(desc)} |")
        out.append("")
    return "\n".join(out)


def _sub_model(annotation: object) -> type | None:
    from typing import get_args

    from pydantic import BaseModel

    candidates = [annotation, *get_args(annotation)]
    for c in list(candidates):
        candidates += list(get_args(c))
    for c in candidates:
        if isinstance(c, type) and issubclass(c, BaseModel):
            return c
    return None


def nav_key(course: Course, path: str, title: str, *, top: bool = False, section: bool = False) -> tuple:
    """Sort key of a navigation item: configured order at the top; inside a module the
    module page, then its bridge units, then units in schedule order, then worksheets by first
    use; other pages by an optional ``order:`` number in their front matter, then by title."""
    if top:
        head = path.split("/", 1)[0]
        order = course.config.nav_order
        return (order.index(head) if head in order else len(order), 0, title.lower())
    doc = course.doc_at(path)
    item = doc.item if doc else None
    if not section and path.rsplit("/", 1)[-1] == "index.md":
        return (0, 0, "")
    if section and isinstance(item, Module):
        return (1, 0, item.id)
    if isinstance(item, Unit) and item.module in course.modules:
        ids = [u.id for u in course.units_of(item.module)]
        if item.id in {b.unit for b in course.modules[item.module].bridges}:
            return (1, -1, title.lower())  # a bridge takes place before the first day
        return (1, ids.index(item.id) if item.id in ids else len(ids), title.lower())
    if isinstance(item, Worksheet):
        users = [
            ids.index(item.id)
            for ids in [[w for u in course.units_of(item.module) for w in u.worksheets]]
            if item.id in ids
        ] if item.module in course.modules else []
        return (2, users[0] if users else 10**6, title.lower())
    order = doc.meta.get("order") if doc else None
    return (3, order if isinstance(order, int) else 1000, title.lower())


def pager_group(course: Course, path: str) -> str | None:
    """Previous/next links stay inside a group: a module's folder (module page, units,
    worksheets) or a section's folder (methods, background); top-level pages have none."""
    parts = path.split("/")
    if len(parts) == 1:
        return None
    if len(parts) >= 3:
        index = course.doc_at(f"{parts[0]}/{parts[1]}/index.md")
        if index is not None and isinstance(index.item, Module):
            return f"{parts[0]}/{parts[1]}"
    return parts[0]


def section_title(course: Course, index_path: str) -> str | None:
    """Title for a navigation section from its first page: the index page's (or module's)
    title, or "Arbeitsblätter" for a folder of worksheets."""
    doc = course.doc_at(index_path)
    if doc is None:
        return None
    if isinstance(doc.item, Worksheet):
        return "Arbeitsblätter"
    if not index_path.endswith("index.md"):
        return None
    title = getattr(doc.item, "title", None) or doc.meta.get("title")
    return str(title) if title else None


def term(course: Course, here: str, term_id: str, text: str | None = None) -> str:
    """A link to a glossary entry; the link text is the term (or the given form of it), the
    link's title the definition (Material shows it as a tooltip on hover and keyboard focus)."""
    t = course.terms[term_id]
    tip = " ".join(t.definition.split()).replace('"', "'")
    return f'[{_label(text or t.term)}]({_href(course, here, term_id)}#{term_id} "{tip}")'


def short_author(author: str) -> str:
    """How a source is cited in running text: "Kania und Kramer", "Hoffmann u. a.", or an
    organisation's full name."""
    names = [part.split(",")[0].strip() for part in author.replace("(Hg.)", "").split(";") if part.strip()]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} und {names[1]}"
    return f"{names[0]} u. a."


def glossary(course: Course, here: str) -> str:
    """All glossary terms, alphabetically, each with an anchor named by its id; above them a
    bar from A to Z linking each letter's first term."""
    terms = sorted(course.terms.values(), key=lambda t: t.term.lower())
    first: dict[str, str] = {}
    for t in terms:
        first.setdefault(_initial(t.term), t.id)
    letters = [
        f'<a href="#{first[c]}">{c}</a>' if c in first else f'<span aria-hidden="true">{c}</span>'
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    ]
    out = ['<nav class="glossary-az" aria-label="Glossar von A bis Z">' + "".join(letters) + "</nav>"]
    out.append('<dl class="glossary">')
    for t in terms:
        source = ""
        if t.source and t.source in course.sources:
            s = course.sources[t.source]
            source = f" <span class=\"glossary__source\">({html.escape(short_author(s.author))} {s.year_label})</span>"
        out.append(f'<dt id="{t.id}">{html.escape(t.term)}</dt>')
        out.append(f"<dd>{html.escape(t.definition)}{source}</dd>")
    out.append("</dl>")
    return "\n".join(out) + "\n"


def _initial(word: str) -> str:
    """First letter for the A–Z bar: Ä counts as A, Ü as U."""
    import unicodedata

    return unicodedata.normalize("NFD", word[:1].upper())[:1]


def _variant_facts(course: Course, modules: list[str]) -> tuple[int, int, int]:
    known = [course.modules[m] for m in modules if m in course.modules]
    days = sum(len(m.days) for m in known)
    units = [u for m in known for u in course.units_of(m.id)]
    return days, len(units), sum(_content_minutes(u) for u in units)


def variant_overview(course: Course, here: str) -> str:
    """Each course variant from mkdocs.yml: its modules, days, units and learning time."""
    if not course.config.variants:
        return "_In mkdocs.yml sind keine Kursvarianten festgelegt._\n"
    lines = ["| Variante | Module | Kurstage | Einheiten | Lernzeit |", "|---|---|---|---|---|"]
    for name, modules in course.config.variants.items():
        days, units, minutes = _variant_facts(course, modules)
        links = ", ".join(link(course, here, m, m) for m in modules if m in course.modules)
        label = f"**{_cell(name)}** (angeboten)" if name == course.config.variant else _cell(name)
        lines.append(f"| {label} | {links} | {days} | {units} | {_hours(minutes)} |")
    return "\n".join(lines) + "\n"


MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def _month(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def course_calendar(course: Course, here: str, variant: str | None = None) -> str:
    """A calendar per variant: modules in order, with transfer phases between them.

    Each module takes one week (its days are consecutive); a transfer phase of
    ``transfer_weeks`` follows every module but the last. The first module starts in the
    first week of ``calendar_start``.
    """
    cfg = course.config
    year, month = (int(x) for x in cfg.calendar_start.split("-"))
    start = date(year, month, 1)
    start += timedelta(days=(7 - start.weekday()) % 7)  # first Monday
    names = [variant] if variant else list(cfg.variants)
    out: list[str] = []
    for name in names:
        modules = [m for m in cfg.variants.get(name, []) if m in course.modules]
        if not modules:
            continue
        week, rows = 0, []
        for i, module_id in enumerate(modules):
            m = course.modules[module_id]
            begin = start + timedelta(weeks=week)
            for b in needed_in(course, modules, module_id):
                if b.unit in course.units:
                    rows.append(
                        f"| {_month(begin)} (Woche {week + 1}, vorab) | "
                        f"{link(course, here, b.unit)} für {_cell(b.audience)} | "
                        f"{_bridge_when(course, m, b)} |"
                    )
            rows.append(
                f"| {_month(begin)} (Woche {week + 1}) | {link(course, here, module_id)} | "
                f"{len(m.days)} {'Kurstag' if len(m.days) == 1 else 'Kurstage'} |"
            )
            week += 1
            if i + 1 < len(modules):
                rows.append(
                    f"| Wochen {week + 1} bis {week + cfg.transfer_weeks} | Transferphase: "
                    f"Erprobung im eigenen Netzwerk, Transferaufgabe | {cfg.transfer_weeks} Wochen |"
                )
                week += cfg.transfer_weeks
        end = start + timedelta(weeks=week)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        days, units, minutes = _variant_facts(course, modules)
        out += [
            f"**{_cell(name)}:** {_month(start)} bis {_month(end)}, etwa {months} Monate, "
            f"{days} Kurstage, {units} Einheiten, Lernzeit {_hours(minutes)}",
            "",
            "| Wann | Was | Umfang |",
            "|---|---|---|",
            *rows,
            "",
        ]
    return "\n".join(out) or "_Keine Kursvariante festgelegt._\n"


def case_world(course: Course, here: str) -> str:
    """The case world as two tables: places with their people, and people with their pages."""
    world = registry(course)
    if world is None:
        return "_Dieser Kurs hat keine Fallwelt (`kind: caseworld`)._\n"
    known = {p.name for p in world.people}
    pages: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for doc in sorted(course.documents, key=lambda d: d.path):
        if doc is course.caseworld or doc.item is None or ("Frau" not in doc.body and "Herr" not in doc.body):
            continue  # a mention starts with "Frau" or "Herr"
        titles[doc.path] = str(getattr(doc.item, "title", doc.path))
        for name in dict.fromkeys(n for n, _ in mentions(doc.body, known)):
            pages.setdefault(name, []).append(doc.path)
    places = {p.id: p for p in world.places}
    lines = ["### Orte", "", "| Ort | Art | Beschreibung | Personen |", "|---|---|---|---|"]
    for p in sorted(world.places, key=lambda p: p.name):
        who = ", ".join(x.name for x in world.people if x.place == p.id) or "–"
        lines.append(f"| {_cell(p.name)} | {p.kind} | {_cell(p.description)} | {_cell(who)} |")
    lines += ["", "### Personen", "", "| Person | Ort | Organisation und Rolle | Module | Kommt vor in |",
              "|---|---|---|---|---|"]
    for x in sorted(world.people, key=lambda x: (x.name.split()[-1], x.name)):
        place = places[x.place].name if x.place in places else x.place
        modules = ", ".join(x.modules) or "–"
        where = ", ".join(
            f"[{_cell(titles[path])}]({_relative(path, here)})"
            for path in pages.get(x.name, [])
        ) or "–"
        lines.append(
            f"| {_cell(x.name)} | {_cell(place)} | {_cell(x.organisation)}: {_cell(x.role)} | "
            f"{modules} | {where} |"
        )
    return "\n".join(lines) + "\n"


def practice_index(course: Course, here: str) -> str:
    items = sorted(course.practices.values(), key=lambda p: (p.field, p.title.lower()))
    if not items:
        return "_Noch keine Praxisbeispiele._\n"
    lines = ["| Praxisbeispiel | Kommune | Handlungsfeld | Netzwerk | Jahr |", "|---|---|---|---|---|"]
    for p in items:
        lines.append(
            f"| {link(course, here, p.id)} | {_cell(p.municipality)} | {p.field} | "
            f"{_cell(p.network_type)} | {p.year} |"
        )
    return "\n".join(lines) + "\n"


def _material_names(course: Course, ids: list[str]) -> list[str]:
    """Names of catalogue materials (an unknown id, which MAC001 reports, shows as the id)."""
    return [course.materials[i].name if i in course.materials else i for i in ids]


def materials_list(course: Course, here: str) -> str:
    """Every material of the catalogue the course uses, with the most a course day needs
    (for the configured group) and the modules that need it."""
    cfg = course.config
    most: dict[str, int] = {}
    modules: dict[str, list[str]] = {}
    for module in sorted(course.modules.values(), key=lambda m: m.id):
        for d in range(len(module.days)):
            for line in kits.packing(course, kits.day_units(course, module, d)):
                mid = line.material.id
                most[mid] = max(most.get(mid, 0), line.count)
                if module.id not in modules.setdefault(mid, []):
                    modules[mid].append(module.id)
    if not most:
        return "_Die Einheiten nennen kein Material aus dem Materialkatalog._\n"
    lines = [
        f"Mengen für {cfg.participants} Teilnehmende in Gruppen zu {cfg.group_size} und "
        f"{cfg.trainers} {'Trainerin oder Trainer' if cfg.trainers == 1 else 'Trainerinnen und Trainer'}: "
        "die größte Menge, die ein Kurstag braucht. Die Packliste jedes Tages steht in seiner Tagesmappe.",
        "",
        "| Material | Art | Menge (höchstens je Kurstag) | Module |",
        "|---|---|---|---|",
    ]
    ordered = sorted(most, key=lambda i: (kits.TYPE_ORDER.index(course.materials[i].type), course.materials[i].name.lower()))
    for mid in ordered:
        m = course.materials[mid]
        lines.append(f"| {_cell(m.name)} | {m.type} | {most[mid]} {_cell(m.unit)} | {', '.join(modules[mid])} |")
    return "\n".join(lines) + "\n"


def materials_catalogue(course: Course, here: str) -> str:
    """The materials catalogue: id, name, type, how it is counted, and who uses it."""
    users: dict[str, list[str]] = {}
    for item in [*course.units.values(), *course.methods.values()]:
        for mid in item.materials:
            users.setdefault(mid, []).append(item.id)
    lines = ["| Kennung | Material | Art | Gezählt | Hinweis | Genannt von |", "|---|---|---|---|---|---|"]
    for m in sorted(course.materials.values(), key=lambda m: (kits.TYPE_ORDER.index(m.type), m.name.lower())):
        names = users.get(m.id, [])
        shown = ", ".join(link(course, here, i, i) for i in names[:6]) + (f" und {len(names) - 6} weitere" if len(names) > 6 else "")
        lines.append(
            f"| `{m.id}` | {_cell(m.name)} | {m.type} | {m.amount} {_cell(m.unit)} {kits.PER_LABELS[m.per]} | "
            f"{_cell(m.note)} | {shown or '–'} |"
        )
    return "\n".join(lines) + "\n"


def image_credits(course: Course, here: str) -> str:
    """Every image credit of the course, with the page that shows the image."""
    rows = [
        (doc, credit) for doc in sorted(course.documents, key=lambda d: d.path) for credit in doc.images
    ]
    if not rows:
        return "_Der Kurs enthält keine Bilder mit Bildnachweis._\n"
    lines = ["| Bild | Urheberschaft | Lizenz | Herkunft | Seite |", "|---|---|---|---|---|"]
    for doc, c in rows:
        title = f"[{_cell(c.title)}]({c.link})" if c.link else _cell(c.title)
        page_title = doc.meta.get("title") or getattr(doc.item, "title", None) or doc.path
        target = doc.path
        unit_id = getattr(doc.item, "unit", None) if doc.meta.get("kind") == "slides" else None
        if unit_id in course.units:  # slides are no page: name the unit whose notes list them
            page_title, target = f"Folien: {course.units[unit_id].title}", course.doc_of(unit_id).path
        where = f"[{_cell(str(page_title))}]({_relative(target, here)})"
        lines.append(f"| {title} | {_cell(c.author)} | {_cell(c.licence)} | {_cell(c.origin)} | {where} |")
    return "\n".join(lines) + "\n"


def attributions(course: Course, here: str) -> str:
    """Licence of the course and every adapted source, for the licence appendix."""
    cfg = course.config
    lines = [
        f"Die Inhalte dieser Fortbildung, Fassung {_esc(cfg.version)}, stehen unter der Lizenz "
        f"{cfg.licence}. Herausgeber: {_esc(cfg.organisation)}.",
        "",
    ]
    adapted = [m for m in sorted(course.methods.values(), key=lambda m: m.title.lower()) if m.attribution]
    if adapted:
        lines += [
            "Diese Methodenbeschreibungen sind eigene Texte in Anlehnung an veröffentlichte "
            "Beschreibungen:",
            "",
            "| Methode | Vorlage | Urheberschaft | Herkunft | Lizenz, Nutzung |",
            "|---|---|---|---|---|",
        ]
        for m in adapted:
            a = m.attribution
            title = f"[{_cell(a.title)}]({a.link})" if a.link else _cell(a.title)
            lines.append(
                f"| {link(course, here, m.id)} | {title} | {_cell(a.author)} | {_cell(a.origin)} | "
                f"{_cell(a.licence)} |"
            )
    return "\n".join(lines) + "\n"
