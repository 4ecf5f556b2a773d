"""Save to reload in the preview: the time from writing an edit to a module's body to the moment the
browser is told to reload, as the browser learns it (MkDocs' live-reload long poll,
`/livereload/<epoch>/<id>`, answers when a rebuild has finished), plus fetching the edited page.

`python -m rightskit.devtools preview [--page docs/x.md] [--rounds N]`: `rightskit serve` on the
project, then N + 1 body edits of one module, undone after. The first edit of a translated page's
English text turns its translation to "to update", which the full build shows: it is timed apart. Times are printed with the machine's load; tests never assert them.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT = 3600  # seconds: the first build of a large copy on a shared machine
EDIT_TIMEOUT = 1200


@dataclass
class PreviewTimes:
    engine: str
    page: str
    first_build: float
    first_edit: float = 0.0  # the first edit's save to reload: it turns a current translation stale (full build)
    reloads: list[float] = field(default_factory=list)  # save to the live-reload answer, seconds
    fetched: list[float] = field(default_factory=list)  # save to the edited page fetched
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def _epoch(base: str, after: int, timeout: float) -> int:
    """The site's version once it is newer than `after` (the long poll MkDocs' reload script makes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = int(_get(f"{base}livereload/{after}/1", timeout=timeout))
        except OSError:
            time.sleep(0.2)
            continue
        if value > after:
            return value
    raise TimeoutError(f"no rebuild within {timeout} s")


def _url_of(page: str) -> str:
    path = page.removeprefix("docs/")[:-3]
    return path[: -len("index")] if path.endswith("index") else path + "/"


def measure(root: Path, page: str, rounds: int = 5, config_file: str = "mkdocs.yml",
            stock: Path | None = None) -> PreviewTimes:
    """`stock`: instead, `mkdocs serve` with this stock MkDocs + Material configuration in `root`
    (scalebench.stock_config, with `navigation.prune` as this site sets it; `root` should then be a
    copy), which rebuilds every page on each save."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    if stock:
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", stock.name, "-a", f"127.0.0.1:{port}"]
    else:
        command = [sys.executable, "-m", "rightskit.cli", "-f", config_file, "serve", "-a", f"127.0.0.1:{port}"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="true")
    start = time.perf_counter()
    log = open(os.environ.get("PREVIEW_BENCH_LOG", os.devnull), "w")  # the server's own account of each rebuild
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    source = root / page
    original = source.read_text(encoding="utf-8")
    # Stopped from outside, the edited page is still put back (the `finally` below).
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(1))
    try:
        epoch = _epoch(base, 0, START_TIMEOUT)
        times = PreviewTimes("stock mkdocs serve" if stock else "rightskit serve", page, time.perf_counter() - start)
        for number in range(rounds + 1):
            marker = f"Preview timing paragraph {number} {time.time_ns()}."
            time.sleep(1.0)  # past the polling observer's last look, as a person's next save would be
            saved = time.perf_counter()
            source.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            epoch = _epoch(base, epoch, EDIT_TIMEOUT)
            if number == 0:
                times.first_edit = time.perf_counter() - saved
                continue
            times.reloads.append(time.perf_counter() - saved)
            html = _get(base + _url_of(page), timeout=EDIT_TIMEOUT)
            times.fetched.append(time.perf_counter() - saved)
            if marker not in html:
                raise RuntimeError(f"the reloaded page does not show the edit: {base + _url_of(page)}\n{html[:3000]}")
        times.load = os.getloadavg()
        return times
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def report(times: PreviewTimes) -> str:
    def spread(values: list[float]) -> str:
        ordered = sorted(values)
        return f"median {ordered[len(ordered) // 2]:.2f} s (min {ordered[0]:.2f}, max {ordered[-1]:.2f})"

    return (f"{times.engine}, {times.page}: first build {times.first_build:.0f} s; first edit "
            f"{times.first_edit:.1f} s; then save to reload "
            f"{spread(times.reloads)}; to the edited page fetched {spread(times.fetched)}; "
            f"{len(times.reloads)} edits; load average {' '.join(f'{x:.2f}' for x in times.load)}")


def default_page(root: Path) -> str:
    """The first English explainer."""
    for path in sorted((root / "docs" / "explainers").glob("*.md")):
        if not re.search(r"\.[a-z]{2}\.md$", path.name):
            return path.relative_to(root).as_posix()
    raise SystemExit("no explainer to edit")
