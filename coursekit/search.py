"""German search on top of Material's lunr search, applied to the built site.

Material 9 has no hook for custom search transforms, and lunr's German stemmer alone misses
inflected queries (Material adds a wildcard that bypasses it). Two build-time steps fix that:

- ``search_de.js`` is appended to the worker's ``lunr.de.min.js``: one normalisation (umlaut
  folding, feminine forms, Snowball stemming) for index and query.
- Every search document gets fields ``title_parts`` and ``parts`` with the parts of the compound
  words in its title and text, split against the site's own vocabulary (Netzwerkkarte ->
  Netzwerk Karte), so a search for a part finds the compound.
- Every page gets a weight by what it is (units, methods and background first, worksheets
  after them, legal pages last; the author guide leaves the public index), and the word groups
  of the glossary's ``synonyms`` go into the worker, so "Evaluation" finds "Auswertung".

The query side (``search_de.js``) ranks pages that match every word of a query before pages
that match some, and an exact word before words that only start with it.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["extend_search", "compound_parts", "page_weights", "split_compound", "synonym_groups"]

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
TAG = re.compile(r"<[^>]+>")
LINKS = ("", "s", "es", "n", "en")  # Fugenelemente between compound parts
ENDINGS = ("", "n", "en", "e", "s", "es", "er", "ern")  # inflection of the last part
MIN_PART = 4
MARKER = "/* coursekit: German search."


def extend_search(
    site_dir: str | Path, weights: dict[str, float | None] | None = None, synonyms: list[list[str]] = (),
    cache_dir: Path | None = None,
) -> bool:
    """Add German normalisation, compound parts, page weights (``None``: leave the page out) and
    synonym groups to the built search. False if the site has no search.

    With ``cache_dir`` the extended index is kept there, keyed by Material's index, the weights,
    the synonyms and this code: a site whose text did not change gets it back without the
    compound split (three quarters of the hooks' time in an unchanged site build)."""
    site = Path(site_dir)
    index_path = site / "search" / "search_index.json"
    lunr_de = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.de.min.js"
    if not index_path.is_file() or not lunr_de.is_file():
        return False
    script = lunr_de.read_text(encoding="utf-8")
    if MARKER not in script:
        extension = resources.files("coursekit").joinpath("search_de.js").read_text(encoding="utf-8")
        groups = json.dumps([list(g) for g in synonyms], ensure_ascii=False)
        lunr_de.write_text(
            script.rstrip() + "\n" + extension + f"lunr.de.synonyms({groups});\n", encoding="utf-8"
        )
    raw = index_path.read_bytes()
    cached = None
    if cache_dir is not None:
        digest = hashlib.blake2b(raw, digest_size=16)
        digest.update(json.dumps([sorted((weights or {}).items()), list(synonyms)], ensure_ascii=False).encode())
        digest.update(Path(__file__).read_bytes())
        cached = Path(cache_dir) / f"search-{digest.hexdigest()}.json"
        try:
            index_path.write_bytes(cached.read_bytes())
            return True
        except OSError:  # not cached (or removed by a build running beside this one)
            pass
    data = json.loads(raw)
    weigh(data, weights or {})
    add_parts(data)
    extended = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    index_path.write_bytes(extended)
    if cached is not None:
        from .cache import write_atomically

        for old in cached.parent.glob("search-*.json"):  # one index kept: the current one
            old.unlink(missing_ok=True)
        write_atomically(cached, extended)
    return True


KIND_WEIGHTS = {"unit": 3.0, "method": 3.0, "module": 2.0, "practice": 2.0, "worksheet": 0.4}
FOLDER_WEIGHTS = {"hintergrund/": 3.0, "autorinnen/": None}  # None: not in the public index
TRACK_WEIGHT = 2.0
LAST = ("impressum.md", "datenschutz.md", "barrierefreiheit.md", "bildnachweise.md", "lizenz.md")
LAST_WEIGHT = 0.002  # found, but after every page of the course
TITLE_BOOST = 200.0  # Material's 1000 lets any title with "Netzwerk…" beat pages on the topic


def page_weights(course) -> dict[str, float | None]:
    """Built page (``.html``) -> search weight for every page of the course that is not 1."""
    out: dict[str, float | None] = {}
    for doc in course.documents:
        weight = KIND_WEIGHTS.get(doc.meta.get("kind"), 1.0)
        if doc.path.count("/") == 1 and doc.path.endswith("/index.md") and weight == 1.0:
            weight = TRACK_WEIGHT  # a track's or section's front page
        for folder, folder_weight in FOLDER_WEIGHTS.items():
            if doc.path.startswith(folder):
                weight = folder_weight
        if doc.path in LAST:
            weight = LAST_WEIGHT
        if weight != 1.0:
            out[doc.path[: -len(".md")] + ".html"] = weight
    return out


def synonym_groups(course) -> list[list[str]]:
    """The word groups of the glossary page's ``synonyms`` (one list for the whole course)."""
    return [list(g) for doc in course.documents for g in getattr(doc.item, "synonyms", None) or []]


def weigh(data: dict, weights: dict[str, float | None]) -> None:
    """Leave out pages weighted ``None``; give the others their weight as lunr document boost."""
    kept = []
    for doc in data.get("docs", []):
        page = doc["location"].split("#", 1)[0] or "index.html"
        weight = weights.get(page, 1.0)
        if weight is None:
            continue
        if weight != 1.0:
            doc["boost"] = weight
        kept.append(doc)
    data["docs"] = kept
    fields = data.setdefault("config", {}).setdefault("fields", {})
    fields["title"] = {"boost": TITLE_BOOST}


FIELDS = {"title_parts": ("title", 10.0), "parts": ("text", 1.0)}  # new field: source, boost


def add_parts(data: dict) -> None:
    """Give every search document the compound parts of its title and text as extra fields;
    a part the document already has as a word (Netzwerk next to Netzwerkkarte) is left out: it
    would add nothing to the results but tokens the browser indexes on every page load."""
    docs = data.get("docs", [])
    words = [{source: _words(TAG.sub(" ", d.get(source, ""))) for source, _ in FIELDS.values()} for d in docs]
    every: dict[str, None] = {}
    for fields in words:
        for own in fields.values():
            every.update(own)
    vocabulary = frozenset(w for w in every if len(w) >= MIN_PART)
    splits = {w: parts for w in every if (parts := split_compound(w, vocabulary))}  # each word once
    forms = {p: [p + e for e in ENDINGS] for parts in splits.values() for p in parts}  # each part's word forms
    for doc, fields in zip(docs, words):
        for field, (source, _) in FIELDS.items():
            own = fields[source]
            found = dict.fromkeys(p for w in own if w in splits for p in splits[w])
            parts = [p for p in found if own.keys().isdisjoint(forms[p])]
            if parts:
                doc[field] = " ".join(parts)
    fields = data.setdefault("config", {}).setdefault("fields", {})
    for field, (_, boost) in FIELDS.items():
        fields.setdefault(field, {"boost": boost})


def compound_parts(text: str, vocabulary: frozenset[str]) -> list[str]:
    """The parts of all compound words in ``text``, each once, in order of appearance."""
    return list(dict.fromkeys(part for word in _words(text) for part in split_compound(word, vocabulary)))


# Letters outside WORD whose lower case is in it (İ, ẞ, the Kelvin sign): a text with one of
# them is lowered word by word, any other text at once (the same words, faster).
_LOWER_JOINS = ("\u0130", "\u1e9e", "\u212a")


def _words(text: str) -> dict[str, None]:
    """The words of ``text`` in lower case, each once, in order of appearance."""
    if any(c in text for c in _LOWER_JOINS):
        return dict.fromkeys(w.lower() for w in WORD.findall(text))
    return dict.fromkeys(WORD.findall(text.lower()))


def split_compound(word: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Parts of a compound whose parts are all words of ``vocabulary``; () if it is none."""
    if len(word) < 2 * MIN_PART:
        return ()
    return _split(word, vocabulary) or ()


@lru_cache(maxsize=65536)
def _split(word: str, vocabulary: frozenset[str]) -> tuple[str, ...] | None:
    # Longest first part first: Netzwerkkarte -> Netzwerk + Karte rather than Netz + Werk + ...
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if head not in vocabulary:
            continue
        rest = word[cut:]
        for link in LINKS:
            if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                continue
            tail = rest[len(link):]
            if _is_word(tail, vocabulary):
                return (head, tail)
            deeper = _split(tail, vocabulary)
            if deeper:
                return (head, *deeper)
    return None


def _is_word(tail: str, vocabulary: frozenset[str]) -> bool:
    return tail in vocabulary or any(
        tail.endswith(e) and len(tail) - len(e) >= MIN_PART and tail[: len(tail) - len(e)] in vocabulary
        for e in ENDINGS if e
    )
