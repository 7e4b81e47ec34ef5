"""Day kit (Tagesmappe): what a trainer takes along for one course day.

In this order: run sheet with clock times and who leads, packing list, copy list, preparation
(six weeks, two weeks, one day before, on the morning), room set-up of the day's methods, the
method cards and the worksheets as copy masters. Bridges a variant needs before the module
belong to the kit of its first day (``kits.day_bridges``).
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from .. import kits
from ..bridges import bridge_slots
from ..handbook import Entry
from ..loader import Course
from ..model import Module, clock_of
from ..schedule import day_slots
from .html import checklist, e, table

__all__ = ["OPTIONS", "entries", "name", "subtitle"]

OPTIONS = {"kind": "daykit", "imprint": False, "toc_depth": 0}


def name(module: Module, day_index: int) -> str:
    return f"tag-{module.id.lower()}-{day_index + 1}.pdf"


def subtitle(module: Module, day_index: int) -> str:
    title = module.days[day_index].title or ""
    if title.startswith("Tag"):
        return f"Tagesmappe {module.id}, {title}"
    return f"Tagesmappe {module.id}, Tag {day_index + 1}" + (f": {title}" if title else "")


def _page(key: str, title: str, body: str, depth: int = 0) -> Entry:
    return Entry(title, depth, f"kit/{key}/", body, "kit")


def entries(course: Course, module: Module, d: int, pages: dict[str, Entry]) -> list[Entry]:
    """The kit's entries: generated pages, then method cards and worksheets from ``pages``
    (the handbook's entries by id)."""
    key = f"{module.id.lower()}-{d + 1}"
    units = kits.day_units(course, module, d)
    out = [
        _page(f"{key}-plan", "Ablaufplan", run_sheet(course, module, d)),
        _page(f"{key}-pack", "Packliste", packing_list(course, units)),
        _page(f"{key}-copy", "Kopierliste", copy_list(course, module, d, units)),
        _page(f"{key}-prep", "Vorbereitung", preparation(course, module, d, units)),
        _page(f"{key}-room", "Raum und Aufbau", room(course, units, pages)),
    ]
    methods = [m for m in dict.fromkeys(m for u in units for m in u.methods) if m in pages]
    if methods:
        out.append(Entry("Methodenkarten", 0, None, '<p class="kit-note">Kurzfassung für den Kurstag: Merkmale, '
                         "Ablauf, Stolpersteine und Quelle. Zweck, Varianten und Beispiele stehen im Handbuch.</p>", "kit"))
        out += [_card(pages[m]) for m in methods]
    sheets = [w for w in dict.fromkeys(w for u in units for w in u.worksheets) if w in pages]
    if sheets:
        out.append(Entry("Kopiervorlagen", 0, None, "", "kit"))
        out += [_copy(pages[w], 1) for w in sheets]
    return out


CARD_SECTIONS = ("Ablauf", "Stolpersteine und Tipps", "Quelle")
"""Sections of a method page that its card in the day kit keeps (after the facts table)."""


def _heading(el) -> str:
    return el.get_text(strip=True).removesuffix("¶").strip()


def _card(entry: Entry) -> Entry:
    """A method card: the page up to its first section, then only ``CARD_SECTIONS``."""
    soup = BeautifulSoup(entry.html, "html.parser")
    keep, seen_h2 = True, False
    for el in list(soup.children):
        if getattr(el, "name", None) == "h2":
            seen_h2 = True
            keep = _heading(el) in CARD_SECTIONS
        if seen_h2 and not keep and getattr(el, "name", None) is not None:
            el.decompose()
        elif seen_h2 and not keep:
            el.extract()
    card = _copy(entry, 1)
    card.html = str(soup)
    return card


def _copy(entry: Entry, depth: int) -> Entry:
    return Entry(entry.title, depth, entry.url, entry.html, entry.kind, entry.module, entry.number, entry.printed, entry.id)


def _facts(course: Course, module: Module, d: int) -> str:
    slots = day_slots(course, module, d)
    date = kits.module_days(course, module)[d] or "Datum: ____________"
    minutes = kits.content_minutes(course, module, d)
    return (
        f'<p class="kit-facts"><strong>{e(kits.module_label(module))}</strong>, Tag {d + 1} · {e(date)} · '
        f"{clock_of(slots[0].start)} bis {clock_of(slots[-1].end)} Uhr · Lernzeit "
        f"{kits.ue_text(minutes / kits.UE_MINUTES)} UE ({minutes} Minuten)</p>"
    )


def run_sheet(course: Course, module: Module, d: int) -> str:
    """The day's run sheet; bridges first; the column "Leitung" when the team has two or more."""
    lead = course.config.trainers > 1
    headers = ["Zeit", "Einheit und Schritt", "Phase", "Methode", "Sozialform", "Material"] + (["Leitung"] if lead else [])
    parts = [_facts(course, module, d)]
    for bridge in kits.day_bridges(course, module, d):
        slots = bridge_slots(course, module, bridge)
        unit = course.units[bridge.unit]
        when = (f"Vorlauf {clock_of(slots[0].start)} bis {clock_of(slots[-1].end)} Uhr"
                if bridge.placement == "Vorlauf" else "eigener Termin vor dem Kurstag (Minuten ab Beginn)")
        parts.append(f"<h2>Brückenbaustein: {e(unit.title)}</h2><p>Für {e(bridge.audience)}; {e(when)}.</p>")
        parts.append(_table(course, slots, headers, lead, minutes=bridge.placement != "Vorlauf"))
    if parts[1:]:
        parts.append("<h2>Kurstag</h2>")
    parts.append(_table(course, day_slots(course, module, d), headers, lead))
    if lead:
        parts.append('<p class="kit-note">Leitung: A und B sind die beiden Trainerinnen oder Trainer des Teams, '
                     "„beide“ leiten gemeinsam. Leere Felder vor dem Kurstag im Team verteilen.</p>")
    return "".join(parts)


def _table(course: Course, slots, headers: list[str], lead: bool, minutes: bool = False) -> str:
    rows, classes, current = [], [], None
    start = slots[0].start if slots else 0
    for s in slots:
        time = (f"{s.start - start}–{s.end - start} min" if minutes else f"{clock_of(s.start)}–{clock_of(s.end)}")
        if s.step is None:
            rows.append([e(time), f"<strong>{e(s.break_title)}</strong>", "", "", "", ""] + ([""] if lead else []))
            classes.append("buffer-row" if s.is_buffer else "break-row")
            continue
        if s.unit is not current:
            current = s.unit
            number = next((n for n in [_number(course, s.unit.id)] if n), "")
            rows.append(["", f"<strong>{e(number)} {e(s.unit.title)}</strong>", "", "", "", ""] + ([""] if lead else []))
            classes.append("unit-row")
        method = course.methods[s.step.method].title if s.step.method in course.methods else ""
        row = [e(time), e(s.step.content), e(s.step.phase), e(method), e(s.step.social_form or ""), e(s.step.material or "")]
        if lead:
            row.append(e(kits.lead_of(s.unit, s.step)))
        rows.append(row)
        classes.append("")
    return table(headers, rows, "kit-run" + (" kit-run--lead" if lead else ""), classes)


def _number(course: Course, unit_id: str) -> str:
    from ..numbering import unit_number

    return unit_number(course, unit_id) or ""


def _basis(course: Course) -> str:
    cfg = course.config
    team = "eine Trainerin oder ein Trainer" if cfg.trainers == 1 else f"{cfg.trainers} Trainerinnen und Trainer"
    return (f'<p class="kit-note">Gerechnet für {cfg.participants} Teilnehmende, {kits.groups(cfg)} Kleingruppen '
            f"zu {cfg.group_size} Personen und {team}. Für eine andere Gruppengröße die Mengen "
            "entsprechend anpassen.</p>")


def packing_list(course: Course, units) -> str:
    lines = [line for line in kits.packing(course, units) if line.material.type not in ("Raum", "Druck")]
    parts = [_basis(course)]
    for kind in ("Ausstattung", "Verbrauchsmaterial", "Plakat"):
        rows = [["☐", e(line.text), e(line.material.name), e(line.material.note or "")]
                for line in lines if line.material.type == kind]
        if rows:
            heading = {"Plakat": "Plakate (vorbereitet)"}.get(kind, kind)
            parts += [f"<h2>{e(heading)}</h2>", table(["", "Menge", "Material", "Hinweis"], rows, "kit-list")]
    parts.append("<p>Dazu kommen die Kopien und Drucke aus der Kopierliste.</p>")
    return "".join(parts)


def copy_list(course: Course, module: Module, d: int, units) -> str:
    last = d == len(module.days) - 1
    rows = [["☐", e(c.count), e(c.title), e(c.number), e(c.note)]
            for c in kits.copies(course, units, last_day=last, module_id=module.id)]
    return (_basis(course) + table(["", "Anzahl", "Vorlage", "Nr.", "Hinweis"], rows, "kit-list kit-copies")
            + "<p>Die Arbeitsblätter liegen als Kopiervorlagen am Ende dieser Mappe.</p>")


def preparation(course: Course, module: Module, d: int, units) -> str:
    """Preparation in four steps; fixed tasks plus what the day's materials and methods ask."""
    cfg = course.config
    lines = kits.packing(course, units)
    posters = [line.material.name for line in lines if line.material.type == "Plakat"]
    room = [line.material.name for line in lines if line.material.type == "Raum"]
    has_slides = any(u.id in course.slides for u in units) or any(line.material.id == "beamer" for line in lines)
    tasks = {when: [] for when in ("6 Wochen vorher", "2 Wochen vorher", "1 Tag vorher", "am Morgen")}
    for line in lines:
        if line.material.prepare:
            tasks[line.material.when].append(e(line.material.prepare))
    last = d == len(module.days) - 1
    six = [
        "Einladung mit Anmeldung verschicken (Vorlage: Einladung und Anmeldung, einladung.pdf).",
        f"Raum für {cfg.participants} Teilnehmende buchen, mit Platz für Plenum und Kleingruppen"
        + (". Die Methoden des Tages brauchen: " + e(", ".join(room)) if room else "") + ".",
        "Barrierefreien Zugang, Toilette und Anreise mit öffentlichen Verkehrsmitteln prüfen; "
        "mit der Anmeldung nach Unterstützungsbedarf fragen.",
    ] + tasks["6 Wochen vorher"]
    two = [
        "Anmeldungen sichten und Kleingruppen so planen, dass Verwaltung und freie Träger gemischt sind.",
        "Kopien nach der Kopierliste machen.",
    ]
    if posters:
        two.append("Plakate vorbereiten: " + e(", ".join(posters)) + ".")
    if has_slides:
        two.append(f"Technik klären: Beamer, Laptop, Anschlüsse und Strom; Foliensatz {e(module.id)} prüfen.")
    if cfg.trainers > 1:
        two.append("Im Team verteilen, wer welchen Schritt leitet (Spalte „Leitung“ im Ablaufplan).")
    two += tasks["2 Wochen vorher"]
    one = [
        "Material nach der Packliste packen.",
        "Ablaufplan, Methodenkarten und Teilnahmeliste des Tages einpacken.",
    ]
    if last:
        one.append("Auswertungsbögen und Teilnahmebescheinigungen (mit Namen und Unterschrift) einpacken.")
    one += tasks["1 Tag vorher"]
    bridges = kits.day_bridges(course, module, d)
    morning = ["Raum nach „Raum und Aufbau“ herrichten."]
    if posters:
        morning.append("Plakate aufhängen.")
    if has_slides:
        morning.append("Beamer und Folien testen.")
    morning.append("Teilnahmeliste am Eingang auslegen.")
    for b in bridges:
        unit = course.units[b.unit]
        if b.placement == "Vorlauf":
            start = bridge_slots(course, module, b)[0].start
            morning.append(f"Der Brückenbaustein „{e(unit.title)}“ für {e(b.audience)} beginnt um {clock_of(start)} Uhr.")
        else:
            six.append(f"Eigenen Termin für den Brückenbaustein „{e(unit.title)}“ ({e(b.audience)}) vereinbaren.")
    morning += tasks["am Morgen"]
    return "".join(
        f"<h2>{e(title)}</h2>" + checklist(items)
        for title, items in (("Sechs Wochen vorher", six), ("Zwei Wochen vorher", two),
                             ("Einen Tag vorher", one), ("Am Morgen des Kurstags", morning))
    )


def room(course: Course, units, pages: dict[str, Entry]) -> str:
    """Room needs of the day (catalogue) and each method's own "Raum und Material" section."""
    needs = kits.room_needs(course, units)
    parts = []
    if needs:
        parts += ["<h2>Raumbedarf des Tages</h2>",
                  checklist([f"{e(n.material.name)}" + (f" ({e(n.count)})" if n.material.per == "Gruppe" else "") for n in needs])]
    for method_id in dict.fromkeys(m for u in units for m in u.methods):
        section = _room_section(pages.get(method_id))
        if section:
            parts.append(f"<h2>{e(course.methods[method_id].title)}</h2>{section}")
    return "".join(parts) or "<p>Die Methoden des Tages nennen keinen besonderen Aufbau.</p>"


def _room_section(entry: Entry | None) -> str:
    if entry is None or not entry.html:
        return ""
    soup = BeautifulSoup(entry.html, "html.parser")
    heading = next((h for h in soup.find_all("h2") if _heading(h) == "Raum und Material"), None)
    if heading is None:
        return ""
    out = []
    for el in heading.find_next_siblings():
        if el.name in ("h1", "h2"):
            break
        for tag in el.find_all(id=True):
            del tag["id"]
        out.append(str(el))
    return "".join(out)
