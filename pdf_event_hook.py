"""mkdocs-to-pdf event hook (imported by the plugin from the project folder).

The plugin builds the combined handbook HTML without a language; WeasyPrint needs
``lang="de"`` for German hyphenation (``hyphens: auto``).
"""


def pre_pdf_render(soup, logger):
    soup.html["lang"] = "de"
    if soup.title is not None:
        cover = soup.find(id="doc-cover")
        heading = cover.find("h1") if cover else None
        subtitle = cover.find("h2") if cover else None
        if heading:
            soup.title.string = heading.get_text() + (f" – {subtitle.get_text()}" if subtitle else "")
    logger.info("Handbuch: Sprache de gesetzt, PDF wird gerendert …")
    return soup
