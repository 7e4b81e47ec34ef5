"""Build coursekit/hyphenation/hyph_de_DE.dic (Pyphen/Hunspell format) from the TeX
hyph-utf8 German patterns for the reformed spelling (hyph-de-1996.pat.txt).

Why: Pyphen's bundled German dictionary is LibreOffice's two-level file (compound list, then
patterns); Pyphen reads both levels as one pattern space and breaks words wrongly
("Fa-rben", "rü-ckwärts"). A single-level file from the current patterns breaks correctly.

Source of the patterns: Debian's package texlive-lang-german, file
/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt/hyph-de-1996.pat.txt
(MIT licence, Deutschsprachige Trennmustermannschaft). Usage:

    apt-get download texlive-lang-german && dpkg-deb -x texlive-lang-german_*.deb /tmp/tl
    python scripts/hyphenation.py /tmp/tl/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt/hyph-de-1996.pat.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "coursekit" / "hyphenation" / "hyph_de_DE.dic"
HEADER = """UTF-8
% German hyphenation patterns, reformed spelling (hyph-de-1996, TeX hyph-utf8), single level.
% Copyright (C) 2013-2021 Stephan Hennig, Werner Lemberg, Günter Milde, Sander van Geloven,
% Georg Pfeiffer, Gisbert W. Selke, Tobias Wendorf (Deutschsprachige Trennmustermannschaft).
% Licence: MIT (LICENSES/MIT.txt). Converted by scripts/hyphenation.py.
LEFTHYPHENMIN 2
RIGHTHYPHENMIN 2
"""


def main(source: str) -> None:
    patterns = [p for line in Path(source).read_text(encoding="utf-8").split("\n") for p in line.split()]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(HEADER + "\n".join(patterns) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(patterns)} patterns")


if __name__ == "__main__":
    main(sys.argv[1])
