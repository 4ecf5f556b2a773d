"""Long lists cut short where they appear and written out as numbered pages (listing.py), without MkDocs."""
from __future__ import annotations

import re

import pytest

from conftest import check
from rightskit.core import languages
from rightskit.core import listing
from rightskit.pages import render
from rightskit.content.i18n import translations
from rightskit.devtools.scalebench import retitle

SMALL = listing.ListSizes(page=3, preview=2, overview=2, table=2)


def test_pages_of_a_list_hold_a_fixed_number_of_items():
    full = listing.Listing("rights/housing/activities", "Activities on housing", "All 8", tuple(range(8)), "pages")
    parts = listing.split(full, 3)
    assert [p.items for p in parts] == [(0, 1, 2), (3, 4, 5), (6, 7)]
    assert [p.path for p in parts] == ["rights/housing/activities/index.md", "rights/housing/activities/2.md",
                                       "rights/housing/activities/3.md"]
    assert (parts[0].previous, parts[0].next) == (None, "rights/housing/activities/2.md")
    assert (parts[2].previous, parts[2].next) == ("rights/housing/activities/2.md", None)
    assert [p.start for p in parts] == [0, 3, 6]
    # an empty list is still one page, so a tag with no page yet does not lead to a 404
    assert len(listing.split(listing.Listing("x", "X", "", (), "pages"), 3)) == 1


def test_the_pagination_bar_has_the_same_length_on_any_page():
    assert listing.window(1, 3) == [1, 2, 3]
    assert listing.window(1, 300) == [1, 2, 3, None, 300]
    assert listing.window(150, 300) == [1, None, 148, 149, 150, 151, 152, None, 300]
    assert listing.window(300, 300) == [1, None, 298, 299, 300]
    assert max(len(listing.window(n, 1000)) for n in range(1, 1001)) == 9


def test_list_folders_sit_beside_the_page_they_belong_to():
    assert listing.folder_of("standards/icescr.md") == "standards/icescr"
    assert listing.folder_of("mechanisms/special-procedures/index.md") == "mechanisms/special-procedures"
    with pytest.raises(ValueError):
        listing.ListSizes(page=0)


def _grown(mini, copies: int):
    """The mini project with `copies` more housing activities, each citing ICESCR article 11."""
    line = mini / "docs" / "activities" / "line.md"
    text = line.read_text(encoding="utf-8")
    for n in range(copies):
        (line.parent / f"line-{n}.md").write_text(retitle(text, f"copy {n + 1}") + "\nSee [[icescr/11]].\n",
                                                  encoding="utf-8")
    return check(mini).site


def test_a_hub_shows_its_most_relevant_modules_and_links_to_all_of_them(mini):
    site = _grown(mini, 7)
    renderer = render.Renderer(site, sizes=SMALL)
    hub = renderer.page_markdown(site.modules["rights/housing.md"], site.modules["rights/housing.md"].body)
    activities = [x for x in site.modules.values() if x.type == "activity"]
    assert len(activities) == 8
    modules = hub[hub.index("{ #modules }"):hub.index("{ #workshops }")]
    assert len(re.findall(r"^- \[", modules, re.M)) == 2  # the preview, not the eight
    assert "[All 8 activities on housing](housing/activities/index.md){ .rk-more }" in modules
    pages = {p.path: p.content for p in renderer.pages()}
    parts = sorted(p for p in pages if p.startswith("rights/housing/activities/"))
    assert parts == ["rights/housing/activities/2.md", "rights/housing/activities/3.md",
                     "rights/housing/activities/index.md"]
    # every activity is on exactly one page, in the order of the full list
    listed = [re.findall(r"^- \[([^]]+)\]", pages[p], re.M) for p in
              ("rights/housing/activities/index.md", "rights/housing/activities/2.md", "rights/housing/activities/3.md")]
    assert [len(x) for x in listed] == [3, 3, 2]
    assert sorted(sum(listed, [])) == sorted(x.title for x in activities)
    second = pages["rights/housing/activities/2.md"]
    assert 'title: "Activities on housing (page 2 of 3)"' in second
    assert "[Previous](index.md){ .rk-pager__step rel=\"prev\" }" in second
    assert "[Next](3.md){ .rk-pager__step rel=\"next\" }" in second
    assert '<span class="rk-pager__current" aria-current="page">2</span>' in second
    assert '[1](index.md){ aria-label="Page 1" }' in second
    assert "Back to [Housing](../../housing.md)" in second
    assert 'class="rk-list-page" data-pagefind-ignore="all"' in second  # a list is never a search result
    assert renderer.is_list_page("rights/housing/activities/2.md")
    assert not renderer.is_list_page("rights/housing.md")


