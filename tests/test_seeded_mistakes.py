"""Over a hundred mistakes a contributor makes (issue 22), each seeded on its own into the valid
mini project and checked as `rightskit check` prints them: each must be reported at its own
`path:line`, with a message naming the cause and a hint, and with nothing reported before it (or
beside it: the mini project is clean); the exit status must match, and no traceback.
In order of harm: facilitator notes that reach participants, raw HTML and images, activities off
the template, heading jumps and references in link text, hand-written generated pages, steps off
the timed format; then root causes (an unreadable file, a duplicate id) printed alone with a count
of what follows from them, timing said in prose, dates at their own line, translations left
untranslated, and a preview port already in use."""
from __future__ import annotations

import contextlib
import io
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import MINI, check
from rightskit.cli.main import main
from rightskit.content.i18n import untranslated
from rightskit.core.findings import WARNING

LINE = "docs/activities/line.md"
HOUSING = "docs/rights/housing.md"
WORKSHOP = "curricula/housing.yml"
PATHWAYS = MINI.parent / "pathways" / "pathways.yml"
TEMPLATE = ("activities keep the sections of the template, in order: Overview, Preparation, Steps, "
            "Debriefing questions, Facilitator tips, Follow-up and action ideas")


@dataclass
class Seed:
    name: str
    edits: list  # (file, text to replace or None to write the file, new text or bytes)
    expected: str
    # Run first: `rightskit` commands, e.g. ("new", "translation", HOUSING), or functions of the project root.
    before: tuple = ()
    encoding: str = "utf-8"  # of the edited file: cp1252 stands for a file saved in a Windows code page

    def apply(self, root: Path) -> None:
        for command in self.before:
            if callable(command):
                command(root)
                continue
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["-f", str(root / "mkdocs.yml"), *command]) == 0
        for file, old, new in self.edits:
            path = root / file
            if old is None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
                continue
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {file}"
            path.write_bytes(text.replace(old, new, 1).encode(self.encoding))


def translated(root: Path) -> None:
    """The Spanish pages `rightskit new translation` wrote, with their markers deleted as a translator
    does once done (the text itself may stay English: the checks cannot tell)."""
    for page in root.glob("docs/**/*.es.md"):
        lines = page.read_text(encoding="utf-8").split("\n")
        page.write_text("\n".join(x for x in lines if x.strip() != untranslated.MARKER), encoding="utf-8")


def spanish_blocks(root: Path) -> None:
    """`es:` blocks for the UPR and both ICESCR articles, marked current as a translator does."""
    for file, old, new in (("standards/mechanisms.yml", "  guide: mechanisms/upr.md",
                            "  guide: mechanisms/upr.md\n  es:\n    name: Examen Periódico Universal"),
                           ("standards/instruments/icescr.yml", "    title: Taking steps\n",
                            "    title: Taking steps\n    es:\n      title: Adoptar medidas\n"),
                           ("standards/instruments/icescr.yml", "    title: Adequate standard of living\n",
                            "    title: Adequate standard of living\n    es:\n      title: Nivel de vida adecuado\n")):
        path = root / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    for file in ("standards/mechanisms.yml", "standards/instruments/icescr.yml"):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["-f", str(root / "mkdocs.yml"), "translation", "--mark-current", file]) == 0


NOTE = "    SECRET-FACILITATOR-NOTE: watch the time."
PAGE = ("---\ntitle: My page\nsummary: In my words.\ntype: explainer\nreviewed: 2026-01-15\n---\nText.\n\n"
        "## Sources\n\n- [ICESCR](https://www.ohchr.org/), OHCHR\n")
PNG = b"\x89PNG\r\n\x1a\n"  # the size check reads only the size: a signature is enough

