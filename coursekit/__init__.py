"""coursekit: the framework-agnostic core of the course build (model, checks, views)."""

from __future__ import annotations

import os
from pathlib import Path

from .config import config_duplicates, course_block, read_mkdocs_yml
from .loader import Course, Defect, load_course
from .problems import Problem, Severity, annotation, format_problem, summary
from .rules import RULES, check

__all__ = [
    "Course", "Problem", "RULES", "Severity", "check", "in_ci", "load_project", "report",
]


def load_project(
    config_file: str | Path = "mkdocs.yml", docs_dir: str | Path | None = None, *, cache=None
) -> Course:
    """Load the course of a project from its mkdocs.yml (no MkDocs needed). ``cache``: a
    ``coursekit.cache.ParseCache`` that skips parsing unchanged files (saved afterwards)."""
    config_file = Path(config_file)
    data, lines = read_mkdocs_yml(config_file)
    block, block_lines, extra_names = course_block(data, lines)
    docs = project_docs(config_file, data) if docs_dir is None else Path(docs_dir)
    course = load_course(
        docs, block, config_file=config_file.name, config_lines=block_lines, extra_names=extra_names,
        cache=cache,
    )
    if cache is not None:
        cache.save()
    course.defects += [
        Defect("YAML004", config_file.name, second, {"key": key, "first": first})
        for key, first, second in config_duplicates(config_file)
    ]
    return course


def project_docs(config_file: Path, data: dict | None = None) -> Path:
    """The docs folder a mkdocs.yml names (``docs_dir``, default ``docs``)."""
    data = data if data is not None else read_mkdocs_yml(config_file)[0]
    return Path(config_file).parent / data.get("docs_dir", "docs")


def in_ci() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS") or os.environ.get("GITLAB_CI"))


def report(problems: list[Problem], docs_prefix: str = "docs/") -> list[str]:
    """Lines to print for these problems (plus CI annotations when running in CI)."""
    out = [format_problem(p, docs_prefix) for p in problems]
    if in_ci():
        out += [annotation(p, docs_prefix) for p in problems]
    return out
