"""Read the course once: every Markdown file's front matter, with a line for every key.

The loader never raises for content mistakes. What it cannot read or validate is kept as a
``Defect`` on the course; the rules turn defects into problems.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import plainyaml
from .model import (
    KINDS, Bibliography, CaseWorld, CourseConfig, Glossary, Material, Materials, Method, Module, PageImages, Practice, Selfcheck, Slides, Source,
    Term, Unit, Worksheet,
)

__all__ = [
    "Course", "Defect", "Document", "load_course", "parse_document", "paused_gc", "read_document", "validate_document",
]

PAGE_FIELDS = ("images", "print")
"""Front-matter fields any page may have, whatever its kind (model.PageImages)."""

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


def _front_matter(text: str) -> tuple[str, int] | None:
    r"""The front matter's text and where the body starts: what
    ``re.match(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", text, re.S)`` finds
    (group 1 and the end), ten times faster. Like that pattern, it closes at an empty front
    matter only when no later line closes a non-empty one."""
    opening = _OPEN.match(text)
    if opening is None:
        return None
    start = opening.end()
    closing = _CLOSE.search(text, start)
    if closing is not None:
        return text[start:closing.start() + 1], closing.end()
    closing = _CLOSE.match(text, start - 1)
    return ("", closing.end()) if closing is not None else None


KeyPath = tuple[str | int, ...]

# libyaml's loader is several times faster and keeps the same marks (line numbers).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _YamlLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader without path resolvers (front matter has none): PyYAML calls these
    three methods once per node, which costs a sixth of the parse time on a large course."""

    def descend_resolver(self, current_node, current_index):  # noqa: D102
        pass

    def ascend_resolver(self):  # noqa: D102
        pass

    def resolve(self, kind, value, implicit, _implicit=_BaseLoader.yaml_implicit_resolvers):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


@dataclass(frozen=True)
class Defect:
    """Something the loader could not accept: which rule it breaks and where."""

    rule: str
    file: str
    line: int
    args: dict[str, Any]


@dataclass
class Document:
    """One Markdown file: its raw front matter, body and the line of every key."""

    path: str
    """Path relative to the docs folder, always '/'-separated."""
    meta: dict[str, Any]
    body: str
    body_line: int
    """1-based line number of the first body line in the file."""
    key_lines: dict[KeyPath, int] | None = field(default=None, repr=False)
    """``lines``, or ``None`` until they are first asked for (plain front matter)."""
    item: BaseModel | None = None
    """The validated model object, if the page declares a known ``kind`` and is valid."""
    images: list[Any] = field(default_factory=list)
    """Validated image credits (``images:`` in the front matter), on any page."""
    printed: bool = True
    """False when the front matter says ``print: false``: the page is left out of the PDFs."""
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """Derived data that several rules share (e.g. the parsed template)."""
    body_offset: int = 0
    """Where the body starts in the file's text (after a byte-order mark is removed)."""
    front_matter: str = field(default="", repr=False)
    """The front matter's text, when ``key_lines`` are read from it on demand."""

    @property
    def lines(self) -> dict[KeyPath, int]:
        """The line of every key path in the front matter (``()``: its first key). Plain front
        matter is read again for them when they are first asked for, which is rare: only a
        problem needs a line (keeping them all took a seventh of a large course's memory)."""
        if self.key_lines is None:
            found = plainyaml.parse(self.front_matter, MAX_DEPTH) if self.front_matter else None
            self.key_lines = found[1] if found is not None else {}
        return self.key_lines

    def line_of(self, *path: str | int) -> int:
        """Line of the key path, or of its nearest existing parent."""
        lines, key = self.lines, tuple(path)
        while key:
            if key in lines:
                return lines[key]
            key = key[:-1]
        return lines.get((), 1)

    def __repr__(self) -> str:
        return f"Document({self.path!r}, kind={self.meta.get('kind')!r})"


@dataclass
class Course:
    """The whole course as read from ``docs/``, plus its configuration."""

    docs_dir: Path
    config: CourseConfig
    documents: list[Document]
    defects: list[Defect]
    config_file: str = "mkdocs.yml"
    config_lines: dict[KeyPath, int] = field(default_factory=dict)
    extra_names: frozenset[str] = frozenset()
    """Names of the ``extra`` variables in mkdocs.yml (macros may use them)."""
    modules: dict[str, Module] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    methods: dict[str, Method] = field(default_factory=dict)
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    practices: dict[str, Practice] = field(default_factory=dict)
    selfchecks: dict[str, Selfcheck] = field(default_factory=dict)
    where: dict[str, Document] = field(default_factory=dict)
    """Document of every id (first one wins when an id is duplicated)."""
    caseworld: Document | None = None
    """The page with ``kind: caseworld`` (the registry of fictional places and people), if any."""
    slides: dict[str, Document] = field(default_factory=dict)
    """Unit id -> the slides file (``kind: slides``) of that unit (first one wins)."""
    materials: dict[str, Material] = field(default_factory=dict)
    """The materials catalogue (``kind: materials``): id -> entry."""
    _paths: dict[str, Document] = field(default_factory=dict, repr=False, compare=False)

    def doc_of(self, item_id: str) -> Document:
        return self.where[item_id]

    def doc_at(self, path: str) -> Document | None:
        """Document at a docs-relative path, if it was read (the hooks ask once per page)."""
        if len(self._paths) != len(self.documents):  # built on first use, again if documents were added
            self._paths.clear()
            for doc in self.documents:
                self._paths.setdefault(doc.path, doc)
        return self._paths.get(path)

    def units_of(self, module_id: str) -> list[Unit]:
        """Units of a module in schedule order (days, then position)."""
        module = self.modules[module_id]
        return [self.units[u] for day in module.days for u in day.units if u in self.units]

    def __repr__(self) -> str:
        return (
            f"Course({len(self.modules)} modules, {len(self.units)} units, "
            f"{len(self.methods)} methods, {len(self.defects)} defects)"
        )


def _line_map(node: yaml.Node, offset: int) -> dict[KeyPath, int]:
    lines: dict[KeyPath, int] = {(): node.start_mark.line + offset}

    seen: set[int] = set()

    def walk(n: yaml.Node, path: KeyPath) -> None:
        if id(n) in seen:  # an alias: its lines are those of the anchored node, listed once
            return
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                sub = (*path, str(key_node.value))
                lines[sub] = key_node.start_mark.line + offset
                walk(value_node, sub)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                sub = (*path, i)
                lines[sub] = item.start_mark.line + offset
                walk(item, sub)

    walk(node, ())
    return lines


MAX_FRONT_MATTER = 64 * 1024
"""Largest front matter in characters; the biggest in the course has about 8,000."""
MAX_DEPTH = 20
"""Deepest nesting of lists and fields in front matter; the course needs 5."""


def parse_document(text: str, path: str) -> tuple[Document, list[Defect]]:
    """Split front matter and body; parse the YAML with a line for every key.

    A leading byte-order mark is ignored. Duplicate keys, YAML aliases and oversized front
    matter become defects: the first two would silently change what the author wrote, the
    last two would let one file take unbounded time and memory."""
    text = text.removeprefix("\ufeff")
    found = _front_matter(text)
    if found is None:
        return Document(path, {}, text, 1), []
    raw, end = found
    body_line = text.count("\n", 0, end) + 1
    doc, defects = _parse_front_matter(raw, path, text[end:], body_line)
    doc.body_offset = end
    return doc, defects


def front_matter_key(text: str) -> bytes:
    """Digest of exactly what parsing a file's front matter depends on."""
    text = text.removeprefix("\ufeff")
    found = _front_matter(text)
    return hashlib.blake2b(text[: found[1]].encode() if found else b"", digest_size=16).digest()


def _parse_front_matter(raw: str, path: str, body: str, body_line: int) -> tuple[Document, list[Defect]]:
    if len(raw) > MAX_FRONT_MATTER:
        return Document(path, {}, body, body_line), [
            Defect("YAML006", path, 2, {"size": len(raw), "limit": MAX_FRONT_MATTER})
        ]
    if raw.count("[") + raw.count("{") > 10 * MAX_DEPTH and _flow_depth(raw) > 10 * MAX_DEPTH:
        # the YAML scanner is quadratic in this depth
        return Document(path, {}, body, body_line), [Defect("YAML007", path, 2, {"limit": MAX_DEPTH})]
    plain = plainyaml.parse(raw, MAX_DEPTH, lines=False)
    if plain is not None:  # the usual case; anything unusual is read by the strict loader below
        return Document(path, plain[0], body, body_line, front_matter=raw), []
    loader = _YamlLoader(raw)
    defects: list[Defect] = []
    try:
        node = loader.get_single_node()
        lines: dict[KeyPath, int] = {}
        data = _construct(loader, node, (), lines, _Walk(path, defects)) if node is not None else {}
    except _TooDeep as deep:
        return Document(path, {}, body, body_line), [
            Defect("YAML007", path, deep.line, {"limit": MAX_DEPTH})
        ]
    except _Alias as alias:
        return Document(path, {}, body, body_line), [Defect("YAML005", path, alias.line, {})]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + 2) if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        return Document(path, {}, body, body_line), [
            Defect("YAML001", path, line, {"detail": problem})
        ]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return Document(path, {}, body, body_line), [
            Defect("YAML002", path, 2, {"found": type(data).__name__})
        ]
    lines.setdefault((), 1)
    return Document(path, data, body, body_line, lines), defects


