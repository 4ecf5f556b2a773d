"""Structural properties behind the build's speed at scale (never timings: see `make bench-scale`)."""
from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from conftest import bilingual_mini, check, rightskit
from rightskit.pages.render import Renderer
from rightskit.devtools.scalebench import copy_project


def _add_term(root: Path, term: str, expansion: str) -> None:
    glossary = root / "standards" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + f"- term: {term}\n  expansion: {expansion}\n  definition: Test definition.\n",
                        encoding="utf-8")


def test_glossary_definitions_are_per_page(mini):
    _add_term(mini, "AAAQ", "Availability, accessibility, acceptability and quality")
    page = mini / "docs" / "activities" / "line.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCheck the AAAQ of each home.\n", encoding="utf-8")
    site = check(mini).site
    renderer = Renderer(site)
    line = renderer.page_markdown(site.modules["activities/line.md"], site.modules["activities/line.md"].body)
    assert "*[AAAQ]: Availability" in line
    assert "*[UPR]:" not in line  # a term the page does not use is not defined on it
    upr = site.modules["mechanisms/upr.md"]
    text = renderer.page_markdown(upr, upr.body)
    assert "*[UPR]: Universal Periodic Review" in text and "*[AAAQ]:" not in text
    # a word that merely contains a term is not a use of it
    assert renderer.abbreviations("UPRISING and AAAQs") == ""
    assert "*[UPR]:" in renderer.abbreviations("the UPR.")


# --- built sites: the bilingual mini project plus copies of its explainer -----------------------

# Lists tiny enough that a few dozen extra modules fill every preview and run to several pages.
SMALL_LISTS = {"list_page_size": 4, "list_preview": 2, "list_overview": 3, "list_table": 3}