def test_short_lists_stay_whole_and_get_no_pages(mini):
    site = check(mini).site
    renderer = render.Renderer(site)  # the defaults: nothing on the mini site is long enough
    assert [k for k in renderer.lists() if not k.startswith("tag:")] == []
    hub = renderer.page_markdown(site.modules["rights/housing.md"], site.modules["rights/housing.md"].body)
    assert "rk-more" not in hub
    instrument = next(p.content for p in renderer.pages() if p.path == "standards/icescr.md")
    assert "rk-more" not in instrument and "cited-in/" not in instrument


def test_cited_in_lists_are_cut_and_paginated(mini):
    site = _grown(mini, 7)
    renderer = render.Renderer(site, sizes=SMALL)
    pages = {p.path: p.content for p in renderer.pages()}
    instrument = pages["standards/icescr.md"]
    assert "icescr/cited-in/article-11/index.md" in instrument  # the article's list
    assert "icescr/cited-in/index.md" in instrument  # the instrument's
    article = pages["standards/icescr/cited-in/article-11/index.md"]
    assert "# Pages citing ICESCR article 11 (page 1 of" in article
    assert "Back to [ICESCR article 11](../../../icescr.md#article-11)" in article


def test_list_pages_render_in_spanish(mini):
    site = _grown(mini, 7)
    renderer = render.Renderer(translations.localize(site, "es"), lang="es", sizes=SMALL)
    pages = {p.path: p.content for p in renderer.pages()}  # a string missing from the catalog would raise
    second = pages["rights/housing/activities/2.md"]
    assert "[Anterior](index.md)" in second and "[Siguiente](3.md)" in second
    assert "(página 2 de 3)" in second
    assert languages.human_number(12400, "es") == "12\u00a0400" and languages.human_number(1240, "es") == "1240"
    assert languages.human_number(1240) == "1,240"


def test_tags_page_is_an_index_of_tags(mini):
    site = _grown(mini, 7)
    (mini / "docs" / "tags.md").write_text("---\ntitle: Tags\ntype: page\n---\n# Tags\n", encoding="utf-8")
    site = check(mini).site
    renderer = render.Renderer(site, sizes=SMALL)
    tags = renderer.page_markdown(site.modules["tags.md"], site.modules["tags.md"].body)
    housing = len([x for x in site.modules.values() if "housing" in x.issue_areas])
    assert f"- [Housing](tags/housing/index.md): {housing} pages" in tags
    assert "line-3" not in tags  # the pages themselves are on the tag's own list
    pages = {p.path for p in renderer.pages()}
    assert "tags/housing/index.md" in pages and "tags/housing/2.md" in pages


def test_a_list_size_below_one_is_reported_with_its_line(mini):
    from conftest import rightskit

    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - rightskit:\n" in text
    lines = text.replace("  - rightskit:\n", "  - rightskit:\n      list_page_size: 0\n      list_preview: -2\n", 1)
    config.write_text(lines, encoding="utf-8")
    result = rightskit("build", "--no-pdf", cwd=mini)
    assert result.returncode != 0
    number = lines.splitlines().index("      list_page_size: 0") + 1
    assert f"mkdocs.yml:{number}: 'list_page_size' is 0" in result.stderr + result.stdout
    assert f"mkdocs.yml:{number + 1}: 'list_preview' is -2" in result.stderr + result.stdout
