"""Escaping for every context a text from content or configuration reaches.

Nothing an author or a fork types may become markup: titles, summaries, step texts and
configuration values are text. Views escape for Markdown/HTML text, the hooks hand MkDocs and
Material escaped ``Markup`` objects (templates print them as they are and ``|e`` leaves them
alone), JSON inside ``<script>`` gets ``<``, ``>`` and ``&`` as Unicode escapes.
"""

from __future__ import annotations

import html
import json
from typing import Any

from markupsafe import Markup

__all__ = ["json_for_script", "markup", "text", "tree"]


def text(value: object) -> str:
    """``value`` as HTML text (also safe inside Markdown, which keeps entities)."""
    return html.escape("" if value is None else str(value), quote=False)


def markup(value: object) -> Markup:
    """``value`` escaped once, marked so that Jinja's ``|e`` does not escape it again."""
    return Markup(html.escape("" if value is None else str(value)))


def tree(value: Any) -> Any:
    """A copy of nested dicts and lists with every string escaped (for template variables)."""
    if isinstance(value, dict):
        return {k: tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [tree(v) for v in value]
    if isinstance(value, str) and not isinstance(value, Markup):
        return markup(value)
    return value


def json_for_script(data: Any) -> str:
    """JSON that can stand inside ``<script>`` without ending it or opening a tag."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    )
