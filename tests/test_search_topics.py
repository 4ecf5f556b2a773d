"""Topic words in the search index (scripts/rightskit/search.py): a hub's words in an edition
come from that edition's own titles first, and pages that lead to mechanisms (the finder, the
toolkits listing mechanisms) carry the words that name those mechanisms."""
from __future__ import annotations

import dataclasses

import pytest

from rightskit.pages import catalog
from rightskit.core import paths
from rightskit.core import words as wordlib
from rightskit.content.i18n import translations
from rightskit.core.findings import errors
from rightskit.project import Project, load_site

from conftest import REPO


@pytest.fixture(scope="module")
def site():
    loaded = load_site(Project(REPO))
    assert not errors(loaded.findings)
    return loaded.site


def _titles(site, area):
    return {a.id: a.title for a in site.articles.values() if area in a.issue_areas}


def test_an_editions_own_words_come_before_untranslated_english_ones(site):
    english = catalog.area_topics(site)
    base = site
    # An edition where one work article alone is translated, among many English titles.
    article = next(a for a in site.articles.values() if "work" in a.issue_areas)
    inst = site.instruments[article.instrument_id]
    renamed = dataclasses.replace(article, title="Derecho sindical zzsindicatos")
    arts = [renamed if a.id == article.id else a for a in inst.articles]
    edition = dataclasses.replace(site, instruments={**site.instruments, inst.id: dataclasses.replace(inst, articles=arts)})
    topics = catalog.area_topics(edition, base=base, lang="es")
    own = set(wordlib.words(renamed.title))
    assert topics["work"][0] in own and "zzsindicatos" in topics["work"]
    assert "zzsindicatos" not in english["work"]
    assert len(topics["work"]) <= 25
    # The English words still follow, and other areas are not given the translated words.
    assert set(english["work"][:5]) & set(topics["work"])
    assert "zzsindicatos" not in topics.get("housing", [])


def test_without_a_base_every_title_counts_alike(site):
    assert catalog.area_topics(site) == catalog.area_topics(site, base=None, lang="en")


def test_the_spanish_work_hub_stands_for_its_translated_titles(site):
    edition = translations.localize(site, "es")
    table = catalog.entries(edition, site, "es")
    english = _titles(site, "work")
    translated = {w for ident, t in _titles(edition, "work").items() if t != english[ident] for w in wordlib.words(t)}
    if not translated:
        pytest.skip("no work article has a Spanish title yet")
    assert set(table["rights/work/"].keywords) & translated


def test_pages_leading_to_mechanisms_carry_the_names_of_those_mechanisms(site):
    table = catalog.entries(site)
    finder = table["mechanisms/finder/"]
    assert finder.kind == "mechanism"
    kinds = {site.mechanisms[p.mechanism].kind for p in site.pathways.values()}
    assert ("un" in finder.keywords) == bool(kinds & catalog.UN_KINDS)
    for kind in kinds:
        assert set(wordlib.words(kind)) - catalog.GENERIC_WORDS <= set(finder.keywords)
    toolkits = [mod for mod in site.modules.values() if mod.type == "toolkit" and mod.mechanisms]
    assert toolkits
    for mod in toolkits:
        words = set(table[paths.url_of(mod.path)].keywords)
        assert words and not words & catalog.GENERIC_WORDS
        # Only the short names of the top bodies and the kinds: a Special Rapporteur's long
        # name would make the page a result for the topic of the mandate.
        long_only = {w for ref in mod.mechanisms if ref.target in site.mechanisms
                     for w in wordlib.words(site.mechanisms[ref.target].name)}
        named = {w for x in site.mechanisms.values() for w in wordlib.words(f"{x.kind} {x.short_name}")} | {"un"}
        assert not words & (long_only - named)


def test_a_mechanism_kind_of_the_un_system_adds_un(site):
    un = next(x for x in site.mechanisms.values() if x.kind in catalog.UN_KINDS)
    other = next(x for x in site.mechanisms.values() if x.kind not in catalog.UN_KINDS and "un" not in wordlib.words(x.name))
    assert "un" in catalog.mechanism_topics(site, [un.id])
    assert "un" not in catalog.mechanism_topics(site, [other.id])
    assert catalog.mechanism_topics(site, ["no-such-mechanism"]) == ()


def test_the_un_is_named_in_the_readers_language(site):
    un = next(x for x in site.mechanisms.values() if x.kind in catalog.UN_KINDS)
    assert "onu" in catalog.mechanism_topics(site, [un.id], "es")
    assert "un" not in catalog.mechanism_topics(site, [un.id], "es")  # "un" is the Spanish article
