"""What every browser test shares: Debian's Chromium and its flags, the axe rules, a quiet loopback
server for a built site, and the check for requests to other hosts. Fixtures built on these are
in conftest.py."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# machine's closed network refuses (see the field notes).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site on a free loopback port; yields its base URL (ending in /)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium is missing: `make test` installs it with apt-get")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)


def recording(page):
    """Give a page a `requested` list of every URL it asks for."""
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def foreign(urls: list[str]) -> list[str]:
    """The URLs that go to another host than the loopback server."""
    return [u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).hostname not in ("127.0.0.1", "localhost")]
