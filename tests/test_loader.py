"""The check's fast paths find exactly what the slower ways find: the plain front matter reader
(coursekit.plainyaml), the front matter fence, the parse cache, and the rules' text scans."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import loader, plainyaml
from coursekit.cache import ParseCache
from coursekit.loader import MAX_DEPTH, _front_matter, markdown_files
from coursekit.rules import macros, structure

from conftest import BASE, ROOT, apply_edits

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.S)
"""The pattern ``loader._front_matter`` replaces."""


def strict(raw: str):
    """Data, lines and defects as the strict loader (PyYAML's libyaml nodes) reads them."""
    with mock.patch.object(plainyaml, "parse", return_value=None):
        doc, defects = loader._parse_front_matter(raw, "x.md", "", 1)
    return doc.meta, doc.lines, defects


def assert_same_as_strict(raw: str) -> bool:
    """Whether the fast reader took ``raw``; if it did, it read what the strict loader reads."""
    fast = plainyaml.parse(raw, MAX_DEPTH)
    if fast is None:
        return False
    meta, lines, defects = strict(raw)
    assert defects == [], raw
    assert repr(fast[0]) == repr(meta), raw  # repr: also 1 and True, "1" and 1 differ
    assert list(fast[1].items()) == list(lines.items()), raw
    return True


def front_matters(*folders: Path) -> dict[str, str]:
    found = {}
    for folder in folders:
        for rel, path in markdown_files(folder):
            fence = _front_matter(Path(path).read_text(encoding="utf-8-sig"))
            if fence:
                found[f"{folder.name}/{rel}"] = fence[0]
    return found


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return generate(3, tmp_path_factory.mktemp("synthetic") / "kurs").parent


REAL = front_matters(ROOT / "docs", ROOT / "drafts")


def test_real_course_front_matter_reads_as_the_strict_loader_reads_it():
    taken = [rel for rel, raw in REAL.items() if assert_same_as_strict(raw)]
    assert len(taken) > len(REAL) * 0.9, "the fast reader should take nearly every real page"


def test_synthetic_course_front_matter_is_read_by_the_fast_reader(synthetic):
    found = front_matters(synthetic / "docs")
    assert all(assert_same_as_strict(raw) for raw in found.values())


def test_key_lines_read_on_demand_are_the_strict_loader_lines(synthetic):
    for folder in (ROOT / "docs", synthetic / "docs"):
        for rel, path in markdown_files(folder):
            text = Path(path).read_text(encoding="utf-8-sig")
            doc, defects = loader.parse_document(text, rel)
            fence = _front_matter(text)
            assert list(doc.lines.items()) == list(strict(fence[0])[1].items() if fence else []), rel


@pytest.mark.parametrize("raw", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a: 1.5\n", "a: 12:30\n", "a: 0x1f\n",
    "a: text\n  continued\n", 'a: "two\n  lines"\n', "a: |+\n  x\n", "a: >2\n   x\n", "a: [x,\n  y]\n",
    "a:\n\tb: 1\n", "a: x\r\n", "yes: 1\n", "<<: {a: 1}\n", "? a\n: 1\n", "- a\n", "  a: 1\n", "a: b: c\n",
    "a: 'x' y\n", "a: {b: 1, b: 2}\n", "a: [x, ]\n", "a: >\n  x\n   more\n", "a: |\n  x  \n", "a: @x\n",
    "%YAML 1.1\n--- a\n", "a: x\u2028y\n",
])
def test_unusual_front_matter_is_left_to_the_strict_loader(raw):
    assert plainyaml.parse(raw, MAX_DEPTH) is None


@pytest.mark.parametrize("raw", [
    "a: 1 # comment\nb: 'it''s'  # x\nc: \"#1\"\n# a comment line\nd: x#y\n",
    "a: >-\n  one\n  two\n\n  three\nb: |\n  one\n  # not a comment\n\n  two\n\n\nc: x\n",
    "a:\n- x\n- {b: 1, c: [y, 'z, w']}\nd:\n  - e: 1\n    f:\n    - 2\n  - ~\n",
    "a: [http://example.org/x, a:b]\nb: {c: on, d: Null, e: 2020-02-29, f: 12}\n",
    "a: []\nb: {}\nc: [ ]\nd:\ne: yes\nf: 1_000\ng: 2027-02\nh: 09:00\n",
])
def test_plain_front_matter_reads_as_the_strict_loader_reads_it(raw):
    assert assert_same_as_strict(raw)


def test_only_plain_printable_characters_are_read_fast():
    """Tabs, carriage returns, other line breaks, byte-order marks and what YAML does not print."""
    plain = {0x0A, *range(0x20, 0x7F), *range(0xA0, 0xD800), *range(0xE000, 0xFFFE), *range(0x10000, 0x110000)}
    plain -= {0x2028, 0x2029, 0xFEFF}
    assert [c for c in range(0x110000) if (plainyaml._ODD.match(chr(c)) is None) != (c in plain)] == []


