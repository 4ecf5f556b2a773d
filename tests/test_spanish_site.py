"""The Spanish edition of the real site, built once by `rightskit build`: every page exists under es/ with
the right language, the switcher lands on the same page, untranslated pages fall back with a notice,
generated pages and PDFs are in Spanish, and the JSON carries the Spanish fields."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, check
from pdfread import all_text
from rightskit.core import languages, paths, typography
from rightskit.content.i18n import translations
from rightskit.devtools.coverage import edition_coverage


def page(built: Path, url: str) -> str:
    return (built / "site" / url / "index.html").read_text(encoding="utf-8")


def html_lang(text: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", text).group(1)


def english_pages(built: Path) -> list[Path]:
    site = built / "site"
    return [p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith("es/")]


@pytest.fixture(scope="module")
def content():
    return check(REPO).site


def test_every_page_exists_in_both_languages_with_its_lang(built):
    site = built / "site"
    pages = english_pages(built)
    assert len(pages) > 50
    for english in pages:
        spanish = site / "es" / english.relative_to(site)
        assert spanish.is_file(), spanish  # never a 404 under /es/
        assert html_lang(english.read_text(encoding="utf-8")) == "en", english
        assert html_lang(spanish.read_text(encoding="utf-8")) == "es", spanish


def test_switcher_links_land_on_the_same_page_in_the_other_language(built):
    site = built / "site"
    for english in english_pages(built):
        relative = english.relative_to(site)
        spanish = site / "es" / relative
        for here, lang, there in ((english, "es", spanish), (spanish, "en", english)):
            text = here.read_text(encoding="utf-8")
            href = re.search(rf'<a href="([^"]+)" hreflang="{lang}" class="md-select__link"', text)
            assert href, (here, lang)
            target = href.group(1)
            if target.startswith("/"):  # the home pages link to the edition's root
                resolved = site / target.lstrip("/") / "index.html"
            else:
                resolved = (here.parent / target / "index.html")
            assert resolved.resolve() == there.resolve(), (here, target)


def untranslated_urls(content) -> list[str]:
    """The Spanish addresses of the pages that have no translation: today the contributors' pages."""
    edition = content.translations["es"]
    return ["es/" + paths.url_of(path) for path in sorted(content.modules) if path not in edition.pages]


def test_translated_page_is_spanish_and_untranslated_page_falls_back_with_notice(built, content):
    edition = content.translations["es"]
    assert "rights/housing.md" in edition.pages
    housing = page(built, "es/rights/housing")
    assert "Aún sin traducir" not in housing and '<div lang="en">' not in housing
    assert edition.pages["rights/housing.md"].title in housing
    untranslated = [path for path in sorted(content.modules) if path not in edition.pages]
    assert "contribute/index.md" in untranslated  # the test has something to check
    for path in untranslated:
        url = "es/" + paths.url_of(path)
        fallback = page(built, url.rstrip("/"))
        assert html_lang(fallback) == "es"
        assert "Esta página aún no está traducida al español" in fallback, url
        # the English text is marked as English inside the Spanish page (WCAG 3.1.2)
        assert re.search(r'<div lang="en">\s*<h1', fallback), url
        assert content.modules[path].title in fallback


