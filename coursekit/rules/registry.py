"""The rule registry: one function, one id, one German message and hint per rule.

Each rule is a pure function ``(course) -> iterable of Problem``. It never logs or raises. The
docstring has four parts (Was / Warum / Beispiel / Stattdessen); the rules page for authors is
generated from it.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..loader import Course
from ..messages import MESSAGES
from ..problems import Problem, Severity

__all__ = ["ERROR", "RULES", "Rule", "WARNING", "check", "problem", "rule"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    check: Callable[[Course], Iterable[Problem]]

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


RULES: dict[str, Rule] = {}


def rule(rule_id: str, name: str, severity: Severity = ERROR) -> Callable:
    def register(fn: Callable[[Course], Iterable[Problem]]) -> Callable:
        assert rule_id not in RULES and rule_id in MESSAGES, rule_id
        RULES[rule_id] = Rule(rule_id, name, severity, fn)
        return fn

    return register


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def problem(rule_id: str, file: str, line: int, **args: object) -> Problem:
    message, hint = MESSAGES[rule_id]
    values = _Args(args)
    return Problem(
        file,
        line,
        rule_id,
        RULES[rule_id].severity,
        message.format_map(values),
        hint.format_map(values),
    )


def check(course: Course, only: Iterable[str] | None = None) -> list[Problem]:
    """Run every rule (or the given ones) and return all problems, sorted by file and line."""
    wanted = set(only) if only is not None else set(RULES)
    found: list[Problem] = []
    for rule_id, r in RULES.items():
        if rule_id in wanted:
            found.extend(r.check(course))
    return sorted(set(found))


def _suggest(ref: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return f" Meintest du „{close[0]}“?" if close else ""


def _from_defects(rule_id: str, course: Course) -> Iterator[Problem]:
    for d in course.defects:
        if d.rule == rule_id:
            yield problem(rule_id, d.file, d.line, **d.args)


