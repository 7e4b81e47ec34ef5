"""Macros in page bodies: syntax, names and the ids they take."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..loader import Course, Document
from ..model import MACRO_ARGS, TEMPLATE_BUILTINS, CourseConfig
from ..problems import Problem
from .registry import _suggest, problem, rule
from .references import _table

if TYPE_CHECKING:
    import jinja2

_KIND_LABELS = {
    "module": ("das Modul", "eines Moduls"),
    "unit": ("die Einheit", "einer Einheit"),
    "method": ("die Methode", "einer Methode"),
    "worksheet": ("das Arbeitsblatt", "eines Arbeitsblatts"),
    "track": ("den Kursstrang", "eines Kursstrangs (coordinators, leaders, joint)"),
    "term": ("den Glossarbegriff", "eines Begriffs aus docs/glossar.md"),
    "selfcheck": ("den Selbstcheck", "eines Selbstchecks (z. B. netzwerk-check)"),
    "any": ("die Kennung", "einer Seite"),
}


_ID_KINDS = ("module", "unit", "method", "worksheet", "term", "practice", "selfcheck")


def _kind_of(course: Course, ref: str) -> str | None:
    for kind in _ID_KINDS:
        if ref in _table(course, kind):
            return kind
    return None


@dataclass(frozen=True)
class _Usage:
    """What a page body does with the template language: names, course fields, macro calls."""

    error: jinja2.TemplateSyntaxError | None
    names: tuple[tuple[str, int], ...] = ()
    """(name, body line) of every variable or macro name that is read."""
    course_fields: tuple[tuple[str, int], ...] = ()
    calls: tuple[tuple[str, str | None, bool, int], ...] = ()
    """(macro, first argument if it is a constant, has arguments, body line)."""


_STRING = r"(?:\"[^\"\n]*\"|'[^'\n]*')"
_SIMPLE = re.compile(
    r"\{\{\s*([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*"
    rf"(\(\s*(?:({_STRING})(?:\s*,\s*{_STRING})*)?\s*\))?\s*\}}\}}"
)


def _usage(doc: Document) -> _Usage:
    """Parsed once per document (three rules read it). Bodies whose expressions are all plain
    ``{{ name }}``, ``{{ course.field }}`` or ``{{ macro("id", "text") }}`` are read with a
    regular expression; anything else goes through Jinja's parser."""
    if "usage" not in doc.cache:
        doc.cache["usage"] = _read_usage(doc.body)
    return doc.cache["usage"]


@functools.cache
def _jinja() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment()


def _braces(body: str) -> tuple[int, int, bool]:
    """``body.count("{{")``, ``body.count("}}")`` and whether ``{%`` or ``{#`` occurs, found by
    jumping from brace to brace (a page has few): four times faster than four searches."""
    opens = closes = free = 0
    statements, pos = False, body.find("{")
    while pos >= 0:
        after = body[pos + 1:pos + 2]
        if after == "%" or after == "#":
            statements = True
        elif after == "{" and pos >= free:  # counted like str.count: not overlapping
            opens, free = opens + 1, pos + 2
        pos = body.find("{", pos + 1)
    free, pos = 0, body.find("}")
    while pos >= 0:
        if body[pos + 1:pos + 2] == "}" and pos >= free:
            closes, free = closes + 1, pos + 2
        pos = body.find("}", pos + 1)
    return opens, closes, statements


def _read_usage(body: str) -> _Usage:
    if "{" not in body:
        return _Usage(None)
    simple = list(_SIMPLE.finditer(body))
    opens, closes, statements = _braces(body)
    if not statements and opens == len(simple) == closes:
        names, fields, calls = [], [], []
        line, counted = 1, 0
        for m in simple:
            line, counted = line + body.count("\n", counted, m.start()), m.start()
            names.append((m.group(1), line))
            if m.group(2) and m.group(1) == "course":
                fields.append((m.group(2), line))
            if m.group(3) is not None and not m.group(2):
                first = m.group(4)[1:-1] if m.group(4) else None
                calls.append((m.group(1), first, m.group(4) is not None, line))
        return _Usage(None, tuple(names), tuple(fields), tuple(calls))
    import jinja2  # only here: most bodies need no template parser, and importing it takes time
    from jinja2 import nodes

    try:
        parsed = _jinja().parse(body)
    except jinja2.TemplateSyntaxError as exc:
        return _Usage(exc)
    found = list(parsed.find_all(nodes.Name))
    assigned = {n.name for n in found if n.ctx in ("store", "param")}
    names = tuple((n.name, n.lineno) for n in found if n.ctx == "load" and n.name not in assigned)
    fields = tuple(
        (a.attr, a.lineno) for a in parsed.find_all(nodes.Getattr)
        if isinstance(a.node, nodes.Name) and a.node.name == "course"
    )
    calls = []
    for call in parsed.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name):
            if call.args and not isinstance(call.args[0], nodes.Const):
                continue  # computed argument: only the build can tell
            first = str(call.args[0].value) if call.args else None
            calls.append((call.node.name, first, bool(call.args), call.lineno))
    return _Usage(None, names, fields, tuple(calls))


