"""Accessibility repairs of rendered page HTML (used by the hooks on every page)."""

from __future__ import annotations

import re

__all__ = ["fix_page_html"]

# pymdownx.tasklist renders disabled checkboxes without a label (axe: "label"). On our pages
# they are boxes to tick on paper: show a box symbol with a text alternative instead.
_TASK = re.compile(
    r'<label class="task-list-control">\s*<input type="checkbox" disabled(?:="?[^">]*"?)?\s*(checked(?:="?[^">]*"?)?)?\s*/?>'
    r'\s*<span class="task-list-indicator"></span>\s*</label>'
    r'|<input type="checkbox" disabled(?:="?[^">]*"?)?\s*(checked(?:="?[^">]*"?)?)?\s*/?>'
)


def _box(match: re.Match) -> str:
    checked = match.group(1) or match.group(2)
    symbol, text = ("☒", "angekreuztes Kästchen") if checked else ("☐", "Kästchen zum Ankreuzen")
    return f'<span class="task-box" role="img" aria-label="{text}">{symbol}</span>'


def fix_page_html(html: str) -> str:
    return _TASK.sub(_box, html) if "checkbox" in html else html