def test_a_copy_of_the_project_leaves_out_builds_caches_and_tests(tmp_path):
    """What `make bench-scale` grows: the project without its built sites (at the top only)."""
    source = tmp_path / "source"
    for name in ("docs/index.md", "overrides/assets/site.css", "site/index.html", "site.partial/index.html",
                 ".cache/x", "tests/test_x.py", ".git/HEAD", "docs/__pycache__/x.pyc"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text("x", encoding="utf-8")
    copy_project(source, tmp_path / "copy")
    kept = sorted(p.relative_to(tmp_path / "copy").as_posix() for p in (tmp_path / "copy").rglob("*") if p.is_file())
    assert kept == ["docs/index.md", "overrides/assets/site.css"]


def _build(root: Path, site: str) -> str:
    result = rightskit("build", "--no-pdf", "-v", "--site-dir", site, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


# The git-revision-date plugin writes the time of the build, to the second, into the tooltip of
# the date of every page git has no history for (generated pages): no two builds agree on it.
_BUILD_TIME = re.compile(rb'(git-revision-date-localized-plugin-date" title=")[^"]*(")')


# Pagefind writes its filter and metadata files in an order of its own choosing, so two clean
# builds name and fill them differently; those are compared by count, everything else (every
# index chunk and page fragment included) byte for byte.
_UNORDERED = re.compile(r"^pagefind/(filter/.*|[^/]*\.pf_meta|pagefind-entry\.json)$")


def _tree(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    tree = {name: _BUILD_TIME.sub(rb"\1\2", p.read_bytes()) for name, p in files.items() if not _UNORDERED.match(name)}
    tree["(pagefind files written in no fixed order)"] = str(sum(1 for n in files if _UNORDERED.match(n))).encode()
    return tree


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> tuple[Path, Path]:
    """The bilingual mini project with 18 and with 45 extra modules (copies of its explainer),
    built with SMALL_LISTS: every list that holds a copy is already cut short in the smaller one."""
    tmp = tmp_path_factory.mktemp("grown")
    small, large = bilingual_mini(tmp / "small", 18, SMALL_LISTS), bilingual_mini(tmp / "large", 45, SMALL_LISTS)
    _build(small, "site")
    _build(large, "site")
    return small, large


def _sizes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def test_page_size_does_not_depend_on_the_number_of_pages(grown):
    small, large = grown
    for page in ("explainers/tenancy/index.html", "activities/line/index.html", "index.html",
                 "es/explainers/tenancy/index.html"):
        assert (small / "site" / page).stat().st_size == (large / "site" / page).stat().st_size, page
    # the extra modules really are in the navigation of the larger site
    assert (large / "site" / "scale" / "module-0044" / "index.html").is_file()
    assert "module-0044" not in (large / "site" / "explainers" / "tenancy" / "index.html").read_text(encoding="utf-8")


# A page's counts may gain a digit or two ("All 18 explainers", "page 1 of 12"); nothing more.
DIGITS = 64


def _is_list_page(path: Path) -> bool:
    return '<div class="rk-list-page"' in path.read_text(encoding="utf-8")


def test_no_page_grows_with_the_number_of_modules(grown):
    """Every page, in English and Spanish: the lists that grow with the site (hubs, Cited in, tags,
    all pages, review, translations) are cut short and paginated, so 27 more modules add pages but
    make no page longer. Pages of the extra modules themselves are left out here: their navigation
    lists their own group, which fills up to its 50 modules (the test above covers module pages)."""
    (small_root, large_root), (small, large) = grown, (_sizes(root / "site") for root in grown)
    assert len(large) > len(small) + 2 * 27  # the new modules, in both languages, and more list pages
    lists = {page for page in large if _is_list_page(large_root / "site" / page)}
    grew = {page: (small[page], size) for page, size in large.items()
            if page in small and page not in lists and not page.startswith(("scale/", "es/scale/"))
            and size > small[page] + DIGITS}
    assert grew == {}
    for page in ("tags/index.html", "es/tags/index.html", "all-pages/index.html", "rights/housing/index.html",
                 "standards/icescr/index.html", "about/review/index.html", "es/about/translations/index.html"):
        assert page in small and page not in lists  # the pages that used to grow are among those compared
    # Which items a given page of a list holds shifts as items are added; every one of them stays
    # within the largest list page of the smaller site (a few titles' lengths apart).
    small_lists = [size for page, size in small.items() if _is_list_page(small_root / "site" / page)]
    assert len(lists) > len(small_lists) > 50
    assert max(large[page] for page in lists) <= max(small_lists) + 8 * DIGITS
    assert max(large.values()) <= max(small.values()) + DIGITS


_ITEM = re.compile(r"<li><a href=\"([^\"]+)\"")
_PAGER = re.compile(r'<nav aria-label="([^"]+)" class="rk-pager">(.*?)</nav>', re.S)


def _list_pages(site: Path, folder: str) -> list[str]:
    """The pages of a complete list, following its Next links from the first."""
    out, page = [], f"{folder}/index.html"
    while page:
        out.append(page)
        text = (site / page).read_text(encoding="utf-8")
        following = re.search(r'<a class="rk-pager__step" href="([^"]+)" rel="next">', text)
        page = posixpath.normpath(posixpath.join(posixpath.dirname(page), following.group(1), "index.html")) \
            if following else None
        assert len(out) < 100
    return out


@pytest.mark.parametrize("folder", ["tags/housing", "es/tags/housing", "rights/housing/explainers",
                                    "standards/icescr/cited-in", "all-pages/explainers"])
def test_long_lists_run_to_numbered_pages_of_a_fixed_size(grown, folder):
    site = grown[1] / "site"
    pages = _list_pages(site, folder)
    assert len(pages) >= 3
    seen = []
    for number, page in enumerate(pages, 1):
        text = (site / page).read_text(encoding="utf-8")
        body = text[text.index('<div class="rk-list-page"'):]
        items = _ITEM.findall(body[:body.index("</ul>")])
        assert 1 <= len(items) <= SMALL_LISTS["list_page_size"], page
        seen += items
        label, bar = _PAGER.search(text).groups()
        assert label in ("Pages of this list", "Páginas de esta lista")
        assert f'<span class="rk-pager__current" aria-current="page">{number}</span>' in bar
        for href in re.findall(r'href="([^"]+)"', bar):  # every link of the bar leads to a page of the list
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href, "index.html"))
            assert target in pages, (page, href)
    assert len(seen) == len(set(seen))  # no item twice
    count = re.search(r"(\d+) (?:pages|páginas)[,.]", (site / pages[0]).read_text(encoding="utf-8"))
    assert count and int(count.group(1)) == len(seen)


def _append(module: Path, text: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_warm_build_after_an_edit_equals_a_clean_build(tmp_path):
    """As `make site` runs again and again: each build into site/ reuses the caches and writes over
    the build before last (site.partial), and still equals a build from nothing."""
    root = bilingual_mini(tmp_path / "project", 8)
    _build(root, "site")
    cold = _tree(root / "site")
    assert "es/rights/housing/index.html" in cold and "Vivienda" in cold["es/rights/housing/index.html"].decode()
    _append(root / "docs" / "scale" / "module-0003.md", "\nA new sentence citing [[icescr/2(1)]].\n")
    # and a module taken out: the next build writes over the first one's folder, which still holds
    # its page; that page must not be left there, nor indexed for search
    (root / "docs" / "scale" / "module-0007.md").unlink()
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^ *- scale/module-0007\.md\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    _build(root, "site")
    assert (root / "site.partial").is_dir()  # the first build's folder, kept to be written over next time
    _append(root / "docs" / "scale" / "module-0005.md", "\nOne more sentence.\n")
    log = _build(root, "site")
    counts = [tuple(map(int, m)) for m in re.findall(r"Page cache: (\d+) converted, (\d+) reused", log)]
    converted, reused = map(sum, zip(*counts))
    pages = len([name for name in cold if name.endswith("index.html")])
    assert reused > pages // 2 and 0 < converted < 5, log  # the warm build reused almost everything
    assert "no helpers (few pages changed" in log  # one page changed: no process forked to share the work
    assert "Pagefind's output reused" not in log  # a page's text changed: the index is made again
    warm = _tree(root / "site")
    shutil.rmtree(root / ".cache")
    _build(root, "site-clean")
    clean = _tree(root / "site-clean")
    assert warm.keys() == clean.keys()
    assert [p for p in warm if warm[p] != clean[p]] == []
    # and the edits did change the output: the pages themselves, and the instrument page citing one
    assert warm["scale/module-0003/index.html"] != cold["scale/module-0003/index.html"]
    assert warm["scale/module-0005/index.html"] != cold["scale/module-0005/index.html"]
    assert warm["standards/icescr/index.html"] != cold["standards/icescr/index.html"]
    assert "scale/module-0007/index.html" in cold and "scale/module-0007/index.html" not in warm
    # a build with nothing changed reuses Pagefind's output as well
    assert "Pagefind's output reused" in _build(root, "site")
    assert _tree(root / "site") == warm


def test_the_navigation_rendered_once_a_section_writes_the_same_site(tmp_path):
    """navcache.py: each page takes its section's navigation, rendered once, with its own entry
    rendered active; the site is byte for byte the one rendered a page at a time (both languages,
    module pages in groups, list pages outside the navigation, folder pages such as mechanisms/)."""
    root = bilingual_mini(tmp_path / "project", 60, SMALL_LISTS)
    log = _build(root, "site")
    once = _tree(root / "site")
    reused = [tuple(map(int, m)) for m in re.findall(r"Navigation \((?:en|es)\): (\d+) pages from (\d+) renders", log)]
    assert len(reused) == 2 and all(pages > 4 * renders for pages, renders in reused), log
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      pdf: false\n", "      pdf: false\n      section_nav: false\n"),
                      encoding="utf-8")
    shutil.rmtree(root / ".cache")
    assert "Navigation (" not in _build(root, "site-usual")
    usual = _tree(root / "site-usual")
    assert once.keys() == usual.keys()
    assert [page for page in once if once[page] != usual[page]] == []
    assert 'md-nav__link--active' in once["scale/module-0051/index.html"].decode()


def test_list_pages_carry_no_build_time(grown):
    """The pages of a list have no history of their own: a "last updated" there would be the time
    of the build, which changes every list page at every build (thousands at scale)."""
    site = grown[1] / "site"
    lists = [p for p in site.rglob("*.html") if _is_list_page(p)]
    assert len(lists) > 20 and any(p.relative_to(site).parts[0] == "es" for p in lists)
    for path in lists:
        assert "git-revision-date-localized-plugin" not in path.read_text(encoding="utf-8"), path
    # while the pages that are not lists keep theirs
    assert "git-revision-date-localized-plugin-date" in (site / "rights" / "housing" / "index.html").read_text(encoding="utf-8")


def test_tags_on_a_page_lead_to_the_list_of_their_issue_area(grown):
    site = grown[1] / "site"
    for page, tag in (("explainers/tenancy/index.html", "Housing"), ("es/explainers/tenancy/index.html", "Vivienda")):
        text = (site / page).read_text(encoding="utf-8")
        href = re.search(rf'<a href="([^"]+)" class="md-tag">{tag}</a>', text).group(1)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href, "index.html"))
        assert target == posixpath.join(page.split("explainers")[0], "tags/housing/index.html")
        assert _is_list_page(site / target)
    index = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert '<a href="housing/">Housing</a>' in index
    assert "module-0001" not in index  # the tags, not their pages (the Scale tab links module-0000)


