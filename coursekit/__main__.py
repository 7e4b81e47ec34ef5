"""Command line: ``python -m coursekit check | schema | rules``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import load_project, report
from .problems import Severity, summary, to_json
from .rules import RULES, check


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    course = load_project(args.config)
    problems = check(course)
    elapsed = time.perf_counter() - started
    if args.json:
        print(to_json(problems))
    else:
        for line in report(problems):
            print(line)
        print(
            f"{summary(problems)} in {len(course.documents)} Seiten "
            f"({len(course.modules)} Module, {len(course.units)} Einheiten, "
            f"{len(course.methods)} Methoden) – {elapsed * 1000:.0f} ms",
            file=sys.stderr,
        )
    errors = any(p.severity is Severity.ERROR for p in problems)
    return 1 if errors or (args.strict and problems) else 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _rules(args: argparse.Namespace) -> int:
    for r in RULES.values():
        print(f"{r.id:10} {r.severity.value:8} {r.name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coursekit", description="Kurs prüfen und Schemas erzeugen.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="alle Inhaltsregeln prüfen, ohne HTML zu bauen")
    p.add_argument("--config", default="mkdocs.yml", help="Pfad zu mkdocs.yml")
    p.add_argument("--strict", action="store_true", help="auch bei Warnungen mit Fehler enden")
    p.add_argument("--json", action="store_true", help="Probleme als JSON ausgeben")
    p.set_defaults(run=_check)
    p = sub.add_parser("schema", help="JSON-Schemas für Editoren schreiben")
    p.add_argument("--out", default="schemas")
    p.set_defaults(run=_schema)
    p = sub.add_parser("rules", help="alle Regeln auflisten")
    p.set_defaults(run=_rules)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
