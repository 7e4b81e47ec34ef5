"""Licensing: every file of the repository carries copyright and licence information (REUSE).

`reuse lint` reads REUSE.toml and LICENSES/ and checks every file that git does not ignore
(tracked or not), so a new file outside the globs in REUSE.toml, a licence without its text in
LICENSES/ or a text nobody uses fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_reuse_lint() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reuse", "--root", str(ROOT), "lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (
        f"reuse lint failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    )
