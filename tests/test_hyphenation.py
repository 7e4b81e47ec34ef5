"""German hyphenation in the PDFs: our single-level patterns break course words correctly."""

from __future__ import annotations

import pyphen
import pytest

from coursekit import paper

# Word with every break point a German dictionary allows ("-"); a break anywhere else is wrong.
# The first seven were broken by Pyphen's bundled two-level file ("Fa-rben", "rü-ckwärts", …).
WORDS = [
    "Far-ben", "rück-wärts", "Be-darf", "He-te-r-ar-chie", "be-ar-bei-ten", "Zu-sam-men-ar-beit",
    "Rück-mel-dung", "Netz-werk-ko-or-di-na-ti-on", "Auf-trags-klä-rung", "Ko-or-di-na-to-rin-nen",
    "Wir-kungs-trep-pe", "Ver-bind-lich-keit", "Füh-rungs-kräf-te", "Len-kungs-kreis",
    "Rü-cken-de-ckung", "Qua-li-täts-werk-statt", "Be-tei-li-gung", "Ver-ste-ti-gung",
    "Ab-lauf-plan", "Ar-beits-blatt", "Teil-neh-men-de", "Kin-der-schutz", "Ver-säu-lung",
    "Wir-kungs-lo-gik", "Be-ra-tung", "Mo-de-ra-ti-ons-kar-ten", "Pinn-wand", "Bil-dungs-land-schaf-ten",
    "Ge-sund-heits-re-gi-o-nen", "Kli-ma-an-pas-sung", "Selbst-stän-dig-keit", "Hand-lungs-netz-werk",
    "Struk-tur-netz-werk", "Zu-kunfts-werk-statt", "Ku-gel-la-ger", "Ziel-schei-be",
    "Trans-fer-auf-ga-be", "So-zi-al-raum", "Netz-werk-ar-beit", "Rück-de-ckung", "Ver-wal-tung",
    "Ein-zel-ar-beit", "Klein-grup-pe", "Part-ner-ar-beit", "Grup-pen-ar-beit", "Pau-se",
    "Ver-ein-ba-rung", "Steu-e-rungs-grup-pe", "Be-glei-tung", "Wir-kung",
]


def _points(word: str) -> set[int]:
    """Positions (in the word without hyphens) where a break is allowed."""
    out, position = set(), 0
    for part in word.split("-")[:-1]:
        position += len(part)
        out.add(position)
    return out


@pytest.fixture(scope="module")
def dictionary():
    return pyphen.Pyphen(filename=str(paper.HYPHENATION), left=2, right=2)


@pytest.mark.parametrize("word", WORDS)
def test_breaks_only_where_german_allows(word, dictionary):
    plain = word.replace("-", "")
    found = set(dictionary.positions(plain))
    assert found <= _points(word), f"{plain}: {dictionary.inserted(plain)} breaks where {word} does not"
    if len(plain) >= 8:
        assert found, f"{plain} gets no break at all"


def test_weasyprint_uses_our_patterns_for_german():
    paper.use_german_hyphenation()
    assert pyphen.language_fallback("de") in ("de", "de_DE")
    german = pyphen.Pyphen(lang=pyphen.language_fallback("de-DE"), left=2, right=2)
    assert german.inserted("Farben") == "Far-ben"
    assert german.inserted("Zusammenarbeit") == "Zu-sam-men-ar-beit"


def test_the_list_is_long_enough():
    assert len(WORDS) >= 40