@rule("MAC003", "macro-syntax")
def macro_syntax(course: Course) -> Iterable[Problem]:
    """Was: Ein Makro ist falsch geschrieben (Klammern, Anführungszeichen).

    Warum: Die Seite kann sonst nicht erzeugt werden.

    Beispiel: `{{ run_sheet("K1") }` (eine schließende Klammer fehlt).

    Stattdessen: `{{ run_sheet("K1") }}`.
    """
    for doc in course.documents:
        error = _usage(doc).error
        if error is not None:
            yield problem(
                "MAC003", doc.path, doc.body_line + (error.lineno or 1) - 1, detail=error.message
            )


@rule("MAC001", "unknown-macro")
def unknown_macro(course: Course) -> Iterable[Problem]:
    """Was: Eine Seite ruft ein Makro oder eine Variable auf, die es nicht gibt.

    Warum: Die Seite würde mit einer Fehlermeldung statt mit Inhalt erzeugt.

    Beispiel: `{{ runsheet() }}` oder `{{ course.organisaton }}`.

    Stattdessen: `{{ run_sheet() }}`. Die Makros stehen auf der Seite „Makros“, die Felder von
    `course` auf der Seite „Felder im Kopfbereich“.
    """
    fields = CourseConfig.model_fields
    known = set(MACRO_ARGS) | TEMPLATE_BUILTINS | set(course.extra_names)  # and the page's own fields
    for doc in course.documents:
        usage = _usage(doc)
        seen: set[str] = set()
        for name, line in usage.names:
            if name not in known and name not in doc.meta and name not in seen:
                seen.add(name)
                yield problem(
                    "MAC001", doc.path, doc.body_line + line - 1, name=name,
                    known=", ".join(sorted(MACRO_ARGS)) + _suggest(name, MACRO_ARGS),
                )
        for attr, line in usage.course_fields:
            if attr not in fields:
                yield problem(
                    "MAC001", doc.path, doc.body_line + line - 1, name=f"course.{attr}",
                    known=", ".join(f"course.{f}" for f in fields) + _suggest(attr, fields),
                )


@rule("MAC002", "unknown-macro-id")
def unknown_macro_id(course: Course) -> Iterable[Problem]:
    """Was: Ein Makro bekommt eine Kennung, die es nicht gibt oder die zur falschen Art von
    Seite gehört.

    Warum: Übersicht oder Verweis blieben leer.

    Beispiel: `{{ run_sheet("K7") }}` oder `{{ unit_plan() }}` auf einer Methodenseite.

    Stattdessen: `{{ run_sheet("K1") }}`; `unit_plan()` nur auf Seiten von Einheiten.
    """
    for doc in course.documents:
        for macro, first, has_args, line in _usage(doc).calls:
            expected = MACRO_ARGS.get(macro)
            if expected is None:
                continue
            if has_args:
                ref = first or ""
            else:
                ref = str(doc.meta.get("id", "")) if doc.item is not None else ""
            if expected == ("track",):
                ok = ref in ("coordinators", "leaders", "joint")
            else:
                kind = _kind_of(course, ref)
                ok = kind is not None and ("any" in expected or kind in expected)
            if not ok:
                if expected == ("track",):
                    pool: Iterable[str] = ("coordinators", "leaders", "joint")
                else:
                    pool = [
                        i for k in _ID_KINDS
                        if "any" in expected or k in expected for i in _table(course, k)
                    ]
                article, generic = _KIND_LABELS[expected[0]]
                yield problem(
                    "MAC002", doc.path, doc.body_line + line - 1, macro=macro,
                    expected=article, expected_article=generic, ref=ref or "(keine Kennung)",
                    suggestion=_suggest(ref, pool),
                )


