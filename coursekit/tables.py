"""Run sheets and Ablaufpläne as structured tables, for screen and paper alike.

The views write them as Markdown tables; here each body row gets a class saying what it is
(``unit-row``: a unit's title row, ``break-row``: a break, ``buffer-row``: the day's time
buffer, ``step-row``: a step), each cell a ``data-label`` with its column's heading (a phone
layout can stack the cells as cards), and each unit's rows their own ``<tbody>`` (print keeps a
unit's title with its first step).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

__all__ = ["structure_plans"]

_WRAPPERS = ("run-sheet", "unit-plan")


_BLOCK = re.compile(r'<div class="(?:run-sheet|unit-plan)[^"]*"[^>]*>.*?</table>\s*</div>', re.S)


def structure_plans(page_html: str) -> str:
    """The page with every run sheet and Ablaufplan structured; only those blocks are parsed
    (parsing whole unit pages cost a third of the hooks' time)."""
    if not any(f'class="{w}' in page_html for w in _WRAPPERS):
        return page_html
    return _BLOCK.sub(lambda m: _structure(m.group(0)), page_html)


def _structure(block_html: str) -> str:
    soup = BeautifulSoup(block_html, "html.parser")
    for table in soup.select(", ".join(f"div.{w} table" for w in _WRAPPERS)):
        labels = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        body = table.find("tbody")
        if body is None:
            continue
        rows = body.find_all("tr", recursive=False)
        groups: list[list] = [[]]
        for row in rows:
            cells = row.find_all("td", recursive=False)
            for label, cell in zip(labels, cells):
                cell["data-label"] = label
            kind = _kind(cells)
            row["class"] = [*row.get("class", []), kind]
            if kind == "unit-row" and groups[-1]:
                groups.append([])
            groups[-1].append(row)
        if len(groups) > 1:
            body.extract()
            for group in groups:
                tbody = soup.new_tag("tbody")
                for row in group:
                    tbody.append(row.extract())
                table.append(tbody)
    return str(soup)


def _kind(cells) -> str:
    texts = [c.get_text(" ", strip=True) for c in cells]
    if len(texts) < 3:
        return "step-row"
    rest_empty = not any(texts[2:])
    if rest_empty and not texts[0] and cells[1].find("strong"):
        return "unit-row"
    if rest_empty and texts[0] and cells[1].find("strong"):
        return "buffer-row" if "Zeitpuffer" in texts[1] else "break-row"
    return "step-row"
