"""Marks set in generated Markdown and applied to the built HTML: the language of a passage, and
labels for task-list checkboxes. Plain string work on a built page; no MkDocs object needed."""
from __future__ import annotations

import itertools
import re
from html import escape

from rightskit.core import htmltext




_TASK = re.compile(r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox"[^>]*?)'
                   r'(/?>)(.*?)(?=<ul|<ol|</li>)', re.S)


def label_checkboxes(html: str) -> str:
    """Give each checklist box the text of its item as its accessible name (WCAG 4.1.2):
    pymdownx.tasklist leaves the box inside an empty label."""

    count = itertools.count(1)

    def name(match: re.Match) -> str:
        text = match.group(3)
        if ' lang="' in text:
            # Part of it is in another language (English on a Spanish page): an attribute cannot say
            # so, so the box is named by the text itself, whose marks screen readers follow.
            ident = f"rk-task-{next(count)}"
            control, _, words = text.rpartition("</label>")
            return (f'{match.group(1)} aria-labelledby="{ident}"{match.group(2)}{control}</label>'
                    f'<span id="{ident}">{words}</span>')
        label = escape(htmltext.words(text))
        return f'{match.group(1)} aria-label="{label}"{match.group(2)}{text}'

    return _TASK.sub(name, html)


# An untranslated page in another edition: its own text keeps its language (WCAG 3.1.2,
# language of parts), while the notice and panels around it are in the edition's language.
_LANG_START = "<!-- rk:lang {lang} -->"


_LANG_END = "<!-- rk:end-lang -->"


_LANG_MARK = re.compile(r"<!-- rk:lang ([a-z]{2}) -->|<!-- rk:end-lang -->")


def mark_language(body: str, head: str, lang: str, title: str) -> str:
    """The body with its title and its text marked as `lang`, and `head` between them. A body without
    a heading gets its title as one, so the theme does not add it outside the marked part."""
    match = re.search(r"^# .*$", body, re.M)
    title, rest = (body[: match.end()], body[match.end():]) if match else (f"# {title}", body)

    def wrap(text: str) -> str:
        return f"\n\n{_LANG_START.format(lang=lang)}\n\n{text.strip()}\n\n{_LANG_END}\n\n" if text.strip() else ""

    return wrap(title) + head + wrap(rest)


def apply_language_marks(html: str) -> str:
    """Turn the markers `mark_language` left into `<div lang="…">` elements."""
    return _LANG_MARK.sub(lambda match: f'<div lang="{match.group(1)}">' if match.group(1) else "</div>", html)
