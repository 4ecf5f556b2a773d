"""Handouts made fillable on paper: a list of yes/no questions becomes rows with Yes / No /
Not sure boxes, and a run of underscores becomes a line to write on."""
from __future__ import annotations

import re

_LIST = re.compile(r"<ul>\s*((?:<li>.*?</li>\s*)+)</ul>", re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_BLANK = re.compile(r"_{4,}")
ASKS_FOR_ANSWERS = re.compile(r"\bYes, No,? or Not sure\b", re.I)


def options(*labels: str) -> str:
    """Answer boxes, each kept on one line with its label."""
    return " ".join(f'<span class="opt"><span class="box">☐</span> {label}</span>' for label in labels)


def _answers() -> str:
    return f'<td class="answers">{options("Yes", "No", "Not sure")}</td>'


def fillable(html: str) -> str:
    """Writing lines for every blank; answer boxes for question lists when the text asks for them."""
    html = _BLANK.sub('<span class="blank" aria-label="space to write"></span>', html)
    if not ASKS_FOR_ANSWERS.search(html):
        return html

    def table(match: re.Match) -> str:
        items = _ITEM.findall(match.group(1))
        if not items or not all(re.sub(r"<[^>]+>", "", i).strip().endswith("?") for i in items):
            return match.group(0)
        rows = "".join(f"<tr><td>{item}</td>{_answers()}</tr>" for item in items)
        return ('<table class="worksheet"><thead><tr><th scope="col">Question</th><th scope="col">Your answer</th>'
                f"</tr></thead><tbody>{rows}</tbody></table>")

    return _LIST.sub(table, html)


def writing_lines(count: int) -> str:
    return '<div class="lines">' + '<div class="line"></div>' * count + "</div>"
