"""Views for readers of the website: the documents to download, the trainer's path through the
course days, key facts for the home page, a worksheet's place in the workbook, and the links
every page carries to its source (edit, report a problem).

The documents are listed in one place (``documents``): a new kind of PDF needs one entry here,
and the home page, the trainers' page and the module lists show it.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markdown.extensions.toc import slugify

from . import escape
from .loader import Course
from .model import Module, clock_of
from .numbering import worksheet_number
from .schedule import day_slots

__all__ = [
    "Document", "course_days", "course_facts", "documents", "downloads", "module_order", "page_intro", "page_links",
    "practice_form", "run_sheet_anchor", "worksheet_place",
]


@dataclass(frozen=True)
class Document:
    file: str
    """Path below the site root, e.g. ``pdf/handbuch.pdf``."""
    label: str
    module: str | None = None
    primary: bool = False
    kind: str = "book"
    """``book`` (handbook, workbook), ``slides``, ``day`` (day kit), ``module`` (booklet and
    forms of a module) or ``form`` (forms for the whole course)."""
    day: int | None = None
    """For a day kit: the index of its course day in the module."""


def documents(course: Course) -> list[Document]:
    """Every document the build writes for download: handbook, workbook; per module the slide
    deck (PDF and PowerPoint) when the module has slides, a day kit per course day, the module
    booklet, certificate and attendance list; the feedback form and the invitation."""
    out = [
        Document("pdf/handbuch.pdf", "Handbuch für Trainerinnen und Trainer (PDF)", primary=True),
        Document("pdf/arbeitsheft.pdf", "Arbeitsheft für Teilnehmende (PDF)"),
    ]
    for module in module_order(course):
        name = module.id.lower()
        if _has_deck(course, module.id):
            out += [
                Document(f"pdf/folien-{name}.pdf", f"Folien {module.id} (PDF)", module.id, kind="slides"),
                Document(f"pdf/folien-{name}.pptx", f"Folien {module.id} (PowerPoint)", module.id, kind="slides"),
            ]
        out += [
            Document(f"pdf/tag-{name}-{d + 1}.pdf", f"Tagesmappe {module.id} Tag {d + 1} (PDF)", module.id, kind="day", day=d)
            for d in range(len(module.days))
        ]
        out += [
            Document(f"pdf/modul-{name}.pdf", f"Modulheft {module.id} (PDF)", module.id, kind="module"),
            Document(f"pdf/teilnahmebescheinigung-{name}.pdf", f"Teilnahmebescheinigung {module.id} (PDF)", module.id, kind="module"),
            Document(f"pdf/teilnahmeliste-{name}.pdf", f"Teilnahmeliste {module.id} (PDF)", module.id, kind="module"),
        ]
    out += [
        Document("pdf/auswertungsbogen.pdf", "Auswertungsbogen und Nachbefragung (PDF)", kind="form"),
        Document("pdf/einladung.pdf", "Einladung und Anmeldung (PDF)", kind="form"),
    ]
    return out


def _has_deck(course: Course, module_id: str) -> bool:
    from .slides import deck  # cheap: reads the slide files, renders nothing

    return len(deck(course, module_id)) >= 2


def module_order(course: Course) -> list[Module]:
    """Modules in the order the configured variant runs them, then any others."""
    cfg = course.config
    order = list(cfg.variants.get(cfg.variant or "", [])) if cfg.variants else []
    order += [m for m in course.modules if m not in order]
    return [course.modules[m] for m in order if m in course.modules]


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _label(value: object) -> str:
    """Text for a Markdown link label: escaped, brackets protected."""
    return escape.text(value).replace("[", "\\[").replace("]", "\\]")


def _prefix(url: str) -> str:
    return "../" * url.count("/")


def _button(href: str, label: str, primary: bool = False) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return f'<a class="{kind}" href="{_attr(href)}" download>{escape.text(label)} herunterladen</a>'


def downloads(course: Course, here: str, url: str = "") -> str:
    """Buttons for the course-wide documents (handbook, workbook), relative to the page's URL.
    Plain HTML links: MkDocs does not validate them, so a site built without PDFs still builds."""
    prefix = _prefix(url)
    buttons = [_button(prefix + d.file, d.label, d.primary) for d in documents(course) if d.kind == "book"]
    return '<div class="downloads">\n' + "\n".join(buttons) + "\n</div>\n"


def run_sheet_anchor(course: Course, module: Module, day_index: int) -> str:
    """The anchor of a day's run sheet heading (``### Tag 1 …``) on the module page."""
    day = module.days[day_index]
    return slugify(day.title or f"Tag {day_index + 1}", "-")


