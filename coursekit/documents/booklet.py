"""Module booklet (Modulheft): everything of one module for trainers who print per module.

In this order: the module page (overview and run sheets), its bridge units and units in
schedule order, its worksheets, and the method cards its units use.
"""

from __future__ import annotations

from ..handbook import Entry
from ..loader import Course
from ..model import Module

__all__ = ["OPTIONS", "entries"]

OPTIONS = {"kind": "booklet", "imprint": True, "toc_depth": 1}


def entries(course: Course, module: Module, handbook: list[Entry]) -> list[Entry]:
    by_id = {e.id: e for e in handbook if e.id}
    page = by_id.get(module.id)
    out = [_at(page, 0)] if page else [Entry(module.title, 0)]
    bridges = [b.unit for b in module.bridges]
    scheduled = [u for day in module.days for u in day.units]
    out += [_at(by_id[u], 1) for u in dict.fromkeys(bridges + scheduled) if u in by_id]
    sheets = [e for e in handbook if e.kind == "worksheet" and e.module == module.id]
    if sheets:
        out.append(Entry("Arbeitsblätter", 0))
        out += [_at(s, 1) for s in sheets]
    methods = dict.fromkeys(m for u in course.units_of(module.id) for m in u.methods)
    for b in module.bridges:
        if b.unit in course.units:
            methods.update(dict.fromkeys(course.units[b.unit].methods))
    cards = [by_id[m] for m in methods if m in by_id]
    if cards:
        out.append(Entry("Methodenkarten", 0))
        out += [_at(c, 1) for c in cards]
    return out


def _at(e: Entry, depth: int) -> Entry:
    return Entry(e.title, depth, e.url, e.html, e.kind, e.module, e.number, e.printed, e.id)
