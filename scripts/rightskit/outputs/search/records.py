"""A built page prepared for the index: its indexable body split into records (instrument articles
and General Comments are results of their own), with the additions only the index needs."""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from rightskit.core import htmltext, languages
from rightskit.core.words import americanize, words
from rightskit.outputs.search.cache import Memo
from rightskit.outputs.search.indexedtext import indexed_text, long_words, text_and_piece_words
from rightskit.pages.catalog import KIND_LABELS, Entry


# A heading found on this many pages or more is template structure, not a topic: plain weight.
COMMON_HEADING_PAGES = 5

# Headings whose id starts a result of its own: articles of an instrument, General Comments.
SPLIT_IDS = re.compile(r"^(article|gc)-")

BUNDLE_DIR = "pagefind"  # where the index is written, relative to the site

# --- preparing a page for the index ------------------------------------------------------

_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"", re.I)
_BODY = re.compile(r"<div data-pagefind-body>")
_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>", re.S)
# The "last updated" box: excluded from the index (indexedtext.EXCLUDE), and on pages git has no history for
# it holds the build time to the second, which would make their records differ at every build.
_SOURCE_FILE = re.compile(r"<aside class=\"md-source-file\">.*?</aside>", re.S)


@dataclass
class Record:
    url: str  # as the browser gets it: /rights/housing/ or /standards/icescr/#article-11
    lang: str
    html: str
    areas: tuple[str, ...] = ()  # issue areas it is filed under
    # The long words of its indexed text, when the page's facts gave them (else the caller reads
    # them from `html`): what the typo-correction list counts.
    words: frozenset[str] | None = None


INDEX_ONLY = '<div class="rk-index-only" data-pagefind-ignore="index">'
LIST_PAGE = '<div class="rk-list-page"'  # a page of a complete list (templates/pages/list.md.j2): never a result


def language(page_html: str) -> str:
    match = _LANG.search(page_html)
    return match.group(1).split("-")[0].lower() if match else "unknown"


# Opens the words only the index needs, at the end of a record: Pagefind ranks them like the rest,
# and search.js makes excerpts only from the text before this element's position (its anchor).
INDEX_WORDS = "rk-index-words"


def _additions(entry: Entry, lang: str, areas: tuple[str, ...], extra_words: str, summary: str = "") -> str:
    """Filters, meta, the summary (when the page does not show it), aliases, keywords and other
    spellings for one record, as HTML Pagefind reads but nobody sees.

    Placed at the end of the record, after the INDEX_WORDS mark, so excerpts (search.js) come from
    the page's own text, never from these words."""
    labels = KIND_LABELS.get(lang, KIND_LABELS["en"])
    kind = html.escape(labels[entry.kind])
    parts = [f'<span data-pagefind-filter="type" data-pagefind-meta="type">{kind}</span>']
    parts += [f'<span data-pagefind-filter="area">{html.escape(a)}</span>' for a in areas]
    block = f'{INDEX_ONLY}{"".join(parts)}</div>'
    added = []
    # The page's summary, weighted above the body.
    if summary:
        added.append(f'<p data-pagefind-weight="5">{html.escape(summary)}</p>')
    aliases = list({a.lower(): a for a in reversed(entry.aliases)}.values())[::-1]
    if aliases:
        added.append(f'<p data-pagefind-weight="8">{html.escape(" · ".join(aliases))}</p>')
    if entry.keywords:
        added.append(f'<p data-pagefind-weight="2">{html.escape(" ".join(entry.keywords))}</p>')
    if extra_words:
        added.append(f'<p data-pagefind-weight="1">{html.escape(extra_words)}</p>')
    if added:
        block += f'<div id="{INDEX_WORDS}">{"".join(added)}</div>'
    return block


def _body_facts(body_and_summary: str) -> tuple[bool, str]:
    """For a page body and its summary (joined by NUL, the key of one memo entry, so an unchanged
    page is not parsed again): whether the body already shows the summary, and the American
    spellings of the British words of both."""
    body, _, summary = body_and_summary.rpartition("\0")
    text = htmltext.words(body)
    return bool(summary) and " ".join(summary.split())[:60] not in text, spelling_variants(text + " " + summary)


def spelling_variants(text: str) -> str:
    """American spellings of the British words in a text, to index alongside it."""
    found = {w for w in words(text)}
    return " ".join(sorted({americanize(w) for w in found} - found))


def _html_variants(fragment: str) -> str:
    return spelling_variants(htmltext.words(fragment))


