"""Curricula: validated like everything else; the length and clock times are computed."""
from __future__ import annotations

import datetime as dt

from conftest import check
from test_load import messages, replace


def test_total_length_and_clock_times_are_computed(mini):
    workshop = check(mini).site.workshops["housing"]
    assert workshop.total_minutes == 15 + 30 + 10 + 20
    times = [t.strftime("%H:%M") for t, _ in workshop.schedule()]
    assert times == ["18:00", "18:15", "18:45", "18:55"]


def test_default_start_time(mini):
    replace(mini / "curricula/housing.yml", 'start: "18:00"\n', "")
    assert check(mini).site.workshops["housing"].start == dt.time(10, 0)


def test_unknown_module_in_agenda(mini):
    replace(mini / "curricula/housing.yml", "module: activities/line", "module: activities/lines")
    assert ("curricula/housing.yml:15: unknown module 'activities/lines' (did you mean 'activities/line'?)"
            in messages(mini))


def test_non_positive_minutes(mini):
    replace(mini / "curricula/housing.yml", "minutes: 30", "minutes: 0")
    assert "curricula/housing.yml:16: 'minutes' must be more than zero, not 0" in messages(mini)
    replace(mini / "curricula/housing.yml", "break: 10", "break: -5")
    assert "curricula/housing.yml:17: 'break' must be more than zero, not -5" in messages(mini)


def test_handout_that_is_not_printable(mini):
    replace(mini / "curricula/housing.yml", "handouts: [activities/line]", "handouts: [rights/housing]")
    assert ("curricula/housing.yml:21: 'rights/housing' is not printable as a handout "
            "(add 'handout: true' to the front matter of docs/rights/housing.md)") in messages(mini)


def test_agenda_item_needs_exactly_one_kind(mini):
    replace(mini / "curricula/housing.yml", "  - break: 10", "  - break: 10\n    text: Lunch")
    assert any(m.startswith("curricula/housing.yml:17: an agenda item needs exactly one of") for m in messages(mini))


def test_bad_start_time(mini):
    replace(mini / "curricula/housing.yml", 'start: "18:00"', 'start: "6pm"')
    assert any(m.startswith("curricula/housing.yml:8: 'start' is not a time of day") for m in messages(mini))


def test_missing_required_workshop_field(mini):
    replace(mini / "curricula/housing.yml", "objectives: [Learn.]\n", "")
    assert "curricula/housing.yml:1: missing required field 'objectives' in workshop" in messages(mini)


def test_unknown_audience_is_reported(mini):
    replace(mini / "curricula/housing.yml", "audience: [organizers]", "audience: [organisers]")
    assert any("'organisers' is not an allowed value of 'audience' (did you mean 'organizers'?)" in m
               for m in messages(mini))


def test_pdf_cache_renders_only_what_changed_and_forgets_the_rest(mini, tmp_path, fake_pdf_rendering):
    """Which documents are rendered, and which cached files are kept (rendering itself is
    faked; test_site builds the mini site with real PDFs)."""
    from rightskit.outputs.print import pdf

    site = check(mini).site
    cache = tmp_path / "cache"
    first = pdf.build_all(site, tmp_path / "out", site_url="https://example.invalid/", cache_dir=cache)
    # guide + packet + handout + the four one-page sheets + the flip charts in two paper sizes each,
    # plus the packet and handout in large print
    assert first.rendered == 18 and first.cached == 0
    again = pdf.build_all(site, tmp_path / "out", site_url="https://example.invalid/", cache_dir=cache)
    assert again.rendered == 0 and again.cached == 18
    site.workshops["housing"].title = "Housing workshop, revised"
    changed = pdf.build_all(site, tmp_path / "out", site_url="https://example.invalid/", cache_dir=cache)
    kinds = ("guide", "packet", "runsheet", "referrals", "before-after", "tally", "flipcharts")
    assert sorted(changed.rendered_names) == sorted(
        [f"pdf/housing-{kind}-{paper}.pdf" for kind in kinds for paper in ("letter", "a4")]
        + ["pdf/housing-packet-large-print.pdf"])
    assert len(list((cache / "pdf").glob("*.pdf"))) == 18


def test_file_name_must_match_the_id(mini):
    (mini / "curricula/housing.yml").rename(mini / "curricula/housing-2.yml")
    assert any(m.startswith("curricula/housing-2.yml:1: workshop id 'housing' does not match the file name")
               for m in messages(mini))
