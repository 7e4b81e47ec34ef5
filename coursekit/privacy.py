"""Keep every request of the built site on the site's own host (DSGVO).

Material's JavaScript bundle loads Mermaid and a ResizeObserver polyfill from unpkg.com on
demand. ``localize_cdn_scripts`` points the bundle at local copies. ``third_party_requests``
then lists every remaining reference that would make a browser contact another host.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

__all__ = ["CDN_SCRIPTS", "localize_cdn_scripts", "third_party_requests"]

CDN_SCRIPTS = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill": "resize-observer-polyfill.js",
}
VENDOR_URL = "assets/vendor/"

# Patterns on the files' bytes (no decoding; HTML's names are ASCII, so is their case).
_TAG = re.compile(rb"<(script|img|iframe|source|audio|video|embed|link)\b[^>]*>", re.I)
_EXTERNAL_SRC = re.compile(rb"\bsrc\s*=\s*[\"'](?:https?:)?//([^/\"']+)", re.I)
_EXTERNAL_HREF = re.compile(rb"\bhref\s*=\s*[\"'](?:https?:)?//([^/\"']+)", re.I)
_LOADING_REL = re.compile(
    rb"\brel\s*=\s*[\"'][^\"']*\b(stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|modulepreload|manifest)\b",
    re.I,
)
# One literal prefix each and case-sensitive on purpose: an alternation or re.I at the start
# disables the regex engine's fast literal search (ten times slower on the built site).
_CSS_URL = re.compile(rb"url\(\s*[\"']?(?:https?:)?//([^/\"')]+)")
_CSS_IMPORT = re.compile(rb"@import\s+[\"'](?:https?:)?//([^/\"')]+)")
# Named anywhere in a file (a script may build the address): plain substring tests, ten times
# faster than one alternation over the whole site; the result lists each (file, host) once.
_KNOWN_CDNS = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com")


def localize_cdn_scripts(site_dir: Path, vendor_dir: Path) -> int:
    """Rewrite the CDN script addresses in Material's bundle; copy the local files. Returns
    the number of rewritten addresses."""
    rewritten = 0
    target = site_dir / VENDOR_URL
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        for url, name in CDN_SCRIPTS.items():
            local = f'new URL("{VENDOR_URL}{name}",__md_scope).href'
            count = text.count(f'"{url}"')
            if count:
                text = text.replace(f'"{url}"', local)
                rewritten += count
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(vendor_dir / name, target / name)
        bundle.write_text(text, encoding="utf-8")
    for source_map in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js.map"):
        text = source_map.read_text(encoding="utf-8")
        for url, name in CDN_SCRIPTS.items():
            text = text.replace(url, f"{VENDOR_URL}{name}")
        # the maps embed Material's sources, whose comments name the CDN host
        text = text.replace("unpkg.com", "a CDN")
        source_map.write_text(text, encoding="utf-8")
    return rewritten


def third_party_requests(site_dir: Path) -> list[tuple[str, str]]:
    """(file, host) of every reference in the site that would load something from another
    host. Plain links (``<a href>``) are not requests and are not listed."""
    found: list[tuple[str, str]] = []
    vendor = site_dir / VENDOR_URL
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css", ".js") or not path.is_file():
            continue  # source maps and the search index are not loaded by browsers
        if path.is_relative_to(vendor):
            continue  # our vendored copies, checked when vendored (see its README) and by the tests
        data = path.read_bytes()
        rel = path.relative_to(site_dir).as_posix()
        found += [(rel, host) for host in _KNOWN_CDNS if host.encode() in data]
        if path.suffix == ".js":
            continue  # in scripts only the named hosts count
        hosts: list[bytes] = []
        if path.suffix == ".html":
            for m in _TAG.finditer(data):
                tag = m.group(0)
                src = _EXTERNAL_SRC.search(tag)
                if src:
                    hosts.append(src.group(1))
                href = _EXTERNAL_HREF.search(tag) if m.group(1).lower() == b"link" else None
                if href and _LOADING_REL.search(tag):
                    hosts.append(href.group(1))
        for pattern in (_CSS_URL, _CSS_IMPORT):
            hosts += [m.group(1) for m in pattern.finditer(data)]
        found += [(rel, host.decode("utf-8", errors="replace")) for host in hosts]
    return sorted(set(found))
