"""Paths from content and configuration stay inside the project.

A fork's configuration or a contributed page may name any path; the build must never read,
embed or copy a file outside ``docs/`` because of it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["inside", "is_remote"]


def is_remote(ref: str) -> bool:
    """An http(s) address or a protocol-relative one (``//host/…``)."""
    parts = urlsplit(ref)
    return parts.scheme in ("http", "https") or ref.startswith("//")


def inside(base: Path, ref: str, here: str = "") -> bool:
    """Whether ``ref`` (as written in a page at ``here``, or in the configuration when
    ``here`` is empty) names a file below ``base``. Absolute paths, other URL schemes
    (``file:``, ``data:``) and ``..`` or symbolic links that lead out are not inside."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("/", "\\")) or "\\" in ref:
        return False
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else ""
    if joined.startswith("../") or joined == "..":
        return False
    root = base.resolve()
    try:
        (root / joined).resolve().relative_to(root)
    except (ValueError, OSError):
        return False
    return True
