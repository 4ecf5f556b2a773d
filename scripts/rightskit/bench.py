"""`make bench`: how long each stage of the build takes on the shipped content.

Timings are medians of a few rounds, measured here and printed; tests never assert them.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from .load import Project, load_site
from .render import Renderer


def _median(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(project: Project, rounds: int = 3) -> int:
    from .cli import _setup_logging, mkdocs_build

    _setup_logging(False)
    loaded = load_site(project)
    if loaded.findings:
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

        from . import pdf

        start = time.perf_counter()
        import weasyprint  # noqa: F401 - measured on its own: it dominates a cold start

        rows.append(("WeasyPrint import", time.perf_counter() - start))
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        cold = pdf.build_all(site, out, site_url="https://example.invalid/", cache_dir=cache)
        rows.append((f"PDFs cold ({cold.rendered} rendered)", time.perf_counter() - start))
        start = time.perf_counter()
        warm = pdf.build_all(site, out, site_url="https://example.invalid/", cache_dir=cache)
        rows.append((f"PDFs warm ({warm.rendered} rendered, {warm.cached} cached)", time.perf_counter() - start))
        pages = sum(1 for _ in out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*.html"))

    print(f"Benchmark of the shipped content: {len(site.modules)} hand-written pages, "
          f"{pages} HTML pages built, {size / pages / 1024:.0f} KB of HTML a page on average; "
          f"median of {rounds} rounds where repeated.\n")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.3f} s")
    return 0
