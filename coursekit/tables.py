"""Run sheets and Ablaufpläne as structured tables, for screen and paper alike.

The views write them as Markdown tables; here each body row gets a class saying what it is
(``unit-row``: a unit's title row, ``break-row``: a break, ``buffer-row``: the day's time
buffer, ``step-row``: a step), each cell a ``data-label`` with its column's heading (a phone
layout can stack the cells as cards), and each unit's rows their own ``<tbody>`` (print keeps a
unit's title with its first step).
"""

from __future__ import annotations

import html
import itertools
import re

from bs4 import BeautifulSoup

__all__ = ["structure_plans"]

_WRAPPERS = ("run-sheet", "unit-plan")


_BLOCK = re.compile(r'<div class="(?:run-sheet|unit-plan)[^"]*"[^>]*>.*?</table>\s*</div>', re.S)


def structure_plans(page_html: str) -> str:
    """The page with every run sheet and Ablaufplan structured; only those blocks are looked at.
    The tables as python-markdown writes them are rewritten as text (parsing them with
    BeautifulSoup cost a quarter of the site build's hooks); any other table is parsed."""
    if not any(f'class="{w}' in page_html for w in _WRAPPERS):
        return page_html
    return _BLOCK.sub(lambda m: _structure_markdown_table(m.group(0)) or _structure(m.group(0)), page_html)


# python-markdown's table: one thead, one tbody, rows without attributes, cells without nesting.
_TABLE = re.compile(r"(.*?<table>.*?<thead>.*?</thead>\s*)<tbody>(.*?)</tbody>(\s*</table>\s*</div>)", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(\s*)<tr>(.*?)</tr>", re.S)
_TD = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]*>")
_STRONG = re.compile(r"<strong[\s>]")


def _structure_markdown_table(block_html: str) -> str | None:
    """What ``_structure`` returns, byte for byte, for a table in python-markdown's shape,
    written without a parse tree; None for any other shape."""
    table = _TABLE.fullmatch(block_html)
    if table is None or block_html.count("<table") != 1 or "data-label" in block_html:
        return None
    head, body, tail = table.groups()
    labels = [_attribute(_text(th)) for th in _TH.findall(head.rsplit("<thead>", 1)[1])]
    rows = list(_ROW.finditer(body))
    end = body.rstrip()
    if "".join(r.group(0) for r in rows) != end:
        return None
    groups: list[list[str]] = [[]]
    for row in rows:
        cells = [c.groups() for c in _TD.finditer(row.group(2))]
        kind = _kind_of([_text(inner) for _, inner in cells], len(cells) > 1 and bool(_STRONG.search(cells[1][1])))
        count = itertools.count()
        inner = _TD.sub(lambda c: _label_cell(c, labels, next(count)), row.group(2))
        if kind == "unit-row" and groups[-1]:
            groups.append([])
        groups[-1].append((row.group(1), f'<tr class="{kind}">{inner}</tr>'))
    if len(groups) == 1:  # the rows stay in their tbody, with the white space between them
        return head + "<tbody>" + "".join(a + b for a, b in groups[0]) + body[len(end):] + "</tbody>" + tail
    # As BeautifulSoup does it: the old tbody leaves its white space behind, a tbody per unit goes last.
    gap, after = tail.split("</table>", 1)
    bodies = "".join("<tbody>" + "".join(r for _, r in group) + "</tbody>" for group in groups)
    return head + gap + bodies + "</table>" + after


def _label_cell(cell: re.Match, labels: list[str], n: int) -> str:
    """The n-th cell of a row with its column's heading (first: BeautifulSoup sorts attributes)."""
    if n >= len(labels):
        return cell.group(0)
    return f"<td data-label={labels[n]}{cell.group(1)}>{cell.group(2)}</td>"


def _text(fragment: str) -> str:
    """BeautifulSoup's ``get_text(" ", strip=True)`` of an HTML fragment (no comments, no scripts)."""
    return " ".join(t for t in (html.unescape(s).strip() for s in _TAG.split(fragment)) if t)


def _attribute(value: str) -> str:
    """An attribute value escaped and quoted as BeautifulSoup writes it."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if '"' not in value:
        return f'"{value}"'
    return f"'{value}'" if "'" not in value else '"' + value.replace('"', "&quot;") + '"'


def _kind_of(texts: list[str], strong_second: bool) -> str:
    """A row's class from its cells' texts and whether its second cell has bold text."""
    if len(texts) < 3:
        return "step-row"
    rest_empty = not any(texts[2:])
    if rest_empty and not texts[0] and strong_second:
        return "unit-row"
    if rest_empty and texts[0] and strong_second:
        return "buffer-row" if "Zeitpuffer" in texts[1] else "break-row"
    return "step-row"


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
    return _kind_of(texts, len(cells) > 1 and cells[1].find("strong") is not None)
