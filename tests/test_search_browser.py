"""Search in a real browser (Debian's Chromium through Playwright): the evaluation set given to
the header box (a few of its queries typed key by key too), the keyboard, accessibility with
results open, what is fetched and when, the Spanish index, and the page without JavaScript."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from rightskit.pages import catalog
from rightskit.outputs.search import pagefind
from rightskit.outputs.search import records as search_records
from rightskit.project import Project, load_site
from rightskit.devtools.search_eval import TOP, evaluate, load_queries, scores, search_all, shown_all
from rightskit.devtools.search_eval import search as type_query

from browsing import WCAG, foreign
from test_search import fragments

pytestmark = pytest.mark.browser

QUERIES = Path(__file__).parent / "search_queries.yml"
# A word no real page uses, in the singular only, so that finding it by its plural shows
# Spanish stemming at work in the index itself.
SPANISH = """<h1 id="prueba">Página de prueba en español</h1>
<p>Una hortelana de la cooperativa cultiva en un terreno prestado. Esta página existe solo para
comprobar que la búsqueda en español usa su propio índice.</p>"""
FIXTURE = "es/prueba-de-busqueda/"


@pytest.fixture(scope="module")
def site_root(built: Path, tmp_path_factory) -> Path:
    """The built site plus one Spanish test page, indexed again."""
    site_dir = tmp_path_factory.mktemp("search") / "site"
    shutil.copytree(built / "site", site_dir)
    # The page sits two folders deep like es/about/, so the copied page's relative links still work.
    html = (site_dir / "es" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in html
    start = html.index("<div data-pagefind-body>") + len("<div data-pagefind-body>")
    end = html.index("</article>", start)
    html = html[:start] + SPANISH + "</div>" + html[end:]
    (site_dir / FIXTURE).mkdir(parents=True)
    (site_dir / FIXTURE / "index.html").write_text(html, encoding="utf-8")
    shutil.rmtree(site_dir / search_records.BUNDLE_DIR)
    pagefind.index_site(site_dir, load_site(Project(built)).site)
    return site_dir


def index_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if f"/{search_records.BUNDLE_DIR}/" in urlsplit(u).path]


def test_evaluation_queries_find_their_page(page, server):
    queries = load_queries(QUERIES)
    page.goto(server, wait_until="networkidle")
    outcomes = evaluate(page, server, queries, typed=False)  # the box's own code, without typing delays
    passed, mrr = scores(outcomes)
    report = "\n".join(f"  {o.query.query!r}: wanted {o.query.expect} in the top {TOP}, "
                       f"rank {o.rank}; got {list(o.found[:TOP])}" for o in outcomes if not o.passed)
    print(f"search evaluation: {passed:.1%} passed, mean reciprocal rank {mrr:.3f}\n{report}")
    assert passed >= 0.95, f"{passed:.1%} of {len(outcomes)} queries passed:\n{report}"
    assert foreign(page.requested) == []


def test_queries_typed_key_by_key_get_the_evaluations_answers(page, server):
    """The evaluation above gives each query to the box in one call; typed into the real box key
    by key, a few of them (one with a typo, one of two words) come out the same."""
    queries = [q.query for q in load_queries(QUERIES)[:3]] + ["helth", "right to housing"]
    page.goto(server, wait_until="networkidle")
    given = search_all(page, server, queries)
    page.goto(server + "about/", wait_until="networkidle")
    typed = [type_query(page, server, query) for query in queries]
    assert typed == given
    assert all(given)


@pytest.mark.parametrize("path", ["", "rights/housing/", "standards/icescr/"])
def test_nothing_of_the_index_loads_before_the_box_is_focused(page, server, path):
    page.goto(server + path, wait_until="networkidle")
    page.mouse.wheel(0, 600)
    page.locator("main").click()
    page.wait_for_timeout(300)
    assert index_requests(page.requested) == []
    page.locator("#rk-search-input").focus()
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('pagefind.js'))")
    assert index_requests(page.requested)
    assert foreign(page.requested) == []


def test_results_show_title_type_and_highlighted_excerpt(page, server):
    page.goto(server + "rights/food/", wait_until="networkidle")
    found = type_query(page, server, "eviction")
    assert found
    first = page.locator(".rk-search__results > li").first
    assert first.locator(".rk-search__title").inner_text().strip()
    assert first.locator(".rk-search__type").text_content().strip() in catalog.KIND_LABELS["en"].values()
    assert "evict" in first.locator(".rk-search__excerpt mark").first.inner_text().lower()
    assert re.match(r"\d+ matching documents?", page.locator(".rk-search__status").inner_text())


def test_typos_are_corrected_and_said_so(page, server):
    page.goto(server, wait_until="networkidle")
    found = type_query(page, server, "helth")
    assert "rights/health/" in found[:TOP]
    assert "“health”" in page.locator(".rk-search__status").inner_text()


def test_the_corrected_query_is_said_as_the_reader_typed_it(page, server):
    # stop words ("the", "of") are not searched, but the panel repeats the reader's words, corrected
    page.goto(server, wait_until="networkidle")
    type_query(page, server, "The helth of workers")
    assert "“The health of workers”" in page.locator(".rk-search__status").inner_text()


def test_a_two_letter_word_matches_whole_words_only(page, server, site_root):
    # "un" as a prefix would also match under, united, unemployment: most of the index.
    records = [r for url, r in fragments(site_root / search_records.BUNDLE_DIR).items() if not url.startswith("/es/")]
    whole = sum(bool(re.search(r"\bun\b", r["content"], re.I)) for r in records)
    prefix = sum(bool(re.search(r"\bun", r["content"], re.I)) for r in records)
    assert 0 < whole < prefix
    page.goto(server, wait_until="networkidle")
    type_query(page, server, "un")
    shown = int(re.match(r"(\d+) matching", page.locator(".rk-search__status").inner_text()).group(1))
    assert shown == whole


def test_filters_narrow_the_results(page, server):
    page.goto(server, wait_until="networkidle")
    type_query(page, server, "housing")
    kinds = page.locator(".rk-search__results .rk-search__type").all_text_contents()
    assert len(set(kinds)) > 1
    chip = page.locator(".rk-search__filter button", has_text=re.compile(r"^Activity$"))
    chip.click()
    page.wait_for_function("() => document.querySelector('.rk-search__filter button[aria-pressed=true]')")
    page.wait_for_function("""() => [...document.querySelectorAll('.rk-search__results .rk-search__type')]
                              .every(e => e.textContent === 'Activity')""")
    assert page.locator(".rk-search__results > li").count() > 0
    area = page.locator(".rk-search__filter", has_text="Issue area").locator("button", has_text="Housing")
    area.click()
    page.wait_for_function("() => document.querySelectorAll('.rk-search__filter button[aria-pressed=true]').length == 2")
    assert all(k == "Activity" for k in page.locator(".rk-search__results .rk-search__type").all_text_contents())


def test_keyboard(page, server):
    # Start on a page that is not the first result: following a link to the page already open
    # reloads it, and closing a browser context during that reload hangs the driver.
    page.goto(server + "about/", wait_until="networkidle")
    page.keyboard.press("/")
    box = page.locator("#rk-search-input")
    assert box.evaluate("el => el === document.activeElement")
    box.press_sequentially("housing", delay=20)
    page.locator('[data-rk-search][data-shown="housing"]').wait_for(state="attached")
    links = page.locator(".rk-search__results a")
    assert links.count() >= 3
    page.keyboard.press("ArrowDown")
    assert links.nth(0).evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.press("Escape")
    assert page.locator("#rk-search-panel").is_hidden()
    assert box.evaluate("el => el === document.activeElement")
    # Down reopens the results; Enter on a result follows it.
    page.keyboard.press("ArrowDown")
    assert page.locator("#rk-search-panel").is_visible()
    target = urljoin(page.url, links.nth(0).get_attribute("href"))  # the href is relative
    assert target != page.url
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert links.nth(0).evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(target, timeout=15_000)  # never wait without a bound


def test_enter_in_the_box_opens_the_first_result(page, server):
    page.goto(server, wait_until="networkidle")
    type_query(page, server, "UPR")
    first = urljoin(page.url, page.locator(".rk-search__results a").first.get_attribute("href"))
    assert first != page.url
    page.locator("#rk-search-input").press("Enter")
    page.wait_for_url(first, timeout=15_000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_open_are_accessible(browser, server, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(server + "rights/health/", wait_until="networkidle")
        type_query(page, server, "housing")
        page.locator(".rk-search__filter button").first.wait_for()
        assert page.locator("#rk-search-panel").is_visible()
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, f"{scheme}:\n{results.generate_report()}"
        page.keyboard.press("ArrowDown")  # a focused result too
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, f"{scheme}, result focused:\n{results.generate_report()}"
        assert foreign(requested) == []
    finally:
        context.close()


def test_spanish_pages_search_the_spanish_index(page, server):
    page.goto(server + "es/", wait_until="networkidle")
    found = type_query(page, server, "hortelanas")
    assert found and found[0] == FIXTURE
    # The box may also correct the plural to a word it knows; ask Pagefind itself, so the test
    # shows the index stems Spanish words ("hortelanas" and "hortelana" share a stem).
    stemmed = page.evaluate("""async (bundle) => {
        const pagefind = await import(bundle + "pagefind.js");
        await pagefind.options({ bundlePath: bundle });
        const search = await pagefind.search("hortelanas");
        return Promise.all(search.results.map((r) => r.data().then((d) => d.url)));
    }""", server + "pagefind/")
    assert [url for url in stemmed if FIXTURE in url]
    # English pages are in another index: only untranslated fallbacks under /es/ can match.
    found = type_query(page, server, "housing")
    assert found and all(url.startswith("es/") for url in found)
    assert any("words-es.json" in u for u in page.requested)


def test_english_pages_never_return_spanish_ones(page, server):
    page.goto(server, wait_until="networkidle")
    found = type_query(page, server, "vivienda")
    assert not any(url.startswith("es/") for url in found)
    assert not any("words-es.json" in u for u in page.requested)


def test_without_javascript_the_box_leads_to_every_page(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "rights/housing/")
        page.locator(".rk-search__icon").click()
        page.wait_for_url(re.compile(r"/all-pages/$"))
        headings = [h.replace("¶", "").strip() for h in page.locator("article h2").all_inner_texts()]
        assert headings[:3] == ["Rights", "Standards", "Mechanisms"]
        assert page.locator('article a[href="../rights/work/"]').count() == 1
        page.goto(server + "standards/icescr/")
        page.locator("#rk-search-input").fill("eviction")
        page.locator("#rk-search-input").press("Enter")
        page.wait_for_url(re.compile(r"/all-pages/\?q=eviction$"))
    finally:
        context.close()


RUN = 4  # a snippet's every run of this many words must be on its page
# The text of each page a reader sees, facilitator notes opened, read from several pages at a time
# in frames of the search page (one page visit each took 80 s). The frames run no script: the text
# is the page as built and laid out by its styles, which is also what Pagefind indexed.
PAGE_TEXTS = """async ({addresses, parallel}) => {
  const texts = {};
  const read = (address) => new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-same-origin");
    frame.style.cssText = "position: absolute; left: -20000px; width: 1280px; height: 720px";
    frame.onload = () => {
      const doc = frame.contentDocument;
      doc.querySelectorAll("details").forEach((d) => { d.open = true; });
      const article = doc.querySelector("article");
      texts[address] = article ? article.innerText : null;
      frame.remove();
      resolve();
    };
    frame.src = address;
    document.body.appendChild(frame);
  });
  const queue = [...addresses];
  await Promise.all(Array.from({length: parallel}, async () => {
    while (queue.length) await read(queue.shift());
  }));
  return texts;
}"""


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def test_snippets_are_the_pages_own_sentences(browser, server):
    """Issue 21: the words only the index needs (aliases, keywords, the summary, spellings) made
    snippets of word salad. Now every run of four words in a snippet is on the page, as a reader
    sees it (facilitator notes opened), and a snippet begins where a sentence, heading or other
    block of the page does (or, inside a long sentence, with an ellipsis)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        shown = []
        for queries, start in ((QUERIES, ""), (Path(__file__).parent / "search_queries_es.yml", "es/")):
            asked = [q.query for q in load_queries(queries)]
            page.goto(server + start, wait_until="networkidle")
            shown += shown_all(page, asked)
        addresses = sorted({href.partition("#")[0] for results in shown for href, _ in results})
        texts = page.evaluate(PAGE_TEXTS, {"addresses": addresses, "parallel": 6})
        assert all(texts.get(a) for a in addresses), [a for a in addresses if not texts.get(a)]
        runs: dict[str, set[tuple[str, ...]]] = {}
        starts: dict[str, set[tuple[str, ...]]] = {}  # the first words of each block and sentence
        strays, openings, count = [], [], 0
        for results in shown:
            for href, excerpt in results:
                address = href.partition("#")[0]
                if address not in runs:
                    text = texts[address]
                    words = _words(text)
                    runs[address] = {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}
                    # Where blocks and sentences begin, as positions in `words`: innerText puts each
                    # block on a line of its own, and table cells apart by tabs.
                    at, begins = 0, []
                    for line in re.split(r"[\n\t]", text):
                        raw = line.split()
                        for i in range(len(raw)):
                            if i == 0 or re.search(r"[.!?][\"”’)]*$", raw[i - 1]):
                                begins.append(at + len(_words(" ".join(raw[:i]))))
                        at += len(_words(line))
                    assert at == len(words)
                    starts[address] = {tuple(words[k:k + RUN]) for k in begins}
                said = _words(excerpt)
                count += 1
                stray = [run for i in range(len(said) - RUN + 1) if (run := tuple(said[i:i + RUN])) not in runs[address]]
                if stray:
                    strays.append(f"{href}: {' '.join(stray[0])!r} in {excerpt!r}")
                # A long sentence is entered with an ellipsis; any other snippet begins a block or sentence.
                if not excerpt.startswith("…") and tuple(said[:RUN]) not in starts[address]:
                    openings.append(f"{href}: {excerpt!r}")
        assert count > 500  # both sets' results, about ten each
        assert strays == [], f"{len(strays)} of {count} snippets hold words not on their page:\n" + "\n".join(strays[:10])
        assert openings == [], f"{len(openings)} of {count} snippets begin mid-sentence:\n" + "\n".join(openings[:10])
    finally:
        context.close()
