"""Thin MkDocs adapter: hands paths and text to ``coursekit`` and turns its answers into
MkDocs objects, log lines and build failures. No course logic lives here.
The macros live in ``coursekit/macros.py`` (loaded by mkdocs-macros); both share the course
through ``coursekit.current``.
"""

from __future__ import annotations

import html
import logging
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

import coursekit
from coursekit import (
    a11y, current, documents, escape, excerpt, handbook, images, metadata, parts, privacy, search, slides, tables,
    views,
    webviews,
)
from coursekit.cache import ParseCache, ResultCache, code_version, counts
from coursekit.problems import Severity, annotation, format_problem, summary

log = logging.getLogger("mkdocs.plugins.coursekit")
ROOT = Path(__file__).parent


def _timed(step):
    """Add the time a hook takes to ``current.timings`` (the benchmark reads the sum)."""

    def wrap(fn):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                current.timings[step] = current.timings.get(step, 0.0) + time.perf_counter() - started

        run.__name__ = fn.__name__
        return run

    return wrap


def _report(problems: list) -> None:
    for p in problems:
        (log.error if p.severity is Severity.ERROR else log.warning)(format_problem(p))
    if problems and coursekit.in_ci():
        print("\n".join(annotation(p) for p in problems))


@event_priority(100)  # before mkdocs-macros copies `extra`: pages see the checked, escaped block
@_timed("check")
def on_config(config):
    current.timings = {}
    folder, version = Path(config.config_file_path).parent / ".cache" / "check", code_version()
    course = coursekit.load_project(config.config_file_path, config.docs_dir, cache=ParseCache(folder, version))
    results = ResultCache(folder, version)  # shared with `coursekit check`: unchanged files, same problems
    fingerprint = results.fingerprint(Path(config.config_file_path), Path(config.docs_dir))
    cached = results.get(fingerprint)
    problems = cached[0] if cached is not None else coursekit.check(course)
    if cached is None:
        results.put(fingerprint, problems, counts(course))
    current.course, current.late_problems, current.pages = course, [], {}
    _report(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        raise PluginError(f"Der Kurs enthält Fehler ({summary(problems)}); siehe oben.")
    log.info("Kurs geprüft: %s, %s", course, summary(problems))
    _apply_overlay(config, course.config)
    return config


def _apply_overlay(config, cfg) -> None:
    """Put the municipality's `extra.course` block where MkDocs and Material read it."""
    # Material prints these unescaped: hand it escaped text (Markup, so `|e` keeps it as is).
    config.site_name = escape.markup(cfg.title)
    config.site_author = escape.markup(cfg.organisation)
    config.site_description = escape.markup(config.site_description or "")
    config.copyright = escape.markup(f"Inhalte: {cfg.licence}, {cfg.licence_holder} · Code: MIT-Lizenz")
    if cfg.base_url:
        config.site_url = cfg.base_url
    else:
        log.warning("extra.course.base_url fehlt: ohne Adresse keine Metadaten (JSON-LD) und keine sitemap.xml.")
    if cfg.logo:
        config.theme["logo"] = cfg.logo
        config.theme["favicon"] = cfg.logo
    if cfg.colors:
        config.theme["palette"] = {**(config.theme["palette"] or {}), "primary": "custom", "accent": "custom"}
    config.extra["course"] = escape.tree(cfg.model_dump())  # pages print {{ course.… }}


@_timed("nav")
def on_files(files, config):
    """Resolve the footer links (pages below docs/) to their URLs; a missing page ends the build."""
    links = config.extra.get("footer_links") or []
    for link in links:
        file = files.get_file_from_path(link["page"])
        if file is None:
            raise PluginError(
                f"mkdocs.yml: extra.footer_links nennt „{link['page']}“, die Seite fehlt in docs/."
            )
        link["url"] = file.url
    return files


@_timed("nav")
def on_nav(nav, config, files):
    """Order units by the module's schedule, worksheets by first use, methods by title."""
    course = current.course

    def key(item):
        page = item if isinstance(item, Page) else _first_page(item)
        path = page.file.src_uri if page else ""
        return views.nav_key(
            course, path, item.title or "", top=item.parent is None, section=isinstance(item, Section)
        )

    def sort(items):
        items.sort(key=key)
        for item in items:
            if isinstance(item, Section):
                sort(item.children)
                first = _first_page(item)
                title = first and views.section_title(course, first.file.src_uri)
                item.title = escape.markup(title or item.title)

    sort(nav.items)
    current.nav = nav.items
    nav.pages = [p for p in _walk(nav.items) if isinstance(p, Page)]
    groups = [views.pager_group(course, p.file.src_uri) for p in nav.pages]
    for i, page in enumerate(nav.pages):
        same = lambda j: 0 <= j < len(nav.pages) and groups[j] is not None and groups[j] == groups[i]  # noqa: E731
        page.previous_page = nav.pages[i - 1] if same(i - 1) else None
        page.next_page = nav.pages[i + 1] if same(i + 1) else None
    return nav


def _walk(items):
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)


def _first_page(section):
    return next((p for p in _walk(section.children) if isinstance(p, Page)), None)


@_timed("pages")
def on_page_markdown(markdown, page, config, files):
    """A title from front matter is text: escape it before nav, header and search use it."""
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = escape.markup(title)
    return markdown


@_timed("pages")
def on_page_content(html, page, config, files):
    html = a11y.fix_page_html(html)
    html = tables.structure_plans(html)
    doc = current.course.doc_at(page.file.src_uri)
    if doc is not None and doc.images:
        html = images.caption_images(html, doc.images, page.file.src_uri)
    current.pages[page.url] = (page.file.src_uri, html)  # print: without the website's notes
    return webviews.page_intro(current.course, doc) + html


