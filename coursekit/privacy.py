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

_RESOURCE_IN_HTML = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc\s*=\s*[\"'](https?:)?//([^/\"']+)"
    r"|<link\b(?=[^>]*\brel\s*=\s*[\"'](?:stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|modulepreload|manifest)[\"'])"
    r"[^>]*?\bhref\s*=\s*[\"'](https?:)?//([^/\"']+)",
    re.I,
)
_RESOURCE_IN_CSS = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])(https?:)?//([^/\"')]+)", re.I)
_KNOWN_CDNS = re.compile(
    r"(fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)"
)


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
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css", ".js", ".json", ".map") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            for m in _RESOURCE_IN_HTML.finditer(text):
                found.append((rel, m.group(2) or m.group(4)))
        if path.suffix in (".html", ".css"):
            for m in _RESOURCE_IN_CSS.finditer(text):
                found.append((rel, m.group(2)))
        if path.suffix in (".js", ".css", ".html", ".map"):
            for m in _KNOWN_CDNS.finditer(text):
                found.append((rel, m.group(1)))
    return sorted(set(found))