def test_every_page_shown_in_english_under_es_has_the_notice(built):
    """Hand-written or generated (the contributors' reference, the review page): wherever the body
    of a page under /es/ is English, the notice says so, and a translated page never has it."""
    site = built / "site"
    english_bodies = 0
    for file in sorted((site / "es").rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        notice = "Esta página aún no está traducida al español" in text
        if re.search(r'<div lang="en">\s*<h1', text):
            english_bodies += 1
            assert notice, file.relative_to(site)
        else:
            assert not notice, file.relative_to(site)
    assert english_bodies >= 3


def test_links_to_pages_in_english_say_so_in_the_list(built, content):
    """A link in a Spanish page's body to a page still in English is followed by "(en inglés)"."""
    targets = untranslated_urls(content)
    listing = page(built, "es/all-pages")
    for url in targets:
        link = re.search(rf'<a href="[^"]*{re.escape(url[len("es/"):])}" hreflang="en">.*?</a>( <span class="rk-in-english">\(en inglés\)</span>)?',
                         listing, re.S)
        assert link and link.group(1), url
    # a translated page's link carries no such note
    assert not re.search(r'href="[^"]*rights/housing/"[^>]*>[^<]*</a> <span class="rk-in-english">', listing)


def test_spanish_pages_join_ee_uu_and_title_admonitions_in_spanish(built):
    for file in sorted((built / "site" / "es").rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"EE\.\s+UU\.", text.replace("EE.\u00a0UU.", "")), file
        titles = re.findall(r'<p class="admonition-title">([^<]*)</p>', text)
        assert not {"Tip", "Note"} & set(titles) or '<div lang="en">' in text, (file, titles)
        # the tags page is translated (docs/tags.es.md): its title in the navigation and footer too
        assert ">Tags<" not in text and "Siguiente: Tags" not in text and "Anterior: Tags" not in text, file
    housing = page(built, "es/rights/housing")
    assert '<p class="admonition-title">Consejo</p>' in housing


def test_translations_page_counts_as_in_english(built):
    english = re.search(r"(\d+) translated, (\d+) to update, (\d+) missing, of (\d+) pages", page(built, "about/translations"))
    spanish = re.search(r"(\d+) traducidas, (\d+) por actualizar y (\d+) sin traducir, de (\d+) páginas",
                        page(built, "es/about/translations"))
    assert english and spanish and english.groups() == spanish.groups()
    assert int(english.group(1)) > 20 and english.group(2) == "0"


def test_spanish_glossary_is_in_dictionary_order(built, content):
    text = page(built, "es/glossary")
    terms = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in re.findall(r"<dt\b[^>]*>(.*?)</abbr>", text, re.S)]
    assert len(terms) == len(content.glossary)
    assert terms == sorted(terms, key=typography.sort_key)
    assert terms.index("órgano de tratado") < terms.index("Relator Especial")  # not last, as by code point


def test_spanish_interface_and_navigation(built):
    home = page(built, "es")
    assert 'placeholder="Buscar"' in home or "Buscar" in home  # Material's own Spanish strings
    for section in ("Derechos", "Normas", "Mecanismos", "Talleres"):
        assert f">{section}<" in home or f"{section}\n" in home, section


def template_phrases(folder: str) -> list[str]:
    """English boilerplate: the phrases of the templates that Spanish writes differently."""
    es = languages.strings("es")
    root = Path(translations.__file__).parent / "templates" / folder
    keys = set()
    for file in root.rglob("*"):
        keys |= {k.replace('\\"', '"') for k in re.findall(r'_\("((?:[^"\\]|\\.)*)"', file.read_text())}
    return sorted(k for k in keys if " " in k and "{" not in k and not k.endswith(".") and es(k) != k)


@pytest.mark.parametrize("url", ["es/standards/icescr", "es/standards", "es/mechanisms",
                                 "es/standards/general-comments/cescr", "es/workshops", "es/glossary",
                                 "es/workshops/housing-human-right", "es/rights/housing", "es/about/translations"])
def test_generated_spanish_pages_have_no_english_boilerplate(built, url):
    # Headings, labels, table headers and notes are whole text nodes; English prose from data not yet
    # translated (a summary, a glossary definition) may still contain such words, and is allowed.
    nodes = {" ".join(t.split()) for t in re.findall(r">([^<]+)<", page(built, url))}
    nodes = {t.rstrip(":").strip() for t in nodes if t.strip()}
    for phrase in template_phrases("pages"):
        assert phrase not in nodes, (url, phrase)
        assert not any(t.startswith(phrase + ":") or t.startswith(phrase + " (") for t in nodes), (url, phrase)


def test_spanish_official_titles_on_generated_pages(built, content):
    edition = content.translations["es"]
    icescr = edition.instruments["icescr"]
    text = page(built, "es/standards/icescr")
    assert icescr.title in text and icescr.short_title in text
    article = edition.articles["icescr/11"]
    assert article.title in text
    assert "16 de diciembre de 1966" in text  # dates the Spanish way
    assert content.instruments["icescr"].title in page(built, "standards/icescr")  # English stays English


def test_translation_coverage_meets_the_issue_targets(built, content):
    """Issue 19: at least 90% of the pages for readers translated (contribute/ left out), at most 10% of
    the words in article bodies under /es/ English; the translations page gives the same page count."""
    found = edition_coverage(built / "site", "es", content.modules)
    print(found.summary())
    assert found.pages_percent >= 90, found.untranslated
    assert found.english_percent <= 10, found.mostly_english
    expected = translations.reader_coverage(translations.status(content, "es"))
    assert (found.translated, found.readers) == (expected.translated, expected.total)
    for url, words in (("about/translations", "{} of {} have a translation"),
                       ("es/about/translations", "{} de {} tienen traducción")):
        assert words.format(expected.translated, expected.total) in page(built, url), url


