"""Readers' polish (issue 21): page titles that do not repeat the site's name, "Next" from the
home page, and dates in the language of the edition, on the mini project built in both languages
with the site's theme overrides, and on the real site."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import bilingual
from rightskit.cli.main import main
from rightskit.mkdocs import thememarkup

MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(r'git-revision-date-localized-plugin-date" title="([^"]*)">([^<]*)<')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = bilingual(tmp_path_factory.mktemp("readers") / "project")
    # As on the real site: sections in the navigation, and a home page without a table of contents.
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": ["index.md"]}, {"Rights": ["rights/housing.md", "activities/line.md"]},
                     {"More": ["mechanisms/upr.md", "standards/index.md"]}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("type: page\n", "type: page\nhide: [toc]\n", 1)
                     + "\n## Start here\n\nA heading for the table of contents the page hides.\n", encoding="utf-8")
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--no-pdf"]) == 0
    return project / "site"


def title(page: Path) -> str:
    return re.search(r"<title[^>]*>([^<]*)</title>", page.read_text(encoding="utf-8")).group(1)


def test_home_pages_are_titled_with_the_site_name_once(site):
    assert title(site / "index.html") == "Test site"
    assert title(site / "es" / "index.html") == "Test site"
    # every other page: "<page> - <site>", as Material has it
    assert title(site / "rights" / "housing" / "index.html") == "Housing - Test site"
    assert title(site / "es" / "rights" / "housing" / "index.html") == "Housing - Test site"
    # a workshop says it is one (the real site has a workshop named as its housing hub)
    assert title(site / "workshops" / "housing" / "index.html") == "Workshop: Housing workshop - Test site"
    assert title(site / "es" / "workshops" / "housing" / "index.html") == "Taller: Housing workshop - Test site"


def test_the_404_page_has_its_own_title_in_each_edition(site):
    """Every edition's build writes the theme's 404.html to the site's root: the Spanish one used
    to replace the English, so hosts served a Spanish-interface page titled like the home page.
    The root's is English and points to the Spanish edition; the Spanish one is es/404.html."""
    english, spanish = site / "404.html", site / "es" / "404.html"
    assert title(english) == "Page not found - Test site"
    assert title(spanish) == "Página no encontrada - Test site"
    root = english.read_text(encoding="utf-8")
    assert '<html lang="en"' in root and "<h1>Page not found</h1>" in root
    assert re.search(r'<p lang="es">[^<]*<a href="/es/" hreflang="es">', root)
    edition = spanish.read_text(encoding="utf-8")
    assert '<html lang="es"' in edition and "<h1>Página no encontrada</h1>" in edition
    # neither is a search result or an offline record; a page that happens to be named 404 is
    from rightskit.outputs.search.records import page_address
    assert page_address("404.html") is None and page_address("es/404.html") is None
    assert page_address("errors/404.html") == "errors/404.html"
    # the language selector leads to each edition's home page, not to the last page built's translations
    for page, links in ((root, ("/", "/es/")), (edition, ("/", "/es/"))):
        selector = re.findall(r'<a href="([^"]*)" hreflang="[a-z]+" class="md-select__link"', page)
        assert tuple(selector) == links, selector


def test_last_updated_dates_are_in_the_language_of_the_edition(site):
    """The Spanish pages here are all English text (fallbacks): their dates follow the edition,
    after the theme's "Última actualización", not the English file they were made from."""
    english = DATE.findall((site / "rights" / "housing" / "index.html").read_text(encoding="utf-8"))
    spanish = DATE.findall((site / "es" / "rights" / "housing" / "index.html").read_text(encoding="utf-8"))
    assert english and spanish
    assert all(re.match(rf"({MONTHS_EN}) \d{{1,2}}, \d{{4}}$", shown) for _, shown in english), english
    assert all(re.match(r"\d{1,2} de [a-z]+ de \d{4}$", shown) for _, shown in spanish), spanish
    assert not any(re.search(MONTHS_EN, stamp) for stamp, _ in spanish), spanish


def test_dates_follow_each_build_when_the_plugin_outlives_its_configuration():
    """MkDocs keeps a plugin instance from one configuration to the next in a process: an
    English-only build after a bilingual one must not keep the last edition's language."""
    from types import SimpleNamespace

    from rightskit.mkdocs import gitdates

    plugin = SimpleNamespace(config={"enabled": True}, last_revision_commits={}, cached_source_paths={},
                             cached_head_commit="abc", cached_history_options=())
    plugin._get_locale = lambda page: page.file.locale
    config = SimpleNamespace(plugins={gitdates.NAME: plugin})
    english_file = SimpleNamespace(file=SimpleNamespace(locale="en"))
    gitdates.in_edition_language(config, lambda: "es")
    assert plugin._get_locale(english_file) == "es"
    gitdates.in_edition_language(config, lambda: None)  # the next configuration: no edition
    assert plugin._get_locale(english_file) == "en"


