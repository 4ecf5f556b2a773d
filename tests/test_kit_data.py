"""The data behind the printed kit: activity fields, cards, talk scripts and timings that add up."""
from __future__ import annotations

from conftest import check, edit_once as _edit, messages


def test_activities_need_level_key_points_and_an_online_variation(mini):
    page = mini / "docs" / "activities" / "line.md"
    _edit(page, "level: introductory\n", "")
    _edit(page, "key_points: [A home is more than a roof.]\n", "")
    found = messages(mini)
    assert any("line.md:" in f and "missing required field 'level'" in f for f in found)
    assert any("missing required field 'key_points'" in f for f in found)


def test_cards_are_read_and_a_bad_card_is_reported_at_its_line(mini):
    page = mini / "docs" / "activities" / "line.md"
    _edit(page, "handout: true\n", "handout: true\ncards:\n  - title: Signs\n    kind: signs\n    items: [\"Yes\", \"No\", Maybe, No]\n"
                                     "  - title: Stories\n    kind: poster\n    items:\n      - title: One\n"
                                     "        text: A story.\n      - [nested]\n")
    loaded = check(mini)
    found = [str(f) for f in loaded.findings]
    assert any("'kind' must be one of: cards, signs, wall chart; not 'poster'" in f for f in found), found
    assert any(f.startswith("docs/activities/line.md:") and "a card must be text" in f for f in found), found
    assert any("this card was read as false, not as text (put it in quotes" in f for f in found), found
    cards = loaded.site.modules["activities/line.md"].cards
    assert [c.title for c in cards[0].items] == ["Yes", "No", "Maybe"] and cards[1].items[0].text == "A story."


def test_a_short_talk_without_a_script_is_reported(mini):
    _edit(mini / "curricula" / "housing.yml", "    script: A short talk on the right to housing.\n", "")
    assert any("curricula/housing.yml:" in f and "has no suggested script" in f for f in messages(mini))


def test_a_variation_that_does_not_add_up_is_reported_at_its_line(mini):
    page = mini / "docs" / "activities" / "line.md"
    text = page.read_text(encoding="utf-8")
    assert "1. **Stand up (30 min).**" in text  # the fixture's one timed step
    page.write_text(text + "\n## Variations\n\n- **Short (15 min):** skip step 1.\n- **Shorter (10 min):** go fast.\n"
                    "- **Exact (0 min):** skip step 1.\n", encoding="utf-8")
    found = messages(mini)
    lines = text.count("\n") + 1
    assert any(f"line.md:{lines + 3}: this variation promises 15 min, but 30 min minus the skipped steps is 0" in f
               for f in found), found
    assert any(f"line.md:{lines + 4}: this variation promises 10 min but does not say which steps" in f for f in found)
    assert not any(f"line.md:{lines + 5}:" in f for f in found)


def test_shipped_timings_add_up_in_every_variation():
    from pathlib import Path

    from rightskit.content import variations
    from rightskit.project import Project, load_site

    site = load_site(Project(Path(__file__).resolve().parents[1])).site
    errors = [str(f) for f in variations.check(site) if f.is_error]
    assert not errors, errors
    assert variations.suggested_total("Suggested timing: a 15 (with 3 and 2), b 10, c 45. Then") == 70
    assert variations.skipped("skip steps 2 and 4, and skipping step 6") == [2, 4, 6]