_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth(raw: str) -> int:
    """Upper bound of the nesting of ``[`` and ``{`` (quotes ignored), in linear time."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(raw):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


class _Alias(Exception):
    """Front matter uses a YAML alias (``*name``); course content never needs one."""

    def __init__(self, line: int) -> None:
        self.line = line


class _TooDeep(_Alias):
    """Front matter nests deeper than ``MAX_DEPTH``."""


@dataclass
class _Walk:
    """State of one construction walk: the nodes seen (an alias shows as a node seen twice)
    and where duplicate keys go."""

    path: str
    defects: list[Defect]
    seen: set[int] = field(default_factory=set)


def duplicate_keys(node: yaml.Node, offset: int) -> list[tuple[str, int, int]]:
    """(key, first line, second line) of every key that a mapping repeats; each node is
    visited once, so aliases cannot make this walk expensive."""
    found, seen, todo = [], set(), [node]
    while todo:
        n = todo.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in n.value:
                key, line = str(key_node.value), key_node.start_mark.line + offset
                if key in first:
                    found.append((key, first[key], line))
                else:
                    first[key] = line
                todo.append(value_node)
        elif isinstance(n, yaml.SequenceNode):
            todo.extend(n.value)
    return sorted(found, key=lambda f: f[2])


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")


def _construct(loader: Any, node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], walk: _Walk) -> Any:
    """Build the data and the line map in one walk (the front matter is 2 lines below the
    file's first line). Plain strings, lists and mappings are built here; other scalars by
    PyYAML's own constructor. A node met twice is an alias: refused (``_Alias``)."""
    if id(node) in walk.seen:  # the alias's own position is lost; name its field's line
        key = path
        while key and isinstance(key[-1], int):
            key = key[:-1]
        raise _Alias(lines.get(key, node.start_mark.line + 2))
    walk.seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 2)
    lines.setdefault(path, node.start_mark.line + 2)
    if isinstance(node, yaml.MappingNode):
        out = {}
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Alias(key_node.start_mark.line + 2)  # `<<: *base` needs an alias
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 2
            if key in first:
                walk.defects.append(Defect("YAML004", walk.path, line, {"key": key, "first": first[key]}))
                continue  # the first one counts; the build fails anyway
            first[key] = line
            lines[(*path, str(key))] = line
            out[key] = _construct(loader, value_node, (*path, str(key)), lines, walk)
        return out
    if isinstance(node, yaml.SequenceNode):
        out_list = []
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 2
            out_list.append(_construct(loader, item, (*path, i), lines, walk))
        return out_list
    if node.tag == _STR:
        return node.value
    if node.tag == _INT and _DECIMAL.match(node.value):
        return int(node.value.replace("_", ""))
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("yes", "true", "on")
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return loader.construct_object(node, deep=True)


