"""The municipality's configuration block: colours, logo, legal pages."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterable

from ..loader import Course
from ..paths import inside
from ..problems import Problem
from .registry import WARNING, problem, rule

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
    if logo and inside(Path(course.docs_dir), logo) and not (Path(course.docs_dir) / logo).is_file():
        yield problem("CFG003", course.config_file, _config_line(course, "logo"), path=logo)


@rule("CFG004", "config-path-outside-docs")
def config_path_outside_docs(course: Course) -> Iterable[Problem]:
    """Was: Ein Pfad in `extra.course` (etwa `logo:`) zeigt aus dem Ordner docs/ hinaus: ein
    absoluter Pfad, `..` über docs/ hinaus, eine Adresse (`file:`, `https:`) oder eine
    Verknüpfung nach außen.

    Warum: Der Bau läse, bettete oder kopierte sonst Dateien von außerhalb des Kurses, etwa
    Systemdateien des Rechners, der die Website baut; Bilder von fremden Servern verstießen
    gegen den Datenschutz.

    Beispiel: `logo: ../../../../etc/passwd` oder `logo: https://example.org/logo.svg`.

    Stattdessen: Die Datei nach docs/ legen und relativ dazu angeben:
    `logo: assets/images/logo.svg`.
    """
    logo = course.config.logo
    if logo and not inside(Path(course.docs_dir), logo):
        yield problem("CFG004", course.config_file, _config_line(course, "logo"), field="logo", path=logo)


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


