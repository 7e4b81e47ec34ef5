"""What a course day needs, computed from the model and ``extra.course``: the day's units (with
the bridges that precede it), quantities of material, copies, preparation and teaching units.

Pure functions of the loaded course; the day kits, booklets, forms and the trainers' page all
ask this module, so a number means the same everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .bridges import needed_in
from .loader import Course
from .model import Bridge, CourseConfig, Material, Module, Unit
from .schedule import day_slots

__all__ = [
    "Copy", "Line", "TYPE_ORDER", "content_minutes", "copies", "day_bridges", "day_units", "groups",
    "lead_of", "module_days", "module_label", "packing", "quantity", "room_needs", "teaching_units", "ue_text",
    "unit_materials",
]

TYPE_ORDER = ("Ausstattung", "Verbrauchsmaterial", "Plakat", "Druck", "Raum")
"""Order of the material types in the packing list."""

UE_MINUTES = 45
"""One teaching unit (Unterrichtseinheit): 45 minutes of content."""


@dataclass(frozen=True)
class Line:
    """One line of a packing list: a material and how many of it."""

    material: Material
    count: int

    @property
    def text(self) -> str:
        return f"{self.count} {self.material.unit}"


@dataclass(frozen=True)
class Copy:
    """One line of a copy list: a worksheet or form and how many copies."""

    title: str
    number: str
    count: int
    note: str
    worksheet: str | None = None


def groups(cfg: CourseConfig) -> int:
    """Small groups of ``group_size`` (rounded up)."""
    return max(1, math.ceil(cfg.participants / cfg.group_size))


def quantity(cfg: CourseConfig, material: Material) -> int:
    """How many of a material one unit needs with the configured group."""
    factor = {
        "Person": cfg.participants, "Gruppe": groups(cfg), "Raum": 1, "Leitung": cfg.trainers,
    }[material.per]
    return material.amount * factor


def day_bridges(course: Course, module: Module, day_index: int) -> list[Bridge]:
    """Bridges held before this day: on the module's first day, those the offered variant
    (``extra.course.variant``; without one: any configured variant) needs."""
    if day_index != 0:
        return []
    variants = course.config.variants
    chosen = [variants[course.config.variant]] if course.config.variant in variants else list(variants.values())
    wanted = {id(b) for modules in chosen for b in needed_in(course, modules, module.id)}
    return [b for b in module.bridges if id(b) in wanted and b.unit in course.units]


def day_units(course: Course, module: Module, day_index: int, *, bridges: bool = True) -> list[Unit]:
    """The units of a course day in order, after the bridges that precede it."""
    units = [course.units[b.unit] for b in day_bridges(course, module, day_index)] if bridges else []
    return units + [course.units[u] for u in module.days[day_index].units if u in course.units]


def unit_materials(course: Course, unit: Unit) -> list[str]:
    """Material ids of a unit: its own list, then those of the methods its steps use."""
    ids = list(unit.materials)
    for method_id in unit.methods:
        method = course.methods.get(method_id)
        if method is not None:
            ids += method.materials
    return [i for i in dict.fromkeys(ids) if i in course.materials]


def packing(course: Course, units: list[Unit], *, types: tuple[str, ...] = TYPE_ORDER) -> list[Line]:
    """Material of the units with quantities: consumables add up over the units, everything
    else counts once in the largest amount one unit needs. Sorted by type, then name."""
    cfg, need = course.config, {}
    for unit in units:
        for mid in unit_materials(course, unit):
            m = course.materials[mid]
            if m.type not in types:
                continue
            q = quantity(cfg, m)
            need[mid] = need.get(mid, 0) + q if m.type == "Verbrauchsmaterial" else max(need.get(mid, 0), q)
    lines = [Line(course.materials[mid], n) for mid, n in need.items()]
    return sorted(lines, key=lambda l: (TYPE_ORDER.index(l.material.type), l.material.name.lower()))


def room_needs(course: Course, units: list[Unit]) -> list[Line]:
    """The room set-up the units need (materials of type ``Raum``)."""
    return packing(course, units, types=("Raum",))


def copies(course: Course, units: list[Unit], *, last_day: bool, module_id: str) -> list[Copy]:
    """Worksheets of the units (participants plus reserve), printed material of type ``Druck``
    and the forms of the day: attendance list every day; feedback form and certificates on
    the module's last day."""
    from .numbering import worksheet_number

    cfg = course.config
    each = cfg.participants + cfg.copy_reserve
    out: list[Copy] = []
    for sheet_id in dict.fromkeys(w for u in units for w in u.worksheets):
        sheet = course.worksheets.get(sheet_id)
        if sheet is not None:
            out.append(Copy(sheet.title, worksheet_number(course, sheet_id), each,
                            f"{cfg.participants} Teilnehmende + {cfg.copy_reserve} Reserve", sheet_id))
    forms = {"auswertungsbogen", "teilnahmebescheinigung"}
    for line in packing(course, units, types=("Druck",)):
        if line.material.id not in forms:
            out.append(Copy(line.material.name, "", line.count, _per_label(line.material)))
    out.append(Copy("Teilnahmeliste dieses Tages", "", 1, f"teilnahmeliste-{module_id.lower()}.pdf"))
    if last_day:
        out.append(Copy("Auswertungsbogen", "", each, "auswertungsbogen.pdf"))
        out.append(Copy("Teilnahmebescheinigung", "", cfg.participants,
                        f"teilnahmebescheinigung-{module_id.lower()}.pdf, mit Namen ausgefüllt"))
    return out


def _per_label(m: Material) -> str:
    per = {"Person": "je Person", "Gruppe": "je Gruppe", "Raum": "für den Raum", "Leitung": "je Leitung"}[m.per]
    return f"{m.amount} {m.unit} {per}"


PER_LABELS = {"Person": "je Person", "Gruppe": "je Gruppe", "Raum": "je Raum", "Leitung": "je Leitung"}


def lead_of(unit: Unit, step) -> str:
    """Who leads a step: the step's ``lead``, else the unit's, else empty (to fill in)."""
    return step.lead or unit.lead or ""


def content_minutes(course: Course, module: Module, day_index: int) -> int:
    """Learning time of a course day from its schedule: steps only, no breaks, no buffer."""
    return sum(s.minutes for s in day_slots(course, module, day_index) if not s.is_break and not s.is_buffer)


def teaching_units(course: Course, module: Module) -> list[float]:
    """Teaching units (UE, 45 minutes of content) of each course day of the module."""
    return [content_minutes(course, module, d) / UE_MINUTES for d in range(len(module.days))]


def ue_text(ue: float) -> str:
    """UE as Germans write them: "8" or "7,3"."""
    return f"{ue:.0f}" if abs(ue - round(ue)) < 1e-9 else f"{ue:.1f}".replace(".", ",")


def module_label(module: Module) -> str:
    """"K1 Rolle, Haltung und Auftrag": the title, with the id in front unless it has it."""
    return module.title if module.title.startswith(module.id) else f"{module.id} {module.title}"


def module_days(course: Course, module: Module) -> list[str]:
    """Configured dates of the module's days (``extra.course.dates``) as TT.MM.JJJJ; empty
    strings where no date is configured."""
    dates = course.config.dates.get(module.id, [])
    return [dates[i].strftime("%d.%m.%Y") if i < len(dates) else "" for i in range(len(module.days))]
