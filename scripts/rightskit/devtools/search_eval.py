"""The search evaluation: queries organizers type, each with the page that must come up.

Shared by the browser test (tests/test_search_browser.py) and `make bench`, so both type the
queries the same way: into the real search box, key by key, in Chromium through Playwright.
Playwright is a test dependency; only the functions that drive a page need it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

TOP = 3  # a query passes when its page is among the first three results


@dataclass(frozen=True)
class Query:
    query: str
    expect: str  # site-relative address; with "#anchor" only that section counts
    kind: str = ""


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: tuple[str, ...]  # site-relative addresses of the results shown, best first

    @property
    def rank(self) -> int | None:
        return next((i for i, url in enumerate(self.found, 1) if matches(url, self.query.expect)), None)

    @property
    def passed(self) -> bool:
        return self.rank is not None and self.rank <= TOP


def load_queries(path: Path) -> list[Query]:
    return [Query(str(item["query"]), str(item["expect"]), str(item.get("kind", "")))
            for item in yaml.safe_load(Path(path).read_text(encoding="utf-8"))]


def matches(found: str, expect: str) -> bool:
    path, _, anchor = expect.partition("#")
    got = urlsplit(found)
    return got.path.lstrip("/") == path.lstrip("/") and (not anchor or got.fragment == anchor)


def search(page, base: str, text: str, timeout: float = 15_000) -> tuple[str, ...]:
    """Type a query into the header box of the current page and return the results' addresses."""
    box = page.locator("#rk-search-input")
    box.focus()
    box.fill("")
    box.press_sequentially(text, delay=15)
    page.locator(f'[data-rk-search][data-shown="{_css(text.strip())}"]').wait_for(state="attached", timeout=timeout)
    hrefs = page.locator(".rk-search__results a").evaluate_all("links => links.map(a => a.href)")
    return tuple(h[len(base):] if h.startswith(base) else h for h in hrefs)


def evaluate(page, base: str, queries: list[Query]) -> list[Outcome]:
    return [Outcome(q, search(page, base, q.query)) for q in queries]


def scores(outcomes: list[Outcome]) -> tuple[float, float]:
    """(share of queries passed, mean reciprocal rank over the results shown)."""
    if not outcomes:
        return 0.0, 0.0
    passed = sum(o.passed for o in outcomes) / len(outcomes)
    mrr = sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)
    return passed, mrr


def _css(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
