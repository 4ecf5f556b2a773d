"""Search figures for `make bench`: the evaluation's pass rate and mean reciprocal rank, and the
bytes a reader downloads, measured in Chromium on a built site.

Bytes are counted as a server would send them gzip-compressed: each file fetched, gzipped at
level 6, or as it is when that is smaller (Pagefind's index files are compressed already).
"""
from __future__ import annotations

import gzip
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rightskit.outputs.search import pagefind
from rightskit.outputs.search import records as search_records
from rightskit.core.model import Site
from rightskit.devtools.localserver import serve
from rightskit.devtools.search_eval import evaluate, load_queries, scores
from rightskit.devtools.search_eval import search as type_query

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TYPICAL = {"home": "", "hub": "rights/housing/", "instrument": "standards/icescr/"}
FIRST_QUERY = "right to health"
UI_FILES = ("assets/search.js", "assets/search.css")  # the interface, counted with the first query


@dataclass
class Figures:
    passed: float | None
    mrr: float | None
    queries: int
    page_load: dict[str, tuple[int, int]]  # page -> (bytes gzip, requests to the index)
    first_query: tuple[int, int]  # (bytes gzip, requests)
    first_query_large: tuple[int, int] | None
    large_pages: int = 0


def gzip_size(file: Path) -> int:
    raw = file.read_bytes()
    return min(len(raw), len(gzip.compress(raw, compresslevel=6)))


def _file(site_dir: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site_dir / path
    if target.is_dir() or path == "" or path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def _bytes(site_dir: Path, base: str, urls: list[str]) -> int:
    files = {f for f in (_file(site_dir, base, u) for u in urls) if f}
    return sum(gzip_size(f) for f in files)


def _index_requests(urls: list[str]) -> int:
    return sum(1 for u in urls if f"/{search_records.BUNDLE_DIR}/" in urlsplit(u).path)


def first_query_bytes(browser, site_dir: Path, base: str, query: str = FIRST_QUERY) -> tuple[int, int]:
    """Bytes fetched from focusing the box to the first results, plus the search interface."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    try:
        page.goto(base, wait_until="networkidle")
        page.on("request", lambda request: requested.append(request.url))
        type_query(page, base, query)
        page.wait_for_load_state("networkidle")
        ui = sum(gzip_size(site_dir / f) for f in UI_FILES)
        return _bytes(site_dir, base, requested) + ui, len(requested)
    finally:
        context.close()


def page_load_bytes(browser, site_dir: Path, base: str, path: str) -> tuple[int, int]:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(base + path, wait_until="networkidle")
        return _bytes(site_dir, base, requested), _index_requests(requested)
    finally:
        context.close()


def add_synthetic_pages(site_dir: Path, site: Site, count: int, seed: int = 7) -> None:
    """Add `count` pages of ~750 words drawn from the site's own words, then index again.

    The pages reuse a built page's HTML around new text, so the index grows as it would with
    real pages, without a two-minute MkDocs build."""
    template = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    start = template.index("<div data-pagefind-body>") + len("<div data-pagefind-body>")
    end = template.index("</article>", start)
    words_file = site_dir / search_records.BUNDLE_DIR / "words-en.json"
    vocab = list(json.loads(words_file.read_text(encoding="utf-8"))["words"])
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # a few words common, most rare
    rng.shuffle(vocab)
    for n in range(count):
        text = rng.choices(vocab, weights=weights, k=750)
        paragraphs = "".join(f"<p>{' '.join(text[i:i + 75])}.</p>" for i in range(0, 750, 75))
        body = f'<h1 id="s">Synthetic page {n}</h1>{paragraphs}</div>'
        folder = site_dir / "synthetic" / f"page-{n:04d}"
        folder.mkdir(parents=True)
        # One folder deeper than about/, so its relative links are off; only the index reads it.
        (folder / "index.html").write_text(template[:start] + body + template[end:], encoding="utf-8")
    shutil.rmtree(site_dir / search_records.BUNDLE_DIR)
    pagefind.index_site(site_dir, site)


def measure(site_dir: Path, site: Site, queries_file: Path | None, large: int = 2000,
            work_dir: Path | None = None) -> Figures:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            with serve(site_dir) as base:
                passed = mrr = None
                count = 0
                if queries_file and queries_file.exists():
                    queries = load_queries(queries_file)
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base, wait_until="networkidle")
                    passed, mrr = scores(evaluate(page, base, queries))
                    count = len(queries)
                    context.close()
                loads = {name: page_load_bytes(browser, site_dir, base, path) for name, path in TYPICAL.items()}
                first = first_query_bytes(browser, site_dir, base)
            big = None
            if large and work_dir:
                copy = work_dir / "site-large"
                shutil.copytree(site_dir, copy)
                add_synthetic_pages(copy, site, large)
                with serve(copy) as base:
                    big = first_query_bytes(browser, copy, base)
        finally:
            browser.close()
    return Figures(passed, mrr, count, loads, first, big, large)


def report(figures: Figures) -> str:
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    lines = ["Search (Pagefind), bytes gzip-compressed:"]
    if figures.passed is not None:
        lines.append(f"  evaluation: {figures.passed:.1%} of {figures.queries} queries with their page in the "
                     f"top 3, mean reciprocal rank {figures.mrr:.3f}")
    for name, (size, index) in figures.page_load.items():
        lines.append(f"  page load, {name + ':':<12} {kb(size):>9}  ({index} index requests)")
    size, requests = figures.first_query
    lines.append(f"  first query, shipped site:   {kb(size):>9}  ({requests} requests, '{FIRST_QUERY}', "
                 f"interface included)")
    if figures.first_query_large:
        size_l, requests_l = figures.first_query_large
        lines.append(f"  first query, +{figures.large_pages} pages:    {kb(size_l):>9}  ({requests_l} requests; "
                     f"{size_l / size:.2f}x the shipped site)")
    return "\n".join(lines)
