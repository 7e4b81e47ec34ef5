"""Every content rule: one function, one id, one German message and hint.

Each rule is a pure function ``(course) -> iterable of Problem``. It never logs or raises. The
docstring has four parts (Was / Warum / Beispiel / Stattdessen); the rules page for authors is
generated from it. The rules live in one module per domain; importing them registers them in
``RULES`` in this order (the order of the rules page).
"""

from __future__ import annotations

from . import reading, references, time, markdown, macros, variants, overlay, usage  # noqa: F401
from . import printing  # noqa: F401
from . import structure  # noqa: F401
from . import design  # noqa: F401
from . import caseworld  # noqa: F401
from . import selfcheck  # noqa: F401
from . import slides  # noqa: F401
from . import materials  # noqa: F401
from .registry import ERROR, RULES, WARNING, Rule, check, problem, rule

__all__ = ["ERROR", "RULES", "Rule", "WARNING", "check", "problem", "rule"]
