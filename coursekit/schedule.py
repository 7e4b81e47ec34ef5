"""Clock times of a course day: units, their steps and the breaks between them."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import Course
from .model import Break, Day, Module, Step, Unit, minutes_of

__all__ = ["Slot", "breaks_of", "day_slots", "day_start"]


@dataclass(frozen=True)
class Slot:
    """One timed row of a day: a unit step or a break between units."""

    start: int
    """Minutes since midnight."""
    minutes: int
    unit: Unit | None
    step: Step | None
    break_title: str | None = None
    position: int = 0
    """Index of the unit in the day's unit list (for a break: the unit it follows)."""
    is_buffer: bool = False
    """The day's time buffer after the last unit (``Day.buffer``): no learning time."""

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def is_break(self) -> bool:
        return self.step is None or self.step.phase == "Pause"


def breaks_of(course: Course, day: Day) -> dict[int, Break]:
    """Breaks of a day keyed by the 1-based unit position they follow."""
    pattern = day.breaks if day.breaks is not None else course.config.breaks
    return {b.after_unit: b for b in pattern}


def day_start(course: Course, day: Day) -> int:
    return minutes_of(day.start or course.config.day_start)


def day_slots(course: Course, module: Module, day_index: int) -> list[Slot]:
    """Every step of every known unit of the day, the breaks and the closing buffer, with start times."""
    day = module.days[day_index]
    breaks = breaks_of(course, day)
    clock = day_start(course, day)
    slots: list[Slot] = []
    known = [u for u in day.units if u in course.units]
    for position, unit_id in enumerate(day.units):
        unit = course.units.get(unit_id)
        if unit is None:
            continue
        for step in unit.steps:
            slots.append(Slot(clock, step.minutes, unit, step, position=position))
            clock += step.minutes
        pause = breaks.get(position + 1)
        if pause and unit_id != known[-1]:
            slots.append(Slot(clock, pause.minutes, None, None, pause.title, position))
            clock += pause.minutes
    if slots and day.buffer:
        slots.append(Slot(clock, day.buffer, None, None, "Zeitpuffer", len(day.units) - 1, True))
    return slots
