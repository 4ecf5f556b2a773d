"""Lighthouse's mobile scores of six pages, served as a host would serve them (gzip-compressed).

`python -m rightskit.devtools lighthouse [--site-dir DIR] [--runs 3]`: builds the site without PDFs
(or takes one already built), serves it on a loopback port with gzip, runs Lighthouse's mobile
performance audit on each page `--runs` times and prints the median of each figure with the
machine's load. Lighthouse simulates a slow phone from a trace of this machine, so its scores move
with the load of a shared machine: the median of three runs, and the load printed beside it.

Lighthouse is not a dependency of the project (it is large and needs a recent Node): install it
anywhere, e.g. `mkdir -p /tmp/lh && cd /tmp/lh && npm i -E lighthouse@12.2.3`, and pass
`--lighthouse /tmp/lh/node_modules/.bin/lighthouse` (or set LIGHTHOUSE). No test runs it.
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rightskit.devtools import localserver

# The six pages issue 21 measures (the six tests/test_audits.py checks): home, a rights hub, a module,
# the finder, the Spanish home, an instrument.
PAGES = ("", "rights/housing/", "activities/housing-line/", "mechanisms/finder/", "es/",
         "standards/icescr/")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
# What a static host compresses: text, not images or archives that are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text to a client that accepts it, as GitHub Pages and most hosts
    do, and answers an unknown address with the site's 404 page and status 404."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            if os.path.isdir(path):  # "/rights/housing" without its slash: let the base class redirect
                return super().send_head()
            return self._send(os.path.join(self.directory, "404.html"), 404)
        return self._send(path, 200)

    def _send(self, path: str, status: int):
        try:
            with open(path, "rb") as f:
                body = f.read()
        except OSError:
            self.send_error(404)
            return None
        ctype = self.guess_type(path)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: the base class copies it to the socket and closes it."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(directory: Path):
    """Serve a built site with gzip on a free loopback port; yields its base URL (ending in /)."""
    return localserver.serve(directory, GzipHandler)


@dataclass(frozen=True)
class Run:
    performance: float  # 0-100
    cls: float
    tbt_ms: float
    lcp_ms: float
    fcp_ms: float


def read_report(report: dict) -> Run:
    """The figures of one Lighthouse JSON report."""
    audits = report["audits"]
    return Run(performance=round(report["categories"]["performance"]["score"] * 100),
               cls=audits["cumulative-layout-shift"]["numericValue"],
               tbt_ms=audits["total-blocking-time"]["numericValue"],
               lcp_ms=audits["largest-contentful-paint"]["numericValue"],
               fcp_ms=audits["first-contentful-paint"]["numericValue"])


def median(runs: list[Run]) -> Run:
    """Each figure's median over the runs (each on its own: the runs vary independently)."""
    return Run(*(statistics.median(getattr(r, name) for r in runs) for name in Run.__dataclass_fields__))


def lighthouse(binary: str, url: str, chrome: str) -> Run:
    with tempfile.TemporaryDirectory(prefix="rightskit-lh-") as work:
        out = Path(work) / "report.json"
        subprocess.run([binary, url, "--only-categories=performance", "--output=json", f"--output-path={out}",
                        f"--chrome-flags={CHROME_FLAGS}", "--quiet"],
                       check=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
        return read_report(json.loads(out.read_text(encoding="utf-8")))


def run(site_dir: Path | None, project_root: Path, config_file: str, binary: str, runs: int,
        pages: tuple[str, ...] = PAGES, chrome: str = "/usr/bin/chromium") -> int:
    if not shutil.which(binary) and not Path(binary).exists():
        print(f"{binary}: Lighthouse not found (hint: `npm i -E lighthouse@12.2.3` in a folder of its own, "
              "then --lighthouse <folder>/node_modules/.bin/lighthouse)")
        return 2
    if not Path(chrome).exists():
        print(f"{chrome}: Chromium not found (hint: `scripts/install-system-deps.sh test` installs Debian's)")
        return 2
    with contextlib.ExitStack() as stack:
        if site_dir is None:
            site_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rightskit-lh-site-")))
            print(f"Building without PDFs into {site_dir} …", flush=True)
            subprocess.run([sys.executable, "-m", "rightskit.cli", "-f", config_file, "build", "--no-pdf",
                            "--site-dir", str(site_dir)],
                           cwd=project_root, check=True)
        base = stack.enter_context(serve(site_dir))
        print(f"{'page':42} {'perf':>4} {'CLS':>6} {'TBT ms':>7} {'LCP ms':>7} {'FCP ms':>7}  load", flush=True)
        for page in pages:
            results = [lighthouse(binary, base + page, chrome) for _ in range(runs)]
            m = median(results)
            load = "%.2f %.2f %.2f" % os.getloadavg()
            scores = ",".join(str(r.performance) for r in results)
            print(f"/{page:41} {m.performance:4.0f} {m.cls:6.3f} {m.tbt_ms:7.0f} {m.lcp_ms:7.0f} {m.fcp_ms:7.0f}"
                  f"  {load}  (scores {scores})", flush=True)
    return 0