SEEDS = [
    # 1. facilitator notes that Markdown does not keep in their box
    Seed("note_indented_two_spaces", [(LINE, f"{NOTE}\n\n    Second", f"  {NOTE.strip()}\n\n  Second")],
         f"{LINE}:22: facilitator note indented by 2 spaces: Markdown needs four, so the box shows empty and the "
         "note is shown to participants (indent every line of the note by four spaces (or a tab) under "
         "'!!! facilitator')"),
    Seed("second_paragraph_two_spaces", [(LINE, "    Second paragraph", "  Second paragraph")],
         f"{LINE}:24: facilitator note indented by 2 spaces: Markdown needs four, so the note ends above this line "
         "and the rest is shown to participants (indent every line of the note by four spaces (or a tab) under "
         "'!!! facilitator')"),
    Seed("details_note_three_spaces", [(LINE, f"!!! facilitator\n{NOTE}", f"??? facilitator\n   {NOTE.strip()}")],
         f"{LINE}:22: facilitator note indented by 3 spaces: Markdown needs four, so the box shows empty and the "
         "note is shown to participants (indent every line of the note by four spaces (or a tab) under "
         "'??? facilitator')"),
    Seed("line_dedented_after_note", [(LINE, "    Second paragraph of the note.\n",
                                       "    Second paragraph of the note.\nCollect the cards before the debrief.\n")],
         f"{LINE}:25: this line follows a facilitator note with no blank line but is not indented, so it is shown to "
         "participants, outside the note (indent it by four spaces to keep it in the note, or leave a blank line "
         "above it if everyone should read it)"),
    Seed("paragraph_dedented_after_note", [(LINE, "    Second paragraph of the note.\n",
                                            "    Second paragraph of the note.\n\nand collect the cards before "
                                            "the debrief.\n")],
         f"{LINE}:26: this paragraph right after a facilitator note starts in lower case, as if it continued the "
         "note, but it is not indented, so it is shown to participants (indent it by four spaces to keep it in the "
         "note, or start it as a sentence of its own)"),
    # 2. raw HTML and images
    Seed("iframe", [(HOUSING, "See the [activity](../activities/line.md).",
                     'See the [activity](../activities/line.md).\n\n'
                     '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>')],
         f"{HOUSING}:16: an <iframe> loads another site into the page, and the site makes no request to a "
         "third-party host (privacy) (link to it instead, e.g. [Watch the video](https://...))"),
    Seed("script", [(HOUSING, "Use the [[upr]].", "Use the [[upr]].\n<script>alert(1)</script>")],
         f"{HOUSING}:13: a <script> runs code in the page that no one has reviewed for privacy or accessibility "
         "(leave it out; interactive features belong in overrides/ and are reviewed there)"),
    Seed("style_element", [(HOUSING, "## Sources", "<style>\np { color: red; }\n</style>\n\n## Sources")],
         f"{HOUSING}:16: a <style> element overrides the site's styles, which are checked for contrast, dark mode "
         "and print (accessibility) (leave it out; styles belong in overrides/ and are reviewed there)"),
    Seed("style_attribute", [(HOUSING, "Housing is protected", '<span style="color: red">Housing</span> is protected')],
         f"{HOUSING}:10: inline style attribute on <span>: it overrides the site's styles, which are checked for "
         "contrast, dark mode and print (accessibility) (remove style=\"...\"; ask for a class in overrides/ if "
         "the page needs one)"),
    Seed("image_without_alt", [(HOUSING, "See the [activity]", "![](home.png) See the [activity]"),
                               ("docs/rights/home.png", None, PNG)],
         f"{HOUSING}:14: image 'home.png' has no alt text: screen readers skip it or read its file name (describe "
         "what it shows in the brackets, e.g. ![Tenants at a rally](rally.jpg))"),
    Seed("img_tag_without_alt", [(HOUSING, "See the [activity]", '<img src="home.png"> See the [activity]'),
                                 ("docs/rights/home.png", None, PNG)],
         f"{HOUSING}:14: image 'home.png' has no alt text: screen readers skip it or read its file name (describe "
         "what it shows in alt=\"...\", e.g. <img src=\"rally.jpg\" alt=\"Tenants at a rally\">)"),
    Seed("external_image", [(HOUSING, "See the [activity]",
                             "![A home](https://example.org/home.jpg) See the [activity]")],
         f"{HOUSING}:14: image from another site: 'https://example.org/home.jpg' (the site makes no request to a "
         "third-party host) (save the image (if its license allows) next to the page under docs/ and link it "
         "relatively)"),
    Seed("image_too_large", [(HOUSING, "See the [activity]", "![A home](home.png) See the [activity]"),
                             ("docs/rights/home.png", None, PNG + bytes(600 * 1024))],
         f"{HOUSING}:14: image 'home.png' is 600 KB, over the 500 KB limit: slow on a phone (resize or compress it "
         "below 500 KB (e.g. 1200 pixels wide, JPEG quality 80 or WebP))"),
    Seed("img_tag_too_large", [(HOUSING, "See the [activity]", '<img src="home.png" alt="A home"> See the [activity]'),
                               ("docs/rights/home.png", None, PNG + bytes(501 * 1024))],
         f"{HOUSING}:14: image 'home.png' is 501 KB, over the 500 KB limit: slow on a phone (resize or compress it "
         "below 500 KB (e.g. 1200 pixels wide, JPEG quality 80 or WebP))"),
    # 3. activities off the template
    Seed("no_debriefing_questions", [(LINE, "## Debriefing questions\n\n- Which element surprised you?\n\n", "")],
         f"{LINE}:34: this activity has no '## Debriefing questions' section (add it above this line: {TEMPLATE})"),
    Seed("section_out_of_order", [(LINE, "## Preparation\n\nTape a line on the floor.\n\n", ""),
                                  (LINE, "## Debriefing questions",
                                   "## Preparation\n\nTape a line on the floor.\n\n## Debriefing questions")],
         f"{LINE}:30: '## Preparation' comes after '## Steps' (move it above: activities keep the sections in this "
         "order: Overview, Preparation, Steps, Debriefing questions, Facilitator tips, Follow-up and action ideas)"),
    Seed("empty_objectives", [(LINE, "objectives: [Name the elements.]", "objectives: []")],
         f"{LINE}:10: 'objectives' is empty (list what participants will be able to do, e.g. '- Name the seven "
         "elements of adequate housing')"),
    Seed("group_size_reversed", [(LINE, "group_size: 6-20", "group_size: 30-6")],
         f"{LINE}:8: 'group_size' is not a group size: '30-6' (write a number or a range from smallest to largest, "
         "e.g. 6-30)"),
    Seed("materials_one_string", [(LINE, "materials: [Tape]", "materials: Tape, markers, element cards")],
         f"{LINE}:9: 'materials' is one piece of text, so it prints as one item (write it as a list: "
         "materials: [Tape, markers, element cards])"),
    # 4. heading jumps, references inside link text
    Seed("heading_jump", [(LINE, "## Preparation\n\nTape", "## Preparation\n\n#### The room\n\nTape")],
         f"{LINE}:28: heading level jumps from 2 to 4 ('#### The room') (use '###' here, or add the level between: "
         "screen readers move by heading level)"),
    Seed("xref_in_link_text", [(HOUSING, "See the [activity](../activities/line.md).",
                                "See [the [[upr]] activity](../activities/line.md).")],
         f"{HOUSING}:14: cross-reference [[upr]] inside the text of a link: it becomes a link inside a link, which "
         "browsers break apart (use the cross-reference alone, with your own words if needed: [[upr|your words]]; "
         "or write the link text without it)"),
    # 5. a hand-written page where the build writes one
    Seed("handwritten_instrument_page", [("docs/standards/icescr.md", None, PAGE)],
         "docs/standards/icescr.md:1: the build generates 'standards/icescr.md', so this file is replaced and never "
         "shown (delete it and edit standards/instruments/icescr.yml instead)"),
    Seed("handwritten_mechanism_page", [("docs/mechanisms/cescr.md", None, PAGE)],
         "docs/mechanisms/cescr.md:1: the build generates 'mechanisms/cescr.md', so this file is replaced and never "
         "shown (to publish it as the guide to 'cescr', add 'guide: mechanisms/cescr.md' to that mechanism in "
         "standards/mechanisms.yml; otherwise delete it)"),
    Seed("handwritten_glossary", [("docs/glossary.md", None, PAGE)],
         "docs/glossary.md:1: the build generates 'glossary.md', so this file is replaced and never shown (delete "
         "it and edit standards/glossary.yml instead)"),
    # 6. a step off the timed format
    Seed("step_not_timed_format", [(LINE, "1. **Stand up (30 min).** Everyone takes a place on the line.",
                                    "1. Stand up (30 min).")],
         f"{LINE}:32: this step is not written as a timed step, so its minutes are not added up against "
         "'duration:' (write each step as '1. **Title (10 min).** What to do.')"),
    # 7. a code block or front matter left open: the cause, at its line, and nothing it hides
    Seed("unclosed_code_fence", [(HOUSING, "Use the [[upr]].", "Use the [[upr]].\n\n```\nrent = 1200")],
         'docs/rights/housing.md:14: this code block (```) is never closed, so the rest of the page is '
         'shown as code (add a line with ``` where the code ends)'),
    Seed("unclosed_tilde_fence_in_activity", [(LINE, "## Steps", "~~~\nA table\n\n## Steps")],
         'docs/activities/line.md:30: this code block (~~~) is never closed, so the rest of the page is '
         'shown as code (add a line with ~~~ where the code ends)'),
    Seed("front_matter_not_closed", [(HOUSING, "reviewed: 2026-01-15\n---\n", "reviewed: 2026-01-15\n\n")],
         "docs/rights/housing.md:1: front matter is not closed: no '---' line after it (end the front "
         "matter with a line of three dashes '---' before the text of the page); and 3 findings that "
         'follow from it, shown once this is fixed'),
    Seed("front_matter_as_list", [("docs/mechanisms/upr.md", "title: The UPR\nsummary: A guide to the UPR.",
                                   "- title: The UPR\n- summary: A guide to the UPR.")],
         "docs/mechanisms/upr.md:2: front matter is written as a list ('- title: …'), not as fields "
         "(remove the '- ' at the start of each field: title: …, summary: …, one per line); and 2 "
         'findings that follow from it, shown once this is fixed'),
    # 8. root cause first: what follows from an unreadable file or a duplicate is counted, not listed
    Seed("tab_in_mechanisms", [("standards/mechanisms.yml", "  kind: treaty body", "\tkind: treaty body")],
         "standards/mechanisms.yml:4: malformed YAML: found character '\\t' that cannot start any token "
         '(check indentation, colons and quotes on this line and the one before); and 4 findings that '
         'follow from it, shown once this is fixed'),
    Seed("duplicate_mechanism_id", [("standards/mechanisms.yml", "- id: upr", "- id: cescr")],
         "standards/mechanisms.yml:8: duplicate mechanism id 'cescr' (already used at "
         'standards/mechanisms.yml:1); and 3 findings that follow from it, shown once this is fixed'),
    Seed("duplicate_article_number", [("standards/instruments/icescr.yml", 'number: "2(1)"', 'number: "11"')],
         "standards/instruments/icescr.yml:18: duplicate article number '11' (already listed at line 14); "
         'and 1 finding that follows from it, shown once this is fixed'),
    Seed("duplicate_instrument_id", [("standards/instruments/icescr2.yml", None,
                                      (MINI / "standards/instruments/icescr.yml").read_bytes())],
         "standards/instruments/icescr2.yml:1: duplicate instrument id 'icescr' (already used in "
         'standards/instruments/icescr.yml:1)'),
    Seed("duplicate_workshop_id", [("curricula/housing2.yml", None, (MINI / "curricula/housing.yml").read_bytes())],
         "curricula/housing2.yml:1: duplicate workshop id 'housing' (already used in "
         'curricula/housing.yml:1)'),
    Seed("duplicate_issue_area", [("standards/issue-areas.yml", None,
                                   (MINI / "standards/issue-areas.yml").read_bytes() * 2)],
         "standards/issue-areas.yml:5: duplicate issue area id 'housing' (already used at "
         'standards/issue-areas.yml:1)'),
    Seed("issue_areas_not_utf8", [("standards/issue-areas.yml", "  title: Housing", "  title: Vivienda digna \xa0")],
         'standards/issue-areas.yml:2: this file is not saved as UTF-8 (byte 0xa0 cannot be read) (save '
         'it as UTF-8 in your editor); and 5 findings that follow from it, shown once this is fixed',
         encoding="cp1252"),
    Seed("malformed_glossary", [("standards/glossary.yml", "  expansion: Universal Periodic Review",
                                 "  expansion: Universal Periodic Review: the review")],
         'standards/glossary.yml:2: malformed YAML: mapping values are not allowed here (check '
         'indentation, colons and quotes on this line and the one before)'),
    Seed("gc_numbers_as_text_duplicate", [("standards/general-comments/cescr.yml", "  - number: 4", "  - number: 3")],
         "standards/general-comments/cescr.yml:8: duplicate General Comment 'cescr-gc-3' (already defined "
         'at standards/general-comments/cescr.yml:3); and 2 findings that follow from it, shown once this '
         'is fixed'),
    # 9. timing said in prose, at its own line
    Seed("summary_two_hour", [(WORKSHOP, "summary: A test workshop.", "summary: A two-hour workshop on housing.")],
         "curricula/housing.yml:3: the summary says 'two-hour' but the agenda adds up to 75 minutes "
         '(leave the length out: the page shows it, computed)'),
    Seed("summary_minutes", [(WORKSHOP, "summary: A test workshop.", "summary: A 90-minute introduction.")],
         "curricula/housing.yml:3: the summary says '90-minute' but the agenda adds up to 75 minutes "
         '(leave the length out: the page shows it, computed)'),
    Seed("agenda_note_keep_to", [(WORKSHOP, "notes: AGENDA-NOTE for facilitators.",
                                  "notes: Keep this to 30 minutes.")],
         'curricula/housing.yml:14: the note says 30 minutes, but the agenda gives this item 15 (make the '
         "note and 'minutes:' agree, or leave the length out of the note)"),
    Seed("agenda_note_minute_introduction", [(WORKSHOP, "    script: A short talk on the right to housing.",
                                              "    script: A short talk on the right to housing.\n"
                                              "    notes: A 90-minute introduction to the covenant.")],
         'curricula/housing.yml:21: the note says 90 minutes, but the agenda gives this item 20 (make the '
         "note and 'minutes:' agree, or leave the length out of the note)"),
    Seed("agenda_note_version", [(WORKSHOP, "  - module: activities/line\n    minutes: 30",
                                  "  - module: activities/line\n    minutes: 30\n"
                                  "    notes: Run the 25-minute version.")],
         'curricula/housing.yml:17: the note says 25 minutes, but the agenda gives this item 30 (make the '
         "note and 'minutes:' agree, or leave the length out of the note)"),
    Seed("step_text_keep_to", [(LINE, "Everyone takes a place on the line.",
                                "Everyone takes a place. Keep this to 20 minutes.")],
         'docs/activities/line.md:32: the text says 20 minutes, but this step gives 30 (make them agree, '
         'or leave the length out of the text)'),
    Seed("activity_prose_length", [(LINE, "Participants stand on a line.",
                                    "This 45-minute activity has participants stand on a line.")],
         "docs/activities/line.md:19: the text says 45 minutes, but 'duration:' gives 30 (make them "
         'agree, or leave the length out of the text)'),
    Seed("steps_do_not_add_up", [(LINE, "1. **Stand up (30 min).**", "1. **Stand up (25 min).**")],
         "docs/activities/line.md:7: the timed steps add up to 25 minutes but 'duration:' says 30 (make "
         'the step times and duration: agree)'),
    Seed("steps_add_up_over", [(LINE, "1. **Stand up (30 min).** Everyone takes a place on the line.",
                                "1. **Stand up (30 min).** Everyone takes a place on the line.\n"
                                "2. **Talk (20 min).** Each person says why.")],
         "docs/activities/line.md:7: the timed steps add up to 50 minutes but 'duration:' says 30 (make "
         'the step times and duration: agree)'),
    Seed("second_step_minutes_outside_bold", [(LINE, "Everyone takes a place on the line.",
                                               "Everyone takes a place on the line.\n"
                                               "2. **Talk** (10 min). Each person says why.")],
         'docs/activities/line.md:33: this step is not written as a timed step, so its minutes are not '
         "added up against 'duration:' (write each step as '1. **Title (10 min).** What to do.')"),
    # 10. dates and fields at their own line
    Seed("review_two_years_old", [(LINE, "reviewed: 2026-01-15", "reviewed: 2024-05-01")],
         'docs/activities/line.md:15: warning: this module was last reviewed on 2024-05-01, more than 12 '
         'months ago (check it against the official source, then update the date)'),
    Seed("mechanism_review_old", [("standards/mechanisms.yml", "  kind: charter-based\n  reviewed: 2026-01-15",
                                   "  kind: charter-based\n  reviewed: 2024-05-01")],
         'standards/mechanisms.yml:12: warning: this mechanism was last reviewed on 2024-05-01, more than '
         '12 months ago (check it against the official source, then update the date)'),
    Seed("as_of_old", [("standards/instruments/icescr.yml", "reviewed: 2026-01-15",
                        "reviewed: 2026-01-15\nas_of: 2024-02-01")],
         'standards/instruments/icescr.yml:23: warning: as_of 2024-02-01 is more than 12 months old '
         '(check it against the official source, then update the date)'),
    Seed("reviewed_not_a_date", [(HOUSING, "reviewed: 2026-01-15", "reviewed: 2026-13-01")],
         "docs/rights/housing.md:8: 'reviewed' is not a valid date: '2026-13-01' (write dates as "
         'YYYY-MM-DD)'),
    Seed("unknown_front_matter_field", [(HOUSING, "summary: The right to housing.", "sumary: The right to housing.")],
         "docs/rights/housing.md:3: unknown field 'sumary' in front matter (did you mean 'summary'?)"),
    Seed("unknown_mechanism_in_front_matter", [(HOUSING, "mechanisms: [upr]", "mechanisms: [uppr]")],
         "docs/rights/housing.md:7: unknown mechanism 'uppr' (did you mean 'upr'?)"),
    Seed("unknown_inline_reference", [(HOUSING, "Use the [[upr]].", "Use the [[icescr/111]].")],
         "docs/rights/housing.md:12: unknown reference [[icescr/111]] (did you mean 'icescr/11'?)"),
    Seed("broken_link", [(HOUSING, "../activities/line.md)", "../activities/lines.md)")],
         "docs/rights/housing.md:14: broken link: '../activities/lines.md' does not exist (did you mean "
         "'../activities/line.md'?)"),
    Seed("group_size_words", [(LINE, "group_size: 6-20", "group_size: many")],
         "docs/activities/line.md:8: 'group_size' is not a group size: 'many' (write a number or a range "
         'from smallest to largest, e.g. 6-30)'),
    Seed("objectives_missing", [(LINE, "objectives: [Name the elements.]\n", "")],
         "docs/activities/line.md:2: missing required field 'objectives' for an activity (activities need "
         'duration, group_size, materials, objectives, level, key_points and online)'),
    Seed("materials_empty", [(LINE, "materials: [Tape]", "materials: []")],
         "docs/activities/line.md:9: 'materials' is empty, so the kit's checklist has nothing to prepare "
         '(list what the facilitator needs, e.g. materials: [Tape, Markers])'),
    Seed("duration_zero", [(LINE, "duration: 30", "duration: 0")],
         "docs/activities/line.md:7: 'duration' must be more than zero, not 0"),
    Seed("agenda_minutes_text", [(WORKSHOP, "  - break: 10", "  - break: ten")],
         "curricula/housing.yml:17: 'break' must be a whole number, not text 'ten'"),
    Seed("todo_left", [(HOUSING, "Use the [[upr]].", "Use the [[upr]]. TODO: add a case.")],
         "docs/rights/housing.md:12: warning: placeholder 'TODO' still in the text (replace it with your "
         'own words, or remove the line)'),
    # 11. more raw HTML, images and headings
    Seed("external_image_empty_alt", [(HOUSING, "See the [activity]",
                                       "![](https://example.org/a.jpg) See the [activity]")],
         ("docs/rights/housing.md:14: image 'https://example.org/a.jpg' has no alt text: screen readers "
          'skip it or read its file name (describe what it shows in the brackets, e.g. ![Tenants at a '
          'rally](rally.jpg))',
          "docs/rights/housing.md:14: image from another site: 'https://example.org/a.jpg' (the site makes "
          'no request to a third-party host) (save the image (if its license allows) next to the page '
          'under docs/ and link it relatively)')),
    Seed("script_with_source", [(LINE, "Keep the stories short.",
                                 'Keep the stories short.\n\n<script src="https://example.org/x.js"></script>')],
         'docs/activities/line.md:42: a <script> runs code in the page that no one has reviewed for '
         'privacy or accessibility (leave it out; interactive features belong in overrides/ and are '
         'reviewed there)'),
    Seed("style_on_div_in_activity", [(LINE, "Tape a line on the floor.",
                                       '<div style="font-size: 2em">Tape a line on the floor.</div>')],
         "docs/activities/line.md:28: inline style attribute on <div>: it overrides the site's styles, "
         'which are checked for contrast, dark mode and print (accessibility) (remove style="..."; ask '
         'for a class in overrides/ if the page needs one)'),
    Seed("heading_jump_from_top", [("docs/mechanisms/upr.md", "The UPR reviews every state.",
                                    "### How it works\n\nThe UPR reviews every state.")],
         "docs/mechanisms/upr.md:8: heading level jumps from 1 to 3 ('### How it works') (use '##' here, "
         'or add the level between: screen readers move by heading level)'),
    Seed("xref_in_link_text_of_activity", [(LINE, "Participants stand on a line.",
                                            "Participants stand on a line ([read [[cescr-gc-4]]]"
                                            "(../rights/housing.md)).")],
         'docs/activities/line.md:19: cross-reference [[cescr-gc-4]] inside the text of a link: it '
         'becomes a link inside a link, which browsers break apart (use the cross-reference alone, with '
         'your own words if needed: [[cescr-gc-4|your words]]; or write the link text without it)'),
    Seed("handwritten_workshop_page", [("docs/workshops/housing.md", None, PAGE)],
         "docs/workshops/housing.md:1: the build generates 'workshops/housing.md', so this file is "
         'replaced and never shown (delete it and edit curricula/housing.yml instead)'),
    Seed("handwritten_general_comments_page", [("docs/standards/general-comments/cescr.md", None, PAGE)],
         'docs/standards/general-comments/cescr.md:1: the build generates '
         "'standards/general-comments/cescr.md', so this file is replaced and never shown (delete it and "
         'edit standards/general-comments/cescr.yml instead)'),
    # 12. translations
    Seed("anchor_only_in_english", [("docs/activities/line.es.md", "## Preparation", "## Preparación"),
                                    ("docs/rights/housing.es.md", "../activities/line.md)",
                                     "../activities/line.md#preparation)")],
         "docs/rights/housing.es.md:17: broken anchor: '#preparation' is on the English "
         "'../activities/line.md', but this link opens its translation, which has no such anchor (did you "
         "mean 'preparacion'?)",
         before=(("new", "translation", HOUSING), ("new", "translation", LINE), translated)),
    Seed("translation_left_marked", [("docs/mechanisms/upr.es.md", "## Sources",
                                      f"{untranslated.MARKER}\n## Sources")],
         'docs/mechanisms/upr.es.md:13: warning: the text below this marker is not translated yet '
         "(translate it, then delete the line '<!-- TODO: translate -->')",
         before=(("new", "translation", "docs/mechanisms/upr.md"), translated)),
    # 13. more of each kind: front matter, data files, markers and sections
    Seed("level_unknown", [(LINE, "level: introductory", "level: beginner")],
         "docs/activities/line.md:11: 'level' must be one of: introductory, intermediate, advanced; not "
         "'beginner'"),
    Seed("group_size_written_out", [(LINE, "group_size: 6-20", "group_size: 6 to 20")],
         "docs/activities/line.md:8: 'group_size' is not a group size: '6 to 20' (write a number or a "
         'range from smallest to largest, e.g. 6-30)'),
    Seed("group_size_zero", [(LINE, "group_size: 6-20", "group_size: 0")],
         "docs/activities/line.md:8: 'group_size' is not a group size: '0' (write a number or a range "
         'from smallest to largest, e.g. 6-30)'),
    Seed("duration_with_unit", [(LINE, "duration: 30", "duration: 30 min")],
         "docs/activities/line.md:7: 'duration' must be a whole number, not text '30 min'"),
    Seed("key_points_empty", [(LINE, "key_points: [A home is more than a roof.]", "key_points: []")],
         "docs/activities/line.md:12: 'key_points' is empty (list the points participants should take "
         "away, e.g. '- A home is more than a roof')"),
    Seed("online_missing", [(LINE, "online: Use a poll with five answers instead of the line.\n", "")],
         "docs/activities/line.md:2: missing required field 'online' for an activity (activities need "
         'duration, group_size, materials, objectives, level, key_points and online)'),
    Seed("type_missing", [("docs/mechanisms/upr.md", "type: mechanism guide\n", "")],
         "docs/mechanisms/upr.md:2: missing required field 'type' in front matter"),
    Seed("title_twice", [("docs/mechanisms/upr.md", "summary: A guide to the UPR.",
                          "summary: A guide to the UPR.\ntitle: The Universal Periodic Review")],
         "docs/mechanisms/upr.md:4: 'title' is given twice in this front matter (keep one of them)"),
    Seed("standards_as_text", [(HOUSING, "standards: [icescr/11]", "standards: icescr/11, icescr/2(1)")],
         "docs/rights/housing.md:6: 'standards' is one piece of text, 'icescr/11, icescr/2(1)', not a "
         'list of ids (write it as a list: standards: [icescr/11, icescr/2(1)])'),
    Seed("no_steps_section", [(LINE, "## Steps\n\n1. **Stand up (30 min).** Everyone takes a place on the line.\n\n",
                               "")],
         "docs/activities/line.md:30: this activity has no '## Steps' section (add it above this line: "
         'activities keep the sections of the template, in order: Overview, Preparation, Steps, '
         'Debriefing questions, Facilitator tips, Follow-up and action ideas)'),
    Seed("sources_not_last", [("docs/mechanisms/upr.md", "OHCHR",
                               "OHCHR\n\n## See also\n\nThe [housing page](../rights/housing.md).")],
         "docs/mechanisms/upr.md:10: '## Sources' must be the last section of the module (move '## See "
         "also' above it)"),
    Seed("sources_without_links", [("docs/mechanisms/upr.md", "- [ICESCR](https://www.ohchr.org/en/instruments-"
                                    "mechanisms/instruments/international-covenant-economic-social-and-cultural-"
                                    "rights), OHCHR", "- The covenant, on the OHCHR site")],
         "docs/mechanisms/upr.md:10: '## Sources' lists no web links (add links to the official texts, "
         'e.g. - [ICESCR](https://www.ohchr.org/...))'),
    Seed("no_sources_section", [("docs/mechanisms/upr.md", "## Sources", "## Read more")],
         "docs/mechanisms/upr.md:8: this module has no '## Sources' section (end it with '## Sources' and "
         'a list of links to the official texts and pages it relies on (OHCHR, UN Treaty Collection, ILO '
         'NORMLEX, OAS))'),
    Seed("as_of_marker_bad_date", [(HOUSING, "Use the [[upr]].", "Use the [[upr]] [[as-of:2025-13-01]].")],
         "docs/rights/housing.md:12: '[[as-of:2025-13-01]]' does not hold a valid date (write it as "
         '[[as-of:YYYY-MM-DD]])'),
    Seed("upcoming_marker_passed", [(HOUSING, "Use the [[upr]].", "Use the [[upr]] before [[upcoming:2026-03-01]].")],
         'docs/rights/housing.md:12: warning: the upcoming date 2026-03-01 has passed (check it against '
         'the official source, then update the date)'),
    Seed("as_of_marker_old", [("docs/mechanisms/upr.md", "every state.", "every state [[as-of:2024-11-01]].")],
         'docs/mechanisms/upr.md:8: warning: a statement verified as of 2024-11-01 is more than 12 months '
         'old (check it against the official source, then update the date)'),
    Seed("heading_jump_two_to_five", [(HOUSING, "## Sources", "## Cases\n\n##### One tenant\n\nText.\n\n## Sources")],
         "docs/rights/housing.md:18: heading level jumps from 2 to 5 ('##### One tenant') (use '###' "
         'here, or add the level between: screen readers move by heading level)'),
    Seed("img_tag_from_another_site", [(HOUSING, "See the [activity]",
                                        '<img src="https://example.org/a.jpg" alt="A home"> See the [activity]')],
         "docs/rights/housing.md:14: image from another site: 'https://example.org/a.jpg' (the site makes "
         'no request to a third-party host) (save the image (if its license allows) next to the page '
         'under docs/ and link it relatively)'),
    Seed("iframe_in_facilitator_note", [(LINE, "    Second paragraph of the note.",
                                         '    Second paragraph of the note.\n\n'
                                         '    <iframe src="https://example.org/video" title="Video"></iframe>')],
         'docs/activities/line.md:26: an <iframe> loads another site into the page, and the site makes no '
         'request to a third-party host (privacy) (link to it instead, e.g. [Watch the '
         'video](https://...))'),
    Seed("image_file_missing", [(HOUSING, "See the [activity]", "![A home](home.png) See the [activity]")],
         "docs/rights/housing.md:14: broken link: 'home.png' does not exist (check the relative path: it "
         'starts from the folder of this page)'),
    # workshops
    Seed("start_with_am", [(WORKSHOP, 'start: "18:00"', 'start: "6 pm"')],
         'curricula/housing.yml:8: \'start\' is not a time of day: \'6 pm\' (write it as HH:MM, e.g. "09:30")'),
    Seed("agenda_item_two_kinds", [(WORKSHOP, "  - text: Welcome\n",
                                    "  - text: Welcome\n    module: activities/line\n")],
         "curricula/housing.yml:12: an agenda item needs exactly one of 'module:', 'break:' or 'text:' "
         "(for example '- module: activities/housing-line' with 'minutes: 30')"),
    Seed("agenda_module_without_minutes", [(WORKSHOP, "  - module: rights/housing\n    minutes: 20\n",
                                            "  - module: rights/housing\n")],
         "curricula/housing.yml:18: missing required field 'minutes' in agenda item"),
    Seed("break_zero", [(WORKSHOP, "  - break: 10", "  - break: 0")],
         "curricula/housing.yml:17: 'break' must be more than zero, not 0"),
    Seed("format_unknown", [(WORKSHOP, "format: in person", "format: face to face")],
         "curricula/housing.yml:6: 'format' must be one of: in person, online; not 'face to face'"),
    Seed("workshop_unknown_handout", [(WORKSHOP, "handouts: [activities/line]", "handouts: [activities/lines]")],
         "curricula/housing.yml:21: unknown handout module 'activities/lines' (did you mean "
         "'activities/line'?)"),
    # standards and mechanisms
    Seed("instrument_kind_typo", [("standards/instruments/icescr.yml", "kind: treaty", "kind: treaties")],
         "standards/instruments/icescr.yml:4: 'kind' must be one of: treaty, declaration, principles, ilo "
         "convention; not 'treaties' (did you mean 'treaty'?)"),
    Seed("signed_not_a_date", [("standards/instruments/icescr.yml", "  signed: 1977-10-05", "  signed: October 1977")],
         "standards/instruments/icescr.yml:8: 'signed' is not a valid date: 'October 1977' (write dates "
         'as YYYY-MM-DD)'),
    Seed("declaration_with_us_dates", [("standards/instruments/icescr.yml", "kind: treaty", "kind: declaration")],
         'standards/instruments/icescr.yml:7: a declaration is not signed or ratified, but US dates are '
         'given (remove us.signed and us.ratified, or change the kind)'),
    Seed("gc_year_out_of_order", [("standards/general-comments/cescr.yml", "    year: 1991", "    year: 1985")],
         'standards/general-comments/cescr.yml:9: General Comment 4 is dated 1985, before No. 3 (1990) '
         '(General Comments are numbered in the order they were adopted: check the year)'),
    Seed("mechanism_kind_typo", [("standards/mechanisms.yml", "  kind: charter-based", "  kind: charter based")],
         "standards/mechanisms.yml:11: 'kind' must be one of: treaty body, charter-based, special "
         "procedure, regional, domestic, ilo supervisory body; not 'charter based' (did you mean "
         "'charter-based'?)"),
    Seed("mechanism_missing_name", [("standards/mechanisms.yml", "  name: Universal Periodic Review\n", "")],
         "standards/mechanisms.yml:8: missing required field 'name' in mechanism"),
    Seed("glossary_without_definition", [("standards/glossary.yml", "  definition: Test definition.\n", "")],
         "standards/glossary.yml:1: missing required field 'definition' in glossary term"),
    Seed("issue_area_hub_absolute", [("standards/issue-areas.yml", "  hub: rights/housing.md",
                                      "  hub: /rights/housing.md")],
         "standards/issue-areas.yml:3: hub page '/rights/housing.md' does not exist under docs/ (did you "
         "mean 'rights/housing.md'?)"),
    # a broken record gets no "stale es: block" warning, nor does its neighbour
    Seed("name_misspelt_under_spanish", [("standards/mechanisms.yml", "  name: Universal Periodic Review\n",
                                          "  nmae: Universal Periodic Review\n")],
         "standards/mechanisms.yml:9: unknown field 'nmae' in mechanism (did you mean 'name'?)",
         before=(spanish_blocks,)),
    Seed("duplicate_article_with_spanish", [("standards/instruments/icescr.yml", '  - number: "11"',
                                             '  - number: "2(1)"')],
         "standards/instruments/icescr.yml:21: duplicate article number '2(1)' (already listed at line "
         '14); and 3 findings that follow from it, shown once this is fixed', before=(spanish_blocks,)),
    # the action finder's pathways name mechanisms too: a tab in mechanisms.yml is the one finding
    Seed("tab_in_mechanisms_with_pathways", [("standards/pathways.yml", None, PATHWAYS.read_bytes()),
                                             ("standards/mechanisms.yml", "  kind: charter-based",
                                              "\tkind: charter-based")],
         "standards/mechanisms.yml:11: malformed YAML: found character '\\t' that cannot start any token "
         '(check indentation, colons and quotes on this line and the one before); and 6 findings that '
         'follow from it, shown once this is fixed'),
]


