"""`make bench`: how long each stage of the build takes on the shipped content.

Timings are medians of a few rounds, measured here and printed; tests never assert them.
"""
from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from rightskit.core.findings import errors
from rightskit.project import Project, load_site
from rightskit.pages.render import Renderer


def _median(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(project: Project, rounds: int = 3) -> int:
    from rightskit.mkdocs.build import _setup_logging, mkdocs_build

    _setup_logging(False)
    loaded = load_site(project)
    if errors(loaded.findings):
        print("The content has problems; run `make check` first.")
        return 1
    site = loaded.site
    rows = [("load + validate", _median(lambda: load_site(project), rounds))]

    def generate() -> None:
        renderer = Renderer(site)
        renderer.pages()
        for module in site.modules.values():
            renderer.page_markdown(module, module.body)

    rows.append(("page generation", _median(generate, rounds)))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        rows.append(("MkDocs build, no PDFs", _median(
            lambda: mkdocs_build(project.root / project.config_file, out, pdf=False), rounds)))

        from rightskit.outputs.print import pdf
        start = time.perf_counter()
        import weasyprint  # noqa: F401 - measured on its own: it dominates a cold start

        rows.append(("WeasyPrint import", time.perf_counter() - start))
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        cold = pdf.build_all(site, out, site_url="https://example.invalid/", cache_dir=Path(tmp) / "serial",
                             workers=1)
        rows.append((f"PDFs cold, serial ({cold.rendered} rendered)", time.perf_counter() - start))
        start = time.perf_counter()
        cold = pdf.build_all(site, out, site_url="https://example.invalid/", cache_dir=cache)
        rows.append((f"PDFs cold, parallel on {os.cpu_count()} cores ({cold.rendered} rendered)",
                     time.perf_counter() - start))
        start = time.perf_counter()
        warm = pdf.build_all(site, out, site_url="https://example.invalid/", cache_dir=cache)
        rows.append((f"PDFs warm ({warm.rendered} rendered, {warm.cached} cached)", time.perf_counter() - start))
        pages = sum(1 for _ in out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*.html"))
        search_text = _search_figures(project, site, out, Path(tmp))

    print(f"Benchmark of the shipped content: {len(site.modules)} hand-written pages, "
          f"{pages} HTML pages built, {size / pages / 1024:.0f} KB of HTML a page on average; "
          f"median of {rounds} rounds where repeated.\n")
    rows += reload_times(project, site, rounds)
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.3f} s")
    print("\n" + search_text)
    return 0


def _search_figures(project: Project, site, site_dir: Path, work: Path) -> str:
    """Search quality and bytes, measured in Chromium (needs the test extras: `make bench` has them)."""
    try:
        from rightskit.devtools import search_bench
    except ImportError as error:  # pragma: no cover
        return f"Search figures skipped: {error}"
    try:
        figures = search_bench.measure(site_dir, site, project.root / "tests" / "search_queries.yml", work_dir=work)
    except ImportError:
        return "Search figures skipped: Playwright is not installed (pip install -e '.[test]')."
    return search_bench.report(figures)


def _mark_line(text: str, line: int, marker: str) -> str:
    """Put a marker word at the start of a YAML text value (plain or folded) given on `line`."""
    lines = text.split("\n")
    i = line - 1
    if lines[i].rstrip().endswith((":", ">-", ">", "|", "|-")):
        i += 1
        indent = len(lines[i]) - len(lines[i].lstrip())
        lines[i] = lines[i][:indent] + marker + " " + lines[i][indent:]
    else:
        key, _, value = lines[i].partition(": ")
        lines[i] = f"{key}: {marker} {value}"
    return "\n".join(lines)


def reload_times(project: Project, site, rounds: int) -> list[tuple[str, float]]:
    """Save-to-reload in the live preview (`rightskit serve`, no PDFs): from writing a file to the
    server answering with the changed page, for a hand-written module and for a YAML record."""
    import socket
    import subprocess
    import sys
    import urllib.request

    from rightskit.core import paths
    def fetch(url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def until(url: str, text: str, limit: float = 120.0) -> float:
        start = time.perf_counter()
        while text not in fetch(url):
            if time.perf_counter() - start > limit:
                raise TimeoutError(f"{url} never showed the edit")
            time.sleep(0.05)
        return time.perf_counter() - start

    module = next(x for x in site.modules.values() if x.is_module)
    instrument = next(iter(site.instruments.values()))
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as sock:
        root = Path(tmp) / "project"
        shutil.copytree(project.root, root, ignore=shutil.ignore_patterns(".venv", "site", "site.*", ".cache", ".git",
                                                                           "tests"))
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        server = subprocess.Popen([sys.executable, "-m", "rightskit.cli", "-f", str(root / project.config_file),
                                   "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}/"
        try:
            until(base, "</html>")
            cases = [("module", root / module.source.path, base + paths.url_of(module.path), None),
                     ("YAML record", root / instrument.source.path, base + paths.url_of(paths.instrument_page(instrument)),
                      instrument.lines.get("summary", 0))]
            rows = []
            for name, file, url, anchor in cases:
                original = file.read_text(encoding="utf-8")
                times = []
                for n in range(rounds):
                    marker = f"Benchmarkmarker{n}x"
                    edited = _mark_line(original, anchor, marker) if anchor else original + f"\n\n{marker}\n"
                    file.write_text(edited, encoding="utf-8")
                    times.append(until(url, marker))
                file.write_text(original, encoding="utf-8")
                rows.append((f"save-to-reload, {name}", statistics.median(times)))
            return rows
        finally:
            server.terminate()
            server.wait(timeout=30)
