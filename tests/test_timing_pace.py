"""Agendas people can keep to: a break in a long session, time for every voice in a round, and
one closing round, each reported as a warning at the agenda item it is about."""
from __future__ import annotations

from conftest import edit_once as _edit, messages

WORKSHOP = "curricula/housing.yml"


def test_the_mini_workshop_is_paced_well(mini):
    assert messages(mini) == []


def test_a_long_agenda_without_a_break_is_reported_where_the_90_minutes_run_out(mini):
    agenda = mini / WORKSHOP
    _edit(agenda, "  - break: 10\n", "")
    _edit(agenda, "    minutes: 20\n    script:", "    minutes: 60\n    script:")
    assert messages(mini) == [
        f"{WORKSHOP}:17: warning: the agenda runs 105 minutes with no break, and by this item people have sat "
        "for over 90 (add a '- break: 10' item)"]


def test_a_short_agenda_needs_no_break(mini):
    _edit(mini / WORKSHOP, "  - break: 10\n", "")
    assert messages(mini) == []


def test_a_round_gets_half_a_minute_per_person_of_the_largest_group(mini):
    # activities/line is written for 6-20 people: a round needs 10 minutes.
    agenda = mini / WORKSHOP
    _edit(agenda, "    minutes: 15\n    notes: AGENDA-NOTE for facilitators.",
          "    minutes: 8\n    notes: Each person says their first name.")
    assert messages(mini) == [
        f"{WORKSHOP}:12: warning: a round for up to 20 people needs at least 10 minutes, but the agenda gives 8 "
        "(give it more minutes, or hold the round in small groups)"]
    _edit(agenda, "    minutes: 8\n", "    minutes: 10\n")
    assert messages(mini) == []


def _closing_step(mini):
    _edit(mini / "docs/activities/line.md", "1. **Stand up (30 min).** Everyone takes a place on the line.",
          "1. **Stand up (25 min).** Take a stand.\n2. **Closing (5 min).** One word from each person.")
    _edit(mini / WORKSHOP, "handouts:", "  - text: Closing\n    minutes: 10\n    notes: 'Round: one word each.'\nhandouts:")


def test_a_closing_round_held_twice_is_reported_at_the_second(mini):
    _closing_step(mini)
    assert messages(mini) == [
        f"{WORKSHOP}:21: warning: a second closing round: there is one already in step 2 of "
        "docs/activities/line.md, at 18:40 (keep one: drop the round here, or write 'skip the round in step N' "
        "in the activity's agenda note)"]


def test_a_closing_round_the_agenda_skips_in_the_activity_is_not_a_repeat(mini):
    _closing_step(mini)
    _edit(mini / WORKSHOP, "  - module: activities/line\n    minutes: 30\n",
          "  - module: activities/line\n    minutes: 30\n    notes: Skip the round in step 2; the day closes with one.\n")
    assert messages(mini) == []
