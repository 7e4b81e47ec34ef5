"""The privacy scan finds every way a page could load something from another host."""

from __future__ import annotations

from coursekit.privacy import third_party_requests


def test_scan_finds_third_party_resources_but_not_links(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<link rel="canonical" href="https://example.org/kurs/">'
        '<img src="//cdn.example.org/x.png" alt="x">'
        '<a href="https://example.org">Beispiel</a><script src="assets/x.js"></script>'
        '<div style="background: url(https://img.example/z.png)"></div>',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text(
        '@import "https://evil.example/x.css"; body { background: url(https://img.example/y.png) }',
        encoding="utf-8",
    )
    (tmp_path / "c.js").write_text('load("https://unpkg.com/mermaid@11/dist/mermaid.min.js")', encoding="utf-8")
    assert third_party_requests(tmp_path) == [
        ("a.html", "cdn.example.org"), ("a.html", "fonts.googleapis.com"), ("a.html", "img.example"),
        ("b.css", "evil.example"), ("b.css", "img.example"), ("c.js", "unpkg.com"),
    ]


def test_scan_reads_tags_in_any_case_and_files_in_any_encoding(tmp_path):
    (tmp_path / "ü.html").write_text(
        '<p>Grüße</p><SCRIPT Src="HTTPS://cdn.example.org/a.js"></SCRIPT>'
        '<Link REL="Stylesheet" HREF="//fonts.example.org/y.css"><LINK rel="canonical" href="https://example.org/">',
        encoding="utf-8",
    )
    (tmp_path / "latin1.css").write_bytes(b"/* \xe4 */ body { background: url(//img.example/z.png) }")
    assert third_party_requests(tmp_path) == [
        ("latin1.css", "img.example"), ("ü.html", "cdn.example.org"), ("ü.html", "fonts.example.org"),
    ]
