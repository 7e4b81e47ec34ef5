"""One broken fixture per rule: the exact rule fires at the exact file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coursekit import RULES, Severity
from coursekit.messages import MESSAGES

from conftest import apply_edits, problems_of

CASES = sorted((Path(__file__).parent / "rules").glob("*.yml"))


def test_base_fixture_is_clean(base_project):
    assert problems_of(base_project) == []


def test_every_rule_has_a_fixture_and_a_message():
    assert {c.stem for c in CASES} == set(RULES)
    assert set(MESSAGES) == set(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_rule_fires_at_file_and_line(case, base_project):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    apply_edits(base_project, spec["edits"])
    found = [p for p in problems_of(base_project) if p.rule == case.stem]
    assert [(p.file, p.line) for p in found] == [(e["file"], e["line"]) for e in spec["expect"]]
    for p in found:
        assert p.severity is RULES[case.stem].severity
        assert p.message and p.hint and "?" not in p.message.replace("?“", "")


def test_rule_docs_have_all_four_parts():
    for r in RULES.values():
        for part in ("Was:", "Warum:", "Beispiel:", "Stattdessen:"):
            assert part in r.doc, f"{r.id} docstring lacks {part}"


def test_messages_name_the_problem_in_german(base_project):
    apply_edits(base_project, [
        {"file": "docs/mod/u-eins.md", "replace": "method: methode-a", "with": "method: methode-aa"},
    ])
    (p,) = [p for p in problems_of(base_project) if p.rule == "REF003"]
    assert p.message == "Die Methode „methode-aa“ gibt es nicht."
    assert "Meintest du „methode-a“?" in p.hint
    assert p.severity is Severity.ERROR
