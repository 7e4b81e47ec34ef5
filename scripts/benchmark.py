"""Benchmark (not a test): times the fast check, the site-only build and the full build.

Usage: .venv/bin/python scripts/benchmark.py [--repeat N]
Prints a table; numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

import coursekit

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def mkdocs_build(site: Path, pdf: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        env["ENABLE_PDF_EXPORT"] = "1"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    site = Path(tempfile.mkdtemp()) / "site"

    def check() -> None:
        coursekit.check(coursekit.load_project(ROOT / "mkdocs.yml"))

    rows = [
        ("fast check (in-process)", timed(check, args.repeat * 5)),
        ("check command (new process)", timed(lambda: subprocess.run(
            [sys.executable, "-m", "coursekit", "check"], cwd=ROOT, check=True, capture_output=True
        ), args.repeat)),
        ("site build, no PDF", timed(lambda: mkdocs_build(site, pdf=False), args.repeat)),
        ("full build with PDF", timed(lambda: mkdocs_build(site, pdf=True), 1)),
    ]
    pages = len(pypdf.PdfReader(site / "pdf" / "handbuch.pdf").pages)
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    print(f"course: {len(course.documents)} pages, {len(course.modules)} modules, "
          f"{len(course.units)} units, {len(course.methods)} methods")
    print(f"{'step':32} {'median s':>9} {'min s':>8} {'runs':>5}")
    for name, times in rows:
        print(f"{name:32} {statistics.median(times):9.3f} {min(times):8.3f} {len(times):5d}")
    pdf_seconds = rows[3][1][0] - statistics.median(rows[2][1])
    print(f"handbook PDF: {pages} pages, {pages / pdf_seconds:.1f} pages/s "
          f"(full build minus site build: {pdf_seconds:.1f} s)")


if __name__ == "__main__":
    main()
