"""Checks on what a page's Markdown puts on the site: raw HTML the privacy and accessibility rules
forbid (iframes, scripts, style elements and attributes), images (alt text, no other site's
images, a size limit), heading levels that skip, a cross-reference inside a link's text, and a
code block never closed."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

from rightskit.core import model as m
from rightskit.core import paths
from rightskit.core import xref
from rightskit.core.findings import Finding

IMAGE_LIMIT_KB = 500  # an image over this is slow on a phone; `image_limit_kb:` in mkdocs.yml changes it

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
# A Markdown image: ![alt](src "title"); the src may be written in <...>.
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?")
# A link whose text holds [[id]]: [see [[upr]]](...).
_XREF_IN_LINK = re.compile(r"(?<!!)\[[^\[\]]*(\[\[[^\[\]]+\]\])[^\[\]]*\]\(")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_FORBIDDEN_TAGS = {
    "iframe": ("an <iframe> loads another site into the page, and the site makes no request to a third-party "
               "host (privacy)", "link to it instead, e.g. [Watch the video](https://...)"),
    "script": ("a <script> runs code in the page that no one has reviewed for privacy or accessibility",
               "leave it out; interactive features belong in overrides/ and are reviewed there"),
    "style": ("a <style> element overrides the site's styles, which are checked for contrast, dark mode and "
              "print (accessibility)", "leave it out; styles belong in overrides/ and are reviewed there"),
}


def prose_lines(body: str) -> Iterable[tuple[int, str]]:
    """(1-based line, text) of each body line outside fenced code."""
    fence = None
    for number, text in enumerate(body.split("\n"), start=1):
        marker = _FENCE.match(text)
        if fence or marker:
            if marker:
                fence = None if fence == marker.group(1) else (fence or marker.group(1))
            continue
        yield number, text


def unclosed_fence(body: str) -> tuple[int, str] | None:
    """(1-based line, marker) of a code fence that is never closed: Markdown then shows the rest of
    the page as code, and every section below it goes missing."""
    fence, opened = None, 0
    for number, text in enumerate(body.split("\n"), start=1):
        marker = _FENCE.match(text)
        if marker and fence is None:
            fence, opened = marker.group(1), number
        elif marker and marker.group(1) == fence:
            fence = None
    return (opened, fence) if fence else None


def headings(body: str) -> list[tuple[int, int, str]]:
    """(line, level, text) of each ATX heading outside code (at most three spaces of indentation)."""
    out = []
    for number, text in prose_lines(body):
        if text.startswith(("    ", "\t")):
            continue
        match = _HEADING.match(text.lstrip(" "))
        if match:
            out.append((number, len(match.group(1)), match.group(2)))
    return out


def check(pages: Iterable[m.Module], docs: Path, image_limit_kb: int = IMAGE_LIMIT_KB) -> list[Finding]:
    """`pages`: English pages and translations alike; `docs`: the docs folder, for image sizes."""
    out: list[Finding] = []
    for module in pages:
        if fence := unclosed_fence(module.body):
            line, marker = fence
            out.append(Finding(module.source.path, module.body_line + line - 1,
                               f"this code block ({marker}) is never closed, so the rest of the page is shown as code",
                               f"add a line with {marker} where the code ends"))
        out += _html(module, docs, image_limit_kb)
        out += _images(module, docs, image_limit_kb)
        out += _heading_levels(module)
        out += _xrefs_in_link_text(module)
    return sorted(out, key=lambda f: (f.path, f.line))


def _prose_text(body: str) -> str:
    """The body with code (fenced blocks and code spans) blanked out, lines kept where they are:
    HTML shown as an example in code is not HTML on the page."""
    lines = [""] * (body.count("\n") + 1)

    def keep(text: str, number: int) -> str:
        lines[number - 1] += text + " "
        return text

    xref.outside_code(body, keep)
    return "\n".join(lines)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, dict]] = []  # (line, tag, attributes)

    def handle_starttag(self, tag, attrs):
        self.tags.append((self.getpos()[0], tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _html(module: m.Module, docs: Path, limit_kb: int) -> list[Finding]:
    body = module.body
    if "<" not in body:  # most pages: no HTML at all
        return []
    path, offset = module.source.path, module.body_line - 1
    parser = _Tags()
    parser.feed(_prose_text(body))
    parser.close()
    out = []
    for line, tag, attrs in parser.tags:
        if tag in _FORBIDDEN_TAGS:
            message, hint = _FORBIDDEN_TAGS[tag]
            out.append(Finding(path, line + offset, message, hint))
        if "style" in attrs:
            out.append(Finding(path, line + offset, f"inline style attribute on <{tag}>: it overrides the site's "
                               "styles, which are checked for contrast, dark mode and print (accessibility)",
                               "remove style=\"...\"; ask for a class in overrides/ if the page needs one"))
        if tag == "img":
            out += _image(module, line + offset, attrs.get("src") or "", attrs.get("alt"), docs, limit_kb, html=True)
    return out


def _images(module: m.Module, docs: Path, limit_kb: int) -> list[Finding]:
    if "![" not in module.body:
        return []
    out = []
    offset = module.body_line - 1
    for text, number in xref.prose_with(module.body, "!["):
        for match in _IMAGE.finditer(text):
            out += _image(module, number + offset, match.group(2), match.group(1), docs, limit_kb)
    return out


def _image(module: m.Module, line: int, src: str, alt: str | None, docs: Path, limit_kb: int,
           html: bool = False) -> list[Finding]:
    path = module.source.path
    out = []
    if not (alt or "").strip():
        where = ('in alt="...", e.g. <img src="rally.jpg" alt="Tenants at a rally">' if html
                 else "in the brackets, e.g. ![Tenants at a rally](rally.jpg)")
        out.append(Finding(path, line, f"image '{src}' has no alt text: screen readers skip it or read its file "
                           f"name", f"describe what it shows {where}"))
    if _EXTERNAL.match(src):
        out.append(Finding(path, line, f"image from another site: '{src}' (the site makes no request to a "
                           "third-party host)", "save the image (if its license allows) next to the page under docs/ "
                           "and link it relatively"))
    elif src and not src.startswith(("data:", "/")):
        target = paths.resolve_relative(module.path, src)
        file = docs / target if target else None
        if file is not None and file.is_file() and file.stat().st_size > limit_kb * 1024:
            size = round(file.stat().st_size / 1024)
            out.append(Finding(path, line, f"image '{src}' is {size} KB, over the {limit_kb} KB limit: slow on a "
                               "phone", f"resize or compress it below {limit_kb} KB (e.g. 1200 pixels wide, "
                               "JPEG quality 80 or WebP)"))
    return out


def _heading_levels(module: m.Module) -> list[Finding]:
    """Screen reader users move by heading level: a skipped level reads as a missing section.
    The page title (from 'title:') is the level 1 heading."""
    path, offset = module.source.path, module.body_line - 1
    out, previous = [], 1
    for line, level, text in headings(module.body):
        if level > previous + 1:
            out.append(Finding(path, line + offset, f"heading level jumps from {previous} to {level} "
                               f"('{'#' * level} {text}')", f"use '{'#' * (previous + 1)}' here, or add the level "
                               "between: screen readers move by heading level"))
        previous = level
    return out


def _xrefs_in_link_text(module: m.Module) -> list[Finding]:
    path, offset = module.source.path, module.body_line - 1
    return [Finding(path, number + offset, f"cross-reference {match.group(1)} inside the text of a link: "
                    "it becomes a link inside a link, which browsers break apart",
                    f"use the cross-reference alone, with your own words if needed: "
                    f"[[{match.group(1)[2:-2].split('|')[0]}|your words]]; or write the link text without it")
            for text, number in xref.prose_with(module.body, "[[") for match in _XREF_IN_LINK.finditer(text)]
