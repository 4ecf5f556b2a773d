"""The search facts a build finds while it writes its pages (records.page_facts, kept in the page
cache beside each finished page) give the same index as reading the pages in the search step."""
from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

from conftest import bilingual_mini, rightskit
from rightskit.core import model as m
from rightskit.outputs.search import pagefind
from rightskit.outputs.search import records as search_records
from rightskit.outputs.search.indexedtext import indexed_text, long_words
from rightskit.pages.catalog import Entry


def _page(body: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body><nav>Menu words</nav>'
            f'<article class="md-content__inner md-typeset"><div data-pagefind-body>{body}</div></article>'
            f"<footer>Footer words</footer></body></html>")


HEADING = '<h2 id="{0}">{1}<a class="headerlink" href="#{0}">¶</a></h2>'
PAGES = {
    # split sections, British spellings in the body and in an article, a permalink, entities
    "standards/icescr/index.html": _page(
        "<h1>International Covenant</h1><p>Favourable conditions of labour &amp; fair wages.</p>"
        + HEADING.format("article-6", "Article 6") + "<p>The right to work, and to organise.</p>"
        + HEADING.format("article-7", "Article 7") + "<p>Just and favourable conditions of work.</p>"
        + HEADING.format("sources", "Sources") + "<p>Honour the sources.</p>"),
    # a summary with a British word the body spells the American way, a summary the page shows
    "rights/housing/index.html": _page("<h1>Housing</h1><p>Adequate housing for everyone, a neighborhood "
                                       "centre.</p>" + HEADING.format("sources", "Sources") + "<p>See UN-Habitat.</p>"),
    "rights/work/index.html": _page("<h1>Work</h1><p>Fair pay and safe workplaces for every worker.</p>"
                                    + HEADING.format("sources", "Sources")),
    # ignored parts, a script and text right at the end of the body
    "rights/health/index.html": _page('<h1>Health</h1><p>Clinics near you.</p><div data-pagefind-ignore>'
                                      "Skipped words</div><script>var hidden = 1;</script>Trailing text &amp"),
    # a body left with an open ignored element: its words cannot be told from the page alone
    "rights/water/index.html": _page("<h1>Water</h1><p>Safe drinking water.<span data-pagefind-ignore>"
                                     "<b>Unclosed"),
    "es/rights/housing/index.html": _page("<h1>Vivienda</h1><p>Una vivienda adecuada para todas las personas.</p>"
                                          + HEADING.format("sources", "Fuentes"), "es"),
    "all-pages/index.html": _page('<div class="rk-list-page"></div><p>Every page</p>'),
    "404.html": _page("<h1>Not found</h1>"),
}
TABLE = {
    "standards/icescr/": Entry("standard", ("work",), "A treaty on economic rights.", ("ICESCR",), "ICESCR",
                               {"article-6": ("work",)}, keywords=("employment",)),
    "rights/housing/": Entry("right", ("housing",), "Housing that is safe, in a good neighbourhood centre.",
                             ("shelter", "Shelter")),
    "rights/work/": Entry("right", summary="Fair pay and safe workplaces for every worker."),
}


def test_facts_give_the_records_and_words_of_reading_the_pages():
    parts = {rel: search_records.indexable_part(text) for rel, text in PAGES.items()}
    facts = {rel: search_records.page_facts(part) for rel, part in parts.items()}
    read = pagefind.collect(Path("unused"), TABLE, parts=parts)
    found = pagefind.collect(Path("unused"), TABLE, parts=parts, facts=facts)
    assert [(r.url, r.lang, r.html, r.areas) for r in found] == [(r.url, r.lang, r.html, r.areas) for r in read]
    known = {r.url: r.words for r in found}
    assert known["/rights/water/"] is None  # read in the search step instead
    assert len(read) == 8 and sum(w is not None for w in known.values()) == 7
    for record in found:
        if record.words is not None:
            assert record.words == long_words(indexed_text(record.html)), record.url
    assert "organize" in known["/standards/icescr/#article-6"] and "employment" in known["/standards/icescr/#article-6"]
    assert "trailing" in known["/rights/health/"] and "skipped" not in known["/rights/health/"]
    # the summary's British words get their American spellings, unless the body has them already
    assert "neighborhood" in known["/rights/housing/"] and "center" in known["/rights/housing/"]
    # facts kept as JSON come back the same
    assert {rel: f and search_records.PageFacts.from_json(f.to_json()) for rel, f in facts.items()} == facts


