"""Benchmark (not a test): how long the checks, the site and the PDFs take, side by side.

Usage: .venv/bin/python scripts/benchmark.py [--repeat 3] [--quick]
Prints one table. Numbers depend on the machine; run it on an otherwise idle machine.

Rows:
- plain Material build of the same pages (no hooks, no macros) vs. our site build (ratio)
- PDF pages per second: the same handbook with Material's screen CSS vs. the lean print path
  (untagged and tagged PDF/UA)
- full build with an empty PDF cache (cold) vs. unchanged rebuild (cached)
- fast check on the real course and on synthetic courses of 10, 100 and 1,000 modules
- `mkdocs serve`: time from saving a unit to the finished rebuild
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf
import weasyprint
import yaml

import coursekit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("ENABLE_PDF_EXPORT", None)
rows: list[tuple[str, str, str]] = []


def row(what: str, value: str, note: str = "") -> None:
    rows.append((what, value, note))
    print(f"  {what}: {value} {note}", file=sys.stderr, flush=True)


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mkdocs(*args: str, pdf: bool = False, config: Path | None = None, cwd: Path = ROOT) -> None:
    env = {**ENV, **({"ENABLE_PDF_EXPORT": "1"} if pdf else {})}
    cmd = [sys.executable, "-m", "mkdocs", *args]
    if config:
        cmd += ["-f", str(config)]
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True)


def plain_config(work: Path) -> Path:
    """mkdocs.yml without our hooks and without macros: Material alone on the same pages."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["strict"] = False
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def bench_site(work: Path, repeat: int) -> None:
    site = work / "site"
    plain = median_time(lambda: mkdocs("build", "-q", "-d", str(site), config=plain_config(work)), repeat)
    totals, ours = [], []
    for _ in range(repeat):
        env = {**ENV}
        out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                             cwd=ROOT, env=env, check=True, capture_output=True, text=True).stderr
        totals.append(float(re.search(r"Documentation built in ([\d.]+) seconds", out).group(1)))
        ours.append(float(re.search(r"coursekit: ([\d.]+) s in Hooks", out).group(1)))
    total, spent = statistics.median(totals), statistics.median(ours)
    row("site build, Material alone (hooks and macros off, so fewer generated tables)", f"{plain:.2f} s")
    row("site build, ours (as reported by MkDocs)", f"{total:.2f} s")
    row("  of which our hooks, checks and macros", f"{spent:.2f} s",
        f"{spent / total * 100:.1f} % of the build (target <= 10 %)")


def bench_pdf(work: Path) -> None:
    cache = ROOT / ".cache" / "pdf"
    saved = work / "pdf-cache"
    if cache.exists():
        shutil.move(cache, saved)
    try:
        site = work / "site-pdf"
        cold = median_time(lambda: mkdocs("build", "--strict", "-q", "-d", str(site), pdf=True), 1)
        cached = median_time(lambda: mkdocs("build", "--strict", "-q", "-d", str(site), pdf=True), 1)
    finally:
        if saved.exists():
            shutil.rmtree(cache, ignore_errors=True)
            shutil.move(saved, cache)
    pages = len(pypdf.PdfReader(site / "pdf" / "handbuch.pdf").pages)
    sheets = len(pypdf.PdfReader(site / "pdf" / "arbeitsheft.pdf").pages)
    row("full build with both PDFs, cold cache", f"{cold:.1f} s", f"handbook {pages} + workbook {sheets} pages")
    row("full build, unchanged, PDFs from cache", f"{cached:.2f} s", "target < 5 s")

    lean = (ROOT / ".cache" / "pdf" / "handbuch.html").read_text(encoding="utf-8")
    css = "".join(
        f'<link rel="stylesheet" href="{p.as_uri()}">'
        for p in sorted((site / "assets" / "stylesheets").glob("*.css"))
    )
    material = re.sub(r"<style>.*?</style>", css, lean, count=1, flags=re.S)
    for label, document, tagged in (
        ("PDF with Material's screen CSS (before)", material, False),
        ("PDF, lean print path, untagged", lean, False),
        ("PDF, lean print path, tagged PDF/UA-1 (default)", lean, True),
    ):
        start = time.perf_counter()
        rendered = weasyprint.HTML(string=document, base_url=str(site)).render(pdf_tags=tagged)
        rendered.write_pdf(work / "x.pdf", **({"pdf_variant": "pdf/ua-1"} if tagged else {}))
        seconds = time.perf_counter() - start
        n = len(rendered.pages)
        row(label, f"{n / seconds:.1f} pages/s", f"{n} pages in {seconds:.1f} s (target >= 10 pages/s)")