def nested(depth: int) -> str:
    """Front matter whose deepest key has ``depth`` keys above and including it."""
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth))


def test_front_matter_too_deep_is_left_to_the_strict_loader():
    assert strict(nested(MAX_DEPTH + 1))[2][0].rule == "YAML007"
    assert plainyaml.parse(nested(MAX_DEPTH + 1), MAX_DEPTH) is None
    assert assert_same_as_strict(nested(MAX_DEPTH))


PIECES = [" ", "  ", "#", " #", ":", ": ", "'", '"', "-", "- ", "[", "]", "{", "}", ",", ", ", "&a", "*a",
          "!", "|", ">", ">-", "?", "\\", "yes", "~", "null", "1", "1.5", "2020-01-01", "12:30", "\t", "é",
          "\n", "\n  ", "\n    ", "\n- ", "\n\n"]
LINES = ["# c", "a: >-", "b: |", "  x y", "  - z", "- q", "g:", "h: [a, b]  # c", "i: {a: 1, b: [x, 'y']}",
         "", "j: 'a''b' # c", "yes: 1", "m: 2020-13-01", "u: ~", "  y: 1", "z: a:b", "cc: {a: }", "f: {a:b}"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_edited_front_matter_reads_as_the_strict_loader_reads_it(data):
    lines = data.draw(st.sampled_from(sorted(REAL.values()))).split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        kind = data.draw(st.sampled_from(["insert", "delete", "indent", "line"]))
        if kind == "insert":
            at = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + data.draw(st.sampled_from(PIECES)) + lines[i][at:]
        elif kind == "delete" and lines[i]:
            at = data.draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:at] + lines[i][at + 1:]
        elif kind == "indent":
            lines[i] = " " * data.draw(st.integers(0, 5)) + lines[i].lstrip(" ")
        else:
            lines.insert(i, data.draw(st.sampled_from(LINES)))
    assert_same_as_strict("\n".join(lines).rstrip("\n") + "\n")


FENCES = ["---\n---\n", "---\n...\n", "---\n--- \nx", "--- \t\r\na: 1\r\n---\r\nbody", "---\na\n---", "---\n",
          "---", "----\n---\n", "---\na: 1\n... x\n...\n", "x---\n---\n", "---\n---\n\na\n---\n", "---\na\n---\rb"]


@settings(max_examples=300, deadline=None)
@given(text=st.sampled_from(FENCES + sorted(f"---\n{raw}---\nText\n---\n" for raw in REAL.values())),
       at=st.integers(0, 400), piece=st.sampled_from(["---", "\n", "\r\n", "...", " ", "\t", "\n---\n", "x", ""]))
def test_front_matter_fence_is_found_as_the_pattern_finds_it(text, at, piece):
    text = text[:at] + piece + text[at:]
    match = _FENCE.match(text)
    assert _front_matter(text) == ((match.group(1) or "", match.end()) if match else None)


@pytest.mark.parametrize("case", ["YAML001", "YAML004", "YAML005", "SCHEMA002", "ID001", "VOCAB001", "IMG001"])
def test_parse_cache_gives_what_parsing_gives(case, base_project, tmp_path):
    apply_edits(base_project, yaml.safe_load((Path(__file__).parent / "rules" / f"{case}.yml").read_text("utf-8"))["edits"])
    config = base_project / "mkdocs.yml"
    expected = coursekit.check(coursekit.load_project(config))
    cold = ParseCache(tmp_path / "cache")
    assert coursekit.check(coursekit.load_project(config, cache=cold)) == expected
    warm = ParseCache(tmp_path / "cache")
    assert coursekit.check(coursekit.load_project(config, cache=warm)) == expected
    assert (warm.hits, warm.misses) == (cold.misses, 0) and cold.misses > 0
    assert any(p.rule == case for p in expected)


@settings(max_examples=500, deadline=None)
@given(body=st.text(alphabet="{}%# a\n", max_size=30))
def test_braces_are_counted_as_str_count_counts_them(body):
    assert macros._braces(body) == (body.count("{{"), body.count("}}"), "{%" in body or "{#" in body)


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
"""The heading pattern ``structure._sections`` used before it looked only after line breaks."""


@settings(max_examples=300, deadline=None)
@given(text=st.sampled_from(sorted(Path(p).read_text(encoding="utf-8") for _, p in markdown_files(ROOT / "docs"))),
       start=st.integers(0, 5000), length=st.integers(0, 5000))
def test_sections_are_the_h1_and_h2_headings(text, start, length):
    text = text[start:start + length]
    heads = [m for m in _HEADING.finditer(text) if len(m.group(1)) <= 2]
    expected = {}
    for k, m in enumerate(heads):
        if len(m.group(1)) == 2 and m.group(2) not in expected:
            end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            expected[m.group(2)] = (7 + text.count("\n", 0, m.start()), m.end(), end)
    doc = loader.Document("x.md", {}, text, 7)
    doc.cache["prose"] = text
    assert structure._sections(doc) == expected