def _validate(
    model: type[BaseModel], data: Any, file: str, line_of: Any
) -> tuple[BaseModel | None, list[Defect]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        defects = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field_name = ".".join(str(p) for p in loc) or "(Kopfbereich)"
            kind = err["type"]
            if kind == "missing":
                rule = "SCHEMA001"
            elif kind == "extra_forbidden":
                rule = "SCHEMA003"
            elif kind in ("literal_error", "enum"):
                rule = "VOCAB001"
            else:
                rule = "SCHEMA002"
            args = {"field": field_name, "detail": german_detail(err), "value": err.get("input")}
            if rule == "VOCAB001":
                args["allowed"] = err.get("ctx", {}).get("expected", "")
            defects.append(Defect(rule, file, line_of(*loc), args))
        return None, defects


_PATTERNS = {
    "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$": "nur Buchstaben ohne Umlaute, Ziffern und einzelne Bindestriche",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "eine Uhrzeit im Format HH:MM, z. B. 09:00",
    r"^\d{4}-(0[1-9]|1[0-2])$": "ein Monat im Format JJJJ-MM, z. B. 2027-02",
    r"^https?://[^\s<>\"'`]+$": "eine Adresse, die mit https:// oder http:// beginnt, ohne Leerzeichen",
}
_DETAILS = {
    "int_parsing": "eine ganze Zahl wird erwartet",
    "int_type": "eine ganze Zahl wird erwartet",
    "int_from_float": "eine ganze Zahl ohne Nachkommastellen wird erwartet",
    "string_type": "ein Text wird erwartet",
    "string_too_short": "der Text darf nicht leer sein",
    "list_type": "eine Liste wird erwartet, z. B. [a, b] oder Zeilen mit „- “",
    "dict_type": "Unterfelder werden erwartet (name: wert)",
    "model_type": "Unterfelder werden erwartet (name: wert)",
    "model_attributes_type": "Unterfelder werden erwartet (name: wert)",
    "greater_than": "der Wert muss größer als {gt} sein",
    "greater_than_equal": "der Wert muss mindestens {ge} sein",
    "less_than": "der Wert muss kleiner als {lt} sein",
    "less_than_equal": "der Wert darf höchstens {le} sein",
    "too_short": "mindestens {min_length} Eintrag bzw. Einträge nötig",
    "too_long": "höchstens {max_length} Einträge erlaubt",
    "bool_parsing": "ja/nein (true/false) wird erwartet",
}


def german_detail(err: dict) -> str:
    """A German explanation of one pydantic error."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        return "erwartet wird " + _PATTERNS.get(ctx.get("pattern", ""), f"das Muster {ctx.get('pattern')}")
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    template = _DETAILS.get(kind)
    if template:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            return template
    return err["msg"]


def _register(course: Course, doc: Document, item: BaseModel) -> None:
    if isinstance(item, Bibliography):
        for i, entry in enumerate(item.entries):
            _claim(course, doc, entry.id, ("entries", i, "id"))
            course.sources.setdefault(entry.id, entry)
        return
    if isinstance(item, CaseWorld):
        course.caseworld = course.caseworld or doc
        return
    if isinstance(item, Slides):
        course.slides.setdefault(item.unit, doc)
        return
    if isinstance(item, Materials):
        for i, entry in enumerate(item.items):
            _claim(course, doc, entry.id, ("items", i, "id"))
            course.materials.setdefault(entry.id, entry)
        return
    if isinstance(item, Glossary):
        for i, term in enumerate(item.terms):
            _claim(course, doc, term.id, ("terms", i, "id"))
            course.terms.setdefault(term.id, term)
        return
    table = {
        Module: course.modules,
        Unit: course.units,
        Method: course.methods,
        Worksheet: course.worksheets,
        Practice: course.practices,
        Selfcheck: course.selfchecks,
    }[type(item)]
    _claim(course, doc, item.id, ("id",))  # type: ignore[attr-defined]
    table.setdefault(item.id, item)  # type: ignore[attr-defined]


def _claim(course: Course, doc: Document, item_id: str, key: KeyPath) -> None:
    if item_id in course.where:
        first = course.where[item_id]
        course.defects.append(
            Defect("ID001", doc.path, doc.line_of(*key), {"id": item_id, "first": first.path})
        )
    else:
        course.where[item_id] = doc


def load_config(data: Any, file: str = "mkdocs.yml", lines: dict | None = None) -> tuple[
    CourseConfig | None, list[Defect]
]:
    """Validate the ``extra.course`` block; ``lines`` maps key paths inside it to lines."""
    lines = lines or {}

    def line_of(*loc: str | int) -> int:
        key = tuple(loc)
        while key:
            if key in lines:
                return lines[key]
            key = key[:-1]
        return lines.get((), 1)

    item, defects = _validate(CourseConfig, data or {}, file, line_of)
    defects = [Defect("CFG001", d.file, d.line, {**d.args, "rule": d.rule}) for d in defects]
    return item, defects  # type: ignore[return-value]


def markdown_files(docs: Path, suffix: str = ".md") -> list[tuple[str, str]]:
    """(path below docs, '/'-separated; file system path) of every Markdown file (every file
    with ``suffix=""``), sorted by the first; plain strings, since pathlib costs seconds on ten
    thousand files."""
    found: list[tuple[str, str]] = []
    todo = [(str(docs), "")]
    while todo:  # what os.walk(docs) lists, without its per-folder path arithmetic (twice as fast)
        folder, prefix = todo.pop()
        files, folders = [], []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not entry.is_symlink():
                            folders.append((entry.path, prefix + entry.name + "/"))
                    elif entry.name.endswith(suffix):
                        files.append((prefix + entry.name, entry.path))
        except OSError:
            continue  # an unreadable folder is left out, as os.walk leaves it out
        found += files
        todo += folders
    return sorted(found)


def read_document(text: str, rel: str) -> tuple[Document, list[Defect]]:
    """One file's front matter parsed and validated (no course-wide registration)."""
    return validate_document(*parse_document(text, rel))


def validate_document(doc: Document, defects: list[Defect]) -> tuple[Document, list[Defect]]:
    """Validate a parsed document's front matter against the model of its ``kind``."""
    rel = doc.path
    if "images" in doc.meta or "print" in doc.meta:
        page_fields = {k: doc.meta[k] for k in PAGE_FIELDS if k in doc.meta}
        credits, image_defects = _validate(PageImages, page_fields, rel, doc.line_of)
        defects = [*defects, *image_defects]
        doc.images = credits.images if credits is not None else []
        doc.printed = credits.print if credits is not None else True
    kind = doc.meta.get("kind")
    if kind is None:
        return doc, defects
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        allowed = ", ".join(sorted(KINDS))
        return doc, [*defects, Defect("VOCAB001", rel, doc.line_of("kind"),
                                      {"field": "kind", "value": kind, "allowed": allowed})]
    meta = {k: v for k, v in doc.meta.items() if k not in PAGE_FIELDS}  # checked above, on every page
    item, item_defects = _validate(model, meta, rel, doc.line_of)
    doc.item = item
    return doc, [*defects, *item_defects]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading a course makes millions of objects and
    keeps them all, so the collector's runs would only cost time (a fifth of the check)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_course(
    docs_dir: str | Path,
    config: dict[str, Any] | None = None,
    *,
    config_file: str = "mkdocs.yml",
    config_lines: dict[KeyPath, int] | None = None,
    extra_names: frozenset[str] = frozenset(),
    cache: Any = None,
) -> Course:
    """Read every Markdown file below ``docs_dir`` once and validate its front matter.

    ``cache`` (a ``coursekit.cache.ParseCache``) returns files whose content is unchanged
    without parsing them again."""
    docs = Path(docs_dir)
    cfg, defects = load_config(config, config_file, config_lines)
    course = Course(
        docs,
        cfg or CourseConfig(organisation="?"),
        [],
        defects,
        config_file=config_file,
        config_lines=config_lines or {},
        extra_names=extra_names,
    )
    with paused_gc():
        for rel, file in markdown_files(docs):
            try:
                with open(file, encoding="utf-8-sig") as handle:
                    text = handle.read()
            except UnicodeDecodeError as exc:
                course.defects.append(Defect("YAML003", rel, 1, {"detail": str(exc)}))
                continue
            doc, doc_defects = cache.read(text, rel) if cache is not None else read_document(text, rel)
            course.documents.append(doc)
            course.defects.extend(doc_defects)
            if doc.item is not None:
                _register(course, doc, doc.item)
    return course
