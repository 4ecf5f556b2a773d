"""Search index (scripts/rightskit/search.py): what goes into it, aliases from the data,
spelling and split results, one index per language, and the evaluation set itself."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rightskit.core import model as m
from rightskit.pages import catalog
from rightskit.outputs.search import pagefind
from rightskit.outputs.search import records as search_records
from rightskit.outputs.search import vocabulary
from rightskit.outputs.search.indexedtext import indexed_text
from rightskit.core import words as wordlib
from rightskit.core.findings import errors
from rightskit.project import Project, load_site
from rightskit.devtools.search_eval import load_queries, matches

from conftest import REPO

QUERIES = Path(__file__).parent / "search_queries.yml"


@pytest.fixture(scope="module")
def site():
    loaded = load_site(Project(REPO))
    assert not errors(loaded.findings)
    return loaded.site


def page(body: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body><nav>Menu words</nav>'
            f'<article class="md-content__inner md-typeset"><div data-pagefind-body>{body}</div></article>'
            f"<footer>Footer words</footer></body></html>")


def fragments(bundle: Path) -> dict[str, dict]:
    out = {}
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        out[record.get("meta", {}).get("url") or record["url"]] = record  # sections: their #anchor
    return out


# --- spelling --------------------------------------------------------------------------

@pytest.mark.parametrize("british, american", [
    ("organise", "organize"), ("organisers", "organizers"), ("organisation", "organization"),
    ("realisation", "realization"), ("labour", "labor"), ("neighbourhood", "neighborhood"),
    ("fulfil", "fulfill"), ("fulfilment", "fulfillment"), ("centre", "center"), ("programme", "program"),
    ("defence", "defense"), ("mould", "mold"), ("analyse", "analyze"),
])
def test_british_spellings_become_american(british, american):
    assert wordlib.americanize(british) == american


@pytest.mark.parametrize("word", ["promise", "exercise", "otherwise", "advise", "housing", "organize", "labor"])
def test_other_words_keep_their_spelling(word):
    assert wordlib.americanize(word) == word


def test_pages_written_in_british_spelling_are_indexed_under_the_american_one_too():
    assert search_records.spelling_variants("Organisers fight for labour rights.").split() == ["labor", "organizers"]


# --- what each page gets from the data -------------------------------------------------

def test_aliases_come_from_the_data(site):
    table = catalog.entries(site)
    icescr = table["standards/icescr/"]
    assert icescr.kind == "standard" and "ICESCR" in icescr.aliases
    assert icescr.part_areas["article-11"]  # articles carry their own issue areas
    assert "UPR" in table["mechanisms/upr/"].aliases
    # "CERD" is the glossary's abbreviation for the committee's full name.
    assert "CERD" in table["mechanisms/cerd/"].aliases
    assert "IACHR" in table["mechanisms/iachr/"].aliases


def test_hubs_stand_for_the_words_of_their_area(site):
    table = catalog.entries(site)
    work = table["rights/work/"]
    assert work.kind == "right" and work.areas == ("Work with dignity",)
    assert {"labor", "union"} <= set(work.keywords)
    assert "evictions" in table["rights/housing/"].keywords
    assert "labor" not in table["rights/housing/"].keywords


def test_page_types_cover_every_kind_readers_filter_on(site):
    kinds = {e.kind for e in catalog.entries(site).values()}
    assert {"right", "standard", "mechanism", "toolkit", "activity", "workshop"} <= kinds
    assert all(kind in catalog.KIND_LABELS["en"] and kind in catalog.KIND_LABELS["es"] for kind in kinds)


def test_a_translation_shares_its_pages_entry():
    table = {"rights/housing/": catalog.Entry("right")}
    assert catalog.entry_for("es/rights/housing/", "es", table) is table["rights/housing/"]
    assert catalog.entry_for("es/rights/housing/", "en", table) is None


def test_catalog_lists_every_page_once_by_type(site):
    groups = catalog.catalog(site)
    listed = [page for _, items in groups for _, page in items]
    assert len(listed) == len(set(listed))
    modules = {mod.path for mod in site.modules.values()} - {"tags.md"}
    assert modules <= set(listed)
    assert {f"standards/{i}.md" for i in site.instruments} <= set(listed)
    assert [heading for heading, _ in groups][:3] == ["Rights", "Standards", "Mechanisms"]


# --- preparing pages -------------------------------------------------------------------

def test_only_the_body_is_indexed_with_its_additions():
    entry = catalog.Entry("toolkit", ("Housing",), "A short summary of the page.", ("Alias",))
    html = page('<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>Body text.</p>')
    [record] = search_records.records(html, "/toolkits/x/", entry)
    text = indexed_text(record.html)
    assert "Body text." in text and "Title" in text and "¶" not in text
    assert "Menu words" not in text and "Footer words" not in text
    assert "A short summary of the page." in text and "Alias" in text
    assert 'data-pagefind-filter="type" data-pagefind-meta="type">Toolkit<' in record.html
    assert 'data-pagefind-filter="area">Housing<' in record.html
    # Pagefind gets the body alone, with the additions inside it after the page's own text.
    assert "Menu words" not in record.html and "Footer words" not in record.html
    assert record.html.index("Body text.") < record.html.index("Alias") < record.html.index("</div></body>")
    # Words only the index needs, the summary among them, come after the mark search.js makes
    # excerpts stop at (issue 21: they made snippets of word salad).
    mark = record.html.index(f'id="{search_records.INDEX_WORDS}"')
    assert record.html.index("Body text.") < mark < record.html.index("A short summary of the page.")
    assert mark < record.html.index("Alias")


def test_lists_of_pages_are_not_results():
    assert search_records.records(page("<p>x</p>"), "/all-pages/", catalog.Entry("page", ignore=True)) == []
    assert search_records.records("<html lang='en'><body><p>No body marker</p></body></html>", "/x/", None) == []


def test_instrument_articles_are_results_of_their_own():
    entry = catalog.Entry("standard", ("Housing", "Food"), "", ("ICESCR",), "ICESCR",
                         {"article-11": ("Housing",)})
    html = page('<h1 id="i">The Covenant</h1><p>Intro.</p><h2 id="articles">Articles</h2>'
                '<h3 id="article-11">Article 11: Living standard</h3><p>Food and housing.</p>'
                '<div data-pagefind-ignore="index"><p>Cited in many pages</p></div>'
                '<h3 id="article-12">Article 12: Health</h3><p>Clinics.</p>'
                '<h2 id="cited-in">Cited in</h2><p>Tail.</p>')
    records = search_records.records(html, "/standards/icescr/", entry)
    assert [r.url for r in records] == ["/standards/icescr/", "/standards/icescr/#article-11",
                                        "/standards/icescr/#article-12"]
    whole, art11, art12 = (indexed_text(r.html) for r in records)
    assert "Intro." in whole and "Tail." in whole and "Food and housing" not in whole
    assert "ICESCR Article 11: Living standard" in art11 and "Food and housing." in art11
    assert "Cited in many pages" not in art11 and "Clinics" not in art11
    assert "Clinics." in art12 and "Tail" not in art12
    assert records[1].areas == ("Housing",)


def test_headings_on_many_pages_lose_their_weight():
    pages = [page(f'<h2 id="tips">Facilitator tips</h2><p>{n}</p><h2 id="t{n}">Topic {n}</h2>') for n in range(5)]
    common = search_records.common_headings(pages)
    assert common == {"facilitator tips"}
    [record] = search_records.records(pages[0], "/a/", None, common)
    assert '<h2 data-pagefind-weight="1" id="tips">' in record.html
    assert '<h2 id="t0">' in record.html


def test_vocabulary_counts_pages_not_occurrences():
    vocab = vocabulary.vocabulary(["eviction eviction tenant", "eviction is bad"])
    assert vocab == {"eviction": 2, "tenant": 1}


def test_contributor_pages_are_told_apart_from_reader_pages():
    for url in ("/contribute/", "/contribute/reference/instrument/", "/about/review/", "/es/contribute/"):
        assert vocabulary.is_contributor_page(url, "es" if url.startswith("/es/") else "en"), url
    for url in ("/rights/housing/", "/about/", "/toolkits/templates/", "/mechanisms/finder/", "/es/rights/housing/"):
        assert not vocabulary.is_contributor_page(url, "es" if url.startswith("/es/") else "en"), url


def test_words_file_says_which_results_are_minor_and_gives_synonyms():
    results = {"en_1": ("Housing", "/rights/housing/"), "en_2": ("Reference", "/contribute/reference/")}
    words = vocabulary.words_file("en", {"housing": 1}, results, {})
    assert words["minor"] == ["en_2"]
    assert "repair" in words["synonyms"]["fix"] and "petition" in words["synonyms"]["complaint"]
    assert {"facing", "will", "not"} <= set(words["stop"])
    assert vocabulary.words_file("xx", {}, {}, {})["synonyms"] == {}


def test_spanish_words_file_searches_other_words_for_misleading_ones():
    words = vocabulary.words_file("es", {"vivienda": 1}, {"es_1": ("La vivienda", "/es/rights/housing/")}, {})
    # "cortaron" shares its stem with "Corte": the box searches shutoffs instead, never the word.
    assert all("cortes" in v for v in words["instead"]["cortaron"])
    assert "asistencia alimentaria" in words["synonyms"]["cupones"]
    assert {"nos", "puedo"} <= set(words["stop"]) and "agua" not in words["stop"]
    assert "elsewhere" not in words  # no other edition given


def test_the_other_editions_title_words_are_offered_only_where_this_edition_lacks_them():
    spanish = {"es_1": ("Principios básicos sobre los desalojos", "/es/standards/eviction-guidelines/")}
    english = {"en_1": ("Basic principles on development-based evictions", "/standards/eviction-guidelines/"),
               "en_2": ("Benchmarks", "/about/benchmarks/")}
    spanish["es_2"] = ("Benchmarks", "/es/about/benchmarks/")  # an untranslated page keeps its title
    other = vocabulary.other_edition("es", "en", "", vocabulary.title_words(spanish), vocabulary.title_words(english))
    assert other["lang"] == "en" and other["path"] == ""
    assert "evictions" in other["words"] and "benchmarks" not in other["words"]
    assert "desalojos" not in other["words"]
    words = vocabulary.words_file("es", {}, spanish, {}, other)
    assert words["elsewhere"] == other


# --- the built site --------------------------------------------------------------------

def test_built_site_has_one_index_with_what_the_browser_needs(built: Path):
    bundle = built / "site" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "es"]  # one bundle, one index per language
    words = json.loads((bundle / "words-en.json").read_text())
    assert words["pages"] == entry["languages"]["en"]["page_count"] == len(words["titles"])
    assert {"eviction", "housing", "organize"} <= set(words["words"])
    assert "Work with dignity" in words["titles"].values()
    assert words["topics"] and "will" in words["stop"]
    records = fragments(bundle)
    assert "/standards/icescr/#article-11" in records
    assert "/all-pages/" not in records and "/tags/" not in records
    icescr = records["/standards/icescr/"]
    assert "Cited in" not in icescr["content"] and "¶" not in icescr["content"]
    assert icescr["meta"]["type"] == "Standard"
    assert records["/rights/housing/"]["filters"]["type"] == ["Right"]
    # What only the index needs is not in the pages readers download.
    assert "rk-index-only" not in (built / "site" / "rights" / "housing" / "index.html").read_text()


def test_built_pages_have_the_search_box_and_no_builtin_search(built: Path):
    html = (built / "site" / "rights" / "housing" / "index.html").read_text()
    assert 'id="rk-search-input"' in html and "data-pagefind-body" in html
    assert 'action="../../all-pages/"' in html
    assert "md-search" not in html and not (built / "site" / "search" / "search_index.json").exists()


def test_all_pages_lists_every_page(built: Path):
    html = (built / "site" / "all-pages" / "index.html").read_text()
    for link in ('href="../rights/housing/"', 'href="../standards/icescr/"', 'href="../mechanisms/upr/"',
                 'href="../workshops/dignity-at-work/"', 'href="../activities/housing-line/"'):
        assert link in html


def test_the_part_of_a_page_kept_for_search_gives_the_same_records(built: Path):
    """A build keeps only each page's indexable part in memory (not the page, nor a read-back):
    every page of the real site, in both languages, must give the same records and headings."""
    site_dir = built / "site"
    table = catalog.entries(load_site(Project(built)).site)
    files = sorted(p for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).as_posix().startswith("pagefind/"))
    assert len(files) > 200 and any(p.relative_to(site_dir).parts[0] == "es" for p in files)
    pages = {p: p.read_text(encoding="utf-8") for p in files}
    parts = {p: search_records.indexable_part(text) for p, text in pages.items()}
    assert sum(map(len, parts.values())) * 2 < sum(map(len, pages.values()))  # the navigation is left behind
    common = search_records.common_headings(list(pages.values()))
    assert common == search_records.common_headings(list(parts.values())) and common
    listed = 0
    for path, text in pages.items():
        url = path.relative_to(site_dir).as_posix().removesuffix("index.html")
        entry = catalog.entry_for(url, search_records.language(text), table)
        assert search_records.records(parts[path], "/" + url, entry, common) == search_records.records(text, "/" + url, entry, common), url
        listed += search_records.LIST_PAGE in text
    assert listed  # list pages, which give no record, were among them
    # and the build's own index came from those parts: the same records as reading the site back
    kept = {p.relative_to(site_dir).as_posix(): part for p, part in parts.items()}
    assert pagefind.collect(site_dir, table, parts=kept) == pagefind.collect(site_dir, table)


def test_one_index_per_language(tmp_path: Path):
    site_dir = tmp_path / "site"
    (site_dir / "es").mkdir(parents=True)
    (site_dir / "index.html").write_text(page("<h1>Housing</h1><p>Adequate housing for everyone.</p>"))
    (site_dir / "es" / "index.html").write_text(page("<h1>Vivienda</h1><p>Una vivienda adecuada.</p>", "es"))
    report = pagefind.index_site(site_dir, m.Site())
    assert report.languages == {"en": 1, "es": 1}
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "es"}
    assert "vivienda" in json.loads((site_dir / "pagefind" / "words-es.json").read_text())["words"]
    assert "vivienda" not in json.loads((site_dir / "pagefind" / "words-en.json").read_text())["words"]


# --- the evaluation set ----------------------------------------------------------------

def test_evaluation_set_is_large_varied_and_points_at_real_pages(built: Path):
    queries = load_queries(QUERIES)
    assert len(queries) >= 40
    assert {"right", "abbreviation", "mechanism", "task", "spelling", "typo"} <= {q.kind for q in queries}
    for q in queries:
        path, _, anchor = q.expect.partition("#")
        html = (built / "site" / path / "index.html")
        assert html.exists(), q
        assert not anchor or f'id="{anchor}"' in html.read_text(), q


def test_result_addresses_match_with_or_without_anchor():
    assert matches("rights/housing/", "rights/housing/")
    assert matches("standards/icescr/#article-11", "standards/icescr/")
    assert matches("standards/icescr/#article-11", "standards/icescr/#article-11")
    assert not matches("standards/icescr/", "standards/icescr/#article-11")
    assert not matches("standards/icescr/#article-12", "standards/icescr/#article-11")
