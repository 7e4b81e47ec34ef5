"""Image credits on the page: every credited image becomes a figure with a caption."""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from bs4 import BeautifulSoup

__all__ = ["caption_images", "caption_text"]

# An image, with the paragraph around it when the paragraph holds nothing else.
_IMAGE = re.compile(r"(<p\b[^>]*>\s*)?(<img\b[^>]*>)(\s*</p>)?")
_SRC = re.compile(r"""\ssrc=(?:"([^"]*)"|'([^']*)')""")


def _resolve(page: str, src: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), src))


def caption_text(credit) -> str:
    """Caption HTML: title (linked to the original), author, licence, origin."""
    title = html_lib.escape(credit.title)
    if credit.link:
        title = f'<a href="{html_lib.escape(credit.link, quote=True)}">{title}</a>'
    return (f"{title}. {html_lib.escape(credit.author)}, {html_lib.escape(credit.licence)}. "
            f"Herkunft: {html_lib.escape(credit.origin)}.")


def caption_images(page_html: str, credits: list, page: str) -> str:
    """Wrap each credited ``<img>`` of a page (``page``: its path below docs/) in a figure; a
    paragraph that holds only the image becomes the figure. Only the figures go through
    BeautifulSoup, not the whole page (ten times faster)."""
    if not credits or "<img" not in page_html:
        return page_html
    by_src = {_resolve(page, c.src): c for c in credits}

    def figure(match: re.Match) -> str:
        opening, img, closing = match.groups()
        src = _SRC.search(img)
        credit = by_src.get(_resolve(page, html_lib.unescape(src.group(1) or src.group(2) or "") if src else ""))
        start = match.start(2)
        if credit is None or page_html.count("<figure", 0, start) > page_html.count("</figure>", 0, start):
            return match.group(0)  # not credited, or already in a figure
        out = (f'<figure class="credited">{BeautifulSoup(img, "html.parser")}'
               f'<figcaption>{BeautifulSoup(caption_text(credit), "html.parser")}</figcaption></figure>')
        return out if opening and closing else (opening or "") + out + (closing or "")

    return _IMAGE.sub(figure, page_html)
