"""A fast reader for plain front matter, with the same data and lines as the strict loader.

Front matter is nearly always plain: block mappings and lists, one-line scalars (plain or
quoted, perhaps with a comment), one-line flow lists and mappings, and ``>``/``|`` text blocks.
``parse`` reads that in one pass over the lines, twice as fast as libyaml composing nodes that
the loader then walks. Anything else (anchors, tags, multi-line plain or quoted scalars,
duplicate keys, floats, times, tabs, ...) makes it return ``None``, and the strict loader reads
the file; so do all the cases the strict loader turns into defects. Plain scalars are typed with
PyYAML's own implicit resolvers, so ``yes``, ``~`` and ``12`` mean what they mean there.
tests/test_loader.py compares both readers on every page of the course and on edited ones.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

__all__ = ["parse"]

_RESOLVERS = getattr(yaml, "CSafeLoader", yaml.SafeLoader).yaml_implicit_resolvers
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9_]*)")

_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Tabs, carriage returns, other line breaks and non-printable characters: left to the loader."""
_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
_KEY = re.compile(rf"({_NAME}):(?: +(.*))?")
_FLOW_KEY = re.compile(rf"({_NAME}): +")
_FLOW_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s][^,\[\]{}#:?]*(?::[^\s,\[\]{}#:?][^,\[\]{}#:?]*)*")
"""A plain scalar inside ``[...]`` or ``{...}``: no flow indicators, no comment, ``:`` only
inside a word (as in an address)."""
_SIMPLE_LIST = re.compile(rf"\[ *(?:{_FLOW_PLAIN.pattern} *(?:, *{_FLOW_PLAIN.pattern} *)*)?\]")
_SIMPLE_MAP = re.compile(
    rf"\{{ *(?:{_NAME}: +{_FLOW_PLAIN.pattern} *(?:, *{_NAME}: +{_FLOW_PLAIN.pattern} *)*)?\}}"
)
"""One-level flow lists and mappings of plain scalars, the usual case."""
_DOUBLE = re.compile(r'"([^"\\]*)"')
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_SPACES = re.compile(r" *")
_COMMENT = re.compile(r" +#.*")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_INDICATORS = frozenset("-?:,]}#&*!|>%@`")


class _Unusual(Exception):
    """Not plain front matter: the strict loader decides."""


def _scalar(text: str) -> Any:
    """A plain scalar, typed like ``loader._construct`` types it."""
    resolvers = _RESOLVERS.get(text[0])
    if resolvers is None:
        return text
    for tag, regexp in resolvers:
        if regexp.match(text):
            break
    else:
        return text
    if tag == _INT and _DECIMAL.fullmatch(text):
        return int(text.replace("_", ""))
    if tag == _BOOL:
        return text.lower() in ("yes", "true", "on")
    if tag == _NULL:
        return None
    date = _DATE.fullmatch(text) if tag == _TIMESTAMP else None
    if date is not None:
        try:
            return datetime.date(*map(int, date.groups()))
        except ValueError:
            pass
    raise _Unusual  # floats, times, other integers, merge keys: PyYAML constructs them


_KEYS: set[str] = set()
"""Keys found to be strings (there are few different ones)."""


def _key(text: str) -> str:
    if text not in _KEYS:
        if text[0] in _RESOLVERS and any(regexp.match(text) for _, regexp in _RESOLVERS[text[0]]):
            raise _Unusual  # a key like ``yes`` or ``null`` is not a string in YAML 1.1
        if len(_KEYS) < 10_000:
            _KEYS.add(text)
    return text


class _Reader:
    """One front matter's lines, read from the top; ``lines`` gets the line of every key path."""

    def __init__(self, raw_lines: list[str], tokens: list[tuple[int, int, str]], max_depth: int,
                 lines: dict[tuple, int] | None) -> None:
        self.raw_lines = raw_lines
        self.tokens = tokens  # (indent, line index, text) of every line with content, then (-1, …)
        self.i = 0
        self.max_depth = max_depth
        self.lines = lines

    def mapping(self, indent: int, path: tuple) -> dict:
        if len(path) >= self.max_depth:
            raise _Unusual
        out: dict[str, Any] = {}
        tokens, lines = self.tokens, self.lines
        while True:
            ind, no, text = tokens[self.i]
            if ind < indent:
                break
            match = _KEY.fullmatch(text) if ind == indent else None
            if match is None:
                raise _Unusual
            key, value = match.groups()
            if key in out:
                raise _Unusual  # a duplicate key is a defect (YAML004)
            sub = (*path, key if key in _KEYS else _key(key))
            if lines is not None:
                lines[sub] = no + 2
            self.i += 1
            if value is None or value[0] == "#":
                out[key] = self.nested(indent, sub)
            elif value[0] in "|>":
                out[key] = self.block(value, indent, no)
            else:
                out[key] = self.inline(value, indent, sub, no)
        return out

    def nested(self, indent: int, path: tuple) -> Any:
        """The value of ``key:`` on the lines below: a mapping, a list or nothing (null)."""
        ind, _, text = self.tokens[self.i]
        if text == "-" or text.startswith("- "):
            return self.sequence(ind, path) if ind >= indent else None
        return self.mapping(ind, path) if ind > indent else None

    def sequence(self, indent: int, path: tuple) -> list:
        if len(path) >= self.max_depth:
            raise _Unusual
        out: list[Any] = []
        tokens = self.tokens
        while True:
            ind, no, text = tokens[self.i]
            if ind < indent:
                break
            if ind > indent or text == "-":
                raise _Unusual
            if not text.startswith("- "):
                break  # a key after a list written at its key's indent
            sub = (*path, len(out))
            if self.lines is not None:
                self.lines[sub] = no + 2
            rest = text[2:].lstrip(" ")
            if _KEY.fullmatch(rest):  # a mapping that starts on the item's line
                tokens[self.i] = (ind + len(text) - len(rest), no, rest)
                out.append(self.mapping(ind + len(text) - len(rest), sub))
            else:
                self.i += 1
                out.append(self.inline(rest, ind, sub, no))
        return out

    def inline(self, text: str, indent: int, path: tuple, no: int) -> Any:
        """A value on its key's (or list item's) line, perhaps with a comment after it; no
        continuation lines."""
        first = text[0]
        if first == '"' or first == "'":
            match = (_DOUBLE if first == '"' else _SINGLE).match(text)
            if match is None:
                raise _Unusual
            value: Any = match.group(1) if first == '"' else match.group(1).replace("''", "'")
            end = match.end()
        elif first == "[" or first == "{":
            value, end = self.flow(text, 0, path, no)
        else:
            end = text.find(" #")
            if end >= 0:
                text = text[:end].rstrip(" ")
            if first in _INDICATORS or ": " in text or text[-1] == ":":
                raise _Unusual
            value, end = _scalar(text) if first in _RESOLVERS else text, len(text)
        if end != len(text) and not _COMMENT.fullmatch(text, end):
            raise _Unusual
        if self.tokens[self.i][0] > indent:
            raise _Unusual  # continued on the next line
        return value

    def block(self, header: str, indent: int, no: int) -> str:
        """A ``|``/``>`` text block (``-`` or no chomping indicator), every line at one indent."""
        if header not in ("|", "|-", ">", ">-"):
            raise _Unusual
        raw_lines, j = self.raw_lines, no + 1
        first = raw_lines[j] if j < len(raw_lines) else ""
        text = first.lstrip(" ")
        width = len(first) - len(text)
        if not text or width <= indent:
            raise _Unusual
        prefix, chunks = " " * width, []
        while j < len(raw_lines):
            line = raw_lines[j]
            if line and not line.startswith(prefix):
                break
            text = line[width:]
            if text[:1] == " " or text[-1:] == " " or (line and not text):
                raise _Unusual  # more indented lines and trailing spaces have their own rules
            chunks.append(text)
            j += 1
        while chunks[-1] == "":
            chunks.pop()
        if header[0] == "|":
            value = "\n".join(chunks)
        else:
            parts, empty = [chunks[0]], 0
            for text in chunks[1:]:
                if not text:
                    empty += 1
                    continue
                parts.append("\n" * empty if empty else " ")
                parts.append(text)
                empty = 0
            value = "".join(parts)
        tokens = self.tokens
        while tokens[self.i][1] < j:
            self.i += 1
        if tokens[self.i][0] > indent:
            raise _Unusual
        return value if header[-1] == "-" else value + "\n"

    def flow(self, s: str, pos: int, path: tuple, no: int) -> tuple[Any, int]:
        """``[...]`` or ``{...}`` from ``s[pos]`` to its closing bracket on the same line."""
        if len(path) >= self.max_depth:
            raise _Unusual
        simple = (_SIMPLE_LIST if s[pos] == "[" else _SIMPLE_MAP).match(s, pos)
        if simple is not None:  # the usual case: plain scalars only, split at the commas
            return self.simple_flow(simple.group(), path, no), simple.end()
        closing = "]" if s[pos] == "[" else "}"
        out: Any = [] if closing == "]" else {}
        pos = _SPACES.match(s, pos + 1).end()
        if s[pos:pos + 1] == closing:
            return out, pos + 1
        while True:
            if closing == "]":
                sub = (*path, len(out))
            else:
                match = _FLOW_KEY.match(s, pos)
                if match is None or match.group(1) in out:
                    raise _Unusual
                sub, pos = (*path, _key(match.group(1))), match.end()
            if self.lines is not None:
                self.lines[sub] = no + 2
            value, pos = self.flow_item(s, pos, sub, no)
            if closing == "]":
                out.append(value)
            else:
                out[sub[-1]] = value
            pos = _SPACES.match(s, pos).end()
            char = s[pos:pos + 1]
            if char == closing:
                return out, pos + 1
            if char != ",":
                raise _Unusual
            pos = _SPACES.match(s, pos + 1).end()
            if s[pos:pos + 1] in (closing, ""):
                raise _Unusual  # a trailing comma

    def simple_flow(self, s: str, path: tuple, no: int) -> Any:
        """A flow list or mapping of plain scalars that ``_SIMPLE_LIST`` or ``_SIMPLE_MAP``
        matched: split at the commas."""
        lines, line = self.lines, no + 2
        items = [item.strip(" ") for item in s[1:-1].split(",")]
        if items == [""]:
            return [] if s[0] == "[" else {}
        if s[0] == "[":
            if lines is not None:
                for i in range(len(items)):
                    lines[(*path, i)] = line
            return [_scalar(item) if item[0] in _RESOLVERS else item for item in items]
        out = {}
        for item in items:
            key, _, value = item.partition(":")
            if key in out:
                raise _Unusual
            key = key if key in _KEYS else _key(key)
            if lines is not None:
                lines[(*path, key)] = line
            value = value.lstrip(" ")
            out[key] = _scalar(value) if value[0] in _RESOLVERS else value
        return out

    def flow_item(self, s: str, pos: int, path: tuple, no: int) -> tuple[Any, int]:
        first = s[pos:pos + 1]
        if first == "[" or first == "{":
            return self.flow(s, pos, path, no)
        if first == '"' or first == "'":
            match = (_DOUBLE if first == '"' else _SINGLE).match(s, pos)
            if match is None:
                raise _Unusual
            return (match.group(1) if first == '"' else match.group(1).replace("''", "'")), match.end()
        match = _FLOW_PLAIN.match(s, pos)
        if match is None:
            raise _Unusual
        return _scalar(match.group().rstrip(" ")), match.end()


def parse(raw: str, max_depth: int, *, lines: bool = True) -> tuple[dict[str, Any], dict[tuple, int] | None] | None:
    """Data and key lines (``None`` without ``lines``) of plain front matter ``raw`` (the text
    between the fences, whose first line is line 2 of the file), or ``None`` when it is not
    plain."""
    if _ODD.search(raw):
        return None
    raw_lines = raw.split("\n")
    tokens = [
        (len(line) - len(text), no, text.rstrip(" "))
        for no, line in enumerate(raw_lines) if (text := line.lstrip(" ")) and text[0] != "#"
    ]
    if not tokens or tokens[0][0] != 0:
        return None
    tokens.append((-1, len(raw_lines), ""))  # ends every block
    reader = _Reader(raw_lines, tokens, max_depth, {(): tokens[0][1] + 2} if lines else None)
    try:
        data = reader.mapping(0, ())
    except _Unusual:
        return None
    if reader.i != len(tokens) - 1:
        return None
    return data, reader.lines
