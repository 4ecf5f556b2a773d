"""The search evaluation: queries organizers type, each with the page that must come up.

Shared by the browser test (tests/test_search_browser.py) and `make bench`, so both ask the
queries the same way, of the real search box in Chromium through Playwright: `search` types one
key by key; `search_all` gives the box every query in turn inside the page, in one call, through
the same code (assets/search.js: spelling, typos, ranking, filters) without typing delays.
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


# Each query is put in the box as a finished paste would be (one input event, searched without
# the pause for typing), and its answer
# awaited on data-shown, which search.js sets once the list shows that query's results; shown is
# cleared first, so a query asked twice in a row still waits for its own answer.
_ASK_EACH = """async ([queries, timeout]) => {
    const root = document.querySelector("[data-rk-search]");
    const input = root.querySelector("#rk-search-input");
    input.focus();
    const answers = [];
    for (const query of queries) {
        delete root.dataset.shown;
        input.value = query;
        input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
        const start = Date.now();
        while (root.dataset.shown !== query.trim()) {
            if (Date.now() - start > timeout) throw new Error(`no results shown for ${JSON.stringify(query)}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        answers.push([...root.querySelectorAll(".rk-search__results a")].map(
            (a) => [a.href, a.querySelector(".rk-search__excerpt")?.textContent ?? ""]));
    }
    return answers;
}"""


def shown_all(page, texts: list[str], timeout: float = 15_000) -> list[list[tuple[str, str]]]:
    """Each query given to the header box of the current page in turn, in one call into the page;
    each result's full address and excerpt as the box shows them."""
    return [[(href, excerpt) for href, excerpt in results]
            for results in page.evaluate(_ASK_EACH, [list(texts), timeout])]


def search_all(page, base: str, texts: list[str], timeout: float = 15_000) -> list[tuple[str, ...]]:
    """Each query given to the header box of the current page in turn, in one call into the page;
    the results' addresses for each, as `search` returns them."""
    return [tuple(h[len(base):] if h.startswith(base) else h for h, _ in results)
            for results in shown_all(page, texts, timeout)]


def evaluate(page, base: str, queries: list[Query], typed: bool = True) -> list[Outcome]:
    """Every query's outcome: typed key by key (as `make bench` times it), or with typed=False
    given to the box in one call (`search_all`)."""
    if not typed:
        return [Outcome(q, found) for q, found in zip(queries, search_all(page, base, [q.query for q in queries]))]
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
