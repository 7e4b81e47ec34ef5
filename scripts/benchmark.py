"""Benchmark (not a test): how long the checks, the site and the PDFs take, side by side.

Usage: .venv/bin/python scripts/benchmark.py [--repeat 3] [--quick]
Prints one table. Numbers depend on the machine; run it on an otherwise idle machine.

Rows:
- plain Material build of the same pages (no hooks, no macros) vs. our site build (ratio)
- a fixed reference load (about 60 A4 pages of German text with a table per page) rendered by
  the project's WeasyPrint in one process, untagged, before, between and after the PDF builds
  (the median is the yardstick for the PDF rows: the machine's speed drifts during a run)
- cold build with every PDF (cache emptied) minus the site-only build: PDF pages per second,
  as a multiple of the reference; pages per second per document kind; unchanged rebuild and
  rebuild after editing one unit, as a share of the cold build
- the same handbook with Material's screen CSS vs. the print stylesheet (untagged, tagged)
- `coursekit check` on the real course and on synthetic courses of 10, 100 and 1,000 modules:
  cold (no cache), unchanged, one unit edited
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


UNIT = ROOT / "docs" / "coordinators" / "k1" / "k1-rolle.md"
"""The unit the benchmark edits (K1.4); it is written back afterwards."""


def with_sentence(original: str, sentence: str) -> str:
    """The unit's text with one more sentence under its first section heading."""
    return original.replace("## Fachlicher Hintergrund", f"## Fachlicher Hintergrund\n\n{sentence}", 1)


def bench_site(work: Path, repeat: int) -> None:
    site = work / "site"
    plain = median_time(lambda: mkdocs("build", "-q", "-d", str(site), config=plain_config(work)), repeat)
    def build() -> tuple[float, float]:
        out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                             cwd=ROOT, env=ENV, check=True, capture_output=True, text=True).stderr
        return (float(re.search(r"Documentation built in ([\d.]+) seconds", out).group(1)),
                float(re.search(r"coursekit: ([\d.]+) s in Hooks", out).group(1)))

    build()  # the caches in .cache/ as after any earlier build
    runs = [build() for _ in range(repeat)]
    total, spent = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    original = UNIT.read_text(encoding="utf-8")
    edited = []
    try:
        for n in range(repeat):  # a new sentence each time: the caches of the check and search miss
            UNIT.write_text(with_sentence(original, f"Ein Satz mehr, Nummer {n}."), encoding="utf-8")
            edited.append(build())
    finally:
        UNIT.write_text(original, encoding="utf-8")
    edit_total, edit_spent = statistics.median(r[0] for r in edited), statistics.median(r[1] for r in edited)
    row("site build, Material alone (hooks and macros off, so fewer generated tables)", f"{plain:.2f} s")
    row("site build, ours, unchanged docs (as reported by MkDocs)", f"{total:.2f} s")
    row("  of which our hooks, checks and macros", f"{spent:.2f} s",
        f"{spent / total * 100:.1f} % of the build (target <= 10 %)")
    row("site build, ours, one unit edited before each build", f"{edit_total:.2f} s")
    row("  of which our hooks, checks and macros", f"{edit_spent:.2f} s",
        f"{edit_spent / edit_total * 100:.1f} % of the build (check and search computed again)")


def _build_log(site: Path, *, pdf: bool) -> tuple[float, str]:
    env = {**ENV, **({"ENABLE_PDF_EXPORT": "1"} if pdf else {})}
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                         cwd=ROOT, env=env, check=True, capture_output=True, text=True).stderr
    return time.perf_counter() - start, out


_DOC_LINE = re.compile(r"INFO\s+-\s+(.+?): (\d+) Seiten in ([\d.]+) s \(")
_REFERENCE_TEXT = (
    "Die Koordination eines lokalen Netzwerks verbindet Verwaltung, freie Träger und "
    "Zivilgesellschaft. Sie klärt den Auftrag, hält die Ziele im Blick und sorgt dafür, dass "
    "Ergebnisse in die Heimatorganisationen zurückfließen. "
)


def reference_document(pages: int = 60) -> str:
    """A fixed plain document: about ``pages`` A4 pages of German text, one table per page."""
    page = ("<h2>Abschnitt {n}</h2>" + "<p>" + _REFERENCE_TEXT * 5 + "</p>") * 2 + (
        "<table><tr><th>Zeit</th><th>Inhalt</th><th>Methode</th></tr>"
        + "".join(f"<tr><td>09:{m:02d}</td><td>Arbeit in Gruppen</td><td>Fallarbeit</td></tr>"
                  for m in range(0, 60, 10)) + "</table>"
    )
    body = "".join(f'<section style="break-after: page">{page.format(n=n)}</section>' for n in range(pages))
    css = ("@page { size: A4; margin: 20mm } body { font: 11pt/1.4 'DejaVu Serif', serif; hyphens: auto } "
           "table { width: 100%; border-collapse: collapse } td, th { border: 0.5pt solid #777; padding: 2pt }")
    return f'<!DOCTYPE html><html lang="de"><head><style>{css}</style></head><body>{body}</body></html>'


