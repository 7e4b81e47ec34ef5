"""OER metadata of the course: AMB (Allgemeines Metadatenprofil für Bildungsressourcen, DINI AG
KIM) as JSON-LD for every page's head and as ``metadata.yml`` in the repository root.

Everything comes from the ``extra.course`` block and the course model, so a fork's name,
licence holder and address appear here without editing anything else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .loader import Course

__all__ = ["course_resource", "page_resource", "page_url", "metadata_yml", "PDFS"]

CONTEXT = ["https://w3id.org/kim/amb/context.jsonld", {"@language": "de"}]
HCRT = "https://w3id.org/kim/hcrt/"
PDFS = {"pdf/handbuch.pdf": "Handbuch für Trainerinnen und Trainer",
        "pdf/arbeitsheft.pdf": "Arbeitsheft für Teilnehmende"}
# HCRT resource type of each page kind; pages without a kind are web pages.
RESOURCE_TYPES = {
    "module": ("course", "Kurs"),
    "unit": ("lesson_plan", "Unterrichtsplanung"),
    "method": ("lesson_plan", "Unterrichtsplanung"),
    "worksheet": ("worksheet", "Arbeitsmaterial"),
    "practice": ("case_study", "Fallstudie"),
    "glossary": ("index", "Nachschlagewerk"),
    "bibliography": ("index", "Nachschlagewerk"),
    None: ("web_page", "Webseite"),
}


def _concept(uri: str, label: str) -> dict[str, Any]:
    return {"id": uri, "type": "Concept", "prefLabel": {"de": label}}


def page_url(course: Course, path: str) -> str:
    """Absolute URL of a page below docs/ (the offline build has no directory URLs)."""
    return _base(course) + path[:-3] + ".html"


def _base(course: Course) -> str:
    base = course.config.base_url or ""
    return base if base.endswith("/") else base + "/"


def _common(course: Course) -> dict[str, Any]:
    cfg = course.config
    return {
        "creator": [{"type": "Organization", "name": cfg.organisation}],
        "publisher": [{"type": "Organization", "name": cfg.organisation}],
        "license": {"id": cfg.licence_url},
        "inLanguage": ["de"],
        "audience": [_concept(
            "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/professional", "Fachleute")],
        "educationalLevel": [_concept("https://w3id.org/kim/educationalLevel/level_10", "Fortbildung")],
        "about": [
            _concept("https://w3id.org/kim/hochschulfaechersystematik/n27", "Sozialwesen"),
            _concept("https://w3id.org/kim/hochschulfaechersystematik/n29", "Verwaltungswissenschaften"),
        ],
        "isAccessibleForFree": True,
        "conditionsOfAccess": _concept("http://w3id.org/kim/conditionsOfAccess/no_login", "ohne Anmeldung"),
    }


def _offered_modules(course: Course) -> list[str]:
    cfg = course.config
    chosen = cfg.variants.get(cfg.variant or "", [])
    return [m for m in chosen if m in course.modules] or list(course.modules)


def course_resource(course: Course, description: str = "") -> dict[str, Any]:
    """The whole course: a Course with its modules as parts and the PDFs as encodings."""
    cfg = course.config
    base = _base(course)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": base,
        "type": ["LearningResource", "Course"],
        "name": cfg.title,
        **({"description": description} if description else {}),
        **_common(course),
        "learningResourceType": [_concept(HCRT + "course", "Kurs")],
        "keywords": ["Netzwerkarbeit", "Kommune", "Netzwerkkoordination", "Wirkungsorientierung",
                     "Führung", "Fortbildung"],
        "version": cfg.version,
        "hasPart": [
            {"id": page_url(course, course.doc_of(m).path), "type": ["LearningResource", "Course"],
             "name": f"{m}: {course.modules[m].title}"}
            for m in _offered_modules(course)
        ],
        "encoding": [
            {"type": "MediaObject", "contentUrl": base, "encodingFormat": "text/html"},
            *({"type": "MediaObject", "contentUrl": base + pdf, "encodingFormat": "application/pdf",
               "name": name} for pdf, name in PDFS.items()),
        ],
    }
    if cfg.upstream:
        data["isBasedOn"] = [{"id": cfg.upstream.url, "type": ["LearningResource", "Course"],
                              "name": cfg.upstream.title, "license": {"id": cfg.licence_url}}]
    return data


def page_resource(course: Course, path: str, title: str, description: str = "") -> dict[str, Any]:
    """One page: its own resource, part of its module (units, worksheets) and of the course."""
    if path == "index.md":
        return course_resource(course, description)
    doc = course.doc_at(path)
    item = doc.item if doc else None
    kind = getattr(item, "kind", None)
    code, label = RESOURCE_TYPES.get(kind, RESOURCE_TYPES[None])
    parents = [{"id": _base(course), "type": ["LearningResource", "Course"], "name": course.config.title}]
    module_id = getattr(item, "module", None)
    if module_id in course.modules:
        parents.insert(0, {"id": page_url(course, course.doc_of(module_id).path),
                           "type": ["LearningResource", "Course"], "name": course.modules[module_id].title})
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": page_url(course, path),
        "type": ["LearningResource", "Course"] if kind == "module" else ["LearningResource"],
        "name": title,
        **({"description": description} if description else {}),
        **_common(course),
        "learningResourceType": [_concept(HCRT + code, label)],
        "isPartOf": parents,
    }
    if kind == "module":
        data["hasPart"] = [
            {"id": page_url(course, course.doc_of(u).path), "type": ["LearningResource"],
             "name": course.units[u].title}
            for day in item.days for u in day.units if u in course.units
        ]
    return data


def metadata_yml(course: Course, description: str = "") -> str:
    """``metadata.yml`` for OER platforms: the course resource as YAML."""
    header = (
        "# OER metadata (AMB, DINI AG KIM) of this course. Generated from extra.course in\n"
        "# mkdocs.yml by `python -m coursekit metadata`; do not edit by hand.\n"
    )
    return header + yaml.safe_dump(course_resource(course, description), allow_unicode=True, sort_keys=False)


def write_metadata(course: Course, path: Path, description: str = "") -> Path:
    path.write_text(metadata_yml(course, description), encoding="utf-8")
    return path
