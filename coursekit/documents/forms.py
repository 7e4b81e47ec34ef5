"""Forms a funded course needs, generated from the model and ``extra.course``: certificate of
attendance (with UE from the schedule), attendance list, feedback form with the follow-up
questionnaire, and the invitation (from its page, docs/trainer/einladung.md).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .. import kits
from ..handbook import Entry
from ..loader import Course
from ..model import Module
from .html import e, table

__all__ = ["OPTIONS", "attendance", "certificate", "feedback", "invitation", "modules_in_order", "read_people"]

OPTIONS = {"kind": "form", "cover": False, "toc": False, "imprint": False}

SCALE = ["trifft zu", "trifft eher zu", "teils, teils", "trifft eher nicht zu", "trifft nicht zu"]
FOLLOW_UP = re.compile(r"drei Monate|Nachbefragung")


def modules_in_order(course: Course) -> list[Module]:
    """Modules in the order the offered variant runs them, then any others (as on the site)."""
    from ..webviews import module_order

    return module_order(course)


def _form(key: str, title: str, body: str) -> Entry:
    return Entry(title, 0, f"form/{key}/", f'<div class="form">{body}</div>', "form")


def _line(label: str, value: str = "") -> str:
    return f'<div class="form-field"><div class="form-field__value">{e(value)}</div><div class="form-field__label">{e(label)}</div></div>'


def ue_total(course: Course, module: Module) -> float:
    return sum(kits.teaching_units(course, module))


def certificate(course: Course, module: Module, people: list[dict[str, str]] | None = None) -> list[Entry]:
    """One certificate per person (``people``: name and optional organisation), or one blank."""
    cfg = course.config
    days = kits.module_days(course, module)
    per_day = kits.teaching_units(course, module)
    if all(days):
        when = ("am " + days[0]) if len(days) == 1 else ("am " + ", ".join(days[:-1]) + " und " + days[-1])
    else:
        when = ""
    units = [course.units[u] for day in module.days for u in day.units if u in course.units]
    contents = "".join(f"<li>{e(u.title)}</li>" for u in units)
    day_ue = "; ".join(f"Tag {i + 1}: {kits.ue_text(ue)} UE" for i, ue in enumerate(per_day))
    out = []
    for i, person in enumerate(people or [{}]):
        org = person.get("organisation", "")
        body = (
            f'<p class="form-org">{e(cfg.organisation)}</p>'
            + _line("Name, Vorname", person.get("name", ""))
            + (_line("Organisation", org) if people is None or org else "")
            + f'<p class="form-text">hat an der Fortbildung <strong>„{e(cfg.title)}“</strong>, '
            f"Modul <strong>{e(kits.module_label(module))}</strong>, teilgenommen"
            + (f" {e(when)}.</p>" if when else ".</p>" + _line("Termine (Datum der Kurstage)"))
            + f'<p class="form-text">Umfang: <strong>{e(kits.ue_text(ue_total(course, module)))} '
            f"Unterrichtseinheiten (UE)</strong> zu je 45 Minuten ({e(day_ue)}).</p>"
            + f"<h2>Inhalte</h2><ul class=\"form-contents\">{contents}</ul>"
            + '<div class="form-sign">' + _line("Ort, Datum") + _line("Unterschrift der Kursleitung") + "</div>"
            + f'<p class="form-foot">{e(cfg.organisation)} · {e(cfg.title)}, Fassung {e(cfg.version)}</p>'
        )
        out.append(_form(f"cert-{module.id.lower()}-{i + 1}", "Teilnahmebescheinigung", body))
    return out


def read_people(path: Path) -> list[dict[str, str]]:
    """Names from a CSV file the organiser keeps locally: a column ``name`` (or ``Name``) and
    optionally ``organisation``; comma or semicolon separated."""
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    people = []
    for row in rows:
        low = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if low.get("name"):
            people.append({"name": low["name"], "organisation": low.get("organisation", "")})
    return people


def attendance(course: Course, module: Module) -> list[Entry]:
    """Attendance list of the module: a signature column per day, rows for participants plus reserve."""
    cfg = course.config
    days = kits.module_days(course, module)
    per_day = kits.teaching_units(course, module)
    heads = [f"Tag {i + 1}, {days[i] or 'Datum: ________'} ({kits.ue_text(ue)} UE)" for i, ue in enumerate(per_day)]
    rows = [[e(i + 1), "", ""] + [""] * len(heads) for i in range(cfg.participants + cfg.copy_reserve)]
    body = (
        f'<p class="form-org">{e(cfg.organisation)} · {e(cfg.title)}</p>'
        f'<p class="form-text">Modul <strong>{e(kits.module_label(module))}</strong> · '
        f"Umfang {e(kits.ue_text(ue_total(course, module)))} UE zu je 45 Minuten</p>"
        + _line("Ort und Kursleitung")
        + table(["Nr.", "Name, Vorname", "Organisation", *[f"Unterschrift {h}" for h in heads]], rows,
                f"form-list form-list--{len(heads)}")
        + '<p class="form-foot">Die Liste dient nur dem Nachweis der Teilnahme gegenüber dem Träger '
        "und der Förderung; sie wird nicht weitergegeben.</p>"
    )
    return [_form(f"list-{module.id.lower()}", "Teilnahmeliste", body)]


def _scale(statements: list[tuple[str, str]]) -> str:
    """A rating table: group heading rows and statements with one box per scale step."""
    rows, classes = [], []
    for group, text in statements:
        if not text:
            rows.append([f"<strong>{e(group)}</strong>"] + [""] * len(SCALE))
            classes.append("scale-group")
        else:
            rows.append([e(text)] + ["☐"] * len(SCALE))
            classes.append("")
    return table(["", *SCALE], rows, "form-scale", classes)


def _free(questions: list[str]) -> str:
    return "".join(f'<div class="form-free"><p>{e(q)}</p></div>' for q in questions)


def feedback(course: Course) -> list[Entry]:
    """Feedback form per module (goals, methods, transfer, organisation; scale and free text),
    then the follow-up questionnaire three months later when the units promise one."""
    cfg = course.config
    modules = modules_in_order(course)
    out = []
    for m in modules:
        methods = dict.fromkeys(x for u in course.units_of(m.id) for x in u.methods if x in course.methods)
        statements = [("Ziele des Moduls", "")] + [("", f"Ziel erreicht: {g}") for g in m.goals]
        statements += [("Methoden", "")] + [("", f"{course.methods[x].title} hat mir beim Lernen geholfen.") for x in methods]
        statements += [
            ("Transfer", ""),
            ("", "Ich kann Inhalte des Moduls in meinem Netzwerk anwenden."),
            ("", "Ich weiß, was ich als Nächstes ausprobiere."),
            ("Organisation", ""),
            ("", "Einladung und Informationen vorab waren ausreichend."),
            ("", "Raum und Ausstattung haben gepasst."),
            ("", "Zeitplan und Pausen haben gepasst."),
        ]
        visited = "".join(f"<span class=\"form-box\">☐ {e(x.id)}</span>" for x in modules)
        body = (
            f'<p class="form-org">{e(cfg.organisation)} · {e(cfg.title)}</p>'
            f'<p class="form-text">Modul <strong>{e(kits.module_label(m))}</strong>. Ihre Rückmeldung bleibt '
            "anonym. Kreuzen Sie je Zeile an, wie sehr die Aussage für Sie zutrifft.</p>"
            f'<p class="form-text">Welche Module haben Sie besucht? {visited}</p>'
            + _scale(statements)
            + _free(["Was war hilfreich?", "Was hat gefehlt?", "Was werde ich ausprobieren?"])
        )
        out.append(_form(f"feedback-{m.id.lower()}", f"Auswertungsbogen {m.id}", body))
    promised = [u for u in course.units.values() if FOLLOW_UP.search(course.doc_of(u.id).body)]
    if promised:
        body = (
            f'<p class="form-org">{e(cfg.organisation)} · {e(cfg.title)}</p>'
            '<p class="form-text">Drei Monate nach dem letzten Modul: Was ist aus Ihren Transferaufgaben '
            "und Plänen geworden? Ihre Rückmeldung bleibt anonym.</p>"
            + _scale([
                ("Transfer", ""),
                ("", "Ich habe mindestens ein Vorhaben aus meinem Transferplan umgesetzt."),
                ("", "Ich nutze Methoden aus dem Kurs in meinem Netzwerk."),
                ("", "Der Austausch mit anderen aus dem Kurs geht weiter."),
            ])
            + _free(["Was haben Sie umgesetzt?", "Was hat geholfen, was hat gehindert?",
                     "Welche Unterstützung bräuchten Sie jetzt?"])
        )
        out.append(_form("follow-up", "Nachbefragung nach drei Monaten", body))
    return out


def invitation(course: Course, handbook: list[Entry]) -> list[Entry]:
    """The invitation and registration template, from its page in the site."""
    page = next((x for x in handbook if x.url and x.url.rstrip("/").removesuffix(".html").endswith("trainer/einladung")), None)
    if page is None:
        return []
    return [Entry(page.title, 0, page.url, page.html, "form", printed=page.printed)]
