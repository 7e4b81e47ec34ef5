"""Broken, odd and hostile input: each case ends in the exact rule it names, fast, without a
traceback; markup typed into any text field stays text in every built file."""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import escape, views
from coursekit.handbook import Entry, assemble
from coursekit.loader import parse_document

from conftest import ROOT, apply_edits, problems_of

UNIT = "docs/mod/u-zwei.md"


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: the check's time must be bounded for every input."""
    def stop(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def laughs(levels: int, width: int = 10) -> str:
    """The "billion laughs" pattern: each level refers ``width`` times to the one before."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


# The corpus: (why, edits, rule expected at (file, line)) or None for "accepted as is".
CORPUS = [
    ("two title lines", [{"file": UNIT, "replace": "title: Zweite Einheit\n",
                          "with": "title: Zweite Einheit\ntitle: Noch eine\n"}], "YAML004"),
    ("duplicate key in a nested step", [{"file": UNIT, "replace": "    phase: Erarbeiten\n",
                                        "with": "    phase: Erarbeiten\n    phase: Auswerten\n"}], "YAML004"),
    ("billion laughs, 9 levels", [{"file": UNIT, "replace": "kind: unit\n",
                                   "with": "kind: unit\n" + laughs(9)}], "YAML005"),
    ("merge key", [{"file": UNIT, "replace": "kind: unit\n",
                    "with": "kind: unit\nbase: &b {minutes: 5}\nother:\n  <<: *b\n"}], "YAML005"),
    ("front matter of 100,000 characters", [{"file": "docs/lang.md",
                                             "text": "---\ntitle: Lang\nx: " + "a" * 100_000 + "\n---\nText\n"}], "YAML006"),
    ("lists nested 5,000 deep", [{"file": "docs/tief.md",
                                  "text": "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nText\n"}], "YAML007"),
    ("Latin-1 file", [{"file": "docs/alt.md", "text": "Grüße\n", "encoding": "latin-1"}], "YAML003"),
    ("logo outside docs", [{"file": "mkdocs.yml", "replace": "    variants:\n",
                            "with": "    logo: ../../../../etc/passwd\n    variants:\n"}], "CFG004"),
    ("logo as file URL", [{"file": "mkdocs.yml", "replace": "    variants:\n",
                           "with": "    logo: file:///etc/passwd\n    variants:\n"}], "CFG004"),
    ("absolute image path", [{"file": "docs/mod/u-eins.md", "replace": "Siehe [Methode A]",
                              "with": "![Karte](/etc/passwd)\n\nSiehe [Methode A]"}], "MD003"),
    ("javascript: link in an image credit", [{"file": "docs/mod/u-eins.md", "replace": "origin: eigenes Werk}",
                                              "with": "origin: eigenes Werk, link: \"javascript:alert(1)\"}"}], "SCHEMA002"),
    ("UTF-8 with byte-order mark", [{"file": UNIT, "prepend": "\ufeff"}], None),
    ("CRLF line endings", [{"file": UNIT, "crlf": True}], None),
    ("BOM and CRLF", [{"file": UNIT, "prepend": "\ufeff", "crlf": True}], None),
]


def _edit(project: Path, edits: list[dict]) -> None:
    plain = []
    for e in edits:
        path = project / e["file"]
        if "prepend" in e or "crlf" in e:
            text = e.get("prepend", "") + path.read_text(encoding="utf-8")
            data = text.replace("\n", "\r\n") if e.get("crlf") else text
            path.write_bytes(data.encode("utf-8"))
        else:
            plain.append(e)
    apply_edits(project, plain)


@pytest.mark.parametrize("why, edits, rule", CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_case_ends_in_its_rule(why, edits, rule, base_project):
    _edit(base_project, edits)
    with deadline(5):
        course = coursekit.load_project(base_project / "mkdocs.yml")
        problems = coursekit.check(course)
    if rule is None:
        assert problems == []
        assert "u-zwei" in course.units and course.units["u-zwei"].title == "Zweite Einheit"
        assert [u.id for u in course.units_of("M1")] == ["u-eins", "u-zwei"]
    else:
        assert rule in {p.rule for p in problems}, [p.rule for p in problems]
        for p in problems:
            assert p.message and p.hint and p.line >= 1


def test_duplicate_key_names_both_lines(base_project):
    _edit(base_project, CORPUS[0][1])
    (p,) = [p for p in problems_of(base_project) if p.rule == "YAML004"]
    assert (p.file, p.line) == ("mod/u-zwei.md", 6)
    assert "zuerst in Zeile 5" in p.message and "`title`" in p.message


def test_alias_pattern_is_refused_quickly_and_small():
    import tracemalloc

    text = "---\nkind: unit\n" + laughs(9) + "---\nText\n"
    tracemalloc.start()
    started = time.perf_counter()
    with deadline(2):
        _, defects = parse_document(text, "x.md")
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.rule for d in defects] == ["YAML005"]
    assert seconds < 2 and peak < 20 * 2**20


def test_mkdocs_yml_with_aliases_is_read_once(tmp_path):
    """Aliases in mkdocs.yml are allowed (MkDocs reads them), but reading its line map must
    not expand them."""
    base = (Path(__file__).parent / "fixtures/base/mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(base + "x_laughs:\n" + "".join(
        "  " + line + "\n" for line in laughs(9).splitlines()), encoding="utf-8")
    shutil.copytree(Path(__file__).parent / "fixtures/base/docs", tmp_path / "docs")
    with deadline(5):
        assert coursekit.check(coursekit.load_project(tmp_path / "mkdocs.yml")) == []


# --- property-based cases for the new input classes ----------------------------------------

NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6).map(lambda s: "k" + s)  # not yes/no


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(levels=st.integers(1, 12), width=st.integers(2, 12))
def test_any_alias_nesting_is_refused_in_bounded_time(levels, width):
    with deadline(2):
        _, defects = parse_document("---\nkind: unit\n" + laughs(levels, width) + "---\n", "x.md")
    assert [d.rule for d in defects] == ["YAML005"]


@settings(max_examples=60, deadline=2000)
@given(keys=st.lists(NAMES, min_size=1, max_size=8, unique=True), data=st.data())
def test_any_repeated_key_is_reported_at_its_second_line(keys, data):
    again = data.draw(st.sampled_from(keys))
    lines = [f"{k}: {i}" for i, k in enumerate(keys)]
    position = data.draw(st.integers(keys.index(again) + 1, len(lines)))
    lines.insert(position, f"{again}: wieder")
    doc, defects = parse_document("---\n" + "\n".join(lines) + "\n---\n", "x.md")
    assert [(d.rule, d.line, d.args["first"]) for d in defects] == [
        ("YAML004", position + 2, keys.index(again) + 2)
    ]
    assert doc.meta[again] == keys.index(again)  # the first value counts


@settings(max_examples=60, deadline=2000)
@given(title=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and "\r" not in s),
       bom=st.booleans(), crlf=st.booleans())
def test_bom_and_line_endings_do_not_change_the_front_matter(title, bom, crlf):
    text = "---\nkind: page\ntitle: " + yaml.safe_dump(title, allow_unicode=True).split("\n...")[0].strip() + "\n---\n\nText\n"
    plain, _ = parse_document(text, "x.md")
    varied = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
    other, defects = parse_document(varied, "x.md")
    assert defects == [] and other.meta == plain.meta and other.lines == plain.lines


MARKUP = st.sampled_from(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<i data-x="1">X</i>',
                          '"><b>', "[x](javascript:alert(1))", "</td></tr><tr><td>"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markup=MARKUP, prefix=st.text(alphabet="Netzwerk ", max_size=10))
def test_markup_in_any_unit_text_stays_text_in_the_views(markup, prefix, base_project):
    path = base_project / UNIT
    text = path.read_text(encoding="utf-8")
    value = yaml.safe_dump(prefix + markup, allow_unicode=True, width=1000).split("\n...")[0].strip()
    for key in ("title", "summary", "content"):
        text = re.sub(rf"^(\s*{key}): .*$", rf"\1: {value}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    course = coursekit.load_project(base_project / "mkdocs.yml")
    out = "\n".join([
        views.unit_overview(course, "mod/u-zwei.md", "u-zwei"),
        views.unit_plan(course, "mod/u-zwei.md", "u-zwei"),
        views.run_sheet(course, "mod/index.md", "M1"),
        views.module_overview(course, "mod/index.md", "M1"),
        views.link(course, "mod/index.md", "u-zwei"),
    ])
    for tag in ("<script", "<img src=x", "<i data-x", "<b>", "</td></tr>"):
        assert tag not in out


def test_handbook_escapes_its_own_titles_and_cover():
    evil = 'Netz <script>alert(1)</script>'
    course = {"organisation": evil, "licence": "CC BY-SA 4.0", "licence_holder": evil,
              "version": evil, "contact": evil}
    document = assemble([Entry(evil, 0), Entry(evil, 1, "a/", "<p>Text</p>")], title=evil,
                        subtitle=evil, course=course, site_dir=Path("/nonexistent"))
    assert "<script>alert" not in document
    assert escape.text(evil) in document
    breakout = assemble([Entry("a", 0)], title="Kurs</style><script>x()</script>", subtitle="s", course=course,
                        site_dir=Path("/nonexistent"))
    assert "</style><script>" not in breakout and breakout.count("</style>") == 1


# --- the whole course with markup in every text field, built ---------------------------------

MARK = '<i data-x="1">X</i><script>alert(1)</script>'
TEXT_KEYS = {
    "title", "summary", "content", "purpose", "definition", "term", "author", "publisher",
    "material", "knowledge", "skills", "social", "autonomy", "goals", "municipality",
    "network_type", "contact_role", "origin", "audience", "text", "role", "description",
    "questions",
}


def _inject(value, key=None):
    if isinstance(value, dict):
        return {k: _inject(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_inject(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return f"{value} {MARK}"
    return value


def hostile_copy(target: Path) -> Path:
    """The real course with markup appended to every free-text field and config value."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks.py", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    for path in (target / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?\n)---\n", text, re.S)
        data = yaml.safe_load(match.group(1)) if match else None
        if isinstance(data, dict):
            front = yaml.safe_dump(_inject(data), allow_unicode=True, sort_keys=False, width=1000)
            path.write_text(f"---\n{front}---\n{text[match.end():]}", encoding="utf-8")
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key in ("organisation", "title", "contact", "address", "represented_by", "hosting"):
        text = re.sub(rf"^(\s+{key}: )(.+)$", lambda m: f"{m.group(1)}'{m.group(2)} {MARK}'", text,
                      count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    return target


def test_no_markup_from_content_or_configuration_reaches_a_built_file(tmp_path):
    project = hostile_copy(tmp_path / "kurs")
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    leaks = []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml", ".txt") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for raw in ("<script>alert(1)", '<i data-x="1">'):
                if raw in text:
                    leaks.append((path.relative_to(site).as_posix(), raw))
    assert leaks == []
    page = (site / "coordinators/k1/index.html").read_text(encoding="utf-8")
    assert html.escape('<i data-x="1">X</i>', quote=False) in page  # shown as text, not dropped