def reference_rate() -> tuple[float, int, float]:
    """Pages per second of the project's WeasyPrint on the reference load, in this process,
    untagged: (rate, pages, seconds)."""
    start = time.perf_counter()
    rendered = weasyprint.HTML(string=reference_document()).render()
    rendered.write_pdf(os.devnull)
    seconds = time.perf_counter() - start
    return len(rendered.pages) / seconds, len(rendered.pages), seconds


def bench_pdf(work: Path) -> None:
    cache = ROOT / ".cache" / "pdf"
    saved = work / "pdf-cache"
    if cache.exists():
        shutil.move(cache, saved)
    site = work / "site-pdf"
    original = UNIT.read_text(encoding="utf-8")
    references = [reference_rate()]  # before, between and after: the machine's speed drifts
    try:
        site_only, _ = _build_log(work / "site-only", pdf=False)
        references.append(reference_rate())
        cold, log = _build_log(site, pdf=True)
        references.append(reference_rate())
        unchanged, _ = _build_log(site, pdf=True)
        UNIT.write_text(with_sentence(original, "Ein Satz mehr."), encoding="utf-8")
        edited, edit_log = _build_log(site, pdf=True)
    finally:
        UNIT.write_text(original, encoding="utf-8")
        if saved.exists():
            shutil.rmtree(cache, ignore_errors=True)
            shutil.move(saved, cache)
    documents = [(m.group(1), int(m.group(2)), float(m.group(3))) for m in _DOC_LINE.finditer(log)]
    pages = sum(len(pypdf.PdfReader(p).pages) for p in (site / "pdf").glob("*.pdf"))
    pdf_seconds = max(cold - site_only, 1e-9)
    rate = pages / pdf_seconds
    reference = statistics.median(r[0] for r in references)
    row("reference load: plain German text, a table per page, one process, untagged",
        f"{reference:.1f} pages/s", f"median of {len(references)} runs (before, between and after the builds: "
        + ", ".join(f"{r[0]:.1f}" for r in references) + f" pages/s; {references[0][1]} pages each)")
    row("site-only build (no PDFs)", f"{site_only:.1f} s")
    row("cold build with every PDF (cache emptied)", f"{cold:.1f} s", f"{len(list((site / 'pdf').glob('*.pdf')))} PDFs, {pages} pages")
    row("  PDF pages per second (cold build minus site-only build)", f"{rate:.1f} pages/s",
        f"{rate / reference:.2f} x the reference load (target >= 2)")
    kinds: dict[str, list[float]] = {}
    for label, n, seconds in documents:
        kind = label.split(" ")[0].rstrip(":,")
        kinds.setdefault(kind, [0, 0.0])
        kinds[kind][0] += n
        kinds[kind][1] += seconds
    for kind, (n, seconds) in sorted(kinds.items()):
        row(f"  {kind}: pages per second while rendering", f"{n / max(seconds, 1e-9):.1f} pages/s", f"{n} pages")
    measured = [(int(n), float(t)) for n, t in re.findall(r"(\d+) Seiten vermessen in ([\d.]+) s", log)]
    if measured:
        n, seconds = sum(m[0] for m in measured), sum(m[1] for m in measured)
        row("  Handbuch: measuring pass of the parts (cold build only, no PDF written)",
            f"{n / max(seconds, 1e-9):.1f} pages/s", f"{n} pages in {seconds:.1f} s of worker time")
    worker = sum(seconds for _, _, seconds in documents) + sum(m[1] for m in measured)
    cores = os.cpu_count() or 1
    row("  worker time of all PDFs (sum over the processes)", f"{worker:.1f} s",
        f"on {cores} cores at least {worker / cores:.1f} s; the PDF step took {pdf_seconds:.1f} s (the rest: "
        "this process's own work, HTML of every document, PPTX, join, booklets, and idle cores)")
    joined = re.findall(r"Teile zu (\d+) Seiten zusammengefügt in ([\d.]+) s", log)
    if joined:
        row("  Handbuch: parts joined into one tagged PDF (pikepdf)", f"{float(joined[-1][1]):.1f} s",
            f"{joined[-1][0]} pages")
    rerendered = [m.group(1) for m in _DOC_LINE.finditer(edit_log)]
    row("unchanged rebuild with PDFs", f"{unchanged:.1f} s", f"{unchanged / cold * 100:.0f} % of cold (target <= 8 %)")
    row("rebuild after editing one unit (K1.4)", f"{edited:.1f} s",
        f"{edited / cold * 100:.0f} % of cold (target <= 30 %); re-rendered: {', '.join(rerendered) or 'none'}")

    lean = (ROOT / ".cache" / "pdf" / "handbuch.html")
    if lean.exists():
        lean_html = lean.read_text(encoding="utf-8")
        css = "".join(
            f'<link rel="stylesheet" href="{p.as_uri()}">'
            for p in sorted((site / "assets" / "stylesheets").glob("*.css"))
        )
        material = re.sub(r"<style>.*?</style>", css, lean_html, count=1, flags=re.S)
        for label, document, tagged in (
            ("handbook with Material's screen CSS instead of the print stylesheet", material, False),
            ("handbook, print stylesheet, untagged", lean_html, False),
            ("handbook, print stylesheet, tagged PDF/UA-1 (as built)", lean_html, True),
        ):
            start = time.perf_counter()
            rendered = weasyprint.HTML(string=document, base_url=str(site)).render(pdf_tags=tagged)
            rendered.write_pdf(work / "x.pdf", **({"pdf_variant": "pdf/ua-1"} if tagged else {}))
            seconds = time.perf_counter() - start
            n = len(rendered.pages)
            row(label, f"{n / seconds:.1f} pages/s", f"{n} pages in {seconds:.1f} s, one process")


