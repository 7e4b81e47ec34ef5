"""The course of the build in progress.

MkDocs loads ``hooks.py`` and mkdocs-macros loads it a second time as its own module, so the
two copies share their state through this imported module, not through their own globals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Course
    from .problems import Problem

course: Course | None = None
late_problems: list[Problem] = []
pages: dict[str, tuple[str, str]] = {}
"""Page URL -> (docs path, converted HTML) of the pages rendered in this build."""
nav: list = []
"""The ordered navigation items of this build (for the print path)."""
timings: dict[str, float] = {}
"""Seconds spent in our hooks and macros during this build, by step (for the benchmark)."""