def _split(body: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Cut the sections that are results of their own out of a page body.

    Returns the rest of the body and (anchor, heading text, section HTML) for each section; a
    section runs to the next heading of the same or a higher level."""
    heads = list(_HEADING.finditer(body))
    sections, rest, cursor = [], [], 0
    for i, head in enumerate(heads):
        if not SPLIT_IDS.match(head.group(2)) or head.start() < cursor:
            continue
        level = int(head.group(1))
        end = next((h.start() for h in heads[i + 1:] if int(h.group(1)) <= level), len(body))
        if end == len(body):  # the section ends where the page body does
            end = body.rfind("</div>") if body.rstrip().endswith("</div>") else len(body)
        rest.append(body[cursor:head.start()])
        title = htmltext.words(_PERMALINK.sub("", head.group(3)))
        sections.append((head.group(2), title, body[head.end():end]))
        cursor = end
    rest.append(body[cursor:])
    return "".join(rest), sections


def heading_text(inner_html: str) -> str:
    return htmltext.words(_PERMALINK.sub("", inner_html)).lower()


def common_headings(pages: list[str], at_least: int = COMMON_HEADING_PAGES) -> set[str]:
    """Headings that recur on many pages ("Overview", "Facilitator tips", "Sources"): they come
    from templates and say nothing about a page's topic."""
    counts: Counter[str] = Counter()
    for page_html in pages:
        counts.update({heading_text(h.group(3)) for h in _HEADING.finditer(page_html)})
    return {text for text, n in counts.items() if n >= at_least}


def _demote(body: str, common: set[str]) -> str:
    """Index recurring headings as body text instead of with a heading's weight."""
    def plain(match: re.Match) -> str:
        if heading_text(match.group(3)) not in common:
            return match.group(0)
        return match.group(0).replace(f"<h{match.group(1)}", f'<h{match.group(1)} data-pagefind-weight="1"', 1)

    return _HEADING.sub(plain, body) if common else body


def _body(page_html: str) -> str | None:
    """The indexable body of a page, without permalinks and the "last updated" box; None for a
    page outside the index (no body, or a list page)."""
    if not _BODY.search(page_html) or LIST_PAGE in page_html:
        return None
    page_html = _SOURCE_FILE.sub("", _PERMALINK.sub("", page_html))
    match = _BODY.search(page_html)
    end = page_html.find("</article>", match.end())
    return page_html[match.end():end]


def _rest_and_sections(body: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The body but its split sections, up to the end of the data-pagefind-body element, and the
    sections (see `_split`)."""
    rest, sections = _split(body)
    close = rest.rfind("</div>")  # the end of the data-pagefind-body element
    return (rest[:close] if close >= 0 else rest), sections


@dataclass(frozen=True)
class PageFacts:
    """What `records` and the word list read of a page by parsing it, found from the page alone
    (`page_facts`), so a build finds them while it writes its pages, on every core. Neither the
    recurring headings (`_demote` adds an attribute, which no text reader sees) nor the page's
    catalog entry change them: `records` adds what depends on those."""

    text: str  # the text of the body but its split sections (htmltext.words)
    variants: tuple[str, ...]  # American spellings of its British words, as spelling_variants finds them
    words: frozenset[str] | None  # its long indexed words (indexedtext.piece_words)
    sections: tuple[tuple[str, str, frozenset[str] | None], ...]  # (anchor, spelling variants, long words)

    def to_json(self) -> dict:
        def listed(found):
            return None if found is None else sorted(found)
        return {"text": self.text, "variants": list(self.variants), "words": listed(self.words),
                "sections": [[anchor, variants, listed(found)] for anchor, variants, found in self.sections]}

    @classmethod
    def from_json(cls, data: dict) -> PageFacts:
        def read(found):
            return None if found is None else frozenset(found)
        return cls(data["text"], tuple(data["variants"]), read(data["words"]),
                   tuple((anchor, variants, read(found)) for anchor, variants, found in data["sections"]))


def page_facts(page_html: str) -> PageFacts | None:
    """The facts of a built page (or its `indexable_part`); None for a page outside the index."""
    body = _body(page_html)
    if body is None:
        return None
    head = _document_head(language(page_html))
    rest, sections = _rest_and_sections(body)
    text, rest_words = text_and_piece_words(head, rest)
    found = set(words(text))
    read = [(anchor, *text_and_piece_words(head, section)) for anchor, _, section in sections]
    return PageFacts(text, tuple(sorted({americanize(w) for w in found} - found)), rest_words,
                     tuple((anchor, spelling_variants(section_text), section_words)
                           for anchor, section_text, section_words in read))


def _facts_with_summary(facts: PageFacts, summary: str) -> tuple[bool, str]:
    """`_body_facts` of the page's body and summary, from the page's facts: the summary's own
    words are the only ones left to read."""
    in_summary = set(words(summary))
    extra = {americanize(w) for w in in_summary} - in_summary
    if extra:  # British spellings in the summary (rare): unless the body has their American ones
        extra -= set(words(facts.text))
    spellings = " ".join(sorted((set(facts.variants) - in_summary) | extra))
    return bool(summary) and " ".join(summary.split())[:60] not in facts.text, spellings


def _with(own: frozenset[str] | None, lang: str, after: str) -> frozenset[str] | None:
    """A record's long words: those of its piece of the page, and those of what follows it."""
    return None if own is None else own | long_words(indexed_text(_document(lang, after)))


def records(page_html: str, url: str, entry: Entry | None, common: set[str] = frozenset(),
            memo: Memo | None = None, facts: PageFacts | None = None) -> list[Record]:
    """The records Pagefind indexes for one built page (none for pages outside the index).
    `facts`: the page's `page_facts`, when the build found them already; they give the same
    records, with their words."""
    # Keyed by the section's HTML, so an unchanged section is not parsed again.
    section_variants = ((lambda part: memo.get("section-spelling", part, _html_variants)) if memo
                        else _html_variants)
    lang = language(page_html)
    body = _body(page_html)
    if body is None or (entry and entry.ignore):
        return []
    entry = entry or Entry("page")
    # Pagefind gets the body alone: the navigation and header around it would only be parsed and
    # dropped, and they are most of a page's bytes (indexing 2,000 pages took minutes with them).
    rest, sections = _rest_and_sections(_demote(body, common))
    if facts is not None and ([anchor for anchor, _, _ in sections] != [anchor for anchor, _, _ in facts.sections]
                              or "\0" in entry.summary):
        facts = None  # not this page's facts (or a summary that `_body_facts` would cut): read it
    if facts is not None:
        show_summary, spellings = _facts_with_summary(facts, entry.summary)
    else:
        key = f"{rest}\0{entry.summary}"
        show_summary, spellings = memo.get("body", key, _body_facts) if memo else _body_facts(key)
    # The page's summary, unless the page already shows it.
    added = _additions(entry, lang, entry.areas, spellings, entry.summary if show_summary else "")
    out = [Record(url, lang, _document(lang, rest + added), entry.areas,
                  _with(facts.words, lang, added) if facts else None)]
    for i, (anchor, title, section) in enumerate(sections):
        label = section_title(entry.label, title, lang)
        areas = entry.part_areas.get(anchor, ())
        extra = facts.sections[i][1] if facts else section_variants(section)
        head = f"<h1>{html.escape(label)}</h1>"
        added = _additions(entry, lang, areas, extra)
        out.append(Record(f"{url}#{anchor}", lang, _document(lang, f"{head}{section}{added}"), areas,
                          _with(facts.sections[i][2], lang, head + added) if facts else None))
    return out


def section_title(label: str, heading: str, lang: str) -> str:
    """A section's result title: the page's short name, then the heading, as the site writes a
    reference in each language ("ICESCR Article 11: …", "PIDESC, artículo 11: …",
    "Comité DESC, observación general n.º 4 (1991): …")."""
    if not label:
        return heading
    if lang == "es":
        return f"{label}, {heading[:1].lower()}{heading[1:]}"
    return f"{label} {heading}"


def _document_head(lang: str) -> str:
    return f'<!doctype html><html lang="{html.escape(lang)}"><body><div data-pagefind-body>'


def _document(lang: str, body: str) -> str:
    return f"{_document_head(lang)}{body}</div></body></html>"

def indexable_part(page_html: str) -> str:
    """What `records` and `common_headings` read of a built page: its language, whether it is a
    list page, and its body, with any heading outside the body. Both give the same results for the
    part as for the page, and the part is a quarter of the page or less (the navigation is most of
    it), so a build keeps the parts of all its pages instead of reading them back whole."""
    lang = _LANG.search(page_html)
    head = f'<html lang="{lang.group(1)}">' if lang else ""
    if LIST_PAGE in page_html:
        head += LIST_PAGE + "></div>"
    match = _BODY.search(page_html)
    if not match:
        return head + "".join(h.group(0) for h in _HEADING.finditer(page_html))
    end = page_html.find("</article>", match.end())
    end = len(page_html) if end < 0 else end + len("</article>")
    outside = "".join(h.group(0) for h in (*_HEADING.finditer(page_html, 0, match.start()), *_HEADING.finditer(page_html, end)))
    return head + outside + page_html[match.start():end]


# The theme's 404 page, at the root and in each edition's folder (mkdocs/plugin.py on_post_template).
NOT_FOUND_PAGES = frozenset(languages.site_prefix(lang) + "404.html" for lang in languages.LANGUAGES)


def page_address(rel: str) -> str | None:
    """The address a built file is indexed under (site-relative, no leading slash), or None for
    files that are never results (the 404 pages, the root's and an edition's, Pagefind's own)."""
    if rel.startswith(f"{BUNDLE_DIR}/") or rel in NOT_FOUND_PAGES:
        return None
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
