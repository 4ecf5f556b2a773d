"""Handouts made fillable on paper: a list of yes/no questions becomes rows with Yes / No /
Not sure boxes, and a run of underscores becomes a line to write on."""
from __future__ import annotations

import re

from rightskit.core import htmltext
from rightskit.core import languages
_LIST = re.compile(r"<ul>\s*((?:<li>.*?</li>\s*)+)</ul>", re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_BLANK = re.compile(r"_{4,}")
ASKS_FOR_ANSWERS = re.compile(r"\bYes, No,? or Not sure\b", re.I)


def _asks_for_answers(_: languages.Strings) -> re.Pattern:
    """'Mark Yes, No or Not sure' in the handout's own language (the comma before 'or' is optional)."""
    if _.lang == languages.DEFAULT:
        return ASKS_FOR_ANSWERS
    words = [re.escape(_(w)) for w in ("Yes", "No", "Not sure")]
    return re.compile(rf"\b{words[0]}, {words[1]},? {re.escape(_('or'))} {words[2]}(?!\w)", re.I)


def options(*labels: str) -> str:
    """Answer boxes, each kept on one line with its label."""
    return " ".join(f'<span class="opt"><span class="box">☐</span> {label}</span>' for label in labels)


def _answers(_: languages.Strings) -> str:
    return f'<td class="answers">{options(_("Yes"), _("No"), _("Not sure"))}</td>'


def fillable(html: str, _: languages.Strings | None = None) -> str:
    """Writing lines for every blank; answer boxes for question lists when the text asks for them.
    `_` is the strings catalog of the handout's language (English when left out)."""
    _ = _ or languages.strings(languages.DEFAULT)
    html = _BLANK.sub(f'<span class="blank" aria-label="{_("space to write")}"></span>', html)
    if not _asks_for_answers(_).search(html):
        return html

    def table(match: re.Match) -> str:
        items = _ITEM.findall(match.group(1))
        if not items or not all(htmltext.text(i).strip().endswith("?") for i in items):
            return match.group(0)
        rows = "".join(f"<tr><td>{item}</td>{_answers(_)}</tr>" for item in items)
        return (f'<table class="worksheet"><thead><tr><th scope="col">{_("Question")}</th>'
                f'<th scope="col">{_("Your answer")}</th></tr></thead><tbody>{rows}</tbody></table>')

    return _LIST.sub(table, html)


def writing_lines(count: int) -> str:
    return '<div class="lines">' + '<div class="line"></div>' * count + "</div>"
