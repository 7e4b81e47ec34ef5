"""Image credits on the page: every credited image becomes a figure with a caption."""

from __future__ import annotations

import html as html_lib
import posixpath

from bs4 import BeautifulSoup

__all__ = ["caption_images", "caption_text"]


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
    """Wrap each credited ``<img>`` of a page (``page``: its path below docs/) in a figure."""
    if not credits or "<img" not in page_html:
        return page_html
    by_src = {_resolve(page, c.src): c for c in credits}
    soup = BeautifulSoup(page_html, "html.parser")
    for img in soup.find_all("img"):
        credit = by_src.get(_resolve(page, img.get("src", "")))
        if credit is None or img.find_parent("figure") is not None:
            continue
        figure = soup.new_tag("figure", attrs={"class": "credited"})
        holder = img.parent if img.parent.name == "p" and len(img.parent.get_text(strip=True)) == 0 else img
        holder.replace_with(figure)
        figure.append(img)
        caption = soup.new_tag("figcaption")
        caption.append(BeautifulSoup(caption_text(credit), "html.parser"))
        figure.append(caption)
    return str(soup)