def bench_check(work: Path, quick: bool) -> None:
    def check(config: Path) -> None:
        coursekit.check(coursekit.load_project(config))

    row("fast check, real course (in-process)", f"{median_time(lambda: check(ROOT / 'mkdocs.yml'), 5) * 1000:.0f} ms",
        "target < 0.5 s")
    cli = median_time(lambda: subprocess.run([sys.executable, "-m", "coursekit", "check"], cwd=ROOT,
                                             capture_output=True, check=False), 3)
    row("`python -m coursekit check`, real course (new process)", f"{cli:.2f} s")
    for n in (10, 100) if quick else (10, 100, 1000):
        config = generate(n, work / f"synthetic-{n}")
        course = coursekit.load_project(config)
        seconds = median_time(lambda config=config: check(config), 1 if n == 1000 else 3)
        row(f"fast check, synthetic {n} modules", f"{seconds:.2f} s",
            f"{len(course.documents)} pages, {seconds / n * 1000:.1f} ms per module" + (" (target < 5 s)" if n == 1000 else ""))


def bench_scale(work: Path) -> None:
    """Site and PDF build time on synthetic courses, to see how they grow."""
    for n, pdf in ((10, True), (50, False)):
        config = generate(n, work / f"synthetic-site-{n}")
        site = work / f"synthetic-site-{n}" / "site"
        seconds = median_time(lambda config=config, pdf=pdf: mkdocs(
            "build", "-q", "-d", str(site), config=config, pdf=pdf, cwd=config.parent), 1)
        note = f"{len(coursekit.load_project(config).documents)} pages"
        if pdf:
            pages = len(pypdf.PdfReader(site / "pdf" / "handbuch.pdf").pages)
            note += f"; handbook {pages} PDF pages"
        row(f"synthetic {n} modules: {'full build with PDFs' if pdf else 'site build'}", f"{seconds:.1f} s", note)


def bench_serve(work: Path) -> None:
    for dirty in (False, True):
        project = work / f"serve-{int(dirty)}"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns("site", ".venv", ".cache", ".git"))
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8799", *(["--dirty"] if dirty else [])]
        proc = subprocess.Popen(cmd, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
        try:
            for line in proc.stderr:
                if "Serving on" in line:
                    break
            unit = project / "docs" / "coordinators" / "k1" / "k1-rolle.md"
            time.sleep(1.5)
            start = time.perf_counter()
            unit.write_text(unit.read_text(encoding="utf-8") + "\nNeuer Satz.\n", encoding="utf-8")
            for line in proc.stderr:
                if "Reloading browsers" in line:
                    break
            seconds = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        label = "`make serve` (mkdocs serve --dirty)" if dirty else "mkdocs serve (full rebuild)"
        row(f"{label}: unit saved -> browser reloads", f"{seconds:.2f} s", "target < 2 s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-module check and serve")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coursekit-bench-"))
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    print(f"course: {len(course.documents)} pages, {len(course.modules)} modules, "
          f"{len(course.units)} units, {len(course.methods)} methods; "
          f"WeasyPrint {weasyprint.__version__}, {os.cpu_count()} cores", flush=True)
    bench_check(work, args.quick)
    bench_site(work, args.repeat)
    bench_pdf(work)
    if not args.quick:
        bench_scale(work)
        bench_serve(work)
    width = max(len(r[0]) for r in rows)
    print(f"\n| {'measurement'.ljust(width)} | value | note |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for what, value, note in rows:
        print(f"| {what.ljust(width)} | {value} | {note} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
