"""Bridges: short preparation units for course variants that lack a module's prerequisite.

A module lists ``bridges``; a bridge is needed in a variant when the variant contains the
module but not (or only later) the prerequisite the bridge stands in for. Rules and views both
ask this module, so "needed" means the same everywhere.
"""

from __future__ import annotations

from .loader import Course
from .model import Bridge, Module
from .schedule import Slot, day_start

__all__ = ["bridge_slots", "bridge_start", "bridge_units", "missing_prerequisites", "needed_in", "variants_needing"]


def missing_prerequisites(course: Course, modules: list[str], index: int) -> list[str]:
    """Prerequisites of ``modules[index]`` that the variant does not hold before it."""
    module = course.modules.get(modules[index])
    if module is None:
        return []
    return [p for p in module.prerequisites if p not in modules[:index]]


def needed_in(course: Course, modules: list[str], module_id: str) -> list[Bridge]:
    """Bridges of a module that a variant (its module list) needs."""
    if module_id not in modules or module_id not in course.modules:
        return []
    missing = missing_prerequisites(course, modules, modules.index(module_id))
    return [b for b in course.modules[module_id].bridges if b.for_module in missing]


def variants_needing(course: Course, module_id: str, bridge: Bridge) -> list[str]:
    """Names of the configured variants in which the bridge takes place."""
    return [
        name for name, modules in course.config.variants.items()
        if bridge in needed_in(course, modules, module_id)
    ]


def bridge_units(module: Module) -> set[str]:
    """Unit ids a module uses as bridges (scheduled outside its days)."""
    return {b.unit for b in module.bridges}


def bridge_start(course: Course, module: Module, bridge: Bridge) -> int | None:
    """Clock start (minutes since midnight) of a ``Vorlauf`` bridge: it ends when the first day
    begins. A bridge on its own date has no clock time."""
    unit = course.units.get(bridge.unit)
    if unit is None or bridge.placement != "Vorlauf":
        return None
    return day_start(course, module.days[0]) - unit.duration


def bridge_slots(course: Course, module: Module, bridge: Bridge) -> list[Slot]:
    """The bridge unit's steps with start times: clock times for a ``Vorlauf``, minutes from
    the start (beginning at 0) for a bridge on its own date."""
    unit = course.units.get(bridge.unit)
    if unit is None:
        return []
    clock = bridge_start(course, module, bridge) or 0
    slots = []
    for step in unit.steps:
        slots.append(Slot(clock, step.minutes, unit, step))
        clock += step.minutes
    return slots

