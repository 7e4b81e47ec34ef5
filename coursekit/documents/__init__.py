"""The trainer's kit as documents of the print core: one small module per document kind that
says only what goes in and in which order (daykit, booklet, forms). ``collect`` lists every
document of the course; ``render`` renders one through the print core's cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import handbook
from ..loader import Course
from . import booklet, daykit, forms

__all__ = ["Doc", "KIT_CSS", "collect", "job", "render"]

KIT_CSS = Path(__file__).parent.parent / "kit.css"


@dataclass
class Doc:
    """One PDF of the kit: file name, label for the log, entries and options for ``assemble``."""

    name: str
    label: str
    subtitle: str
    entries: list[handbook.Entry]
    options: dict = field(default_factory=dict)
    cut: bool = False
    """Made of handbook pages only: cut from the rendered handbook instead of laid out again
    (``coursekit.excerpt``)."""


def collect(course: Course, entries: list[handbook.Entry]) -> list[Doc]:
    """Every kit document: a day kit per course day, a booklet, a certificate and an attendance
    list per module (in the order of the offered variant), the feedback form and the invitation."""
    pages = {e.id: e for e in entries if e.id}
    docs: list[Doc] = []
    for module in forms.modules_in_order(course):
        for d in range(len(module.days)):
            name, subtitle = daykit.name(module, d), daykit.subtitle(module, d)
            docs.append(Doc(name, f"Tagesmappe {module.id} Tag {d + 1}", subtitle,
                            daykit.entries(course, module, d, pages), daykit.OPTIONS))
    for module in forms.modules_in_order(course):
        docs.append(Doc(f"modul-{module.id.lower()}.pdf", f"Modulheft {module.id}",
                        f"Modulheft {module.id}: {module.title}", booklet.entries(course, module, entries),
                        booklet.OPTIONS, cut=True))
        docs.append(Doc(f"teilnahmebescheinigung-{module.id.lower()}.pdf", f"Teilnahmebescheinigung {module.id}",
                        f"Teilnahmebescheinigung {module.id}", forms.certificate(course, module), forms.OPTIONS))
        docs.append(Doc(f"teilnahmeliste-{module.id.lower()}.pdf", f"Teilnahmeliste {module.id}",
                        f"Teilnahmeliste {module.id}", forms.attendance(course, module), forms.OPTIONS))
    docs.append(Doc("auswertungsbogen.pdf", "Auswertungsbogen", "Auswertungsbogen", forms.feedback(course),
                    forms.OPTIONS))
    invitation = forms.invitation(course, entries)
    if invitation:
        docs.append(Doc("einladung.pdf", "Einladung", "Einladung und Anmeldung", invitation, forms.OPTIONS))
    return docs


def job(doc: Doc, *, title: str, course_block: dict, site: Path, out_dir: Path, cache: Path,
        roots: tuple[Path, ...] = ()) -> handbook.Job:
    """The print job of one document (``out_dir / doc.name``), keyed by everything that goes in."""
    code = "".join(p.read_text(encoding="utf-8") for p in (*sorted(Path(__file__).parent.glob("*.py")), KIT_CSS))
    options = {**doc.options, "stylesheets": (KIT_CSS,)}
    key = handbook.cache_key(doc.entries, site_dir=site, title=title, subtitle=doc.subtitle,
                             course=course_block, kit=code, **doc.options)
    return handbook.Job(
        key,
        lambda: handbook.assemble(doc.entries, title=title, subtitle=doc.subtitle, course=course_block,
                                  site_dir=site, **options),
        out_dir / doc.name, cache, doc.label, roots=(site, *roots),
    )


def render(doc: Doc, **settings) -> handbook.Output:
    """Render one document now (cached); ``settings`` as for ``job``."""
    one = job(doc, **settings)
    return handbook.render_all([one], workers=1)[0]
