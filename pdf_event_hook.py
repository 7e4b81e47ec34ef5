"""mkdocs-to-pdf event hook (imported by the plugin from the project folder).

The plugin builds the combined handbook HTML without a language; WeasyPrint needs
``lang="de"`` for German hyphenation (``hyphens: auto``).
"""


def pre_pdf_render(soup, logger):
    soup.html["lang"] = "de"
    logger.info("Handbuch: Sprache de gesetzt, PDF wird gerendert …")
    return soup