def bench_check(work: Path, quick: bool) -> None:
    def check(config: Path) -> None:
        coursekit.check(coursekit.load_project(config))

    row("fast check, real course (in-process)", f"{median_time(lambda: check(ROOT / 'mkdocs.yml'), 5) * 1000:.0f} ms",
        "target < 0.5 s")
    cli = median_time(lambda: subprocess.run([sys.executable, "-m", "coursekit", "check"], cwd=ROOT,
                                             capture_output=True, check=False), 3)
    row("`python -m coursekit check`, real course (new process)", f"{cli:.2f} s")
    first = None  # (modules, cold seconds) of the smallest course: per-module time beyond it
    for n in (10, 100) if quick else (10, 100, 1000):
        config = generate(n, work / f"synthetic-{n}")
        pages = len(coursekit.load_project(config).documents)

        def cli(config=config, cold=True):
            if cold:
                shutil.rmtree(config.parent / ".cache", ignore_errors=True)
            subprocess.run([sys.executable, "-m", "coursekit", "check", "--config", str(config)],
                           capture_output=True, check=False)

        def edit_and_check(config=config):
            unit = config.parent / "docs" / "kurs" / "s1" / "s1-e1.md"
            unit.write_text(unit.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
            start = time.perf_counter()
            cli(config, cold=False)
            return time.perf_counter() - start

        cold = median_time(cli, 3)
        warm = median_time(lambda config=config: cli(config, cold=False), 3)
        edited = statistics.median(edit_and_check() for _ in range(3))
        growth = f", {(cold - first[1]) / (n - first[0]) * 1000:.1f} ms per module beyond {first[0]}" if first else ""
        first = first or (n, cold)
        row(f"`coursekit check`, synthetic {n} modules, cold (no .cache/)", f"{cold:.2f} s",
            f"{pages} pages{growth}" + (" (target < 3 s)" if n == 1000 else ""))
        row(f"`coursekit check`, synthetic {n} modules, unchanged", f"{warm:.2f} s",
            "target < 1 s" if n == 1000 else "")
        row(f"`coursekit check`, synthetic {n} modules, one unit edited", f"{edited:.2f} s",
            f"{edited / cold * 100:.0f} % of cold")


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
    parser.add_argument("--only", choices=("check", "site", "pdf"), help="run one section")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="coursekit-bench-"))
    course = coursekit.load_project(ROOT / "mkdocs.yml")
    print(f"course: {len(course.documents)} pages, {len(course.modules)} modules, "
          f"{len(course.units)} units, {len(course.methods)} methods; "
          f"WeasyPrint {weasyprint.__version__}, {os.cpu_count()} cores", flush=True)
    try:
        if args.only in (None, "check"):
            bench_check(work, args.quick)
        if args.only in (None, "site"):
            bench_site(work, args.repeat)
        if args.only in (None, "pdf"):
            bench_pdf(work)
        if not args.quick and args.only is None:
            bench_scale(work)
            bench_serve(work)
    finally:  # a failing section still leaves the rows measured so far
        print_table()
        shutil.rmtree(work, ignore_errors=True)


def print_table() -> None:
    if not rows:
        return
    width = max(len(r[0]) for r in rows)
    print(f"\n| {'measurement'.ljust(width)} | value | note |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for what, value, note in rows:
        print(f"| {what.ljust(width)} | {value} | {note} |")


if __name__ == "__main__":
    main()
