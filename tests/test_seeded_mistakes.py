"""Mistakes that used to pass `rightskit check` silently (issue 22), each seeded on its own into
the valid mini project: each must be reported at its own `path:line`, with a message naming the
cause and a hint, and with nothing reported before it (or beside it: the mini project is clean).
In order of harm: facilitator notes that reach participants, raw HTML and images, activities off
the template, heading jumps and references in link text, hand-written generated pages, steps off
the timed format, translations left untranslated, and a preview port already in use."""
from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import check
from rightskit.cli.main import main
from rightskit.content.i18n import untranslated
from rightskit.core.findings import WARNING

LINE = "docs/activities/line.md"
HOUSING = "docs/rights/housing.md"
TEMPLATE = ("activities keep the sections of the template, in order: Overview, Preparation, Steps, "
            "Debriefing questions, Facilitator tips, Follow-up and action ideas")


@dataclass
class Seed:
    name: str
    edits: list  # (file, text to replace or None to write the file, new text or bytes)
    expected: str

    def apply(self, root: Path) -> None:
        for file, old, new in self.edits:
            path = root / file
            if old is None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
                continue
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {file}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


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
]


def found(root: Path) -> list[str]:
    return [str(f) for f in check(root).findings]


def test_the_mini_project_is_clean(mini):
    """What makes 'nothing else is reported' mean something."""
    assert found(mini) == []


def test_seeds_are_distinct():
    assert len({s.name for s in SEEDS}) == len(SEEDS)
    assert len({s.expected for s in SEEDS}) == len(SEEDS)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seeded_mistake_is_reported_at_its_own_line(mini, seed):
    seed.apply(mini)
    assert found(mini) == [seed.expected]


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
