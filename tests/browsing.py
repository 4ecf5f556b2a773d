"""What every browser test shares: Debian's Chromium and its flags, the axe rules, and the check for
requests to other hosts. Fixtures built on these are in conftest.py (the loopback server for a
built site is rightskit.devtools.localserver)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# machine's closed network refuses (see the field notes).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


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
