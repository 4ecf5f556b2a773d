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
from typing import Callable

from rightskit.mkdocs.htmlscan import Chunks, Scan

# Where the article starts in Material's base.html: the header, the tabs and both sidebars
# (navigation, table of contents) come before it.
CONTENT = '<div class="md-content"'


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


def content_start(page_html: str) -> int:
    end = page_html.find(CONTENT)
    return len(page_html) if end < 0 else end


def fix(scan: Scan) -> None:
    """The changes that fix the theme's markup as above, added to `scan` (which has read at least
    the page's part before the article)."""
    end = content_start(scan.html)
    tags = [t for t in scan.tags if t.kind == "start" and t.start < end]
    ids = {value for t in tags for key, value in t.attrs if key == "id" and value}
    targets = {value for t in tags if t.name == "label" for key, value in t.attrs if key == "for"}
    rest = scan.html[end:]
    ids |= {value for value in targets if value and f'id="{value}"' in rest}  # a control in the article
    for t in tags:
        attrs_fixed = _fixed(t.name, list(t.attrs), ids, targets & ids)
        if attrs_fixed is not None:
            scan.replace(t.start, t.end, _tag(t.name, attrs_fixed))


def tidy(page_html: str, marks: Callable[[Scan], None] | None = None, chunks: Chunks | None = None) -> str:
    """The page with the theme's markup fixed as above (only the part before the article is read),
    and first, if given, the changes `marks` makes to a reading of the whole page (langmarks.mark):
    one reading for both. Should the two touch the same tag, the fixes are made on the marked page,
    as they would be one after the other. `chunks`: a build's memo of pieces of pages already read."""
    if marks is None:
        scan = Scan(page_html, stop=content_start(page_html), ends=False, chunks=chunks)
        fix(scan)
        return scan.result()
    scan = Scan(page_html, chunks=chunks)
    marks(scan)
    made = len(scan.edits)
    fix(scan)
    if scan.overlapping():
        del scan.edits[made:]
        return tidy(scan.result())
    return scan.result()
