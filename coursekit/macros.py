"""mkdocs-macros module (``plugins: macros: modules: [coursekit.macros]``).

Registers every view as a macro. Ids default to the page's own id. An id the static check
could not see (a computed argument) that turns out unknown is recorded as a MAC002 problem;
the hooks end the build with it after all pages are rendered.
"""

from __future__ import annotations

import inspect
import time

from . import current, views
from .model import MACRO_ARGS
from .rules import problem

__all__ = ["define_env"]


def define_env(env) -> None:
    started = time.perf_counter()
    try:
        for name, spec in MACRO_ARGS.items():
            _register(env, name, getattr(views, name), takes_id=spec is not None)
        env.filter(datum)
    finally:
        _count(started)


def _count(started: float) -> None:
    """Add the time since ``started`` to the macros' share of the build (hooks.py reports it)."""
    current.timings["macros"] = current.timings.get("macros", 0.0) + time.perf_counter() - started


def datum(value) -> str:
    """Filter: an ISO date (2026-11-21) as Germans write it (21.11.2026); other text unchanged."""
    text = str(value or "")
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    return text


# Generated overviews that repeat what other pages say (a unit's key points, method facts,
# materials, backlinks): shown on the page, left out of the search index (the pages they
# summarise are in it), which keeps the index small and the results on the pages themselves.
NOT_INDEXED = frozenset({
    "key_points", "method_index", "materials_list", "used_in", "course_calendar", "variant_overview",
    "track_overview", "practice_index", "image_credits", "attributions", "bibliography", "course_days",
    "rules_reference", "schema_reference", "slide_deck_index",
})


def _register(env, name: str, view, *, takes_id: bool) -> None:
    takes_url = "url" in inspect.signature(view).parameters

    def call(item_id=None, *args):
        started = time.perf_counter()
        try:
            out = _call(item_id, *args)
            return f"<div data-search-exclude markdown>\n\n{out}\n</div>\n" if name in NOT_INDEXED and out else out
        finally:
            _count(started)

    def _call(item_id=None, *args):
        page = env.page
        here = page.file.src_uri
        if not takes_id:
            extra = {"url": page.url} if takes_url else {}
            return view(current.course, here, *([item_id] if item_id else []), *args, **extra)
        ref = item_id if item_id is not None else page.meta.get("id")
        try:
            return view(current.course, here, ref, *args)
        except KeyError:
            current.late_problems.append(
                problem(
                    "MAC002", here, 1, macro=name, expected="die Kennung",
                    expected_article="einer passenden Seite", ref=ref, suggestion="",
                )
            )
            return ""

    call.__name__ = name
    env.macro(call, name)
