"""Views of a self-check (the Netzwerk-Check): the browser form and the paper worksheet.

Both are rendered from the same ``Selfcheck`` data. The form is plain HTML that works without
JavaScript (radio groups you can tick); ``netzwerk-check.js`` adds scoring, saving, loading,
comparison and spread. Every text from the content is escaped with ``html.escape``.
"""

from __future__ import annotations

import html
import json
import posixpath

from .loader import Course
from .model import Dimension, Selfcheck, Statement

__all__ = ["netzwerk_check", "netzwerk_check_sheet", "numbered"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _href(course: Course, here: str, item_id: str) -> str:
    return posixpath.relpath(course.doc_of(item_id).path, posixpath.dirname(here) or ".")


def numbered(check: Selfcheck) -> list[tuple[str, Dimension, list[tuple[str, Statement]]]]:
    """Dimensions in order with their statements, numbered "1", "1.1", "1.2", …"""
    out = []
    for d, dim in enumerate(check.dimensions, 1):
        items = [s for s in check.statements if s.dimension == dim.id]
        out.append((str(d), dim, [(f"{d}.{n}", s) for n, s in enumerate(items, 1)]))
    return out


def _data(check: Selfcheck) -> str:
    """What the script needs, as JSON in a data attribute (escaped for the attribute)."""
    data = {
        "id": check.id,
        "title": check.title,
        "scale": [{"label": p.label, "points": p.points} for p in check.scale],
        "unknown": check.unknown,
        "dimensions": [{"id": d.id, "title": d.title} for d in check.dimensions],
        "statements": [
            {"id": s.id, "dimension": s.dimension, "text": s.text, "nr": nr}
            for _, _, items in numbered(check) for nr, s in items
        ],
    }
    return _e(json.dumps(data, ensure_ascii=False))


def _statement(check: Selfcheck, nr: str, s: Statement) -> str:
    name = f"nc-{s.id}"
    options = [(str(p.points), p.label, "") for p in check.scale]
    options.append(("unknown", check.unknown, " netcheck__option--unknown"))
    labels = "".join(
        f'<label class="netcheck__option{extra}"><input type="radio" name="{_e(name)}" '
        f'value="{_e(value)}"> <span>{_e(label)}</span></label>'
        for value, label, extra in options
    )
    return (
        f'<fieldset class="netcheck__item" data-statement="{_e(s.id)}">'
        f'<legend><span class="netcheck__nr">{_e(nr)}</span> {_e(s.text)}</legend>'
        f'<div class="netcheck__scale">{labels}</div></fieldset>'
    )


def netzwerk_check(course: Course, here: str, check_id: str) -> str:
    """The self-check as a form: one fieldset per statement, grouped by dimension; result
    region and buttons for the script; below, the discussion questions and units as Markdown
    (links checked by MkDocs), which the script also shows beside each result."""
    check = course.selfchecks[check_id]
    parts = [
        f'<form class="netcheck" id="netcheck" data-netcheck="{_data(check)}" '
        f'aria-label="{_e(check.title)}" novalidate>',
        f'<p class="netcheck__scale-note">{_e(_scale_note(check))}</p>',
        '<p class="netcheck__name"><label for="nc-network">Name des Netzwerks (freiwillig, steht '
        'nur in Ihrer Datei)</label> <input type="text" id="nc-network" name="network" '
        'autocomplete="off"></p>',
    ]
    for d, dim, items in numbered(check):
        parts.append(
            f'<section class="netcheck__dimension" aria-labelledby="nc-dim-{_e(dim.id)}">'
            f'<h2 id="nc-dim-{_e(dim.id)}">{_e(d)}. {_e(dim.title)}</h2>'
            f'<p class="netcheck__summary">{_e(dim.summary)}</p>'
        )
        parts += [_statement(check, nr, s) for nr, s in items]
        parts.append("</section>")
    parts += [
        '<div class="netcheck__actions" hidden>'
        '<button type="button" class="md-button md-button--primary" data-action="evaluate">'
        "Auswerten</button>"
        '<button type="button" class="md-button" data-action="save">Ergebnis speichern</button>'
        '<button type="button" class="md-button" data-action="load">Ergebnis laden</button>'
        '<input type="file" id="nc-file" accept=".json,application/json" multiple hidden>'
        "</div>",
        '<p class="netcheck__status" role="status"></p>',
        "</form>",
        '<div class="netcheck-result" id="netcheck-result" aria-live="polite"></div>',
        "",
        '<div class="netcheck-talk" markdown>',
        "",
        "## Gesprächsfragen zu den Dimensionen",
        "",
    ]
    for d, dim, _ in numbered(check):
        unit = course.units.get(dim.unit)
        parts += [
            f'<div class="netcheck-talk__dimension" data-dimension="{_e(dim.id)}" markdown>',
            "",
            f"### {d}. {_md(dim.title)}",
            "",
            *[f"- {_md(q)}" for q in dim.questions],
            "",
        ]
        if unit is not None:
            parts.append(
                f"Daran arbeitet im Kurs die Einheit [{_md(unit.title)}]({_href(course, here, unit.id)})."
            )
        parts += ["", "</div>", ""]
    parts += ["</div>", ""]
    return "\n".join(parts)


def _scale_note(check: Selfcheck) -> str:
    points = ", ".join(f"„{p.label}“ {p.points}" for p in check.scale)
    return f"Punkte je Antwort: {points}; „{check.unknown}“ zählt nicht."


def _md(text: str) -> str:
    """Content text for a Markdown line: HTML escaped, Markdown emphasis and links inert."""
    out = _e(text)
    for ch in "\\`*_[]":
        out = out.replace(ch, "\\" + ch)
    return out


def netzwerk_check_sheet(course: Course, here: str, check_id: str) -> str:
    """The same self-check on paper: per dimension a table with a tick box per scale point,
    then a table to add up the points, and how to score."""
    check = course.selfchecks[check_id]
    labels = [p.label for p in check.scale] + [check.unknown]
    top = max(p.points for p in check.scale)
    lines = [
        '<div class="netcheck-sheet" markdown>',
        "",
        f"Kreuzen Sie bei jeder Aussage genau ein Feld an. {_md(_scale_note(check))}",
        "",
    ]
    for d, dim, items in numbered(check):
        lines += [
            f"### {d}. {_md(dim.title)}",
            "",
            "| Nr. | Aussage | " + " | ".join(_md(label) for label in labels) + " |",
            "|---|---|" + "---|" * len(labels),
        ]
        for nr, s in items:
            lines.append(f"| {nr} | {_cell(s.text)} | " + " | ".join("☐" for _ in labels) + " |")
        lines.append("")
    lines += [
        "### Auswertung",
        "",
        "Zählen Sie je Dimension die Punkte der angekreuzten Aussagen zusammen. Die mögliche "
        f"Punktzahl sind {top} Punkte je Aussage, die Sie nicht mit „{_md(check.unknown)}“ "
        "beantwortet haben. Teilen Sie die Punkte durch die mögliche Punktzahl, das ergibt den "
        "Anteil in Prozent.",
        "",
        "| Dimension | Punkte | mögliche Punkte | Prozent | Gesprächsfrage, die wir zuerst besprechen |",
        "|---|---|---|---|---|",
        *[f"| {d}. {_cell(dim.title)} |   |   |   |   |" for d, dim, _ in numbered(check)],
        "",
        "Im Tandem oder im Netzwerk: Legen Sie die Blätter nebeneinander. Markieren Sie jede "
        "Aussage, bei der die Antworten zwei oder mehr Stufen auseinanderliegen. Mit diesen "
        "Aussagen beginnt das Gespräch.",
        "",
        "</div>",
        "",
    ]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ").strip()