class Controls(HTMLParser):
    """What the Nu HTML checker and pa11y said of the theme's form controls (issue 21)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.labels_for: list[str] = []
        self.inputs: list[dict] = []  # each with "labelled": inside a <label>
        self.forms: list[list[dict]] = []  # the buttons and inputs of each form
        self.problems: list[str] = []
        self._label_depth = 0
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "label":
            self._label_depth += 1
            if values.get("for"):
                self.labels_for.append(values["for"])
            if "tabindex" in values and not values["tabindex"]:
                self.problems.append(f"label with an empty tabindex: {values}")
        if tag == "form":
            self.forms.append([])
            self._in_form = True
        if tag in ("input", "button"):
            control = dict(values, tag=tag, labelled=self._label_depth > 0)
            if self._in_form:
                self.forms[-1].append(control)
            if tag == "input":
                self.inputs.append(control)
                if "autocorrect" in values:
                    self.problems.append(f"autocorrect (not an HTML attribute): {values}")
                if values.get("type") in ("checkbox", "radio", "hidden") and "autocomplete" in values:
                    self.problems.append(f"autocomplete on a {values['type']}: {values}")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "label":
            self._label_depth = max(0, self._label_depth - 1)

    def report(self) -> list[str]:
        problems = list(self.problems)
        problems += [f"a label for '{target}', which the page does not have" for target in self.labels_for
                     if target not in self.ids]
        for control in self.inputs:
            if control.get("type") == "hidden":
                continue
            named = (control["labelled"] or control.get("aria-label") or control.get("aria-labelledby")
                     or control.get("id") in self.labels_for or control.get("title"))
            if not named:
                problems.append(f"a form field without a label: {control}")
        for controls in self.forms:
            if not any(c.get("type") == "submit" or (c["tag"] == "button" and c.get("type", "submit") == "submit")
                       for c in controls):
                problems.append(f"a form without a submit button: {controls}")
        return problems


def test_the_theme_writes_valid_labelled_controls(site):
    pages = sorted(site.rglob("*.html"))
    assert any(p.parent == site / "es" for p in pages) and len(pages) > 20
    found = {}
    for page in pages:
        checker = Controls()
        checker.feed(page.read_text(encoding="utf-8"))
        if checker.report():
            found[page.relative_to(site).as_posix()] = checker.report()
    assert found == {}
    # the cases were there to be checked: a section's label in the navigation, the table of
    # contents' title on the home page, Material's search toggle (kept for its script)
    housing = (site / "rights" / "housing" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<label class="md-nav__link" for="__nav_2" id="__nav_2_label">', housing)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<label class="md-nav__title">' in home and 'id="__toc"' not in home
    assert '<input class="md-toggle" data-md-toggle="search" type="hidden" id="__search">' in home


def test_a_label_for_a_control_in_the_article_keeps_its_target():
    page = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<label for="__drawer"></label><label for="later"></label><label for="__toc"></label>'
            '<div class="md-content"><input type="checkbox" id="later" autocomplete="off"></div>')
    assert thememarkup.tidy(page) == (
        '<input class="md-toggle" type="checkbox" id="__drawer"><label for="__drawer"></label>'
        '<label for="later"></label><label></label>'
        '<div class="md-content"><input type="checkbox" id="later" autocomplete="off"></div>')


# --- the real site --------------------------------------------------------------------------
def footer_next(page: str) -> str | None:
    match = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', page)
    return match.group(1) if match else None


@pytest.mark.parametrize("home", ["", "es/"])
def test_next_from_the_home_page_leads_to_the_first_right(built, home):
    page = (built / "site" / home / "index.html").read_text(encoding="utf-8")
    assert footer_next(page) == "rights/housing/"
    assert title(built / "site" / home / "index.html") == "Rights at Home"


def test_spanish_pages_show_no_english_dates(built):
    site = built / "site"
    english = {}
    for page in sorted((site / "es").rglob("index.html")):
        dates = [shown for _, shown in DATE.findall(page.read_text(encoding="utf-8"))]
        if any(re.search(MONTHS_EN, shown) for shown in dates):
            english[page.relative_to(site).as_posix()] = dates
    assert english == {}
