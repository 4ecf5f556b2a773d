"""Language marks on a built page of another edition, for what it still shows in English.

Material writes a page's title into the navigation, the previous/next footer links, the header and
the head; under /es/ an untranslated page's title is English, so those places are marked
lang="en" (WCAG 3.1.2), as render.mark_language already marks a fallback page's body."""
from __future__ import annotations

import posixpath
import re

# What render.mark_language leaves at the top of a fallback page's body, once converted.
_ENGLISH_BODY = re.compile(r'<div lang="en">\s*<h1')


def is_fallback(html: str) -> bool:
    """Whether the page's body is English text shown in another edition (render.mark_language)."""
    return bool(_ENGLISH_BODY.search(html))


_NAV_LINK = re.compile(r'<a href="([^"]*)"(\s+class="md-nav__link[^"]*")')
_FOOTER_LINK = re.compile(r'(<a href="([^"]*)"\s+class="md-footer__link[^"]*"[^>]*>.*?<div class="md-ellipsis")', re.S)


def mark_english_links(html: str, page_url: str, english_urls: frozenset[str], lang: str = "en") -> str:
    """`html` with navigation and footer links to `english_urls` (site-relative, e.g. es/contribute/)
    marked as `lang`. `page_url` is the site-relative address of the page holding the links."""
    def target(href: str) -> str:
        return _target(href, page_url)

    html = _NAV_LINK.sub(lambda m: m.group(0) + (f' lang="{lang}"' if target(m.group(1)) in english_urls else ""), html)
    def footer(m: re.Match) -> str:
        if target(m.group(2)) not in english_urls:
            return m.group(0)
        # the aria-label ("Anterior: <English title>") stays: on a phone the theme hides the link's text,
        # and the label is then its only name (axe link-name)
        return m.group(1) + f' lang="{lang}"'

    return _FOOTER_LINK.sub(footer, html)


def _target(href: str, page_url: str) -> str:
    """The site-relative address a link on the page at `page_url` leads to (without its #anchor)."""
    base = "/" + page_url
    href = href.split("#", 1)[0] or "./"  # a table-of-contents link points into the page itself
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, href))
    return joined.lstrip("/") + ("/" if href.endswith("/") and joined != "/" else "")


_CONTENT = re.compile(r'(<article class="md-content__inner[^>]*>)(.*?)(</article>)', re.S)
_BODY_LINK = re.compile(r'<a href="([^"#][^"]*)"([^>]*)>(.*?)</a>', re.S)


def mark_english_destinations(html: str, page_url: str, english_urls: frozenset[str], note: str,
                              lang: str = "en") -> str:
    """Links in the body of a page of another edition to a page shown in English: the link gets
    `hreflang`, and a visible note after it ("(en inglés)"), so a reader on a phone knows before
    tapping, as the `lang` mark alone tells only a screen reader. A fallback page's own English
    body is left alone: there the whole text is English already."""
    def link(m: re.Match) -> str:
        href, attributes, text = m.groups()
        if href.startswith(("http:", "https:", "mailto:")):
            return m.group(0)
        target = _target(href, page_url)
        if target not in english_urls or target == page_url:
            return m.group(0)
        if "hreflang=" not in attributes:
            attributes += f' hreflang="{lang}"'
        return f'<a href="{href}"{attributes}>{text}</a> <span class="rk-in-english">({note})</span>'

    def content(m: re.Match) -> str:
        return m.group(1) + _BODY_LINK.sub(link, m.group(2)) + m.group(3)

    return _CONTENT.sub(content, html, count=1)


_HEADER_TOPIC = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic">\s*<span class="md-ellipsis")')


def mark_english_title(html: str, lang: str = "en") -> str:
    """A page whose title is English in another edition (an untranslated record's generated page):
    its title in the head, the header and the navigation's entry for the page itself, which the
    theme writes outside the body, where the template has marked the title already."""
    html = html.replace("<title>", f'<title lang="{lang}">', 1)
    # the navigation's entry for the page itself opens its table of contents: a label, not a link
    html = html.replace('<label class="md-nav__link md-nav__link--active" for="__toc">',
                        f'<label class="md-nav__link md-nav__link--active" for="__toc" lang="{lang}">')
    return _HEADER_TOPIC.sub(lambda m: m.group(1) + f' lang="{lang}"', html, count=1)


def mark_english_page(html: str, lang: str = "en") -> str:
    """A page shown in English inside another edition: its title as in `mark_english_title`, and
    the sub-lists of its table of contents, named after the page's (English) headings (the table's
    own links are marked by `mark_english_links`, pointing into the page)."""
    html = html.replace('<nav class="md-nav" aria-label="', f'<nav class="md-nav" lang="{lang}" aria-label="')
    return mark_english_title(html, lang)


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_SPAN = re.compile(r'<span lang="([a-z]{2})">(.*?)</span>', re.S)


def mark_toc_parts(html: str) -> str:
    """Table-of-contents entries of headings that hold a part in another language (an untranslated
    article's title under "Artículo 28:"): the same part is marked in the entry. The theme writes the
    entry from the heading's text, so it would otherwise lose the mark."""
    for match in _HEADING.finditer(html):
        parts = _SPAN.findall(match.group(3))
        if not parts:
            continue
        entry = re.compile(rf'(<a href="#{re.escape(match.group(2))}" class="md-nav__link[^"]*">\s*'
                           rf'<span class="md-ellipsis">)(.*?)(</span>)', re.S)

        def mark(m: re.Match) -> str:
            text = m.group(2)
            for lang, part in parts:
                if part.strip() and "<" not in part:
                    text = text.replace(part, f'<span lang="{lang}">{part}</span>', 1)
            return m.group(1) + text + m.group(3)

        html = entry.sub(mark, html)
    return html
