"""The one record every check returns, and its printers."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum

__all__ = ["Problem", "Severity", "annotation", "format_problem", "summary"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A content problem: where it is, which rule, what is wrong and how to fix it."""

    file: str
    line: int
    rule: str
    severity: Severity
    message: str
    hint: str

    def __repr__(self) -> str:
        return f"Problem({self.rule} {self.file}:{self.line})"


def format_problem(p: Problem, docs_prefix: str = "docs/") -> str:
    """``docs/a.md:12: REF003 Fehler: … Lösung: …`` — one problem, human-readable."""
    label = "Fehler" if p.severity is Severity.ERROR else "Warnung"
    path = p.file if p.file.endswith(".yml") else f"{docs_prefix}{p.file}"
    return f"{path}:{p.line}: {p.rule} {label}: {p.message}\n    So beheben: {p.hint}"


def annotation(p: Problem, docs_prefix: str = "docs/") -> str:
    """A GitHub/GitLab-style workflow annotation line."""
    level = "error" if p.severity is Severity.ERROR else "warning"
    path = p.file if p.file.endswith(".yml") else f"{docs_prefix}{p.file}"
    text = f"{p.rule} {p.message} So beheben: {p.hint}".replace("\n", " ")
    return f"::{level} file={path},line={p.line},title={p.rule}::{text}"


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} Fehler, {warnings} Warnungen"


def to_json(problems: list[Problem]) -> str:
    return json.dumps([{**asdict(p), "severity": p.severity.value} for p in problems], ensure_ascii=False, indent=2)
