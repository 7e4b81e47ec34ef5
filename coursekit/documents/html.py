"""Small HTML builders for generated kit pages; every text is escaped here."""

from __future__ import annotations

from html import escape

__all__ = ["checklist", "e", "table"]


def e(text: object) -> str:
    return escape(str(text if text is not None else ""))


def table(headers: list[str], rows: list[list[str]], cls: str = "", row_classes: list[str] | None = None) -> str:
    """A table; ``rows`` hold HTML already escaped by the caller (use ``e``)."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        rc = (row_classes or [""] * len(rows))[i]
        attr = f' class="{rc}"' if rc else ""
        body.append(f"<tr{attr}>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def checklist(items: list[str]) -> str:
    """A list to tick off; ``items`` are HTML already escaped."""
    return '<ul class="checklist">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