def test_spanish_pages_link_to_the_spanish_official_pages(built, content):
    """standards/official-pages.yml: the Universal Declaration's page on un.org, in each edition."""
    english = "https://www.un.org/en/about-us/universal-declaration-of-human-rights"
    spanish = content.official_pages["es"][english]
    assert f'href="{english}"' in page(built, "standards/udhr") and spanish not in page(built, "standards/udhr")
    text = page(built, "es/standards/udhr")
    assert f'<a href="{spanish}"' in text and f'href="{english}"' not in text


def test_translations_page_lists_every_page(built, content):
    text = page(built, "es/about/translations")
    for path in content.modules:
        assert f"docs/{languages.translation_path(path, 'es')}" in text, path
    assert "Traducida" in text and "Falta" in text


def test_json_carries_spanish_fields(built, content):
    items = json.loads((built / "site" / "data" / "instruments.json").read_text(encoding="utf-8"))
    icescr = next(i for i in items if i["id"] == "icescr")
    assert icescr["es"]["short_title"] == content.translations["es"].instruments["icescr"].short_title
    assert icescr["es"]["url"] == "es/standards/icescr/"
    article = next(a for a in icescr["articles"] if a["number"] == "11")
    assert article["es"]["title"] and article["es"]["url"] == "es/standards/icescr/#article-11"
    modules = json.loads((built / "site" / "data" / "modules.json").read_text(encoding="utf-8"))
    hub = next(x for x in modules if x["url"] == "rights/housing/")
    assert hub["es"]["status"] in translations.STATES and hub["es"]["title"]
    for name in ("instruments.json", "mechanisms.json", "modules.json", "workshops.json", "general-comments.json"):
        for item in json.loads((built / "site" / "data" / name).read_text(encoding="utf-8")):
            url = item["es"]["url"].partition("#")[0]
            assert (built / "site" / url / "index.html").is_file(), (name, url)


# --- Spanish PDFs -------------------------------------------------------------------------

def spanish_documents(content) -> list[tuple[str, str]]:
    """(file stem, Spanish title) of every document that must exist in Spanish."""
    edition = content.translations["es"]
    docs = []
    for ident, text in edition.workshops.items():
        # printed in Spanish once every module it prints is translated (translations.is_translated)
        if translations.is_translated(content, "es", content.workshops[ident]):
            docs += [(f"{ident}-guide", text.title), (f"{ident}-packet", text.title)]
    for path, translated in edition.pages.items():
        if content.modules[path].handout:
            docs.append((f"{path[:-3].replace('/', '-')}-handout", translated.title))
    return docs


def pdf_text(path: Path) -> str:
    return " ".join(all_text(path).split())


def test_spanish_pdfs_exist_in_both_sizes_in_spanish(built, content):
    documents = spanish_documents(content)
    # The issue asks for these two workshops in Spanish; their es: blocks are what make them print in Spanish.
    wanted = {"housing-human-right-guide", "housing-human-right-packet", "health-human-right-guide",
              "health-human-right-packet", "activities-housing-line-handout"}
    assert wanted <= {stem for stem, _ in documents}
    for stem, title in documents:
        for paper, size in (("letter", (612, 792)), ("a4", (595, 842))):
            path = built / "site" / "es" / "pdf" / f"{stem}-{paper}.pdf"
            reader = PdfReader(path)
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == size, path
            assert reader.trailer["/Root"].get("/Lang") == "es", path
            assert reader.metadata.title.startswith(typography.collapse(title)), path


def test_spanish_pdfs_have_no_english_boilerplate(built, content):
    phrases = template_phrases("handouts") + ["Page 1 of", "For facilitators", "Facilitator guide",
                                              "Participant packet", "QR code"]
    for stem, _ in spanish_documents(content):
        text = pdf_text(built / "site" / "es" / "pdf" / f"{stem}-letter.pdf")
        assert "Página 1 de" in text, stem
        for phrase in phrases:
            assert phrase not in text, (stem, phrase)
        if "-guide" in stem:
            assert "Guía de facilitación" in text and "Agenda" in text