# --- in a browser: the larger site's lists ----------------------------------------------------

@pytest.fixture(scope="module")
def site_root(grown) -> Path:
    return grown[1] / "site"


@pytest.mark.browser
@pytest.mark.parametrize("start, previous, following, third", [
    ("tags/housing/", "Previous", "Next", "Page 3"),
    ("es/rights/housing/explainers/", "Anterior", "Siguiente", "Página 3")])
def test_pagination_links_lead_through_the_list_and_pass_axe(page, server, start, previous, following, third):
    from axe_playwright_python.sync_playwright import Axe

    from browsing import WCAG, foreign

    page.goto(server + start, wait_until="networkidle")
    bar = page.locator("nav.rk-pager")
    assert bar.locator("[aria-current=page]").inner_text() == "1"
    assert bar.locator("a[rel=prev]").count() == 0  # nothing before the first page
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    first = page.locator(".rk-list-page li a").first.inner_text()

    bar.get_by_role("link", name=following).click()
    page.wait_for_url(server + start + "2/")
    assert page.locator("nav.rk-pager [aria-current=page]").inner_text() == "2"
    assert page.locator(".rk-list-page li a").first.inner_text() != first  # the next items, not the same
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()

    page.locator("nav.rk-pager").get_by_role("link", name=third, exact=True).click()
    page.wait_for_url(server + start + "3/")
    page.locator("nav.rk-pager").get_by_role("link", name=previous).click()
    page.wait_for_url(server + start + "2/")
    page.locator("nav.rk-pager").get_by_role("link", name=previous).click()
    page.wait_for_url(server + start)
    assert page.locator(".rk-list-page li a").first.inner_text() == first
    assert foreign(page.requested) == []



def test_a_warm_build_takes_each_pages_content_touches_from_the_cache(tmp_path, monkeypatch):
    """The plugin's changes to a converted page (language marks, checkbox labels, official pages in
    the reader's language: on_page_content) are made where the page is converted, in a helper for
    its share, and kept with the conversion: a build with nothing changed makes none of them again,
    and writes the same site."""
    from rightskit.mkdocs.plugin import RightsKitPlugin

    root = bilingual_mini(tmp_path / "project", 4)
    _build(root, "site")
    first = _tree(root / "site")
    calls = []
    original = RightsKitPlugin._touch_content
    monkeypatch.setattr(RightsKitPlugin, "_touch_content", lambda self, html: calls.append(html) or original(self, html))
    _build(root, "site")
    assert calls == []
    assert _tree(root / "site") == first
