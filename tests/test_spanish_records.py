"""The project's own Spanish data: every article of every instrument carries a Spanish
title and summary, shown on its Spanish page in place of the English, as does every workshop that has
an es: block; and no translation drops or changes a number, a dated marker or an `[[id]]` reference
of the English it translates."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rightskit.core import typography
from rightskit.content.i18n import translations
from rightskit.project import Project, load_site
from rightskit.pages.render import Renderer

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"\[\[[^\]]+\]\]")  # [[as-of:…]], [[upcoming:…]] and [[id]] / [[id|text]]
NUMBER = re.compile(r"\d+")


def flat(text: str) -> str:
    return typography.collapse(text)  # a no-break space ("EE.\u00a0UU.") stays one


@pytest.fixture(scope="module")
def real():
    loaded = load_site(Project(ROOT))
    assert not [f for f in loaded.findings if f.severity == "error"], loaded.findings
    return loaded.site


@pytest.fixture(scope="module")
def spanish_pages(real) -> dict[str, str]:
    view = translations.localize(real, "es")
    return {p.path: flat(p.content) for p in Renderer(view, lang="es").pages()}


def same_facts(english: str, spanish: str) -> list[str]:
    """What the Spanish lost or changed: numbers (years, ages, article and step numbers) and markers."""
    problems = []
    if sorted(MARKER.findall(english)) != sorted(MARKER.findall(spanish)):
        problems.append(f"markers {MARKER.findall(english)} became {MARKER.findall(spanish)}")
    if set(NUMBER.findall(MARKER.sub("", english))) != set(NUMBER.findall(MARKER.sub("", spanish))):
        problems.append(f"numbers {sorted(set(NUMBER.findall(MARKER.sub('', english))))} became "
                        f"{sorted(set(NUMBER.findall(MARKER.sub('', spanish))))}")
    return problems


def test_every_article_has_spanish_texts_on_its_spanish_page(real, spanish_pages):
    texts = real.translations["es"].articles
    missing, problems = [], []
    for instrument in real.instruments.values():
        page = spanish_pages[f"standards/{instrument.id}.md"]
        for article in instrument.articles:
            ident = f"{instrument.id}/{article.number}"
            t = texts.get(ident)
            if not (t and t.title and t.summary):
                missing.append(ident)
                continue
            if t.title not in page or flat(t.summary) not in page:
                problems.append(f"{ident}: Spanish text not on the Spanish page")
            if flat(article.summary) in page:
                problems.append(f"{ident}: English summary still on the Spanish page")
            problems += [f"{ident}: {p}" for p in same_facts(article.summary, t.summary)]
    assert not missing, f"articles without es: {{title, summary}}: {missing}"
    assert not problems, problems


def test_translated_workshops_show_their_spanish_title_and_summary(real, spanish_pages):
    # Not every workshop: an es: block also prints the workshop's Spanish PDFs, which need its activities
    # in Spanish too (see the commit that parks four workshops' texts).
    texts = real.translations["es"].workshops
    assert {"housing-human-right", "health-human-right"} <= set(texts)
    index = spanish_pages["workshops/index.md"]
    for w in (real.workshops[ident] for ident in texts):
        t, page = texts[w.id], spanish_pages[f"workshops/{w.id}.md"]
        assert t.title in page and flat(t.summary) in page, w.id
        assert t.title in index, w.id
        assert flat(w.summary) not in page, w.id
        assert not same_facts(w.summary, t.summary), (w.id, same_facts(w.summary, t.summary))


def test_translated_workshop_lists_and_agenda_keep_the_facts_of_the_english(real):
    problems = []
    for ident, t in real.translations["es"].workshops.items():
        w = real.workshops[ident]
        for key in ("objectives", "materials", "preparation"):
            for number, (en, es) in enumerate(zip(getattr(w, key), getattr(t, key)), 1):
                problems += [f"{w.id} {key} {number}: {p}" for p in same_facts(en, es)]
        for index, item in enumerate(w.agenda):
            a = t.agenda.get(index)
            if a is None:
                continue
            for field in ("notes", "script"):
                en, es = getattr(item, field), getattr(a, field)
                if en and es:
                    problems += [f"{w.id} agenda {index + 1} {field}: {p}" for p in same_facts(en, es)]
            if a.script:  # a talk script is translated paragraph by paragraph
                assert a.script.count("\n") == item.script.count("\n"), (w.id, index)
    assert not problems, problems
