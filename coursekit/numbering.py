"""Numbers a trainer can point at in a room: units (K1.3), worksheets (AB K1.3).

Units are numbered by their position in the module's schedule (days, then order); bridge units
that only some variants need come after them with a "V" (Vorbereitung): G1.V1. A worksheet
carries the number of the unit that uses it first (AB K1.4 belongs to unit K1.4); when a unit
brings in several new worksheets, letters follow (AB K1.1a, AB K1.1b).
"""

from __future__ import annotations

from .loader import Course

__all__ = ["unit_number", "worksheet_number", "numbers"]


def numbers(course: Course) -> dict[str, str]:
    """id -> number of every unit and worksheet (computed once per loaded course)."""
    cached = getattr(course, "_numbers", None)
    if cached is None:
        cached = course._numbers = _numbers(course)  # type: ignore[attr-defined]
    return cached


def _numbers(course: Course) -> dict[str, str]:
    out: dict[str, str] = {}
    for module in course.modules.values():
        units = list(course.units_of(module.id))
        bridges = [b.unit for b in getattr(module, "bridges", None) or [] if b.unit in course.units]
        for i, unit in enumerate(units, 1):
            out[unit.id] = f"{module.id}.{i}"
        for i, unit_id in enumerate(bridges, 1):
            out.setdefault(unit_id, f"{module.id}.V{i}")
        for unit in [*units, *(course.units[b] for b in bridges)]:
            new = [w for w in unit.worksheets if w in course.worksheets and w not in out
                   and course.worksheets[w].module == module.id]
            for i, sheet in enumerate(new):
                out[sheet] = f"AB {out[unit.id]}" + ("abcdefghijklmnopqrstuvwxyz"[i] if len(new) > 1 else "")
        rest = sorted(w.id for w in course.worksheets.values() if w.module == module.id and w.id not in out)
        for i, sheet in enumerate(rest, 1):
            out[sheet] = f"AB {module.id}.0{'abcdefghijklmnopqrstuvwxyz'[i - 1]}"
    return out


def unit_number(course: Course, unit_id: str) -> str:
    return numbers(course).get(unit_id, "")


def worksheet_number(course: Course, sheet_id: str) -> str:
    return numbers(course).get(sheet_id, "")
