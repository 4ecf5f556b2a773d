"""The anchors (`#id`) a page will have once built, so links to them can be checked before the build.

Ids are collected from the page rendered by Python-Markdown with the same kinds of extensions the site
uses: headings get their ids from the toc extension's own slugify, `{ #id }` from attr_list, and HTML
written in the page keeps its ids. No MkDocs import: the core stays engine-independent.
"""
from __future__ import annotations

import re

import markdown

EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "def_list", "tables", "abbr",
              "pymdownx.details", "pymdownx.superfences"]
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def ids(text: str) -> set[str]:
    """Every id in the HTML a Markdown page renders to."""
    text = re.sub(r"\A---[ \t]*\n.*?\n---[ \t]*\n", "", text, count=1, flags=re.S)  # front matter is not content
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    return set(_ID.findall(html))
