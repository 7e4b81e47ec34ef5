"""Generate a synthetic course of N modules (for the benchmark; not course content).

Each module has two days of four 90-minute units, each unit one worksheet; the methods and the
bibliography are copied from the real course. Usage:
    python scripts/synthetic.py 100 /tmp/synthetic-100
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

UNIT = """---
kind: unit
id: {uid}
module: {mid}
title: "Einheit {n} des Moduls {mid}"
duration: 90
summary: Eine erzeugte Einheit für Messungen.
goals:
  knowledge: [Die Teilnehmenden kennen den Ablauf.]
  skills: [Sie wenden eine Methode an.]
steps:
  - {{minutes: 15, phase: Einsteigen, content: Einstieg., method: blitzlicht, social_form: Plenum}}
  - {{minutes: 45, phase: Erarbeiten, content: Arbeit in Gruppen., method: fallarbeit, social_form: Kleingruppe}}
  - {{minutes: 20, phase: Integrieren, content: Ergebnisse zusammenführen., method: kartenabfrage, social_form: Plenum}}
  - {{minutes: 10, phase: Auswerten, content: Abschluss., method: zielscheibe, social_form: Plenum}}
worksheets: [ab-{uid}]
materials: [flipchart, moderationskarten]
literature: [fischer-kosellek-2019]
---

{{{{ unit_overview() }}}}

## Fachlicher Hintergrund

{text}

## Ablaufplan

{{{{ unit_plan() }}}}

## Hinweise für Trainerinnen und Trainer

Die Gruppen brauchen Zeit zum Ankommen.

## Für kleine und große Gruppen

Mit 8 Teilnehmenden arbeiten zwei Gruppen, mit 24 sechs Gruppen.

## Reflexionsfragen

- Was nehme ich mit?
{transfer}
## Auf einen Blick

- Netzwerke verbinden Verwaltung und freie Träger.
- Gemeinsame Ziele tragen die Zusammenarbeit.
- Koordination braucht einen klaren Auftrag.

## Literatur

{{{{ sources() }}}}
"""

SHEET = """---
kind: worksheet
id: ab-{uid}
title: "Arbeitsblatt zu Einheit {n} des Moduls {mid}"
module: {mid}
summary: Ein erzeugtes Arbeitsblatt.
---

| Frage | Antwort |
|---|---|
| Was nehme ich mit? |   |
"""

MODULE = """---
kind: module
id: {mid}
title: "{mid} Erzeugtes Modul"
track: coordinators
summary: Ein erzeugtes Modul für Messungen.
goals: [Messen, wie die Bauzeit mit der Kursgröße wächst.]
prerequisites: [{pre}]
days:
  - units: [{day1}]
    buffer: 15
  - units: [{day2}]
    buffer: 15
---

{{{{ module_overview() }}}}

{{{{ run_sheet() }}}}
"""

TEXT = " ".join(["Netzwerke verbinden Verwaltung, freie Träger und Zivilgesellschaft."] * 40)


def generate(n: int, target: Path) -> Path:
    """Write a project with ``n`` modules to ``target``; return its mkdocs.yml."""
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / "kurs").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "methods", docs / "methods")
    for name in ("literatur.md", "glossar.md", "materialien.md"):
        if (ROOT / "docs" / name).is_file():
            shutil.copy2(ROOT / "docs" / name, docs / name)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copy2(ROOT / "hooks.py", target / "hooks.py")
    (docs / "index.md").write_text("# Synthetischer Kurs\n", encoding="utf-8")
    for m in range(1, n + 1):
        mid = f"S{m}"
        folder = docs / "kurs" / mid.lower()
        (folder / "arbeitsblaetter").mkdir(parents=True)
        uids = [f"s{m}-e{k}" for k in range(1, 9)]
        (folder / "index.md").write_text(
            MODULE.format(mid=mid, pre=f"S{m - 1}" if m > 1 else "", day1=", ".join(uids[:4]),
                          day2=", ".join(uids[4:])),
            encoding="utf-8",
        )
        for k, uid in enumerate(uids, 1):
            transfer = "\n## Transferaufgabe\n\nErproben Sie eine Methode im eigenen Netzwerk.\n" if k == len(uids) else ""
            (folder / f"{uid}.md").write_text(
                UNIT.format(uid=uid, mid=mid, n=k, text=TEXT, transfer=transfer), encoding="utf-8"
            )
            (folder / "arbeitsblaetter" / f"ab-{uid}.md").write_text(
                SHEET.format(uid=uid, mid=mid, n=k), encoding="utf-8"
            )
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["course"]["variants"] = {}
    config["extra"]["course"]["variant"] = None
    config["extra"].pop("footer_links", None)  # the legal pages are not copied
    config["site_name"] = f"Synthetischer Kurs ({n} Module)"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target / "mkdocs.yml"


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