def test_index_from_facts_equals_index_from_pages(tmp_path):
    site = tmp_path / "site"
    for rel, text in PAGES.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh)
    parts = {rel: search_records.indexable_part(text) for rel, text in PAGES.items()}
    facts = {rel: search_records.page_facts(part) for rel, part in parts.items()}
    pagefind.index_site(site, m.Site(), parts=parts, facts=facts)
    pagefind.index_site(fresh, m.Site(), parts=parts)
    words = sorted(p.name for p in (site / "pagefind").glob("words-*.json"))
    assert words == ["words-en.json", "words-es.json"]
    for name in words:
        assert (site / "pagefind" / name).read_bytes() == (fresh / "pagefind" / name).read_bytes()


def test_a_build_finds_the_facts_and_indexes_as_reading_its_pages_does(tmp_path):
    """Slow (two builds of the bilingual mini project, about 4 s): the facts travel from the
    render helpers through the page cache to the search step, and a warm build takes them from
    the cache; both index what the search step reads from the built pages."""
    root = bilingual_mini(tmp_path / "project", 30)  # enough pages for the render helpers to fork
    for _ in range(2):  # cold, then warm
        result = rightskit("build", "--no-pdf", "--site-dir", "site", cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
    # each finished page is stored with its facts: their JSON, a NUL, then the page
    stored = [zlib.decompress(p.read_bytes()).partition(b"\0") for p in (root / ".cache").rglob("pages-*/post/*/*")]
    assert len([html for facts, _, html in stored if html.lstrip().startswith(b"<!doctype") and json.loads(facts)]) > 60
    fresh = tmp_path / "fresh"
    shutil.copytree(root / "site", fresh, ignore=shutil.ignore_patterns("pagefind"))
    from rightskit.content.i18n import translations
    from rightskit.project import Project, load_site
    loaded = load_site(Project(root)).site
    pagefind.index_site(fresh, loaded, {"es": translations.localize(loaded, "es")},
                        {"es": translations.search_aliases(loaded, "es")})
    for name in ("words-en.json", "words-es.json"):
        assert (root / "site" / "pagefind" / name).read_bytes() == (fresh / "pagefind" / name).read_bytes()


def test_one_reading_of_a_piece_gives_its_text_and_its_words_as_two_readings_do():
    """indexedtext.text_and_piece_words reads each body once for the page's plain text and its
    indexed words: the same as htmltext.words and piece_words each reading it, on random pieces
    built from what trips a reader (entities cut short, self-closing and unclosed tags, scripts,
    comments, ignored parts, stray end tags) and on the pages above."""
    import random

    from rightskit.core import htmltext
    from rightskit.outputs.search.indexedtext import piece_words, text_and_piece_words

    tokens = ["<p>", "</p>", "<br/>", "<br>", "<div data-pagefind-ignore>", "<div>", "</div>", "<script>",
              "</script>", "<style>", "</style>", "<!-- a note -->", "&amp;", "&amp", "&", "&#39;", "&#x41",
              "favourable", " centre ", "words\n", "  ", '<a href="x">', "</a>", '<span class="headerlink">',
              "</span>", '<h2 id="a">', "</h2>", "<nav>", "</nav>", "<b", ">", "<", "<template>", "</template>",
              "<head>", "</head>", "<li>", "text&nbsp;more", "<img src=x>", "</br>"]
    chance = random.Random(24)
    pieces = ["".join(chance.choice(tokens) for _ in range(chance.randint(0, 30))) for _ in range(3000)]
    # and pieces that close what they open, as real bodies do, with now and then a cut-off end
    atoms = ["<p>favourable words</p>", "<div data-pagefind-ignore>skipped <b>bold</b></div>", "<br/>",
             "<script>var a = 1 < 2;</script>", "<style>p { }</style>", "<!-- a note -->", "&amp; ", "&#39;",
             '<a href="x">a link</a>', '<h2 id="a">Heading<a class="headerlink" href="#a">¶</a></h2>',
             "<ul><li>one</li><li>two&nbsp;more</li></ul>", "plain centre text ", "\n", "<template>t</template>",
             "<nav>menu</nav>", "</span>", "<img src=x>", "tail &amp", "tail &"]
    pieces += ["".join(chance.choice(atoms) for _ in range(chance.randint(0, 12))) for _ in range(3000)]
    pieces += [search_records._body(search_records.indexable_part(text)) or "" for text in PAGES.values()]
    for lang in ("en", "es"):
        head = search_records._document_head(lang)
        for piece in pieces:
            assert text_and_piece_words(head, piece) == (htmltext.words(piece), piece_words(head, piece)), piece
