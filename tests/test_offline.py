"""The offline kit: `rightskit offline` writes one zip; unzipped and opened from file:// with every
network request blocked, navigation, PDF links and search work. On the bilingual mini project
(conftest.bilingual_mini, with its workshop's PDFs): the kit's code is the same for three dozen
pages as for the real site's five hundred, at a twentieth of the cost."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import bilingual_mini, edit_once, rightskit
from pdfread import all_text
from rightskit.core import htmltext, languages
from browsing import launch

pytestmark = pytest.mark.browser
ADDRESS = "https://rights.example.test/"  # a real-looking address: what a deployed build prints


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = bilingual_mini(tmp_path_factory.mktemp("offline") / "project")
    edit_once(root / "mkdocs.yml", "pdf: false", "pdf: true")
    return root


@pytest.fixture(scope="module")
def kit(project: Path, tmp_path_factory) -> Path:
    """The zip, built with a real-looking site address, and unzipped."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", ADDRESS)
        result = rightskit("offline", "-o", "kit.zip", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(project / "kit.zip") as z:
        names = z.namelist()
        assert all(n.startswith("rights-at-home/") for n in names)
        target = tmp_path_factory.mktemp("unzipped")
        z.extractall(target)
    return target / "rights-at-home"


def test_the_zip_holds_the_whole_site_with_every_pdf(kit, project):
    from rightskit.outputs.print.pdf import Printer
    from rightskit.project import Project, load_site

    site = load_site(Project(project)).site
    expected = {Path(doc.name).name for doc in Printer(site, ADDRESS).documents()}
    offline = {p.name for p in (kit / "pdf").glob("*.pdf")}
    assert any(name.endswith("packet-large-print.pdf") for name in expected) and offline == expected
    assert (kit / "index.html").is_file() and (kit / "rights" / "housing.html").is_file()
    assert (kit / "es" / "index.html").is_file()
    for lang in languages.LANGUAGES:
        assert (kit / "search" / f"offline-{lang}.js").is_file()
    for page in kit.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "iframe-worker" not in text, page


def test_offline_kit_pdfs_contain_no_web_address_of_the_site(kit):
    pdfs = sorted(kit.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = all_text(pdf)
        assert "example.test" not in text and "example.invalid" not in text, pdf.name
        # Every file a PDF names is in the kit, where the reader will look for it.
        for named in re.findall(r"rights-at-home/(\S+?\.html)", text.replace("\n", "")):
            assert (kit / named).is_file(), f"{pdf.name} names {named}, which the kit does not have"
    packet = all_text(kit / "pdf" / "housing-packet-letter.pdf").replace("\n", " ")
    assert "rights-at-home/workshops/housing.html" in packet
    heading = languages.strings("en")("Files of the offline kit in this document")
    guide = all_text(kit / "pdf" / "housing-guide-letter.pdf")
    assert heading in guide and "rights-at-home/standards/" in guide.replace("\n", "")


@pytest.fixture
def offline_page(kit):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context()
        blocked = []

        def only_files(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:  # no network at all, as on a laptop offline
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", only_files)
        page = context.new_page()
        page.blocked = blocked
        yield page
        browser.close()


def test_navigation_pdf_links_and_search_work_from_file_urls(kit, offline_page):
    page = offline_page
    page.goto((kit / "index.html").as_uri())
    assert page.title()
    # Navigation: follow the tab to the housing hub, then its workshop, by clicking links.
    page.locator(".md-tabs a", has_text="Housing").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("rights/housing.html")
    page.locator("article a[href$='workshops/housing.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("workshops/housing.html")
    # PDF links resolve to files in the kit.
    hrefs = page.eval_on_selector_all("a[href$='.pdf']", "els => els.map(e => e.href)")
    assert any(h.endswith("housing-packet-large-print.pdf") for h in hrefs)
    for href in hrefs:
        assert href.startswith("file://") and Path(href[len("file://"):]).is_file(), href
    # Search answers from the offline index, and its results open.
    page.keyboard.press("/")
    page.locator("#rk-search-input").press_sequentially("adequate housing", delay=30)
    titles = page.locator(".rk-search__results .rk-search__title")
    titles.first.wait_for(timeout=10_000)
    found = [t.strip() for t in titles.all_inner_texts()]
    assert any("housing" in t.lower() for t in found[:5]), found
    page.locator(".rk-search__results a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and ".html" in page.url
    assert page.locator("h1").first.inner_text().strip()
    assert page.blocked == [], page.blocked


def test_offline_search_takes_a_two_letter_word_whole(kit, offline_page):
    # As online (test_search_browser): "un" as a prefix would match under, united, unemployment...
    page = offline_page
    page.goto((kit / "index.html").as_uri())
    page.keyboard.press("/")
    page.locator("#rk-search-input").press_sequentially("un", delay=30)
    status = page.locator(".rk-search__status")
    page.wait_for_function("() => /\\d+ matching/.test(document.querySelector('.rk-search__status').innerText)")
    records = page.evaluate("() => window.__rkOffline.en.records")
    words = [set(re.findall(r"[^\W_]+", f"{title} {text}".lower())) for _, title, _, _, text, _ in records]
    whole = sum("un" in w for w in words)
    prefix = sum(any(x.startswith("un") for x in w) for w in words)
    assert 0 < whole < prefix
    assert int(re.match(r"(\d+) matching", status.inner_text()).group(1)) == whole
    assert page.blocked == []


def test_offline_excerpts_come_from_the_page_text_not_the_ranking_words(kit):
    """As online (test_search_browser): the words added for ranking sit at the end of a record's
    text and are matched, but the excerpt is taken only from the page's own text before them."""
    script = (kit / "search" / "offline-en.js").read_text(encoding="utf-8")
    data = json.loads(script.split('["en"] = ', 1)[1].rstrip().rstrip(";"))
    records = data["records"]
    assert all(text.startswith(shown) for _, _, _, _, text, shown in records)
    housing = next(r for r in records if r[0] == "rights/housing.html")
    assert len(housing[4]) > len(housing[5])  # its aliases and keywords are searched, not shown

    def plain(text: str) -> str:
        return " ".join(re.findall(r"[^\W_]+", text.lower()))

    page = plain(htmltext.words((kit / "rights" / "housing.html").read_text(encoding="utf-8")))
    assert plain(" ".join(housing[5].split()[:30])) in page
