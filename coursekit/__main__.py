"""Command line: ``python -m coursekit check | schema | rules | new | metadata | drift | bescheinigungen``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import load_project, project_docs, report
from .loader import Course, paused_gc
from .problems import Severity, summary, to_json
from .rules import RULES, check


def _check(args: argparse.Namespace) -> int:
    with paused_gc():  # the course's objects live until the end; collecting them only costs time
        code, course = _check_course(args)
        if args.exiting:  # the process ends here: no need to free the course's objects one by one
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return code


def _check_course(args: argparse.Namespace) -> tuple[int, Course | None]:
    from .cache import ParseCache, ResultCache, code_version
    from .cache import counts as course_counts

    started = time.perf_counter()
    config = Path(args.config)
    folder = config.parent / ".cache" / "check"
    version = code_version()
    results = ResultCache(folder, version) if not args.no_cache else None
    fingerprint = results.fingerprint(config, project_docs(config)) if results else ""
    cached = results.get(fingerprint) if results else None
    course = None
    if cached is not None:  # nothing changed since the last check
        problems, counts = cached
    else:
        course = load_project(config, cache=ParseCache(folder, version) if results else None)
        problems = check(course)
        counts = course_counts(course)
        if results:
            results.put(fingerprint, problems, counts)
    elapsed = time.perf_counter() - started
    if args.json:
        print(to_json(problems))
    else:
        for line in report(problems):
            print(line)
        print(
            f"{summary(problems)} in {counts['pages']} Seiten "
            f"({counts['modules']} Module, {counts['units']} Einheiten, "
            f"{counts['methods']} Methoden) – {elapsed * 1000:.0f} ms"
            + (" (unverändert, aus dem Zwischenspeicher)" if cached is not None else ""),
            file=sys.stderr,
        )
    errors = any(p.severity is Severity.ERROR for p in problems)
    return 1 if errors or (args.strict and problems) else 0, course


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _rules(args: argparse.Namespace) -> int:
    for r in RULES.values():
        print(f"{r.id:10} {r.severity.value:8} {r.name}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import run

    return run(args)


def _drift(args: argparse.Namespace) -> int:
    from .drift import run

    return run(args)


def _metadata(args: argparse.Namespace) -> int:
    from .config import read_mkdocs_yml
    from .metadata import metadata_yml

    course = load_project(args.config)
    data, _ = read_mkdocs_yml(args.config)
    text = metadata_yml(course, data.get("site_description") or "")
    out = Path(args.out)
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out} passt nicht zu extra.course in {args.config}. So beheben: "
                  f"python -m coursekit metadata", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(out)
    return 0


def _certificates(args: argparse.Namespace) -> int:
    """Certificates with names from a local CSV file (personal data: rendered without a cache
    that outlives the call, never written into the project)."""
    import tempfile

    from . import documents
    from .documents import forms

    course = load_project(args.config)
    module = course.modules.get(args.module)
    if module is None:
        print(f"Das Modul „{args.module}“ gibt es nicht; vorhanden: {', '.join(course.modules)}.", file=sys.stderr)
        return 2
    people = forms.read_people(Path(args.csv))
    if not people:
        print(f"{args.csv}: keine Zeile mit einer Spalte „name“ gefunden (erste Zeile: name;organisation).",
              file=sys.stderr)
        return 2
    out = Path(args.out)
    name = f"teilnahmebescheinigungen-{module.id.lower()}.pdf"
    doc = documents.Doc(name, f"Teilnahmebescheinigungen {module.id}", f"Teilnahmebescheinigung {module.id}",
                        forms.certificate(course, module, people), forms.OPTIONS)
    with tempfile.TemporaryDirectory() as cache:
        result = documents.render(doc, title=course.config.title, course_block=course.config.model_dump(),
                                  site=course.docs_dir, out_dir=out, cache=Path(cache))
    print(f"{result.path}: {len(people)} Bescheinigungen, {result.pages} Seiten")
    return 0


def main(argv: list[str] | None = None, *, exiting: bool = False) -> int:
    """Run a command; ``exiting``: the process ends after it (``python -m coursekit``)."""
    parser = argparse.ArgumentParser(prog="coursekit", description="Kurs prüfen, Schemas erzeugen, Seiten anlegen, mit dem Original vergleichen.")
    sub = parser.add_subparsers(dest="command", required=True)
    config = argparse.ArgumentParser(add_help=False)  # --config, shared by the commands that load the course
    config.add_argument("--config", default="mkdocs.yml", help="Pfad zu mkdocs.yml")
    p = sub.add_parser("check", help="alle Inhaltsregeln prüfen, ohne HTML zu bauen", parents=[config])
    p.add_argument("--strict", action="store_true", help="auch bei Warnungen mit Fehler enden")
    p.add_argument("--json", action="store_true", help="Probleme als JSON ausgeben")
    p.add_argument("--no-cache", action="store_true", help="ohne Zwischenspeicher .cache/check/ prüfen")
    p.set_defaults(run=_check)
    p = sub.add_parser("schema", help="JSON-Schemas für Editoren schreiben")
    p.add_argument("--out", default="schemas")
    p.set_defaults(run=_schema)
    p = sub.add_parser("rules", help="alle Regeln auflisten")
    p.set_defaults(run=_rules)
    p = sub.add_parser("new", help="neue Einheit oder Methode anlegen (besteht die Prüfung)")
    kinds = p.add_subparsers(dest="kind", required=True)
    p = kinds.add_parser("unit", help="neue Einheit im Ordner ihres Moduls, im Modul eingeplant", parents=[config])
    p.add_argument("--module", required=True, help="Kennung des Moduls, z. B. K1")
    p.add_argument("--title", required=True, help="Titel der Einheit")
    p.add_argument("--id", help="Kennung; ohne Angabe aus Modul und Titel, z. B. k1-konflikte")
    p.add_argument("--duration", type=int, default=90, help="Dauer in Minuten (45 bis 180)")
    p.add_argument("--day", type=int, help="an diesem Kurstag einplanen statt als neuer Tag")
    p.set_defaults(run=_new)
    p = kinds.add_parser("method", help="neue Methode in der Methodensammlung", parents=[config])
    p.add_argument("--title", required=True, help="Name der Methode")
    p.add_argument("--id", help="Kennung; ohne Angabe aus dem Titel, z. B. fishbowl")
    p.set_defaults(run=_new)
    p = sub.add_parser("metadata", help="metadata.yml (OER-Metadaten, AMB) aus mkdocs.yml schreiben", parents=[config])
    p.add_argument("--out", default="metadata.yml", help="Zieldatei")
    p.add_argument("--check", action="store_true", help="nur prüfen, ob die Datei aktuell ist")
    p.set_defaults(run=_metadata)
    p = sub.add_parser("drift", help="was sich im Original (upstream) seit der Abspaltung geändert hat", parents=[config])
    p.add_argument("--upstream", help="Git-Referenz des Originals (Standard: upstream/main, sonst origin/main)")
    p.set_defaults(run=_drift)
    p = sub.add_parser("bescheinigungen", help="Teilnahmebescheinigungen mit Namen aus einer CSV-Datei (PDF)",
                       parents=[config])
    p.add_argument("--module", required=True, help="Kennung des Moduls, z. B. K1")
    p.add_argument("--csv", required=True, help="CSV-Datei mit den Spalten name und organisation (nicht einchecken)")
    p.add_argument("--out", default=".", help="Ordner für das PDF")
    p.set_defaults(run=_certificates)
    args = parser.parse_args(argv)
    args.exiting = exiting
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main(exiting=True))