@_timed("context")
def on_page_context(context, page, config, nav):
    """AMB metadata (JSON-LD) of the page for the template's head (overrides/main.html)."""
    if config.site_url:
        title = html.unescape(str(page.title or config.site_name))  # JSON wants the plain text
        data = metadata.page_resource(
            current.course, page.file.src_uri, title, html.unescape(str(config.site_description or ""))
        )
        context["coursekit_jsonld"] = escape.json_for_script(data)
    title = html.unescape(str(page.title or config.site_name))
    context["coursekit_links"] = webviews.page_links(current.course, page.file.src_uri, title, page.url)
    return context


def _entries(items, depth=0):
    """Handbook entries in navigation order; a section's index page stands for the section."""
    for item in items:
        if isinstance(item, Section):
            children = list(item.children)
            index = children[0] if children and isinstance(children[0], Page) and children[0].is_index else None
            if index is not None:
                children = children[1:]
                yield handbook.Entry(_plain(item.title), depth, index.url, current.pages.get(index.url, ("", ""))[1])
            else:
                yield handbook.Entry(_plain(item.title), depth)
            yield from _entries(children, depth + 1)
        elif isinstance(item, Page):
            yield handbook.Entry(_plain(item.title), depth, item.url, current.pages.get(item.url, ("", ""))[1])


def _plain(title) -> str:
    """Navigation titles are escaped Markup; the print core escapes plain text itself."""
    return html.unescape(str(title or ""))


def _build_pdfs(config) -> None:
    course = current.course
    site = Path(config.site_dir)
    cache = ROOT / ".cache" / "pdf"
    entries = handbook.printable(handbook.classify(
        course, list(_entries(current.nav)), {url: src for url, (src, _) in current.pages.items()}
    ))
    block = course.config.model_dump()
    workbook = handbook.workbook_entries(course, entries)
    hb_options = dict(subtitle="Handbuch für Trainerinnen und Trainer", kind="handbook")
    wb_options = dict(subtitle="Arbeitsheft für Teilnehmende", kind="workbook", strip_selectors=(".trainer",),
                      toc_depth=1)
    book = parts.HandbookBuild(  # laid out in parts, side by side, numbered from one page map
        lambda: handbook.assemble(entries, title=config.site_name, course=block, site_dir=site, **hb_options),
        str(config.site_name),
        handbook.cache_key(entries, site_dir=site, title=config.site_name, course=block, **hb_options),
        handbook.cache_key([], site_dir=site, title=config.site_name, course=block, **hb_options),
        site / "pdf" / "handbuch.pdf", cache, roots=(site,),
    )
    jobs = [*book.first_jobs(), handbook.Job(
        handbook.cache_key(workbook, site_dir=site, title=config.site_name, course=block, **wb_options),
        lambda: handbook.assemble(workbook, title=config.site_name, course=block, site_dir=site, **wb_options),
        site / "pdf" / "arbeitsheft.pdf", cache, "Arbeitsheft", roots=(site,),
    )]
    kit = documents.collect(course, entries)  # the trainer's kit: day kits, booklets, forms
    jobs += [
        documents.job(doc, title=config.site_name, course_block=block, site=site, out_dir=site / "pdf", cache=cache)
        for doc in kit if not doc.cut
    ]
    jobs += slides.deck_jobs(course, site, cache)
    handbook.render_all(  # in parallel, one process per core; the PPTX files (no PDF needed) meanwhile
        jobs, alongside=lambda: slides.build_pptx(course, site, cache, log))
    excerpt.cut(  # booklets: the handbook's own pages, laid out once
        [excerpt.Excerpt(d.name, d.label, d.subtitle, d.entries) for d in kit if d.cut],
        source=book.out, source_key=book.key, entries=entries, title=str(config.site_name),
        course=block, site_dir=site, out_dir=site / "pdf", cache_dir=cache,
    )


@_timed("macros")
def on_env(env, config, files):
    if current.late_problems:
        _report(current.late_problems)
        raise PluginError(
            f"Makros mit unbekannten Kennungen ({summary(current.late_problems)}); siehe oben."
        )
    return env


def on_post_build(config):
    site = Path(config.site_dir)
    if os.environ.get("ENABLE_PDF_EXPORT") == "1":
        try:
            _build_pdfs(config)
        except handbook.PrintError as exc:
            raise PluginError(str(exc)) from None
    _post_build_search(site, Path(config.config_file_path).parent / ".cache" / "search")
    _post_build_privacy(site)
    spent = current.timings
    log.info(
        "coursekit: %.2f s in Hooks und Makros (Prüfung %.2f s, Makros %.2f s, Suche %.2f s, "
        "Datenschutz %.2f s)",
        sum(spent.values()), spent.get("check", 0), spent.get("macros", 0), spent.get("search", 0),
        spent.get("privacy", 0),
    )


@_timed("search")
def _post_build_search(site: Path, cache: Path) -> None:
    course = current.course
    if not search.extend_search(site, search.page_weights(course), search.synonym_groups(course), cache):
        log.warning("Keine Suche im gebauten Auftritt gefunden; die deutsche Suche fehlt.")


@_timed("privacy")
def _post_build_privacy(site: Path) -> None:
    privacy.localize_cdn_scripts(site, ROOT / "overrides" / "assets" / "vendor")
    leaks = privacy.third_party_requests(site)
    if leaks:
        for file, host in leaks:
            log.error("site/%s lädt etwas von %s (Datenschutz: nur eigene Adressen erlaubt)", file, host)
        raise PluginError(f"{len(leaks)} Verweise auf fremde Server im gebauten Auftritt.")
