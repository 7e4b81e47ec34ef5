"""OER metadata: AMB JSON-LD in every page, metadata.yml, sitemap; all from extra.course."""

from __future__ import annotations

import subprocess
import sys

import yaml

import coursekit
from coursekit.metadata import course_resource, page_resource

from amb import amb_errors
from conftest import ROOT


def test_course_and_every_page_resource_validate_against_amb():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    assert amb_errors(course_resource(course, "Beschreibung")) == []
    for doc in course.documents:
        data = page_resource(course, doc.path, doc.path)
        assert amb_errors(data) == [], doc.path
        assert data["id"].startswith(course.config.base_url)


def test_amb_validation_rejects_what_the_profile_forbids():
    """The vendored schema really checks: a licence string and a regional language fail."""
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    bad = {**course_resource(course), "license": "CC BY-SA 4.0", "inLanguage": ["de-DE"]}
    errors = amb_errors(bad)
    assert any(e.startswith("license") for e in errors)
    assert any(e.startswith("inLanguage") for e in errors)


def test_module_page_has_its_units_as_parts_and_units_point_to_module_and_course():
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    module = page_resource(course, course.doc_of("K1").path, "K1")
    assert module["type"] == ["LearningResource", "Course"]
    assert len(module["hasPart"]) == sum(len(d.units) for d in course.modules["K1"].days)
    unit = page_resource(course, course.doc_of("k1-rolle").path, "Rolle")
    assert [p["id"] for p in unit["isPartOf"]] == [module["id"], course.config.base_url]
    assert unit["learningResourceType"][0]["id"] == "https://w3id.org/kim/hcrt/lesson_plan"


def test_metadata_yml_is_generated_from_the_configuration_and_valid():
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", "metadata", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    assert amb_errors(data) == []
    assert data["creator"][0]["name"] == coursekit.load_project(ROOT / "mkdocs.yml").config.organisation
    assert [e["contentUrl"].rsplit("/", 1)[-1] for e in data["encoding"]][1:] == ["handbuch.pdf", "arbeitsheft.pdf"]
