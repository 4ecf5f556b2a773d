"""`make bench`: how long each stage of the build takes on the shipped content.

Timings are medians of a few rounds, measured here and printed; tests never assert them.
"""
from __future__ import annotations

import shutil
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
        search_text = _search_figures(project, site, out, Path(tmp))

    print(f"Benchmark of the shipped content: {len(site.modules)} hand-written pages, "
          f"{pages} HTML pages built, {size / pages / 1024:.0f} KB of HTML a page on average; "
          f"median of {rounds} rounds where repeated.\n")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.3f} s")
    print("\n" + search_text)
    return 0


def _search_figures(project: Project, site, site_dir: Path, work: Path) -> str:
    """Search quality and bytes, measured in Chromium (needs the test extras: `make bench` has them)."""
    try:
        from . import search_bench
    except ImportError as error:  # pragma: no cover
        return f"Search figures skipped: {error}"
    try:
        figures = search_bench.measure(site_dir, site, project.root / "tests" / "search_queries.yml", work_dir=work)
    except ImportError:
        return "Search figures skipped: Playwright is not installed (pip install -e '.[test]')."
    return search_bench.report(figures)


SYNTHETIC = """---
title: Synthetic module {n}
summary: A generated module for measuring how the build scales.
type: explainer
issue_areas: [housing]
standards: [icescr/11]
---
{body}
"""


def scale(project: Project, sizes: list[int]) -> int:
    """Build copies of the site with N extra synthetic modules (~750 words each) and print
    the build time per size, to see whether the build stays linear as the site grows."""
    from .cli import _setup_logging, mkdocs_build

    _setup_logging(False)
    paragraph = ("Housing rights mean security of tenure, affordability and habitability for every household. "
                 "See [[icescr/11]] and [[cescr-gc-4]] for the standard. ") * 6
    body = "\n\n".join(f"## Part {i}\n\n{paragraph}" for i in range(1, 6))
    print("Scaling benchmark: the shipped site plus N synthetic modules, MkDocs build without PDFs.\n")
    print(f"  {'extra pages':>11}  {'build':>8}  {'per page':>9}  {'HTML per page':>13}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "project"
            shutil.copytree(project.root, root, ignore=shutil.ignore_patterns(".venv", "site", "site.*", ".cache",
                                                                               ".git", "tests"))
            folder = root / project.docs_dir / "synthetic"
            folder.mkdir()
            for n in range(size):
                (folder / f"module-{n:04d}.md").write_text(SYNTHETIC.format(n=n, body=body), encoding="utf-8")
            config = (root / project.config_file).read_text(encoding="utf-8")
            # Several small sections, as the field notes advise: a page's HTML grows with its section.
            groups = [range(i, min(i + 50, size)) for i in range(0, size, 50)]
            nav = "".join(f"      - Group {g + 1}:\n" + "".join(f"          - synthetic/module-{n:04d}.md\n" for n in r)
                          for g, r in enumerate(groups))
            config = config.replace("\nnav:\n", f"\nnav:\n  - Synthetic:\n{nav}" if size else "\nnav:\n", 1)
            (root / project.config_file).write_text(config, encoding="utf-8")
            out = Path(tmp) / "site"
            start = time.perf_counter()
            mkdocs_build(root / project.config_file, out, pdf=False)
            seconds = time.perf_counter() - start
            pages = sum(1 for _ in out.rglob("*.html"))
            size_kb = sum(p.stat().st_size for p in out.rglob("*.html")) / pages / 1024
            print(f"  {size:>11}  {seconds:7.2f}s  {1000 * seconds / pages:7.1f}ms  {size_kb:10.0f} KB")
    return 0
