"""Fifty-odd mistakes a new contributor makes, each seeded into the mini project on its own:
every one must give its exact `path:line: message (hint)`, and none may pass silently.

A mistake whose file cannot be read at all (bad encoding, broken YAML) must be the only finding:
its knock-on effects (references to what was in that file) are not reported on top of it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import check, rightskit
from rightskit.core.findings import format_findings
from rightskit.pages.facilitator import print_facilitator_notes, show_facilitator_notes, strip_facilitator_notes


@dataclass
class Mistake:
    name: str
    edits: list  # (file, text to replace or None to write the file, new text)
    expected: str
    only: bool = False  # the single finding: no knock-on findings

    def apply(self, root: Path) -> None:
        for file, old, new in self.edits:
            path = root / file
            if old is None:
                path.write_text(new, encoding="utf-8")
                continue
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {file}"
            # Non-ASCII text in these cases stands for a file saved in a Windows code page.
            encoding = "utf-8" if new.isascii() else "cp1252"
            path.write_bytes(text.replace(old, new, 1).encode(encoding))


MISTAKES = [
    Mistake('latin1_markdown', [('docs/rights/housing.md', 'Housing is protected', 'Café housing is protected')],
            'docs/rights/housing.md:10: this file is not saved as UTF-8 (byte 0xe9 cannot be read) (save it as UTF-8 in your editor); and 3 findings that follow from it, shown once this is fixed', only=True),
    Mistake('cp1252_yaml', [('standards/mechanisms.yml', '  us_access: Test.\n- id: upr', '  us_access: The committee’s test.\n- id: upr')],
            'standards/mechanisms.yml:7: this file is not saved as UTF-8 (byte 0x92 cannot be read) (save it as UTF-8 in your editor); and 4 findings that follow from it, shown once this is fixed', only=True),
    Mistake('facilitators_plural', [('docs/activities/line.md', '!!! facilitator\n', '!!! facilitators\n')],
            "docs/activities/line.md:21: '!!! facilitators' is not the facilitator marker, so the note would reach participants (write '!!! facilitator' exactly, lower case, with the note indented below)", only=True),
    Mistake('facilitator_capital', [('docs/activities/line.md', '!!! facilitator\n', '!!! Facilitator\n')],
            "docs/activities/line.md:21: '!!! Facilitator' is not the facilitator marker, so the note would reach participants (write '!!! facilitator' exactly, lower case, with the note indented below)", only=False),
    Mistake('facilitator_note_class', [('docs/activities/line.md', '!!! facilitator\n', '??? facilitator-note\n')],
            "docs/activities/line.md:21: '??? facilitator-note' is not the facilitator marker, so the note would reach participants (write '!!! facilitator' exactly, lower case, with the note indented below)", only=False),
    Mistake('note_titled_for_facilitators', [('docs/activities/line.md', '!!! facilitator\n', '!!! note "For facilitators"\n')],
            'docs/activities/line.md:21: \'!!! note "For facilitators"\' is not the facilitator marker, so the note would reach participants (write \'!!! facilitator\' exactly, lower case, with the note indented below)', only=False),
    Mistake('unindented_note', [('docs/activities/line.md', '!!! facilitator\n    SECRET', '!!! facilitator\nSECRET')],
            "docs/activities/line.md:21: facilitator block with no indented note: the text below it would reach participants (indent the note by four spaces under '!!! facilitator')", only=True),
    Mistake('unclosed_xref', [('docs/rights/housing.md', 'protected by [[icescr/11]] and', 'protected by [[icescr/11] and')],
            "docs/rights/housing.md:10: unclosed cross-reference '[[icescr/11]' (write it as [[id]] with two closing brackets, e.g. [[icescr/11]])", only=False),
    Mistake('empty_xref', [('docs/rights/housing.md', 'Use the [[upr]].', 'Use the [[]].')],
            "docs/rights/housing.md:12: empty cross-reference '[[]]' (write it as [[id]] with two closing brackets, e.g. [[icescr/11]])", only=False),
    Mistake('anchor_other_page', [('docs/rights/housing.md', '../activities/line.md)', '../activities/line.md#step)')],
            "docs/rights/housing.md:14: broken anchor: '#step' is not on '../activities/line.md' (did you mean 'steps'?)", only=False),
    Mistake('anchor_same_page', [('docs/activities/line.md', 'Everyone takes a place on the line.', 'Everyone takes a place on the line, see [above](#overviw).')],
            "docs/activities/line.md:32: broken anchor: '#overviw' is not on this page (did you mean 'overview'?)", only=False),
    Mistake('anchor_generated_page', [('docs/rights/housing.md', '../activities/line.md)', '../standards/icescr.md#article-12)')],
            "docs/rights/housing.md:14: broken anchor: '#article-12' is not on '../standards/icescr.md' (did you mean 'article-11'?)", only=False),
    Mistake('absolute_link', [('docs/activities/line.md', 'Participants stand on a line.', 'Participants stand on a line ([housing](/rights/housing.md)).')],
            "docs/activities/line.md:19: absolute link '/rights/housing.md' (links between pages are relative to this page: write '../rights/housing.md')", only=False),
    Mistake('official_text_not_url', [('standards/instruments/icescr.yml', 'official_text: https://www.', 'official_text: www.')],
            "standards/instruments/icescr.yml:11: 'official_text' must be a web address starting with https://, not 'www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-economic-social-and-cultural-rights' (copy the full address from the browser's address bar)", only=False),
    Mistake('official_site_typo', [('standards/mechanisms.yml', '  short_name: UPR\n', '  short_name: UPR\n  official_site: htps://www.ohchr.org/en/hr-bodies/upr\n')],
            "standards/mechanisms.yml:11: 'official_site' must be a web address starting with https://, not 'htps://www.ohchr.org/en/hr-bodies/upr' (copy the full address from the browser's address bar)", only=False),
    Mistake('gc_official_text', [('standards/general-comments/cescr.yml', '    key_ideas:', '    official_text: see the OHCHR site\n    key_ideas:')],
            "standards/general-comments/cescr.yml:13: 'official_text' must be a web address starting with https://, not 'see the OHCHR site' (copy the full address from the browser's address bar)", only=False),
    Mistake('ratified_before_adoption', [('standards/instruments/icescr.yml', '  signed: 1977-10-05\n', '  ratified: 1950-06-01\n')],
            'standards/instruments/icescr.yml:8: US ratification (1950-06-01) is before adoption (1966-12-16) (a treaty can be ratified only once it is adopted: check both dates)', only=False),
    Mistake('signed_before_adoption', [('standards/instruments/icescr.yml', '  signed: 1977-10-05', '  signed: 1956-10-05')],
            'standards/instruments/icescr.yml:8: US signature (1956-10-05) is before adoption (1966-12-16) (a treaty can be signed only once it is adopted: check both dates)', only=False),
    Mistake('in_force_before_adoption', [('standards/instruments/icescr.yml', 'in_force: 1976-01-03', 'in_force: 1960-01-03')],
            'standards/instruments/icescr.yml:6: entry into force (1960-01-03) is before adoption (1966-12-16) (check both dates against the official record)', only=False),
    Mistake('ratified_before_signed', [('standards/instruments/icescr.yml', '  signed: 1977-10-05\n', '  signed: 1977-10-05\n  ratified: 1970-01-01\n')],
            'standards/instruments/icescr.yml:9: US ratification (1970-01-01) is before signature (1977-10-05) (check both dates against the UN Treaty Collection)', only=False),
    Mistake('agenda_minutes_differ', [('curricula/housing.yml', '  - module: activities/line\n    minutes: 30', '  - module: activities/line\n    minutes: 20')],
            "curricula/housing.yml:16: warning: the agenda gives 'activities/line' 20 minutes, but the activity takes 30 (its 'duration:') (make them agree, here or in docs/activities/line.md)", only=False),
    Mistake('issue_area_in_block_list', [('docs/rights/housing.md', 'issue_areas: [housing]', 'issue_areas:\n  - housing\n  - housingg')],
            "docs/rights/housing.md:7: unknown issue area 'housingg' (did you mean 'housing'?)", only=False),
    Mistake('issue_area_in_article', [('standards/instruments/icescr.yml', '    summary: Test summary of article 11.\n    issue_areas: [housing]', '    summary: Test summary of article 11.\n    issue_areas:\n      - housing\n      - food-security')],
            "standards/instruments/icescr.yml:23: unknown issue area 'food-security' (see standards/issue-areas.yml for the ids)", only=False),
    Mistake('issue_area_in_workshop', [('curricula/housing.yml', 'issue_areas: [housing]', 'issue_areas: [hausing]')],
            "curricula/housing.yml:7: unknown issue area 'hausing' (did you mean 'housing'?)", only=False),
    Mistake('nav_typo', [('mkdocs.yml', '  - mechanisms/upr.md', '  - mechanisms/uppr.md')],
            "mkdocs.yml:27: navigation lists 'mechanisms/uppr.md', which does not exist (did you mean 'mechanisms/upr.md'?)", only=False),
    Mistake('link_from_docs_root', [('docs/rights/housing.md', '../activities/line.md)', 'activities/line.md)')],
            "docs/rights/housing.md:14: broken link: 'activities/line.md' does not exist (did you mean '../activities/line.md'?)", only=False),
    Mistake('link_self_contradiction', [('docs/rights/housing.md', '../activities/line.md)', 'rights/housing.md)')],
            "docs/rights/housing.md:14: broken link: 'rights/housing.md' does not exist (did you mean 'housing.md'?)", only=False),
    Mistake('malformed_mechanisms', [('standards/mechanisms.yml', '  kind: charter-based', '  kind: [charter-based')],
            "standards/mechanisms.yml:12: malformed YAML: expected ',' or ']', but got ':' (check indentation, colons and quotes on this line and the one before); and 4 findings that follow from it, shown once this is fixed", only=True),
    Mistake('malformed_front_matter', [('docs/rights/housing.md', 'type: issue area', 'type: [issue area')],
            "docs/rights/housing.md:5: malformed YAML: expected ',' or ']', but got ':' (check indentation, colons and quotes on this line and the one before); and 3 findings that follow from it, shown once this is fixed", only=True),
    Mistake('unknown_monitoring_body', [('standards/instruments/icescr.yml', 'monitoring_body: cescr', 'monitoring_body: cesr')],
            "standards/instruments/icescr.yml:10: unknown monitoring body 'cesr' (did you mean 'cescr'?)", only=False),
    Mistake('gc_unknown_body', [('standards/general-comments/cescr.yml', 'body: cescr', 'body: cerd')],
            "standards/general-comments/cescr.yml:1: unknown body 'cerd' (did you mean 'cescr'?); and 2 findings that follow from it, shown once this is fixed", only=False),
    Mistake('gc_interprets_unknown', [('standards/general-comments/cescr.yml', 'interprets: [icescr/11]', 'interprets: [icescr/12]')],
            "standards/general-comments/cescr.yml:11: unknown article 'icescr/12' (did you mean 'icescr/11'?)", only=False),
    Mistake('mechanism_part_of', [('standards/mechanisms.yml', '  guide: mechanisms/upr.md', '  guide: mechanisms/upr.md\n  part_of: hrc')],
            "standards/mechanisms.yml:16: unknown mechanism 'hrc' (see standards/mechanisms.yml for the ids)", only=False),
    Mistake('mechanism_guide_missing', [('standards/mechanisms.yml', '  guide: mechanisms/upr.md', '  guide: mechanisms/upr-guide.md')],
            "standards/mechanisms.yml:15: guide 'mechanisms/upr-guide.md' does not exist under docs/ (did you mean 'mechanisms/upr.md'?)", only=False),
    Mistake('hub_missing', [('standards/issue-areas.yml', '  hub: rights/housing.md', '  hub: rights/house.md')],
            "standards/issue-areas.yml:3: hub page 'rights/house.md' does not exist under docs/ (did you mean 'rights/housing.md'?)", only=False),
    Mistake('unknown_language', [('curricula/housing.yml', 'languages: [en]', 'languages: [en, fr]')],
            "curricula/housing.yml:5: unknown language 'fr' (use one of: en, es)", only=False),
    Mistake('handout_not_printable', [('curricula/housing.yml', 'handouts: [activities/line]', 'handouts: [activities/line, rights/housing]')],
            "curricula/housing.yml:21: 'rights/housing' is not printable as a handout (add 'handout: true' to the front matter of docs/rights/housing.md)", only=False),
    Mistake('duration_text', [('docs/activities/line.md', 'duration: 30', 'duration: 30 minutes')],
            "docs/activities/line.md:7: 'duration' must be a whole number, not text '30 minutes'", only=False),
    Mistake('audience_value', [('curricula/housing.yml', 'audience: [organizers]', 'audience: [organizers, volunteers]')],
            "curricula/housing.yml:4: 'volunteers' is not an allowed value of 'audience' (use one of: community members, organizers, trainers, contributors)", only=False),
    Mistake('missing_title', [('docs/mechanisms/upr.md', 'title: The UPR\n', '')],
            "docs/mechanisms/upr.md:2: missing required field 'title' in front matter", only=False),
    Mistake('type_typo', [('docs/mechanisms/upr.md', 'type: mechanism guide', 'type: mechanism-guide')],
            "docs/mechanisms/upr.md:4: 'type' must be one of: issue area, mechanism guide, toolkit, activity, explainer, case, page; not 'mechanism-guide' (did you mean 'mechanism guide'?)", only=False),
    Mistake('date_format', [('standards/instruments/icescr.yml', 'adopted: 1966-12-16', 'adopted: 16/12/1966')],
            "standards/instruments/icescr.yml:5: 'adopted' is not a valid date: '16/12/1966' (write dates as YYYY-MM-DD)", only=False),
    Mistake('start_time', [('curricula/housing.yml', 'start: "18:00"', 'start: "25:00"')],
            'curricula/housing.yml:8: \'start\' is not a time of day: \'25:00\' (write it as HH:MM, e.g. "09:30")', only=False),
    Mistake('duplicate_article', [('standards/instruments/icescr.yml', '  - number: "11"', '  - number: "2(1)"')],
            "standards/instruments/icescr.yml:18: duplicate article number '2(1)' (already listed at line 14); and 3 findings that follow from it, shown once this is fixed", only=True),
    Mistake('id_file_name', [('curricula/housing.yml', 'id: housing', 'id: housing-rights')],
            "curricula/housing.yml:1: workshop id 'housing-rights' does not match the file name (rename the file to housing-rights.yml or set id: housing)", only=False),
    Mistake('unknown_workshop_field', [('curricula/housing.yml', 'materials: [Flip chart]', 'material: [Flip chart]')],
            "curricula/housing.yml:10: unknown field 'material' in workshop (did you mean 'materials'?)", only=False),
    Mistake('page_not_in_nav', [('docs/activities/extra.md', None, '---\ntitle: Extra\nsummary: S.\ntype: explainer\n---\nText.\n')],
            "docs/activities/extra.md:1: page 'activities/extra.md' is not in the navigation (add '- activities/extra.md' under 'nav:' in mkdocs.yml, e.g. after 'activities/line.md' at line 26)", only=False),
    Mistake('agenda_unknown_module', [('curricula/housing.yml', '  - module: rights/housing', '  - module: rights/housings')],
            "curricula/housing.yml:18: unknown module 'rights/housings' (did you mean 'rights/housing'?)", only=False),
    Mistake('link_outside_docs', [('docs/rights/housing.md', '../activities/line.md)', '../../README.md)')],
            "docs/rights/housing.md:14: link '../../README.md' points outside docs/ (link to a page under docs/, or use a full web address)", only=False),
    Mistake('no_front_matter', [('docs/mechanisms/upr.md', '---\ntitle: The UPR', 'title: The UPR')],
            "docs/mechanisms/upr.md:1: no front matter (start the file with a '---' block holding at least 'title:'); and 2 findings that follow from it, shown once this is fixed", only=True),
    Mistake('missing_page_with_anchor', [('docs/rights/housing.md', '../activities/line.md)', '../activities/lines.md#steps)')],
            "docs/rights/housing.md:14: broken link: '../activities/lines.md#steps' does not exist (did you mean '../activities/line.md#steps'?)", only=False),
    Mistake('unknown_standard', [('docs/rights/housing.md', 'standards: [icescr/11]', 'standards: [icescr/111]')],
            "docs/rights/housing.md:6: unknown standard 'icescr/111' (did you mean 'icescr/11'?)", only=False),
    Mistake('malformed_mkdocs', [('mkdocs.yml', '  - index.md', '  - index.md: [')],
            "mkdocs.yml:25: malformed YAML: expected the node content, but found '-' (check indentation, colons and quotes on this line and the one before)", only=True),
]


def test_at_least_forty_distinct_mistakes():
    assert len({m.name for m in MISTAKES}) == len(MISTAKES) >= 40
    assert len({m.expected for m in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_mistake_gets_its_exact_finding(mini, mistake):
    mistake.apply(mini)
    found = format_findings(check(mini).findings).split("\n")[:-1]  # as printed, less the count
    if mistake.only:
        assert found == [mistake.expected]
    else:  # first: nothing printed above it to read past
        assert found[0] == mistake.expected, found


def test_hints_never_repeat_the_mistake(mini):
    """A 'did you mean' must never suggest what was written."""
    for mistake in MISTAKES:
        if "did you mean '" in mistake.expected:
            suggestion = mistake.expected.split("did you mean '")[1].split("'")[0]
            assert f"'{suggestion}'" not in mistake.expected.split(" (")[0], mistake.name


def test_byte_order_mark_is_accepted(mini):
    for file in ("docs/rights/housing.md", "standards/mechanisms.yml", "curricula/housing.yml"):
        path = mini / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [str(f) for f in check(mini).findings] == []


def test_warning_fails_only_strict_check(mini):
    MISTAKES_BY_NAME["agenda_minutes_differ"].apply(mini)
    relaxed = rightskit("check", cwd=mini)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "curricula/housing.yml:16: warning: the agenda gives" in relaxed.stderr
    assert "0 problems found, 1 warning." in relaxed.stderr
    strict = rightskit("check", "--strict", cwd=mini)
    assert strict.returncode == 1
    assert "warnings count as problems" in strict.stderr


def test_encoding_error_is_a_finding_not_a_traceback(mini):
    MISTAKES_BY_NAME["latin1_markdown"].apply(mini)
    result = rightskit("check", cwd=mini)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/rights/housing.md:10: this file is not saved as UTF-8" in result.stderr


def test_the_command_exits_with_its_status_and_all_of_its_output(mini):
    """The `rightskit` command as its own process (cli.main.run, which skips the interpreter's
    teardown): its exit status and everything it printed, on both streams, reach the caller
    through pipes."""
    import os

    from conftest import rightskit_process

    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as a shell runs it
    address = rightskit_process("site-url", cwd=mini, env=buffered)
    assert address.returncode == 0 and address.stdout.strip() == "https://example.invalid/", address.stderr
    MISTAKES_BY_NAME["agenda_minutes_differ"].apply(mini)
    strict = rightskit_process("check", "--strict", cwd=mini, env=buffered)
    assert strict.returncode == 1
    assert "curricula/housing.yml:16: warning: the agenda gives" in strict.stderr
    assert "warnings count as problems" in strict.stderr


MISTAKES_BY_NAME = {m.name: m for m in MISTAKES}

NOTE = "SECRET-NOTE"


EXACT = ["!!! facilitator", "!!!facilitator", "??? facilitator", "???+ facilitator", '!!! facilitator "Tips"']
NEAR_MISSES = ["!!! facilitators", "!!! Facilitator", "??? facilitator-note", '!!! note "For facilitators"']


def _body(marker: str) -> str:
    return f"## Steps\n\nDo this.\n\n{marker}\n    {NOTE} one.\n\n\t{NOTE} two.\n\nAfter.\n"


@pytest.mark.parametrize("marker", EXACT + NEAR_MISSES)
def test_participant_copies_never_carry_a_facilitator_note(marker):
    """Whatever marker slips through (the check rejects the near misses), stripping leaves no note."""
    stripped = strip_facilitator_notes(_body(marker))
    assert NOTE not in stripped
    assert "Do this." in stripped and "After." in stripped


@pytest.mark.parametrize("marker", EXACT)
def test_exact_markers_show_on_the_site_and_in_guides(marker):
    assert 'facilitator "For facilitators"' in show_facilitator_notes(_body(marker))
    assert f"{NOTE} two." in print_facilitator_notes(_body(marker))


def test_markers_in_code_are_examples_not_mistakes(mini):
    page = mini / "docs/rights/housing.md"
    page.write_text(page.read_text() + "\n```markdown\n!!! facilitators\nnot indented\n[[icescr/11]\n```\n")
    assert [str(f) for f in check(mini).findings] == []


def _shorten(mini, notes: str) -> list[str]:
    path = mini / "curricula" / "housing.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - module: activities/line\n    minutes: 30",
                                 f"  - module: activities/line\n    minutes: 20\n    notes: \"{notes}\""), encoding="utf-8")
    return [str(f) for f in check(mini).findings]


def test_a_shortening_that_adds_up_is_not_a_warning(mini):
    # The note says how the activity fits its 20 minutes, and the parts add up: nothing to report.
    assert _shorten(mini, "Suggested timing: stand 12, talk 8.") == []


def test_a_shortening_that_does_not_add_up_is_reported_once(mini):
    findings = _shorten(mini, "Suggested timing: stand 12, talk 5.")
    assert findings == ["curricula/housing.yml:15: warning: the suggested timing adds up to 17 min, but the agenda gives 20 "
                        "(make the parts add up)"]
