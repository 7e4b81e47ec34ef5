"""Write the course's SVG figures to docs/assets/images/figures/ (and docs/assets/images/kursaufbau.svg).

Run after changing a figure's data: `.venv/bin/python scripts/figures.py`. Every figure is
600 units wide and uses text of at least 19 units, so labels stay 12 px or larger when a phone
shows the figure 390 px wide. Meaning never rests on colour alone: areas carry hatching, dots or
a label, and attitudes carry a sign. No external references: fonts are the generic
"sans-serif"; patterns live in the file itself. The day run is drawn from the schedule data of
the course (module K1, day 1).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

W = 600
FONT = 20
SMALL = 19  # the smallest label: 19 x 390 / 600 = 12.35 px on a phone
INK, PRIMARY, LIGHT = "#1f1f1f", "#2b3a8c", "#e8eaf6"

PATTERNS = """<defs>
  <pattern id="hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="10" height="10" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="10" stroke="#5c6bc0" stroke-width="3"/>
  </pattern>
  <pattern id="dots" width="12" height="12" patternUnits="userSpaceOnUse">
    <rect width="12" height="12" fill="#ffffff"/><circle cx="6" cy="6" r="2.2" fill="#5c6bc0"/>
  </pattern>
</defs>"""


def svg(name: str, height: int, title: str, desc: str, body: str, out: Path | None = None) -> None:
    text = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" width="{W}" height="{height}" '
        f'role="img" aria-labelledby="t d" font-family="sans-serif" font-size="{FONT}">\n'
        f'  <title id="t">{escape(title)}</title>\n  <desc id="d">{escape(desc)}</desc>\n'
        f"{PATTERNS}\n"
        f'  <rect width="{W}" height="{height}" fill="#ffffff"/>\n{body}</svg>\n'
    )
    path = out or ROOT / "docs" / "assets" / "images" / "figures" / f"{name}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(ROOT))


def t(x, y, s, *, size=FONT, anchor="start", weight="normal", fill=INK):
    return (f'  <text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{escape(s)}</text>\n')


def box(x, y, w, h, fill="#ffffff", stroke=INK, width=2, rx=6):
    return f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>\n'


def arrow(x1, y1, x2, y2, *, dashed=False, width=3):
    """A line with a drawn head (no SVG markers: they do not survive every renderer)."""
    import math

    dash = ' stroke-dasharray="8 6"' if dashed else ""
    a = math.atan2(y2 - y1, x2 - x1)
    hx1, hy1 = x2 - 14 * math.cos(a - 0.45), y2 - 14 * math.sin(a - 0.45)
    hx2, hy2 = x2 - 14 * math.cos(a + 0.45), y2 - 14 * math.sin(a + 0.45)
    return (f'  <line x1="{x1}" y1="{y1}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{INK}" stroke-width="{width}"{dash}/>\n'
            f'  <polygon points="{x2:.1f},{y2:.1f} {hx1:.1f},{hy1:.1f} {hx2:.1f},{hy2:.1f}" fill="{INK}"/>\n')


def wirkungstreppe():
    steps = [
        "Aktivitäten finden statt", "Zielgruppen werden erreicht", "Zielgruppen nehmen Angebot an",
        "Wissen und Können wachsen", "Zielgruppen handeln anders", "Lebenslage verbessert sich",
        "Gesellschaft verändert sich",
    ]
    row, top = 54, 20
    body = ""
    for i, label in enumerate(reversed(steps)):
        n = 7 - i
        y = top + i * row
        x = 10 + (n - 1) * 22
        fill = "url(#hatch)" if n <= 3 else "url(#dots)" if n <= 6 else PRIMARY
        body += box(x, y, 440 - x, row - 8, fill=fill)
        colour = "#ffffff" if n == 7 else INK
        body += f'  <rect x="{x + 8}" y="{y + 7}" width="{min(len(label) * 12 + 44, 424 - x):.0f}" height="32" rx="4" fill="{"#2b3a8c" if n == 7 else "#ffffff"}"/>\n'
        body += t(x + 16, y + 31, f"{n}  {label}", weight="bold" if n == 7 else "normal", fill=colour)
    for label, first, last in (("Impact", 7, 7), ("Outcome", 4, 6), ("Output", 1, 3)):
        y1, y2 = top + (7 - last) * row, top + (7 - first) * row + row - 8
        body += f'  <path d="M450 {y1} h10 V{y2} h-10" fill="none" stroke="{INK}" stroke-width="3"/>\n'
        body += t(468, (y1 + y2) / 2 + 7, label, weight="bold")
    body += t(10, top + 7 * row + 22, "Wirkung im engeren Sinn ab Stufe 4", size=SMALL)
    svg("wirkungstreppe", top + 7 * row + 36, "Wirkungstreppe",
        "Sieben Stufen von unten nach oben: 1 Aktivitäten finden statt, 2 Zielgruppen werden erreicht, "
        "3 Zielgruppen nehmen das Angebot an (Stufen 1 bis 3, schraffiert: Output); 4 Wissen und Können "
        "wachsen, 5 Zielgruppen handeln anders, 6 Lebenslage verbessert sich (Stufen 4 bis 6, gepunktet: "
        "Outcome); 7 Gesellschaft verändert sich (dunkel: Impact). Wirkung im engeren Sinn beginnt ab Stufe 4.",
        body)


def iooi():
    items = [("Input", "Geld, Zeit, Personal, Wissen"), ("Output", "Angebote, Treffen, Produkte"),
             ("Outcome", "Veränderung bei Zielgruppen"), ("Impact", "Veränderung im Gemeinwesen")]
    body, y = "", 20
    for i, (name, text) in enumerate(items):
        body += box(110, y, 380, 70, fill=PRIMARY if i == 3 else LIGHT if i == 0 else "#ffffff")
        fill = "#ffffff" if i == 3 else INK
        body += t(300, y + 30, name, anchor="middle", weight="bold", fill=fill)
        body += t(300, y + 57, text, anchor="middle", size=SMALL, fill=fill)
        if i < 3:
            body += arrow(300, y + 72, 300, y + 100)
        y += 104
    body += arrow(60, y - 40, 60, 40)
    body += f'  <text x="40" y="{(y) / 2}" font-size="{SMALL}" transform="rotate(-90 40 {y / 2})" text-anchor="middle">rückwärts planen</text>\n'
    body += arrow(540, 40, 540, y - 40)
    body += f'  <text x="572" y="{(y) / 2}" font-size="{SMALL}" transform="rotate(90 572 {y / 2})" text-anchor="middle">vorwärts prüfen</text>\n'
    svg("iooi", y + 4, "Wirkungskette Input, Output, Outcome, Impact",
        "Vier Kästen untereinander, mit Pfeilen verbunden: Input (Geld, Zeit, Personal, Wissen), Output "
        "(Angebote, Treffen, Produkte), Outcome (Veränderung bei Zielgruppen), Impact (Veränderung im "
        "Gemeinwesen). Links ein Pfeil nach oben: rückwärts planen, vom Impact zum Input. Rechts ein Pfeil "
        "nach unten: vorwärts prüfen, vom Input zum Impact.", body)


def netzwerkkarte():
    cx, cy = 300, 300
    body = ""
    for r, label in ((250, "fern"), (170, "mittel"), (90, "nah")):
        body += f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#9e9e9e" stroke-width="2" stroke-dasharray="4 4"/>\n'
        body += t(cx + 6, cy - r + 22, label, size=SMALL, fill="#555555")
    body += f'  <line x1="{cx}" y1="40" x2="{cx}" y2="560" stroke="#9e9e9e" stroke-width="2"/>\n'
    body += f'  <line x1="40" y1="{cy}" x2="560" y2="{cy}" stroke="#9e9e9e" stroke-width="2"/>\n'
    for x, y, s, a in ((20, 30, "Verwaltung", "start"), (580, 30, "Träger", "end"),
                       (20, 586, "Gesundheit", "start"), (580, 586, "Bildung", "end")):
        body += t(x, y, s, weight="bold", anchor=a)
    nodes = {"K": (cx, cy, "Koordination"), "J": (215, 240, "Jugendamt"), "B": (400, 235, "Beratung"),
             "H": (200, 400, "Hebammen"), "C": (130, 470, "Klinik"), "S": (420, 380, "Kita"),
             "A": (120, 150, "Jobcenter")}
    ties = [("K", "J", False), ("K", "B", False), ("K", "H", False), ("J", "B", False), ("H", "C", True),
            ("B", "S", True), ("K", "S", False), ("J", "A", True)]
    for a, b, weak in ties:
        (x1, y1, _), (x2, y2, _) = nodes[a], nodes[b]
        dash = ' stroke-dasharray="9 7"' if weak else ""
        body += f'  <line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{INK}" stroke-width="{2 if weak else 4}"{dash}/>\n'
    for key, (x, y, label) in nodes.items():
        r = 16 if key == "K" else 11
        body += f'  <circle cx="{x}" cy="{y}" r="{r}" fill="{PRIMARY if key == "K" else "#ffffff"}" stroke="{INK}" stroke-width="3"/>\n'
        w = len(label) * 11.5 + 10
        body += f'  <rect x="{x - w / 2:.0f}" y="{y + r + 4}" width="{w:.0f}" height="26" fill="#ffffff" opacity="0.9"/>\n'
        body += t(x, y + r + 24, label, anchor="middle", size=SMALL, weight="bold" if key == "K" else "normal")
    body += f'  <line x1="30" y1="622" x2="80" y2="622" stroke="{INK}" stroke-width="4"/>\n' + t(88, 629, "feste Verbindung", size=SMALL)
    body += f'  <line x1="300" y1="622" x2="350" y2="622" stroke="{INK}" stroke-width="2" stroke-dasharray="9 7"/>\n' + t(358, 629, "lose Verbindung", size=SMALL)
    svg("netzwerkkarte", 645, "Netzwerkkarte (Beispiel)",
        "Drei Kreise um die Koordination in der Mitte: nah, mittel, fern. Vier Felder: Verwaltung, Träger, "
        "Gesundheit, Bildung. Nah: Jugendamt, Beratung und Hebammen mit festen Verbindungen zur "
        "Koordination; die Kita ist fest mit der Koordination und lose mit der Beratung verbunden. Fern: "
        "Klinik, lose mit den Hebammen verbunden, und Jobcenter, lose mit dem Jugendamt verbunden. Feste "
        "Verbindungen sind dicke Linien, lose Verbindungen gestrichelt.", body)


def stakeholder_matrix():
    x0, y0, s = 70, 20, 250
    body = ""
    cells = [(0, 0, "Entscheidende im", "Hintergrund", "zufriedenstellen"), (1, 0, "Schlüsselakteure", "", "eng einbinden"),
             (0, 1, "Randbereich", "", "beobachten"), (1, 1, "Engagierte", "", "beteiligen")]
    for cx, cy, l1, l2, todo in cells:
        x, y = x0 + cx * s, y0 + cy * s
        body += box(x, y, s, s, fill="url(#hatch)" if (cx, cy) == (1, 0) else "#ffffff", rx=0)
        body += f'  <rect x="{x + 8}" y="{y + 8}" width="{s - 16}" height="{62 if l2 else 40}" fill="#ffffff"/>\n'
        body += t(x + 14, y + 32, l1, weight="bold") + (t(x + 14, y + 58, l2, weight="bold") if l2 else "")
        body += t(x + 14, y + s - 16, "→ " + todo, size=SMALL)
    people = [(380, 130, "+", "Jugendamt"), (440, 190, "○", "Träger A"), (150, 150, "−", "Kämmerei"),
              (345, 370, "+", "Elterninitiative"), (150, 390, "○", "Sportverein")]
    for x, y, sign, label in people:
        body += f'  <circle cx="{x}" cy="{y}" r="15" fill="#ffffff" stroke="{INK}" stroke-width="3"/>\n'
        body += t(x, y + 7, sign, anchor="middle", weight="bold")
        body += t(x + 22, y + 7, label, size=SMALL)
    body += arrow(x0, y0 + 2 * s + 40, x0 + 2 * s, y0 + 2 * s + 40)
    body += t(x0 + s, y0 + 2 * s + 70, "Interesse", anchor="middle", weight="bold")
    body += arrow(40, y0 + 2 * s, 40, y0)
    body += f'  <text x="30" y="{y0 + s}" transform="rotate(-90 30 {y0 + s})" text-anchor="middle" font-weight="bold">Einfluss</text>\n'
    body += t(x0, y0 + 2 * s + 104, "+ unterstützend   ○ offen   − ablehnend", size=SMALL)
    svg("stakeholder-matrix", y0 + 2 * s + 120, "Stakeholder-Matrix",
        "Vierfeldertafel, waagerecht Interesse, senkrecht Einfluss. Oben rechts (schraffiert) "
        "Schlüsselakteure: eng einbinden. Oben links Entscheidende im Hintergrund: zufriedenstellen. Unten "
        "rechts Engagierte: beteiligen. Unten links Randbereich: beobachten. Beispiele mit Zeichen für die "
        "Haltung: Jugendamt plus (unterstützend) und Träger A Kreis (offen) bei den Schlüsselakteuren, "
        "Kämmerei minus (ablehnend) im Hintergrund, Elterninitiative plus bei den Engagierten, Sportverein "
        "Kreis im Randbereich.", body)


def phasen():
    phases = [("Initiierung", ["Anlass", "Akteure", "Auftrag klären"]),
              ("Stabilisierung", ["Regeln", "Lenkungskreis", "erste Produkte"]),
              ("Verstetigung", ["Mittel sichern", "Beschlüsse", "Wirkung zeigen"])]
    body, y = "", 20
    fills = ["#ffffff", "url(#hatch)", "url(#dots)"]
    for i, (name, tasks) in enumerate(phases):
        body += f'  <polygon points="20,{y} 540,{y} 580,{y + 40} 540,{y + 80} 20,{y + 80}" fill="{fills[i]}" stroke="{INK}" stroke-width="2"/>\n'
        body += f'  <rect x="32" y="{y + 10}" width="56" height="60" rx="4" fill="{PRIMARY}"/>\n'
        body += t(60, y + 50, str(i + 1), anchor="middle", weight="bold", fill="#ffffff", size=28)
        body += f'  <rect x="100" y="{y + 10}" width="436" height="60" rx="4" fill="#ffffff"/>\n'
        body += t(110, y + 36, name, weight="bold", size=22)
        body += t(110, y + 62, " · ".join(tasks), size=SMALL)
        y += 100
    body += t(20, y + 8, "Rückfall möglich, z. B. bei Wechsel der Koordination", size=SMALL)
    svg("phasen", y + 24, "Phasen eines Netzwerks",
        "Drei Pfeile untereinander: 1 Initiierung (Anlass klären, Akteure gewinnen, Auftrag klären), "
        "2 Stabilisierung (Regeln und Rollen, Lenkungskreis, erste Produkte), 3 Verstetigung (Mittel "
        "sichern, Beschlüsse, Wirkung zeigen). Darunter: Rückfall möglich, zum Beispiel bei einem Wechsel "
        "der Koordination.", body)


def steuerung():
    body = ""
    modes = [("Hierarchie", "Weisung und Kontrolle"), ("Markt", "Preis und Wettbewerb"),
             ("Netzwerk", "Aushandlung und Vertrauen")]
    for i, (name, how) in enumerate(modes):
        y = 20 + i * 150
        body += box(20, y, 560, 130, fill="#ffffff")
        gx, gy = 95, y + 65
        if i == 0:  # a tree: one on top, three below
            for x in (55, 95, 135):
                body += f'  <line x1="{gx}" y1="{gy - 30}" x2="{x}" y2="{gy + 30}" stroke="{INK}" stroke-width="3"/>\n'
            body += f'  <rect x="{gx - 13}" y="{gy - 43}" width="26" height="26" fill="{PRIMARY}"/>\n'
            for x in (55, 95, 135):
                body += f'  <rect x="{x - 11}" y="{gy + 19}" width="22" height="22" fill="#ffffff" stroke="{INK}" stroke-width="3"/>\n'
        elif i == 1:  # two sides exchanging
            body += arrow(60, gy - 15, 128, gy - 15) + arrow(130, gy + 15, 62, gy + 15)
            for x in (45, 145):
                body += f'  <circle cx="{x}" cy="{gy}" r="13" fill="#ffffff" stroke="{INK}" stroke-width="3"/>\n'
        else:  # a mesh
            pts = [(55, gy - 30), (135, gy - 30), (95, gy), (55, gy + 32), (135, gy + 32)]
            for a in range(5):
                for b in range(a + 1, 5):
                    if (a, b) not in ((0, 4), (1, 3)):
                        body += f'  <line x1="{pts[a][0]}" y1="{pts[a][1]}" x2="{pts[b][0]}" y2="{pts[b][1]}" stroke="{INK}" stroke-width="2"/>\n'
            for x, y2 in pts:
                body += f'  <circle cx="{x}" cy="{y2}" r="10" fill="{PRIMARY}" stroke="{INK}" stroke-width="2"/>\n'
        body += t(180, y + 55, name, weight="bold", size=24)
        body += t(180, y + 90, how)
    svg("steuerung", 470, "Drei Formen der Steuerung",
        "Drei Felder untereinander. Hierarchie, gezeigt als Baum mit einer Stelle oben und drei darunter: "
        "Steuerung durch Weisung und Kontrolle. Markt, gezeigt als zwei Seiten, die Pfeile austauschen: "
        "Steuerung durch Preis und Wettbewerb. Netzwerk, gezeigt als fünf verbundene Punkte: Steuerung "
        "durch Aushandlung und Vertrauen.", body)


def collective_impact():
    items = ["Gemeinsame Agenda", "Gemeinsame Messung", "Sich verstärkende Aktivitäten",
             "Kontinuierliche Kommunikation", "Tragende Struktur (Backbone)"]
    body = ""
    for i, name in enumerate(items):
        y = 20 + i * 78
        body += box(20, y, 560, 64, fill="url(#hatch)" if i == 0 else "#ffffff")
        body += f'  <circle cx="58" cy="{y + 32}" r="22" fill="{PRIMARY}"/>\n'
        body += t(58, y + 41, str(i + 1), anchor="middle", weight="bold", fill="#ffffff", size=24)
        body += f'  <rect x="92" y="{y + 14}" width="{len(name) * 12 + 16}" height="36" fill="#ffffff"/>\n'
        body += t(100, y + 40, name, weight="bold" if i == 0 else "normal", size=22)
    body += t(20, 20 + 5 * 78 + 16, "Die Agenda ist der Bezugspunkt der anderen vier.", size=SMALL)
    svg("collective-impact", 20 + 5 * 78 + 32, "Fünf Bedingungen von Collective Impact",
        "Fünf nummerierte Felder untereinander: 1 Gemeinsame Agenda (schraffiert hervorgehoben), "
        "2 Gemeinsame Messung, 3 Sich verstärkende Aktivitäten, 4 Kontinuierliche Kommunikation, "
        "5 Tragende Struktur (Backbone). Die Agenda ist der Bezugspunkt der anderen vier.", body)


def glasl():
    stages = ["Verhärtung", "Debatte", "Taten statt Worte", "Images und Koalitionen", "Gesichtsverlust",
              "Drohstrategien", "Begrenzte Vernichtungsschläge", "Zersplitterung", "Gemeinsam in den Abgrund"]
    areas = [("Bereich 1: Sache", "url(#hatch)"), ("Bereich 2: Beziehung", "url(#dots)"), ("Bereich 3: Schaden", PRIMARY)]
    body, row = "", 46
    for i, name in enumerate(stages):
        a = i // 3
        y = 20 + i * row + a * 40
        if i % 3 == 0:
            body += t(20, y + 26, areas[a][0], weight="bold")
            y += 0
        y += 36
        x = 20 + i * 12
        body += box(x, y, 560 - x, row - 6, fill=areas[a][1], rx=3)
        label = f"{i + 1}  {name}"
        body += f'  <rect x="{x + 6}" y="{y + 5}" width="{len(label) * 11.3 + 16:.0f}" height="30" rx="3" fill="#ffffff"/>\n'
        body += t(x + 12, y + 27, label, size=SMALL)
    height = 20 + 9 * row + 3 * 40 + 40
    body += arrow(590, 60, 590, height - 30)
    svg("glasl", height, "Neun Eskalationsstufen nach Glasl",
        "Neun Stufen von oben nach unten, in drei Bereichen. Bereich 1, Sache (schraffiert): 1 Verhärtung, "
        "2 Debatte, 3 Taten statt Worte. Bereich 2, Beziehung (gepunktet): 4 Images und Koalitionen, "
        "5 Gesichtsverlust, 6 Drohstrategien. Bereich 3, Schaden (dunkel): 7 Begrenzte "
        "Vernichtungsschläge, 8 Zersplitterung, 9 Gemeinsam in den Abgrund. Ein Pfeil nach unten zeigt die "
        "Eskalation.", body)


def kursaufbau():
    body = ""
    rows = [("Koordination", ["K1", "G1", "K2", "K3", "G2"]), ("Führung", ["F1", "G1", "G2"])]
    y = 20
    for label, modules in rows:
        body += t(20, y + 24, label, weight="bold", size=22)
        x = 20
        for i, m in enumerate(modules):
            joint = m.startswith("G")
            body += box(x, y + 40, 90, 60, fill="url(#hatch)" if joint else PRIMARY)
            body += f'  <rect x="{x + 20}" y="{y + 53}" width="50" height="34" rx="4" fill="{"#ffffff" if joint else PRIMARY}"/>\n'
            body += t(x + 45, y + 79, m, anchor="middle", weight="bold", size=24, fill=INK if joint else "#ffffff")
            if i < len(modules) - 1:
                body += arrow(x + 92, y + 70, x + 116, y + 70)
            x += 118
        y += 130
    body += box(20, y, 40, 30, fill="url(#hatch)") + t(70, y + 23, "gemeinsam mit Führungskräften", size=SMALL)
    body += t(20, y + 62, "Pfeile: Transferphasen in der eigenen Praxis", size=SMALL)
    svg("kursaufbau", y + 80, "Aufbau der Fortbildung",
        "Zwei Reihen. Koordinatorinnen und Koordinatoren besuchen K1, dann mit den Führungskräften den "
        "gemeinsamen Tag G1, danach K2 und K3 und zum Schluss gemeinsam G2. Führungskräfte besuchen F1, dann "
        "G1 und G2. Gemeinsame Module sind schraffiert. Die Pfeile zwischen den Modulen stehen für "
        "Transferphasen in der eigenen Praxis.", body,
        out=ROOT / "docs" / "assets" / "images" / "kursaufbau.svg")


def tagesablauf():
    import coursekit
    from coursekit.model import clock_of
    from coursekit.numbering import unit_number
    from coursekit.schedule import day_slots

    course = coursekit.load_project(ROOT / "mkdocs.yml")
    module = course.modules["K1"]
    slots = day_slots(course, module, 0)
    blocks: list[list] = []  # [start, end, label, is_break]
    for s in slots:
        if s.unit is not None and not s.is_break:
            label = f"{unit_number(course, s.unit.id)} {s.unit.title}"
            if blocks and blocks[-1][2] == label:
                blocks[-1][1] = s.end
                continue
            blocks.append([s.start, s.end, label, False])
        else:
            blocks.append([s.start, s.end, s.break_title or "Pause", True])
    start, end = blocks[0][0], blocks[-1][1]
    scale = 1.8
    body = ""
    for b_start, b_end, label, is_break in blocks:
        y = 20 + (b_start - start) * scale
        h = (b_end - b_start) * scale
        body += box(110, y, 470, h - 3, fill="url(#hatch)" if is_break else "#ffffff", rx=3)
        body += t(20, y + 22, clock_of(b_start), size=SMALL, weight="bold")
        words, lines, current = label.split(), [], ""
        for w in words:
            if len(current) + len(w) + 1 > 34:
                lines.append(current)
                current = w
            else:
                current = f"{current} {w}".strip()
        lines.append(current)
        lines = lines[: max(1, int((h - 8) // 26))]
        for k, line in enumerate(lines):
            tw = len(line) * 11 + 12
            body += f'  <rect x="118" y="{y + 4 + k * 26}" width="{tw}" height="26" fill="#ffffff"/>\n'
            body += t(124, y + 24 + k * 26, line, size=SMALL, weight="normal" if is_break else "bold")
    body += t(20, 20 + (end - start) * scale + 20, clock_of(end), size=SMALL, weight="bold")
    height = int(20 + (end - start) * scale + 36)
    desc = "Zeitleiste des ersten Kurstags von Modul K1 von oben nach unten: " + "; ".join(
        f"{clock_of(a)} bis {clock_of(b)} {label}" for a, b, label, _ in blocks) + ". Pausen sind schraffiert."
    svg("tagesablauf-k1-tag1", height, "Ablauf des ersten Kurstags in K1", desc, body)


if __name__ == "__main__":
    for make in (wirkungstreppe, iooi, netzwerkkarte, stakeholder_matrix, phasen, steuerung,
                 collective_impact, glasl, kursaufbau, tagesablauf):
        make()