def _rel(here: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _pdf_link(prefix: str, doc: Document) -> str:
    """A plain HTML link to a PDF of the build (MkDocs does not validate it, so a site built
    without PDFs still builds)."""
    return f'<a href="{_attr(prefix + doc.file)}">{escape.text(doc.label)}</a>'


def course_days(course: Course, here: str, url: str = "") -> str:
    """Every course day in course order with a link to its run sheet and day kit, its times and
    units; per module the booklet and forms; at the end the forms for the whole course (the
    slide decks have their own list, ``slide_deck_index``)."""
    lines = ['<div class="course-days" markdown>', ""]
    n = 0
    prefix = _prefix(url)
    docs = documents(course)
    kits = {(d.module, d.day): d for d in docs if d.kind == "day"}
    for module in module_order(course):
        page = course.doc_of(module.id).path
        lines += [f"**[{_label(module.title)}]({_rel(here, page)})**", ""]
        for d, day in enumerate(module.days):
            slots = day_slots(course, module, d)
            if not slots:
                continue
            n += 1
            title = day.title or f"Tag {d + 1}"
            units = len([u for u in day.units if u in course.units])
            kit = kits.get((module.id, d))
            lines.append(
                f"- Kurstag {n}: [{_label(title)}]({_rel(here, page)}#{run_sheet_anchor(course, module, d)})"
                f" · {clock_of(slots[0].start)}–{clock_of(slots[-1].end)} Uhr · {units} Einheiten"
                + (f" · {_pdf_link(prefix, kit)}" if kit else "")
            )
        forms = [d for d in docs if d.kind == "module" and d.module == module.id]
        if forms:
            lines += ["", f"{escape.text(module.id)}: " + " · ".join(_pdf_link(prefix, d) for d in forms)]
        lines.append("")
    course_forms = [d for d in docs if d.kind == "form"]
    if course_forms:
        lines += ["Für alle Module: " + " · ".join(_pdf_link(prefix, d) for d in course_forms), ""]
    return "\n".join([*lines, "</div>", ""])


def course_facts(course: Course, here: str) -> str:
    """Key facts for the home page: modules, course days, learning time, licence."""
    modules = module_order(course)
    days = sum(1 for m in modules for d in range(len(m.days)) if day_slots(course, m, d))
    minutes = sum(
        s.minutes for m in modules for d in range(len(m.days)) for s in day_slots(course, m, d) if not s.is_break
    )
    ue = round(minutes / 45)
    facts = [
        f"{len(modules)} Module", f"{days} Kurstage", f"{ue} Unterrichtseinheiten",
        f"offen lizenziert ({escape.text(course.config.licence)})",
    ]
    items = "".join(f"<li>{f}</li>" for f in facts)
    return f'<ul class="course-facts screen-only" aria-label="Der Kurs in Zahlen">{items}</ul>\n'


def worksheet_place(course: Course, sheet_id: str) -> str:
    """Where a worksheet is in the workbook: its number (the workbook is ordered by module and
    number). HTML for the top of the worksheet page; empty for an unnumbered sheet."""
    number = worksheet_number(course, sheet_id)
    if not number:
        return ""
    sheet = course.worksheets[sheet_id]
    return (
        f'<p class="worksheet-place" data-search-exclude>Im Arbeitsheft unter <strong>{escape.text(number)}</strong> '
        f"(das Heft ist nach Modul und Nummer geordnet, dieses Blatt steht bei Modul {escape.text(sheet.module)})</p>\n"
    )


def page_intro(course: Course, doc) -> str:
    """HTML the website shows at the top of a page and print leaves out: a worksheet's place in
    the workbook."""
    if doc is not None and doc.meta.get("kind") == "worksheet" and doc.meta.get("id") in course.worksheets:
        return worksheet_place(course, doc.meta["id"])
    return ""


_EDIT = {
    "gitlab": "{repo}/-/edit/{branch}/docs/{path}",
    "github": "{repo}/edit/{branch}/docs/{path}",
    "gitea": "{repo}/_edit/{branch}/docs/{path}",
}
_ARCHIVE = {
    "gitlab": "{repo}/-/archive/{branch}/{name}-{branch}.zip",
    "github": "{repo}/archive/refs/heads/{branch}.zip",
    "gitea": "{repo}/archive/{branch}.zip",
}
_ISSUE = {
    "gitlab": ("{repo}/-/issues/new", "issue[title]", "issue[description]"),
    "github": ("{repo}/issues/new", "title", "body"),
    "gitea": ("{repo}/issues/new", "title", "body"),
}


def page_links(course: Course, src: str, title: str, page_url: str) -> dict[str, str]:
    """Links for the foot of a page: ``source`` (the repository), ``edit`` (this page in the
    forge's editor), ``archive`` (the whole course as a ZIP file) and ``report`` (a new issue
    naming the page, or without a repository an e-mail to the contact address). Empty when
    neither is configured."""
    cfg = course.config
    subject = f"Hinweis zur Seite „{title}“"
    body = f"Seite: {(cfg.base_url or '').rstrip('/') + '/' if cfg.base_url else ''}{page_url}\nDatei: docs/{src}\n\n"
    if cfg.repository:
        repo = cfg.repository.rstrip("/")
        issue, title_key, body_key = _ISSUE[cfg.forge]
        return {
            "source": repo,
            "edit": _EDIT[cfg.forge].format(repo=repo, branch=quote(cfg.branch), path=quote(src)),
            "archive": _ARCHIVE[cfg.forge].format(
                repo=repo, branch=quote(cfg.branch), name=quote(repo.rsplit("/", 1)[-1])
            ),
            "report": issue.format(repo=repo) + "?" + urlencode({title_key: subject, body_key: body}),
        }
    if cfg.contact and "@" in cfg.contact:
        return {"report": f"mailto:{cfg.contact}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)}
    return {}


PRACTICE_SECTIONS = (
    ("ausgangslage", "Ausgangslage", "Welches Problem gab es, wer war beteiligt, was lief vorher?"),
    ("getan", "Was wir getan haben", "Die Schritte in der Reihenfolge, in der sie geschahen."),
    ("gelungen", "Was funktioniert hat", "Was gelungen ist und woran Sie das erkannt haben."),
    ("misslungen", "Was nicht funktioniert hat", "Offen und ohne Schuldzuweisung; darf nicht leer bleiben."),
    ("uebertragbar", "Was andere übernehmen können", "Drei bis fünf Hinweise, die auch anderswo gelten."),
    ("kontakt", "Kontakt", "Die Ansprechstelle als Funktion und ein Funktionspostfach."),
)


def practice_form(course: Course, here: str) -> str:
    """An offline form that turns a practice example typed in plain fields into a Markdown file
    with valid front matter (``kind: practice``, model.Practice) to download or copy.
    The choices come from the model; the script is overrides/assets/javascripts/practice-form.js."""
    from typing import get_args

    from .model import Field_

    def text(name, label, hint="", required=True, kind="input"):
        req = " required" if required else ""
        hint_id = f"pf-{name}-hint"
        hint_html = f'<span class="practice-form__hint" id="{hint_id}">{escape.text(hint)}</span>' if hint else ""
        described = f' aria-describedby="{hint_id}"' if hint else ""
        control = (
            f'<textarea id="pf-{name}" name="{name}" rows="4"{req}{described}></textarea>' if kind == "textarea"
            else f'<input id="pf-{name}" name="{name}" type="{kind}"{req}{described}>'
        )
        return f'<div class="practice-form__field"><label for="pf-{name}">{escape.text(label)}</label>{hint_html}{control}</div>'

    fields = "".join(f'<option value="{_attr(v)}">{escape.text(v)}</option>' for v in get_args(Field_))
    modules = "".join(
        f'<label class="practice-form__check"><input type="checkbox" name="modules" value="{_attr(m.id)}"> '
        f"{escape.text(m.title)}</label>"
        for m in module_order(course)
    )
    parts = [
        '<form class="practice-form" id="practice-form" novalidate>',
        '<fieldset><legend>Angaben zum Beispiel</legend>',
        text("title", "Titel", "Kurz, nennt das Vorhaben, z. B. Familienzentren als Knoten im Netzwerk"),
        text("municipality", "Kommune oder Region", "Erfundene Orte mit dem Zusatz (erfunden)"),
        '<div class="practice-form__field"><label for="pf-field">Handlungsfeld</label>'
        f'<select id="pf-field" name="field" required>{fields}</select></div>',
        text("network_type", "Art des Netzwerks", "In eigenen Worten, z. B. Handlungsnetzwerk"),
        text("summary", "Worum es geht", "Ein bis drei Sätze", kind="textarea"),
        text("contact_role", "Ansprechstelle als Funktion", "Nie eine Person, z. B. Netzwerkkoordination im Jugendamt"),
        text("year", "Jahr", "Vierstellig, z. B. 2025", kind="number"),
        f'<fieldset class="practice-form__modules"><legend>Passende Module</legend>{modules}</fieldset>',
        "</fieldset>",
        '<fieldset><legend>Der Text in sechs Abschnitten</legend>',
        *(text(key, label, hint, kind="textarea") for key, label, hint in PRACTICE_SECTIONS),
        "</fieldset>",
        '<div class="practice-form__actions">'
        '<button type="submit" class="md-button md-button--primary">Datei erzeugen</button></div>',
        '<p class="practice-form__status" role="status" aria-live="polite"></p>',
        "</form>",
        '<div class="practice-form__result" id="practice-form-result" hidden>',
        '<label for="pf-output">Ihre Datei</label>',
        '<textarea id="pf-output" rows="16" readonly></textarea>',
        '<div class="practice-form__actions">',
        '<a class="md-button md-button--primary" id="pf-download" href="#" download>Datei herunterladen</a>',
        '<button type="button" class="md-button" id="pf-copy">In die Zwischenablage kopieren</button>',
        "</div></div>",
        '<noscript><p>Das Formular braucht JavaScript. Ohne JavaScript nutzen Sie die Vorlage unten.</p></noscript>',
    ]
    sections = [{"key": k, "title": t} for k, t, _ in PRACTICE_SECTIONS]
    import json

    return (
        f'<div class="practice-form-wrap" data-sections="{_attr(json.dumps(sections, ensure_ascii=False))}">\n'
        + "\n".join(parts) + "\n</div>\n"
    )
