"""Valid, labelled markup where Material's templates write otherwise (issue 21), on each built page.

The Nu HTML checker and pa11y find these in the theme's own markup, which base.html and the
navigation partials write outside any block a site can override:
- `autocomplete` on the drawer's checkbox (the attribute is for text fields);
- toggles no label operates, so checkboxes without a label: the search toggle, left by Material's
  built-in search, which this site replaces with its own box, and the table of contents' toggle on
  a page whose table is empty. They become hidden inputs (the theme's script looks the search
  toggle up, and its style sheet the other's siblings); unchecked, they change nothing;
- `tabindex=""` on the navigation's section labels (Material writes "0" or nothing at all);
- a label `for` a control the page does not have: the table of contents' title on a page whose
  navigation entry writes no `__toc` toggle (the home page, which hides its table of contents).

Everything touched is in the header and the sidebars, before the article, so only that part of
a page is parsed (with the standard library's HTML parser); the rest is copied as it is. Part
of the MkDocs adapter, with plugin.py.
"""
from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# Where the article starts in Material's base.html: the header, the tabs and both sidebars
# (navigation, table of contents) come before it.
CONTENT = '<div class="md-content"'


class _StartTags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[tuple[int, int], str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((self.getpos(), tag, attrs, self.get_starttag_text()))

    handle_startendtag = handle_starttag


def _fixed(tag: str, attrs: list[tuple[str, str | None]], ids: set[str],
           targets: set[str]) -> list[tuple[str, str | None]] | None:
    """The tag's attributes as they should be, or None when they are right already. `ids`: the
    page's; `targets`: those a label is for."""
    values = dict(attrs)
    out = attrs
    if (tag == "input" and values.get("type") == "checkbox" and "md-toggle" in (values.get("class") or "").split()
            and values.get("id") not in targets):
        out = [(k, "hidden" if k == "type" else v) for k, v in out if k != "autocomplete"]
    elif tag == "input" and values.get("type") == "checkbox" and "autocomplete" in values:
        out = [(k, v) for k, v in out if k != "autocomplete"]
    elif tag == "label":
        if values.get("tabindex", "0") in ("", None):
            out = [(k, v) for k, v in out if k != "tabindex"]
        if "for" in values and values["for"] not in ids:
            out = [(k, v) for k, v in out if k != "for"]
    return None if out == attrs else out


def _tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    return "<" + tag + "".join(f" {k}" if v is None else f' {k}="{escape(v)}"' for k, v in attrs) + ">"


def tidy(page_html: str) -> str:
    """The page with the theme's markup fixed as above."""
    end = page_html.find(CONTENT)
    end = len(page_html) if end < 0 else end
    parser = _StartTags()
    parser.feed(page_html[:end])
    ids = {value for _, _, attrs, _ in parser.tags for key, value in attrs if key == "id" and value}
    targets = {value for _, tag, attrs, _ in parser.tags if tag == "label" for key, value in attrs if key == "for"}
    rest = page_html[end:]
    ids |= {value for value in targets if value and f'id="{value}"' in rest}  # a control in the article
    lines = [0]  # where each line of the parsed part starts, for the parser's (line, column)
    at = page_html.find("\n", 0, end)
    while at >= 0:
        lines.append(at + 1)
        at = page_html.find("\n", at + 1, end)
    out, copied = [], 0
    for (line, column), tag, attrs, text in parser.tags:
        attrs_fixed = _fixed(tag, attrs, ids, targets & ids)
        if attrs_fixed is None:
            continue
        start = lines[line - 1] + column
        out += [page_html[copied:start], _tag(tag, attrs_fixed)]
        copied = start + len(text)
    out.append(page_html[copied:])
    return "".join(out)
