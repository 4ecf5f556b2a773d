"""Dated facts (issue 11): review dates, "as of" and "upcoming" markers, the review page,
Sources lists, timing prose, and the own-words mechanics. Every freshness test freezes "today"."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from conftest import check, rightskit

from rightskit.outputs import export
from rightskit.content import freshness
from rightskit.core import markers
from rightskit.content import ownwords
from rightskit.core.findings import Finding, format_findings
from rightskit.pages.render import Renderer

# The mini project reviews everything on 2026-01-15.
REVIEWED = dt.date(2026, 1, 15)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def errors(root: Path) -> list[str]:
    return [str(f) for f in check(root).findings]


def warnings_on(root: Path, today: dt.date, months: int = 12) -> list[Finding]:
    loaded = check(root)
    assert not loaded.findings, loaded.findings
    return freshness.check(loaded.site, today, months)


# --- reviewed: is required and shown -------------------------------------------------------

def test_reviewed_is_required_on_modules_and_records(mini):
    replace(mini / "docs/rights/housing.md", "reviewed: 2026-01-15\n", "")
    replace(mini / "standards/instruments/icescr.yml", "reviewed: 2026-01-15\n", "")
    replace(mini / "curricula/housing.yml", "reviewed: 2026-01-15\n", "")
    replace(mini / "standards/mechanisms.yml", "  reviewed: 2026-01-15\n", "")
    found = errors(mini)
    assert "docs/rights/housing.md:2: missing required field 'reviewed' in front matter" in found
    assert "standards/instruments/icescr.yml:1: missing required field 'reviewed' in instrument" in found
    assert "curricula/housing.yml:1: missing required field 'reviewed' in workshop" in found
    assert "standards/mechanisms.yml:1: missing required field 'reviewed' in mechanism" in found


def test_reviewed_must_be_a_date(mini):
    replace(mini / "docs/rights/housing.md", "reviewed: 2026-01-15", "reviewed: last spring")
    assert ("docs/rights/housing.md:8: 'reviewed' is not a valid date: 'last spring' (write dates as YYYY-MM-DD)"
            in errors(mini))


def test_pages_show_the_review_month(mini):
    site = check(mini).site
    renderer = Renderer(site, today=dt.date(2026, 2, 1))
    module = site.modules["rights/housing.md"]
    assert 'Reviewed <time datetime="2026-01-15">January 2026</time>' in renderer.page_markdown(module, module.body)
    pages = {p.path: p.content for p in renderer.pages()}
    for generated in ("standards/icescr.md", "workshops/housing.md", "mechanisms/cescr.md"):
        assert "Reviewed <time datetime=\"2026-01-15\">January 2026</time>" in pages[generated], generated


def test_json_export_carries_review_dates(mini, tmp_path):
    replace(mini / "standards/mechanisms.yml", "  guide: mechanisms/upr.md\n", "  guide: mechanisms/upr.md\n  as_of: 2026-01-10\n")
    site = check(mini).site
    export.write_json(site, tmp_path)
    data = {name: json.loads((tmp_path / "data" / name).read_text()) for name in export.EXPORTS}
    assert data["instruments.json"][0]["reviewed"] == "2026-01-15"
    assert {x["id"]: x["as_of"] for x in data["mechanisms.json"]} == {"cescr": None, "upr": "2026-01-10"}
    assert {x["reviewed"] for x in data["mechanisms.json"] + data["modules.json"] + data["workshops.json"]} == {"2026-01-15"}


# --- freshness warnings, with a frozen date ---------------------------------------------------

def test_no_warning_while_reviews_are_recent(mini):
    assert warnings_on(mini, dt.date(2026, 6, 1)) == []


def test_old_reviews_warn_from_the_day_after_the_age_is_reached(mini):
    assert warnings_on(mini, dt.date(2027, 1, 15)) == []  # exactly twelve months: still fine
    found = warnings_on(mini, dt.date(2027, 1, 16))
    assert found and all(f.severity == "warning" for f in found)
    paths = {f.path for f in found}
    assert paths == {"docs/rights/housing.md", "docs/activities/line.md", "docs/mechanisms/upr.md",
                     "standards/instruments/icescr.yml", "standards/mechanisms.yml", "curricula/housing.yml"}
    assert "docs/rights/housing.md:8: warning: this module was last reviewed on 2026-01-15, more than 12 months ago" \
        in [str(f).split(" (")[0] for f in found]


def test_review_age_is_a_parameter(mini):
    assert warnings_on(mini, dt.date(2027, 6, 1), months=24) == []
    assert warnings_on(mini, dt.date(2026, 3, 1), months=1)


def test_stale_as_of_marker_warns_at_its_line_and_renders_as_a_date(mini):
    housing = mini / "docs/rights/housing.md"
    replace(housing, "Use the [[upr]].", "Use the [[upr]]; the US takes part [[as-of:2026-02-10]].")
    found = [str(f) for f in warnings_on(mini, dt.date(2027, 2, 11), months=12)]
    assert any(f.startswith("docs/rights/housing.md:12: warning: a statement verified as of 2026-02-10") for f in found), found
    assert not any("as of 2026-02-10" in str(f) for f in warnings_on(mini, dt.date(2027, 2, 10)))
    site = check(mini).site
    html = Renderer(site).page_markdown(site.modules["rights/housing.md"], site.modules["rights/housing.md"].body)
    assert '<time datetime="2026-02-10">(as of 10 February 2026)</time>' in html
    assert "[[as-of" not in html


def test_passed_upcoming_date_warns(mini):
    replace(mini / "docs/rights/housing.md", "Use the [[upr]].", "The next review is in May [[upcoming:2026-05-04]].")
    assert not any("upcoming" in str(f) for f in warnings_on(mini, dt.date(2026, 5, 4)))
    found = [str(f) for f in warnings_on(mini, dt.date(2026, 5, 5))]
    assert "docs/rights/housing.md:12: warning: the upcoming date 2026-05-04 has passed" in [f.split(" (")[0] for f in found]


def test_markers_in_yaml_text_fields_render_and_warn(mini):
    replace(mini / "standards/mechanisms.yml", "  summary: Test.\n  us_access: Test.\n  guide: mechanisms/upr.md",
            "  summary: Test.\n  us_access: The US stepped back [[as-of:2025-11-07]].\n  guide: mechanisms/upr.md")
    site = check(mini).site
    found = [str(f) for f in freshness.check(site, dt.date(2026, 12, 1), 12)]
    assert any(f.startswith("standards/mechanisms.yml:8: warning: a statement verified as of 2025-11-07") for f in found)
    module = site.modules["mechanisms/upr.md"]
    assert "(as of 7 November 2025)" in Renderer(site).page_markdown(module, module.body)


def test_as_of_field_on_a_record_warns_when_old(mini):
    replace(mini / "standards/instruments/icescr.yml", "reviewed: 2026-01-15", "reviewed: 2026-06-01\nas_of: 2025-01-01")
    found = [str(f) for f in warnings_on(mini, dt.date(2026, 7, 1))]
    assert any(f.startswith("standards/instruments/icescr.yml:23: warning: as_of 2025-01-01") for f in found), found


def test_malformed_marker_is_an_error_not_an_unknown_reference(mini):
    replace(mini / "docs/rights/housing.md", "Use the [[upr]].", "Use the [[upr]] [[as-of:2026-13-01]].")
    found = errors(mini)
    assert ("docs/rights/housing.md:12: '[[as-of:2026-13-01]]' does not hold a valid date "
            "(write it as [[as-of:YYYY-MM-DD]])") in found
    assert not any("unknown reference" in f for f in found)


def test_markers_in_code_are_left_alone():
    text = "Write `[[as-of:2026-01-01]]` like this.\n```\n[[upcoming:2020-01-01]]\n```\n"
    assert markers.find(text) == []
    assert markers.render(text) == text


def test_months_before_clamps_to_the_end_of_the_month():
    assert freshness.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert freshness.months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
    assert freshness.months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)


def test_warnings_format_apart_from_errors():
    findings = [Finding("a.md", 2, "old", severity="warning"), Finding("b.md", 1, "broken")]
    text = format_findings(findings)
    assert "a.md:2: warning: old" in text and "b.md:1: broken" in text
    assert text.endswith("1 problem found, 1 warning.")


# --- the command line and mkdocs.yml ---------------------------------------------------------

def test_check_prints_warnings_and_fails_only_when_strict(mini):
    result = rightskit("check", "--today", "2027-06-01", cwd=mini)
    assert result.returncode == 0, result.stderr
    assert "warning: this module was last reviewed on 2026-01-15" in result.stderr
    assert "0 problems found, 7 warnings." in result.stderr and "only the warnings above" in result.stdout
    strict = rightskit("check", "--today", "2027-06-01", "--strict", cwd=mini)
    assert strict.returncode == 1
    assert rightskit("check", "--today", "2026-06-01", "--strict", cwd=mini).returncode == 0


def test_review_age_from_mkdocs_yml_and_overridden_on_the_command_line(mini):
    replace(mini / "mkdocs.yml", "      pdf: false\n", "      pdf: false\n      review_age_months: 24\n")
    assert rightskit("check", "--today", "2027-06-01", "--strict", cwd=mini).returncode == 0
    overridden = rightskit("check", "--today", "2027-06-01", "--strict", "--review-age", "12", cwd=mini)
    assert overridden.returncode == 1 and "more than 12 months ago" in overridden.stderr


def test_bad_command_line_values_are_refused(mini):
    result = rightskit("check", "--today", "25/11/2026", cwd=mini)
    assert result.returncode == 2 and "'25/11/2026' is not a date (write YYYY-MM-DD)" in result.stderr


# --- the maintainers' review page ---------------------------------------------------------------

def test_review_page_lists_what_needs_review_oldest_first(mini):
    replace(mini / "docs/rights/housing.md", "reviewed: 2026-01-15", "reviewed: 2025-03-01")
    replace(mini / "curricula/housing.yml", "reviewed: 2026-01-15", "reviewed: 2024-12-31")
    replace(mini / "docs/activities/line.md", "reviewed: 2026-01-15", "reviewed: 2026-11-01")
    site = check(mini).site
    page = {p.path: p.content for p in Renderer(site, today=dt.date(2026, 11, 25)).pages()}["about/review.md"]
    due, everything = page.split("## Everything")
    rows = [line for line in due.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [re.search(r"\[(.+?)\]", row).group(1) for row in rows] == ["Housing workshop", "Housing"]
    assert "The housing line" not in due and "UPR" not in due  # reviewed within twelve months
    assert rows[0].startswith("| 31 December 2024 |") and "`curricula/housing.yml:22`" in rows[0]
    order = [re.search(r"\[(.+?)\]", row).group(1) for row in everything.splitlines() if row.startswith("| ") and "](" in row]
    assert order[:2] == ["Housing workshop", "Housing"] and order[-1] == "The housing line"


def test_review_page_says_when_nothing_is_due(mini):
    site = check(mini).site
    page = {p.path: p.content for p in Renderer(site, today=dt.date(2026, 2, 1)).pages()}["about/review.md"]
    assert "Nothing: every review date and dated fact is within 12 months" in page


# --- Sources -------------------------------------------------------------------------------

def test_module_without_sources_is_an_error(mini):
    housing = mini / "docs/rights/housing.md"
    housing.write_text(housing.read_text().split("## Sources")[0])
    assert any(f.startswith("docs/rights/housing.md:10: this module has no '## Sources' section") for f in errors(mini))


def test_sources_must_come_last_and_hold_links(mini):
    housing = mini / "docs/rights/housing.md"
    housing.write_text(housing.read_text() + "\n## Notes\n\nMore.\n")
    assert any("'## Sources' must be the last section of the module (move '## Notes' above it)" in f for f in errors(mini))
    text = housing.read_text().split("## Sources")[0] + "## Sources\n\n- The ICESCR, on paper.\n"
    housing.write_text(text)
    assert any("'## Sources' lists no web links" in f for f in errors(mini))


def test_sources_heading_inside_code_does_not_count(mini):
    housing = mini / "docs/rights/housing.md"
    housing.write_text(housing.read_text().split("## Sources")[0] + "```\n## Sources\n- [x](https://example.org)\n```\n")
    assert any("has no '## Sources' section" in f for f in errors(mini))


def test_pages_that_are_not_modules_need_no_sources_or_review_date(mini):
    assert "reviewed" not in (mini / "docs/index.md").read_text()
    assert errors(mini) == []


# --- timing prose matches the numbers ---------------------------------------------------------

def test_workshop_summary_length_must_match_the_agenda(mini):
    replace(mini / "curricula/housing.yml", "summary: A test workshop.", "summary: A two-hour test workshop.")
    assert ("curricula/housing.yml:3: the summary says 'two-hour' but the agenda adds up to 75 minutes "
            "(leave the length out: the page shows it, computed)") in errors(mini)


def test_shortened_activity_note_must_match(mini):
    duration = int(re.search(r"duration: (\d+)", (mini / "docs/activities/line.md").read_text()).group(1))
    replace(mini / "curricula/housing.yml", "  - module: activities/line\n    minutes: 30\n",
            f"  - module: activities/line\n    minutes: 30\n    notes: Run in 25 minutes instead of {duration + 5}.\n")
    found = errors(mini)
    assert "curricula/housing.yml:15: the note says 25 minutes but the agenda gives 30 (make the note and 'minutes:' agree)" in found
    assert any(f"the note says 'instead of {duration + 5}' but docs/activities/line.md lasts {duration} minutes" in f
               for f in found), found
    replace(mini / "curricula/housing.yml", f"Run in 25 minutes instead of {duration + 5}.",
            f"Run in 30 minutes instead of {duration}.")
    assert errors(mini) == []


def test_activity_steps_must_add_up_to_its_duration(mini):
    line = mini / "docs/activities/line.md"
    replace(line, "1. **Stand up (30 min).** Everyone takes a place on the line.",
            "1. **Stand up (20 min).** Go.\n2. **Sit down (5 min).** Rest.")
    assert ("docs/activities/line.md:7: the timed steps add up to 25 minutes but 'duration:' says 30 "
            "(make the step times and duration: agree)") in errors(mini)
    replace(line, "**Sit down (5 min).**", "**Sit down (10 min).**")
    assert errors(mini) == []


# --- own words: the mechanics (official texts are not shipped) -----------------------------------

REFERENCE = ("Article 1. Every member of the community shall enjoy the right to a dwelling adequate for the "
             "health and well-being of the household, with due regard to local customs and resources.")


def test_longest_shared_run_finds_copied_words():
    summary = "In plain words: everyone shall enjoy the right to a dwelling adequate for the health of families."
    assert ownwords.longest_shared_run(summary, REFERENCE) == \
        ["shall", "enjoy", "the", "right", "to", "a", "dwelling", "adequate", "for", "the", "health"]


def test_quoted_passages_and_own_words_do_not_count():
    quoted = 'The text promises "a dwelling adequate for the health and well-being of the household" to all.'
    assert len(ownwords.longest_shared_run(quoted, REFERENCE)) < 3
    own = "Everyone should have a decent home that keeps their family healthy, built with local ways in mind."
    assert len(ownwords.longest_shared_run(own, REFERENCE)) < 3


def test_respelling_does_not_hide_a_copy():
    reference = "the right to organise and the labour of the programme centre"
    assert len(ownwords.longest_shared_run("the right to organize and the labor of the program center", reference)) == 11
    # The spelling rules are search's (core/words.py): all of them, not a few of their own.
    reference = "a judgement in defence of the licence of grey mould"
    assert len(ownwords.longest_shared_run("a judgment in defense of the license of gray mold", reference)) == 10


def test_check_warns_only_at_the_limit(mini):
    site = check(mini).site
    article = site.instruments["icescr"].articles[0]
    article.summary = "Members shall enjoy the right to a dwelling adequate for the health and well-being of the household."
    found = ownwords.check(site, {"icescr": REFERENCE}, limit=10)
    assert len(found) == 1 and found[0].severity == "warning" and found[0].line == article.source.line
    assert "words in a row follow the official text" in found[0].message
    assert ownwords.check(site, {"icescr": REFERENCE}, limit=len(ownwords.words(article.summary)) + 1) == []


def test_check_reads_official_texts_from_a_folder(mini, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "icescr.txt").write_text(REFERENCE)
    replace(mini / "standards/instruments/icescr.yml", "summary: Test summary of article 11.",
            "summary: Members shall enjoy the right to a dwelling adequate for the health and well-being of the household.")
    result = rightskit("check", "--today", "2026-02-01", "--official-texts", str(folder), cwd=mini)
    assert result.returncode == 0 and "words in a row follow the official text" in result.stderr


def test_markers_in_workshop_notes_print_as_dates_in_handouts(mini):
    from rightskit.outputs.print.pdf import Printer

    replace(mini / "curricula/housing.yml", "notes: AGENDA-NOTE for facilitators.",
            "notes: AGENDA-NOTE & co. [[as-of:2026-01-10]]")
    site = check(mini).site
    html = "".join(d.html for d in Printer(site, "https://example.invalid/").workshop_documents(site.workshops["housing"]))
    assert "AGENDA-NOTE &amp; co. <span class=\"rk-date rk-as-of\"><time datetime=\"2026-01-10\">(as of 10 January 2026)</time>" in html
    assert "[[as-of" not in html
