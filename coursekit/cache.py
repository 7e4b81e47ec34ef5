"""Check caches in ``.cache/check/``: the check stays instant however large the course grows.

Two levels, both invalidated by any change to coursekit's code:

- ``ParseCache``: each file's parsed front matter, keyed by the file's content
  (a BLAKE2 digest). Size and modification time only decide whether the content has to be read
  again; an unchanged file is not even opened.
- ``ResultCache``: the problems of the whole course, keyed by the configuration and the path,
  size and modification time of every file below docs/ (pages, and the logo and images some
  rules look for). When nothing changed, ``coursekit check`` answers from it without loading
  the course, and the build takes the problems from it instead of running the rules again.

The cache is a speed-up only: deleting ``.cache/`` is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

__all__ = ["ParseCache", "ResultCache", "code_version", "counts", "write_atomically"]

_PACKAGE = Path(__file__).parent


def code_version() -> str:
    """Digest of coursekit's Python sources (a changed rule or model invalidates the cache)."""
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        return None


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all, under a name of its own per process first (two
    checks or builds side by side cannot clobber each other's file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)


def _save(path: Path, data: Any) -> None:
    write_atomically(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _between_fences(text: str) -> str:
    """The front matter's text, from which a document reads its key lines when asked."""
    from .loader import _front_matter

    found = _front_matter(text)
    return found[0] if found is not None else ""


class ParseCache:
    """Parsed front matter by content: ``read`` instead of ``loader.read_document``, ``save`` at
    the end. Only the parsed data is kept (and key lines the strict loader read): bodies are
    read from the files every time, and validating the data again is faster than unpickling the
    validated models."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.path = Path(folder) / "parse.pickle"
        self.version = version or code_version()
        stored = _load(self.path)
        valid = isinstance(stored, dict) and stored.get("version") == self.version
        self.entries: dict[str, tuple] = stored["entries"] if valid else {}
        self.used: dict[str, tuple] = {}
        self.hits = self.misses = 0

    def read(self, text: str, rel: str):
        from .loader import Document, front_matter_key, parse_document, validate_document

        key = front_matter_key(text)
        entry = self.entries.get(rel)
        if entry is not None and entry[0] == key:
            self.hits += 1
            meta, lines, body_line, body_offset, defects = pickle.loads(entry[1])
            text = text.removeprefix("\ufeff")
            doc = Document(rel, meta, text[body_offset:], body_line, lines, body_offset=body_offset,
                           front_matter=_between_fences(text) if lines is None else "")
        else:
            self.misses += 1
            doc, defects = parse_document(text, rel)
            parsed = (doc.meta, doc.key_lines, doc.body_line, doc.body_offset, defects)
            entry = (key, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        self.used[rel] = entry
        return validate_document(doc, defects)

    def save(self) -> None:
        """Keep the files of this run (deleted files drop out); written only when changed."""
        if self.misses or set(self.used) != set(self.entries):
            _save(self.path, {"version": self.version, "entries": self.used})


class ResultCache:
    """The problems of a whole check, for a course whose files and configuration are unchanged."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.path = Path(folder) / "result.pickle"
        self.version = version or code_version()

    def fingerprint(self, config_file: Path, docs: Path) -> str:
        digest = hashlib.blake2b(self.version.encode(), digest_size=16)
        digest.update(Path(config_file).read_bytes())
        from .loader import markdown_files

        for rel, path in markdown_files(docs, suffix=""):
            stat = os.stat(path)
            digest.update(f"{rel}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def get(self, fingerprint: str):
        stored = _load(self.path)
        if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
            return stored["problems"], stored["counts"]
        return None

    def put(self, fingerprint: str, problems: list, counts: dict) -> None:
        _save(self.path, {"fingerprint": fingerprint, "problems": problems, "counts": counts})


def counts(course) -> dict[str, int]:
    """What the check's summary line counts (kept with the problems in ``ResultCache``)."""
    return {"pages": len(course.documents), "modules": len(course.modules),
            "units": len(course.units), "methods": len(course.methods)}
