"""Validate metadata against the vendored AMB JSON Schema (offline, formats checked)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

AMB = Path(__file__).parent / "vendor" / "amb"


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in AMB.glob("*.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    root = json.loads((AMB / "schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(root, registry=registry, format_checker=FormatChecker())


def amb_errors(document: dict) -> list[str]:
    """Every AMB violation as 'path: message'; empty when the document is valid."""
    errors = sorted(validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(Wurzel)'}: {e.message}" for e in errors]


def jsonld_of(html: str) -> list[dict]:
    """The JSON-LD blocks in a page."""
    import re

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]
