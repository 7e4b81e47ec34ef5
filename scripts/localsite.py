"""Shared by the scripts that look at the built site in Debian's Chromium: a quiet local
server for site/ and the browser's path."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

__all__ = ["CHROMIUM", "serve"]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: str) -> str:
    """Serve ``site`` on a free loopback port in a background thread; return its URL."""
    handler = functools.partial(_QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"
