"""Read the course block of mkdocs.yml without MkDocs, keeping a line for every key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .loader import KeyPath, _line_map, duplicate_keys

__all__ = ["config_duplicates", "read_mkdocs_yml"]


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' custom tags (``!!python/name:``, ``!ENV``) as None."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml: same data and line marks, ten times faster."""


for _loader in (_TolerantLoader, _FastLoader):
    _loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    _loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read(path: str | Path, *, construct: bool) -> tuple[yaml.Node | None, Any]:
    """The document's node, and its data if ``construct``. A file libyaml refuses is read again
    by the Python loader, whose error message shows the line at fault."""
    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        return _parse(_FastLoader, text, construct)
    except yaml.YAMLError:
        pass
    return _parse(_TolerantLoader, text, construct)


def _parse(cls: type, text: str, construct: bool) -> tuple[yaml.Node | None, Any]:
    loader = cls(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if construct and node is not None else None
    finally:
        loader.dispose()


def read_mkdocs_yml(path: str | Path) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    """The whole mkdocs.yml as data, and the line of every key (1-based)."""
    node, data = _read(path, construct=True)
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
    node, _ = _read(path, construct=False)
    return duplicate_keys(node, 1) if node is not None else []
