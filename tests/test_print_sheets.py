"""The workshop kit's one-page sheets and the guide's safety and care pages, read back from the built
PDFs: the run sheet, the referral sheet, the before-and-after statements and their tally, in English
and, for translated workshops, in Spanish; and the links to them on the workshop pages."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from pdfread import MM, all_text, page_sizes
from rightskit.content.i18n import translations
from rightskit.core import languages
from rightskit.outputs.print import kit
from rightskit.project import Project, load_site

KINDS = ("runsheet", "referrals", "before-after", "tally")
PAPER_SIZES = {"letter": (215.9 * MM, 279.4 * MM), "a4": (210 * MM, 297 * MM)}


@pytest.fixture(scope="module")
def site(built):
    return load_site(Project(built)).site


def editions(site):
    """(language, localized site, PDF folder prefix, workshops printed in that language)."""
    out = [("en", site, "", list(site.workshops.values()))]
    spanish = translations.localize(site, "es")
    out.append(("es", spanish, "es/", [w for w in spanish.workshops.values()
                                        if translations.is_translated(site, "es", site.workshops[w.id])]))
    return out


def flat(path: Path) -> str:
    return " ".join(all_text(path).split())


def test_every_sheet_is_one_page_in_letter_and_a4_in_every_language(built, site):
    spanish_sheets = 0
    for lang, _local, prefix, workshops in editions(site):
        for w in workshops:
            for kind in KINDS:
                for paper, (width, height) in PAPER_SIZES.items():
                    path = built / "site" / f"{prefix}pdf" / f"{w.id}-{kind}-{paper}.pdf"
                    sizes = page_sizes(path)
                    assert len(sizes) == 1, f"{path.name} ({lang}) has {len(sizes)} pages"
                    assert abs(sizes[0][0] - width) < 2 and abs(sizes[0][1] - height) < 2, path.name
                    spanish_sheets += lang == "es"
    assert spanish_sheets >= len(KINDS) * 2  # at least one workshop is printed in Spanish


def test_run_sheet_has_the_agenda_times_adaptations_roles_room_and_materials(built, site):
    for lang, local, prefix, workshops in editions(site):
        _ = languages.strings(lang)
        for w in workshops:
            text = flat(built / "site" / f"{prefix}pdf" / f"{w.id}-runsheet-letter.pdf")
            assert _("Run sheet: {title}", title=" ".join(w.title.split())) in text
            for row in kit.run_sheet(local, w, _):
                span = f"{row.start:%H:%M}–{row.end:%H:%M} {row.item.minutes}"
                assert span in text, f"{w.id} ({lang}): no {span!r}"
                for name in row.adaptations:
                    assert " ".join(name.split()) in text, f"{w.id} ({lang}): variation {name!r} missing"
            if any(item.kind == "break" for item in w.agenda):
                assert _("Break") in text
            for role, duty in kit.roles(_):
                assert role in text and " ".join(duty.split())[:40] in text
            assert _("Room set-up") in text and _("Door") in text and _("Chairs in a circle") in text
            description = _("Chairs in one circle so everyone can see each other, with a gap for a wheelchair. "
                            "Flip charts on the wall at the front. The door at the back, with the sign-in and "
                            "materials table beside it. Keep the path to the door clear.")
            assert " ".join(description.split()) in text  # the plan in words, for readers who cannot see it
            for material in w.materials:
                assert " ".join(material.split())[:50] in text, f"{w.id} ({lang}): {material!r}"


def test_run_sheet_marks_the_story_activity_and_the_shortened_one(built, site):
    import subprocess

    path = built / "site" / "pdf" / "dignity-at-work-runsheet-a4.pdf"
    lines = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if "Stories of dignity at work" in line and "10:" in line)
    assert any("Personal stories: read the content note first" in line for line in lines[row + 1:row + 3])
    text = flat(built / "site" / "pdf" / "housing-human-right-runsheet-a4.pdf")
    assert "Shortened from 75 min: see the guide." in text
    assert "Personal stories" not in text


def test_referral_sheet_has_blank_rows_for_every_kind_of_help_and_no_organization(built, site):
    for lang, _local, prefix, workshops in editions(site):
        _ = languages.strings(lang)
        for w in workshops:
            text = flat(built / "site" / f"{prefix}pdf" / f"{w.id}-referrals-a4.pdf")
            rows = kit.referral_rows(w, _)
            for label in rows:
                assert label in text
            for column in ("Name", "Phone", "Address", "Hours"):
                assert _(column) in text
            # Between the column heads and the closing note there is nothing but the row labels.
            note = _("If I am in danger right now, I call 911. Only a lawyer can advise me on my own case; "
                     "legal aid can help me find one.")
            table = text.split(_("Hours"), 1)[1].split(note[:12], 1)[0]
            assert table.split() == " ".join(rows).split(), f"{w.id} ({lang}): {table!r}"


def test_before_and_after_sheet_is_in_the_first_person_with_a_tally_for_the_facilitator(built, site):
    for lang, _local, prefix, workshops in editions(site):
        _ = languages.strings(lang)
        for w in workshops:
            sheet = flat(built / "site" / f"{prefix}pdf" / f"{w.id}-before-after-letter.pdf")
            tally = flat(built / "site" / f"{prefix}pdf" / f"{w.id}-tally-letter.pdf")
            statements = kit.statements(_)
            assert 3 <= len(statements) <= 4
            # Each statement once, in order, with a 1-to-4 scale before and another after.
            positions = [sheet.index(statement) for statement in statements]
            assert positions == sorted(positions)
            assert sheet.count("☐") == 8 * len(statements)
            assert "".join(sheet.split()).count("☐1☐2☐3☐4") == 2 * len(statements)
            for number, statement in enumerate(statements, start=1):
                assert f"{number}. {statement}" in tally
            intro = _("I do not write my name. Before we start, I mark the Before column for each sentence. "
                      "At the end, I mark the After column and hand the sheet in.")
            assert " ".join(intro.split()) in sheet and _("Name") + ":" not in sheet
            assert tally.count(_("Before")) >= len(statements) and tally.count(_("After")) >= len(statements)


def test_every_guide_has_safety_and_care_content_notes_and_the_hard_moments_appendix(built, site):
    for lang, local, prefix, workshops in editions(site):
        _ = languages.strings(lang)
        found = kit.hard_moments(local)
        assert found is not None
        _toolkit, passage = found
        first_sentence = " ".join(passage.split(". ")[0].split())
        for w in workshops:
            text = flat(built / "site" / f"{prefix}pdf" / f"{w.id}-guide-letter.pdf")
            safety = text.split(_("Safety and care"), 1)[1]
            for heading in ("If someone tells you about abuse or a crisis", "Retaliation", "Immigration status",
                            "Photos and recordings", "A landlord, manager or employer in the room", "Sign-in data",
                            "Content notes"):
                assert _(heading) in safety, f"{w.id} ({lang}): no {heading!r}"
            appendix = text.split(_("Appendix: {title}", title=_(kit.HARD_MOMENTS)), 1)
            assert len(appendix) == 2 and first_sentence in appendix[1], f"{w.id} ({lang})"
            modules = [local.module(i) for i in w.module_ids() if local.module(i)]
            for module in kit.story_modules(modules):
                # The content note heads the activity, before its own objectives.
                start = text.index(" ".join(module.title.split()) + " " + _(module.type).capitalize())
                assert text.index(_("Content note: personal stories"), start) < text.index(_("Objectives"), start)


def test_workshop_pages_link_every_sheet_in_their_language(built, site):
    for lang, _local, prefix, workshops in editions(site):
        for w in workshops:
            page = (built / "site" / prefix / "workshops" / w.id / "index.html").read_text(encoding="utf-8")
            base = f"https://site.invalid/{prefix}workshops/{w.id}/"
            linked = {urljoin(base, href) for href in re.findall(r'href="([^"]+\.pdf)"', page)}
            for kind in KINDS:
                for paper in ("letter", "a4"):
                    name = f"{prefix}pdf/{w.id}-{kind}-{paper}.pdf"
                    assert f"https://site.invalid/{name}" in linked, f"{w.id} ({lang}) does not link {name}"
                    assert (built / "site" / name).exists()


def column_text(path: Path, page: int, columns: int = 3, margin: float = 14 * MM) -> str:
    """A page of a card grid read a column at a time, top to bottom (the grid spans the page between
    its margins, in equal columns)."""
    from pdfread import words

    width = page_sizes(path)[page - 1][0]
    step = (width - 2 * margin) / columns
    found = [[] for _ in range(columns)]
    for w in words(path, page):
        column = min(columns - 1, max(0, int(((w.x0 + w.x1) / 2 - margin) // step)))
        found[column].append(w)
    return " ".join(" ".join(w.text for w in sorted(col, key=lambda w: (round(w.y0), w.x0))) for col in found)


def test_wall_cards_are_one_to_a_landscape_page_in_large_type_with_nothing_else(built, site):
    from pdfread import words

    from rightskit.content import cardsets

    printed = 0
    for lang, local, prefix, workshops in editions(site):
        for w in workshops:
            modules = [local.module(i) for i in w.module_ids() if local.module(i)]
            for paper in ("letter", "a4"):
                path = built / "site" / f"{prefix}pdf" / f"{w.id}-wall-{paper}.pdf"
                if not cardsets.has_wall_cards(modules):
                    assert not path.exists()
                    continue
                sizes = page_sizes(path)
                assert all(width > height for width, height in sizes), f"{path.name} is not landscape"
                pages = all_text(path).split("\f")[:-1]
                cards = [card for mod in modules for card_set in cardsets.wall_sets(mod) for card in card_set.items]
                for number, card in enumerate(cards, start=1):
                    text = " ".join(pages[number - 1].split())
                    assert text == " ".join(f"{card.title} {card.text}".split()), f"{path.name} p{number}: {text!r}"
                    main = card.title.split()[0]
                    # A word's box is as tall as its font's ascent plus descent: 1.164 em in DejaVu Sans.
                    sizes = [(x.y1 - x.y0) / 1.164 for x in words(path, number) if x.text == main]
                    assert sizes and min(sizes) >= 60, f"{path.name} p{number}: {main!r} is set in {sizes} pt"
                    printed += 1
                # The rest are the grids: every card of every other set, each story card ending with its
                # element. Cards sit side by side, so the text is read a column at a time.
                grids = " ".join(column_text(path, number) for number in range(len(cards) + 1, len(pages) + 1))
                keys = 0
                for mod in modules:
                    for card_set, grid in cardsets.grid_sets(mod):
                        for c in grid:
                            text = " ".join(f"{c.card.title} {c.card.text}".split())
                            if c.key:
                                text += " " + languages.strings(lang)("Element: {title}", title=c.key)
                                keys += 1
                            assert text in grids, f"{path.name}: {text!r}"
                assert grids.count(languages.strings(lang)("Element: {title}", title="").strip()) == keys
    assert printed > 20


def test_only_workshops_with_cards_link_wall_cards(built, site):
    from rightskit.content import cardsets

    linked = 0
    for w in site.workshops.values():
        page = (built / "site" / "workshops" / w.id / "index.html").read_text(encoding="utf-8")
        has = cardsets.has_wall_cards([site.module(i) for i in w.module_ids() if site.module(i)])
        assert (f"{w.id}-wall-letter.pdf" in page) == has, w.id
        linked += has
    assert 0 < linked < len(site.workshops)