TODAY = "2026-06-01"  # the mini project's reviews (2026-01-15) are current then, whenever the tests run


def found(root: Path) -> list[str]:
    """What `rightskit check` prints, in its order (root causes first), less the closing count; its
    exit status must say whether any of it is an error."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["-f", str(root / "mkdocs.yml"), "check", "--today", TODAY])
    printed = err.getvalue().splitlines()[:-1]
    assert "Traceback" not in err.getvalue()
    assert code == (1 if any(": warning: " not in line for line in printed) else 0), err.getvalue()
    return printed


def test_the_mini_project_is_clean(mini):
    """What makes 'nothing else is reported' mean something."""
    assert found(mini) == []


def test_seeds_are_distinct():
    assert len({s.name for s in SEEDS}) == len(SEEDS) >= 100
    assert len({s.expected for s in SEEDS}) == len(SEEDS)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seeded_mistake_is_reported_at_its_own_line(mini, seed):
    seed.apply(mini)
    # a tuple: one mistake with two findings of its own (an image from another site with no alt text)
    assert found(mini) == (list(seed.expected) if isinstance(seed.expected, tuple) else [seed.expected])


def test_what_is_right_or_shown_as_code_is_not_reported(mini):
    examples = ("## Examples\n\n### In code\n\n"
                "```html\n<iframe src=\"https://example.org\"></iframe>\n<p style=\"color: red\">x</p>\n```\n\n"
                "Write `<script>`, `![](x.png)` and `[see [[upr]]](x.md)` only in code.\n\n"
                "<!-- a comment is fine -->\n\n## Sources")
    Seed("", [(HOUSING, "## Sources", examples), (LINE, "group_size: 6-20", "group_size: 12"),
              (LINE, f"{NOTE}\n\n    Second", f"\t{NOTE.strip()}\n\n\tSecond")],  # a tab is four columns
         "").apply(mini)
    assert found(mini) == []


def test_a_scaffolded_activity_is_on_the_template_and_its_steps_are_summed(mini, capsys):
    config = str(mini / "mkdocs.yml")
    assert main(["-f", config, "new", "activity", "rent-diary"]) == 0
    page = mini / "docs/activities/rent-diary.md"
    # only the placeholders the contributor still has to replace: no section, step or timing finding
    assert {f.message for f in check(mini).findings} == {"placeholder 'TODO' still in the text"}
    text = page.read_text(encoding="utf-8")
    step = next(x for x in text.split("\n") if x.startswith("2. "))
    page.write_text(text.replace(step, step.replace("(25 min)", "(20 min)")), encoding="utf-8")
    errors = [str(f) for f in check(mini).findings if f.is_error]
    assert errors == ["docs/activities/rent-diary.md:5: the timed steps add up to 40 minutes but 'duration:' says 45 "
                      "(make the step times and duration: agree)"]


def test_a_new_translation_is_marked_until_translated(mini, capsys):
    config = str(mini / "mkdocs.yml")
    assert main(["-f", config, "new", "translation", HOUSING]) == 0
    assert "delete each '<!-- TODO: translate -->' once the text below it is translated" in capsys.readouterr().out
    target = mini / "docs/rights/housing.es.md"
    lines = target.read_text(encoding="utf-8").split("\n")
    markers = [n for n, text in enumerate(lines, start=1) if text == untranslated.MARKER]
    # one before each paragraph, the heading and the list of the English body
    assert len(markers) == 5 and all(lines[n].strip() for n in markers)
    findings = check(mini).findings
    assert [(f.path, f.line, f.severity) for f in findings] == [("docs/rights/housing.es.md", n, WARNING)
                                                               for n in markers]
    assert str(findings[0]) == (f"docs/rights/housing.es.md:{markers[0]}: warning: the text below this marker is not "
                                "translated yet (translate it, then delete the line '<!-- TODO: translate -->')")
    assert main(["-f", config, "check"]) == 0
    assert main(["-f", config, "check", "--strict"]) == 1
    target.write_text("\n".join(x for x in lines if x != untranslated.MARKER), encoding="utf-8")
    assert main(["-f", config, "check", "--strict"]) == 0


def test_markers_keep_notes_inside_their_block(mini, capsys):
    assert main(["-f", str(mini / "mkdocs.yml"), "new", "translation", LINE]) == 0
    text = (mini / "docs/activities/line.es.md").read_text(encoding="utf-8")
    assert f"!!! facilitator\n{NOTE}\n\n    {untranslated.MARKER}\n    Second paragraph" in text
    # the markers are the only findings: the note is still one block, indented as it must be
    assert {f.message for f in check(mini).findings} == {"the text below this marker is not translated yet"}


def test_serve_on_a_port_in_use_says_so_and_exits_1(mini, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["-f", str(mini / "mkdocs.yml"), "serve", "-a", f"127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert f"rightskit serve: 127.0.0.1:{port} is already in use" in err
    assert f"rightskit serve -a 127.0.0.1:{port + 1}" in err and "Traceback" not in err


def test_a_heading_right_below_a_note_is_not_taken_for_part_of_it(mini):
    note_end = "    Second paragraph of the note.\n"
    Seed("", [(LINE, f"{note_end}\n## Preparation", f"{note_end}## Preparation")], "").apply(mini)
    assert found(mini) == []


def test_a_root_cause_is_printed_first_and_what_is_independent_of_it_still_shown(mini):
    """A broken link in docs/ sorts before standards/, but the unreadable mechanisms.yml is printed
    first; the link, which has nothing to do with it, is still reported below it."""
    Seed("", [("standards/mechanisms.yml", "  kind: treaty body", "\tkind: treaty body"),
              (LINE, "Everyone takes a place on the line.", "See [the page](../rights/housin.md).")], "").apply(mini)
    assert found(mini) == [
        "standards/mechanisms.yml:4: malformed YAML: found character '\\t' that cannot start any token (check "
        "indentation, colons and quotes on this line and the one before); and 4 findings that follow from it, "
        "shown once this is fixed",
        "docs/activities/line.md:32: broken link: '../rights/housin.md' does not exist (did you mean "
        "'../rights/housing.md'?)"]


def test_each_root_cause_counts_what_follows_from_it(mini):
    Seed("", [("standards/mechanisms.yml", "- id: upr", "- id: cescr"),
              ("standards/issue-areas.yml", "  title: Housing", "  title: [Housing")], "").apply(mini)
    printed = found(mini)
    assert [line.split(" (")[0] for line in printed] == [
        "standards/issue-areas.yml:3: malformed YAML: expected ',' or ']', but got ':'",
        "standards/mechanisms.yml:8: duplicate mechanism id 'cescr'"]
    assert printed[0].endswith("; and 5 findings that follow from it, shown once this is fixed")
    assert printed[1].endswith("; and 3 findings that follow from it, shown once this is fixed")
