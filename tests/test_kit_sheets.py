"""The workshop kit's sheets, from the data: run-sheet rows, story activities, referral rows, the
one-page rule, and the check that keeps the training toolkit's passage the guides print."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, check
from rightskit.content.i18n import translations
from rightskit.core import languages
from rightskit.outputs.print import kit

TOOLKIT = """---
title: Running workshops
summary: How to run a workshop.
type: toolkit
issue_areas: [housing]
audience: [trainers]
level: introductory
reviewed: 2026-01-15
---
## Facilitate

Listen well.

### When things get hard

Offer a pause. HARD-MOMENTS-TEXT.

## Evaluate

Ask people.
"""


@pytest.fixture(scope="module")
def real():
    return check(REPO).site


def test_run_sheet_rows_carry_clock_times_minutes_breaks_and_variations(real):
    for w in real.workshops.values():
        rows = kit.run_sheet(real, w, languages.strings("en"))
        assert [(r.start, r.item) for r in rows] == w.schedule()
        for row in rows:
            minutes = (row.end.hour * 60 + row.end.minute) - (row.start.hour * 60 + row.start.minute)
            assert minutes % (24 * 60) == row.item.minutes
            assert (row.kind == "break") == (row.item.kind == "break")
            module = real.module(row.item.module) if row.item.module else None
            if module is None or module.type != "activity":
                assert not row.adaptations
                continue
            # Each adaptation is the bold name of one entry of the activity's Variations section.
            variations = kit.section(module.body, "Variations")
            entries = [line for line in variations.splitlines() if line.startswith("- ")]
            assert len(row.adaptations) == len(entries)
            for name, entry in zip(row.adaptations, entries):
                assert entry.startswith(f"- **{name}")
            assert (row.shortened_from is not None) == bool(module.duration and row.item.minutes < module.duration)


def test_story_activities_are_found_in_both_languages_and_fictional_stories_are_not(real):
    spanish = translations.localize(real, "es")
    for site in (real, spanish):
        stories = {m.path for m in kit.story_modules(list(site.modules.values()))}
        assert "activities/dignity-at-work-stories.md" in stories
        # The housing line reads out fictional story cards: nobody tells their own.
        assert "activities/housing-line.md" not in stories
    assert spanish.modules["activities/dignity-at-work-stories.md"].lang == "es"


def test_referral_rows_list_the_workshops_own_kind_of_help_first_and_name_no_organization(real):
    _ = languages.strings("en")
    housing = kit.referral_rows(real.workshops["housing-human-right"], _)
    work = kit.referral_rows(real.workshops["dignity-at-work"], _)
    assert housing[0] == "Tenant organization" and work.index("Worker center") < work.index("Tenant organization")
    assert sorted(housing) == sorted(work)  # the same rows, in another order
    labels = {label for _area, group in kit.REFERRALS for label in group}
    assert set(housing) == labels
    spanish = kit.referral_rows(real.workshops["housing-human-right"], languages.strings("es"))
    assert spanish[0] == "Organización de personas inquilinas"


def test_hard_moments_passage_is_taken_from_the_toolkit_page(real):
    toolkit, text = kit.hard_moments(real)
    assert toolkit.path == kit.TRAINING_TOOLKIT and text in toolkit.body
    assert text.startswith("Talking about evictions")
    _, spanish = kit.hard_moments(translations.localize(real, "es"))
    assert spanish.startswith("Hablar de desalojos") and "### " not in spanish


def test_a_renamed_hard_moments_heading_is_reported_at_the_toolkit(mini):
    page = mini / "docs/toolkits/training.md"
    page.parent.mkdir(parents=True)
    page.write_text(TOOLKIT, encoding="utf-8")
    site = check(mini)
    assert not [f for f in site.findings if "facilitator guide prints" in f.message]
    toolkit, text = kit.hard_moments(site.site)
    assert text == "Offer a pause. HARD-MOMENTS-TEXT."
    page.write_text(TOOLKIT.replace("### When things get hard", "### Difficult moments"), encoding="utf-8")
    found = [str(f) for f in check(mini).findings if "facilitator guide prints" in f.message]
    assert found and found[0].startswith("docs/toolkits/training.md:1: no '### When things get hard' section")


def test_a_sheet_marked_one_page_that_runs_longer_is_a_layout_problem():
    from weasyprint import HTML

    from rightskit.outputs.print import layout

    body = "".join(f"<p>Line {n}</p>" for n in range(70))
    long = HTML(string=f'<html><body><div class="sheet" data-one-page>{body}</div></body></html>').render()
    assert len(long.pages) > 1
    assert any("one-page sheet runs to" in p for p in layout.problems(long, one_page=True))
    assert not any("one-page" in p for p in layout.problems(long))
    short = HTML(string='<html><body><div data-one-page><p>One line</p></div></body></html>').render()
    assert layout.problems(short, one_page=True) == []


def test_every_kit_sheet_is_its_own_document_in_both_papers_and_in_spanish(real):
    from rightskit.outputs.print.pdf import Printer

    kinds = ("runsheet", "referrals", "before-after", "tally")
    for lang in ("en", "es"):
        printer = Printer(translations.localize(real, lang), "https://example.invalid/", lang=lang)
        w = printer.site.workshops["housing-human-right"]
        names = {Path(d.name).name: d for d in printer.workshop_documents(w)}
        for kind in kinds:
            for paper in ("letter", "a4"):
                doc = names[f"housing-human-right-{kind}-{paper}.pdf"]
                assert doc.html.count("data-one-page") == 1
                assert f'lang="{lang}"' in doc.html
        # The guide of a workshop with a story activity: its content note and safety section, in Spanish too.
        dignity = printer.site.workshops["dignity-at-work"]
        guide = next(d for d in printer.workshop_documents(dignity) if d.name.endswith("guide-letter.pdf")).html
        _ = languages.strings(lang)
        assert guide.count('class="content-note"') == 1 and _("Safety and care") in guide
        assert _("These activities ask people to share stories from their own lives:") in guide
        if lang == "es":  # no English boilerplate on a Spanish sheet
            english = ["Run sheet", "Ways to adapt", "Room set-up", "Wall: flip charts", "Chairs in a circle",
                       "Where I can get help", "Kind of help", "Before and after", "About me", "Tally sheet",
                       "Statement", "Safety and care", "Content note", "Immigration status", "Facilitator:"]
            for doc in list(names.values()) + [next(d for d in printer.workshop_documents(dignity)
                                                    if d.name.endswith("guide-letter.pdf"))]:
                text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", doc.html, flags=re.S))
                assert not [e for e in english if e in text], doc.name
        referrals = names["housing-human-right-referrals-letter.pdf"].html
        # Blank lines to fill in: every cell of the referral table is empty.
        table = referrals.split('<table class="blanks referrals">', 1)[1].split("</table>", 1)[0]
        assert re.findall(r"<td>(.*?)</td>", table) and not [c for c in re.findall(r"<td>(.*?)</td>", table) if c]


def test_story_cards_are_keyed_to_their_element_and_grids_keep_their_cut_lines(real):
    from rightskit.content import cardsets

    for site in (real, translations.localize(real, "es")):
        line = site.modules["activities/housing-line.md"]
        walls = cardsets.wall_sets(line)
        assert len(walls) == 1 and walls[0].kind == "cards"
        elements = [card.title for card in walls[0].items]
        grids = cardsets.grid_sets(line)
        assert len(grids) == 1  # the story cards; the two signs stay in the guide
        stories = grids[0][1]
        assert [c.key for c in stories] == elements
        assert cardsets.wall_sets(site.modules["activities/dignity-at-work-stories.md"])
        role_cards = cardsets.grid_sets(site.modules["activities/upr-simulation.md"])
        assert role_cards and not any(c.key for _set, cards in role_cards for c in cards)
    pages = kit.grid_pages(list(range(7)))
    assert pages == [[[0, 1, 2], [3, 4, 5]], [[6, None, None]]]
