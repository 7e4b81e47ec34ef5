"""Property-based tests: whatever the front matter, the loader and the checks answer with
rule-id problems, never with an exception."""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coursekit
from coursekit.loader import load_course
from coursekit.rules import RULES, check

KEYS = st.sampled_from([
    "kind", "id", "module", "title", "duration", "summary", "goals", "steps", "worksheets",
    "materials", "literature", "track", "days", "units", "breaks", "prerequisites", "minutes",
    "phase", "content", "method", "social_form", "group_size", "duration", "settings", "terms",
    "entries", "year", "author", "min", "max", "knowledge", "skills", "after_unit",
]) | st.text(alphabet=string.ascii_letters + "_", min_size=1, max_size=8)
SCALARS = (
    st.none() | st.booleans() | st.integers(-5, 400)
    | st.sampled_from(["unit", "module", "method", "worksheet", "glossary", "practice",
                       "bibliography", "K1", "k1-rolle", "Plenum", "Einsteigen", "09:00", ""])
    | st.text(max_size=12)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=8)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=FRONT_MATTER, body=st.text(max_size=80))
def test_arbitrary_front_matter_gives_problems_not_exceptions(tmp_path, front, body):
    _write(tmp_path, "page.md", "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body)
    course = load_course(tmp_path, {"organisation": "Test"})
    for problem in check(course):
        assert problem.rule in RULES and problem.line >= 1 and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(alphabet=string.printable + "äöüß„“", max_size=200))
def test_arbitrary_text_as_yaml_gives_problems_not_exceptions(tmp_path, raw):
    _write(tmp_path, "page.md", "---\n" + raw + "\n---\nText\n")
    course = load_course(tmp_path, {"organisation": "Test"})
    assert all(p.rule in RULES for p in check(course))


@settings(max_examples=60, deadline=None)
@given(config=st.dictionaries(KEYS, VALUES, max_size=6))
def test_arbitrary_course_config_gives_problems_not_exceptions(config):
    course = load_course("/nonexistent-docs", config)
    assert all(p.rule in RULES for p in coursekit.check(course))


BASE_UNIT = yaml.safe_load(
    (__import__("pathlib").Path(__file__).parent / "fixtures/base/docs/mod/u-eins.md")
    .read_text(encoding="utf-8").split("---")[1]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(BASE_UNIT)), value=VALUES, step=st.integers(0, 1), step_key=KEYS)
def test_one_broken_field_of_a_valid_unit(tmp_path, key, value, step, step_key):
    unit = {**BASE_UNIT, key: value}
    if key != "steps":
        unit["steps"] = [dict(s) for s in BASE_UNIT["steps"]]
        unit["steps"][step][step_key] = value
    _write(tmp_path, "u.md", "---\n" + yaml.safe_dump(unit, allow_unicode=True) + "---\n{{ unit_plan() }}\n")
    _write(tmp_path, "m.md", "---\nkind: module\nid: M1\ntitle: M\ntrack: leaders\nsummary: S.\n"
           "goals: [Z]\ndays:\n  - units: [u-eins]\n---\n{{ run_sheet() }}\n")
    course = load_course(tmp_path, {"organisation": "Test"})
    assert all(p.rule in RULES for p in check(course))
