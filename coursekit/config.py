"""Read the course block of mkdocs.yml without MkDocs, keeping a line for every key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .loader import KeyPath, _line_map, duplicate_keys

__all__ = ["config_duplicates", "read_mkdocs_yml"]


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' custom tags (``!!python/name:``, ``!ENV``) as None."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: str | Path) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    """The whole mkdocs.yml as data, and the line of every key (1-based)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    lines = _line_map(node, 1) if node is not None else {}
    return data or {}, lines


def course_block(data: dict[str, Any], lines: dict[KeyPath, int]) -> tuple[Any, dict[KeyPath, int], frozenset[str]]:
    """``extra.course`` with its line map re-rooted, and the names of all ``extra`` keys."""
    extra = data.get("extra") or {}
    prefix = ("extra", "course")
    sub = {k[2:]: v for k, v in lines.items() if k[:2] == prefix}
    sub.setdefault((), lines.get(prefix, lines.get(("extra",), 1)))
    return extra.get("course"), sub, frozenset(extra)


def config_duplicates(path: str | Path) -> list[tuple[str, int, int]]:
    """(key, first line, second line) of every key mkdocs.yml repeats in one mapping; YAML
    keeps the last one silently, so a pasted second `logo:` would win unnoticed."""
    loader = _TolerantLoader(Path(path).read_text(encoding="utf-8-sig"))
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    return duplicate_keys(node, 1) if node is not None else []
