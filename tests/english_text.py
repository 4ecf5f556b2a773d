"""Find English interface text in a Spanish page: the visible text outside `lang="en"` elements and
outside code, in runs of common English function words. Used by test_spanish_interface.py."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Words that are common in English prose and are not Spanish words (so "a", "no", "me", "son" are out).
ENGLISH = frozenset("""
the and of to for with this that these those is are was were be been has have had it its
on in by from at or an as into about than then there their they them you your we our us
which what when where who whom how why will would can could should may must not all any each
page pages here more read see also only other such both after before between under over
built licensed version edit open print download search skip content next previous back
""".split())

# Proper names and official English titles kept in English on purpose (names of organizations
# and of the project itself; an English official title with no official Spanish one is marked lang="en").
PROPER_NAMES = (
    "Rights at Home",
    "Human Rights Watch",
    "Creative Commons",
    "MIT License",
)

# Elements whose text is not prose a reader hears as interface text, or is marked as other language.
SKIP = {"code", "pre", "script", "style", "kbd", "samp", "svg", "template", "math"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes a screen reader speaks or a user sees (tooltips, placeholders, alt text).
SPOKEN = ("alt", "aria-label", "placeholder", "title")

WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
WINDOW = 5      # consecutive words looked at together
THRESHOLD = 2   # English function words in a window that make it English


@dataclass(frozen=True)
class Phrase:
    text: str


class _Text(HTMLParser):
    """Collects text chunks outside lang="en"/code, with attribute text of spoken attributes."""

    def __init__(self, skip: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = SKIP | skip
        self.stack: list[tuple[str, bool]] = []   # (tag, hidden-from-check)
        self.chunks: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = (values.get("lang") or "").lower()
        skip = self.skipping or tag in self.skip or lang.startswith("en") or (lang and not lang.startswith("es"))
        # the theme's previous/next links carry "Anterior: <title>" as their name, the title being
        # marked in the link's text; the label itself cannot be split by language
        footer = "md-footer__link" in (values.get("class") or "")
        if not skip and not footer:
            self.chunks.extend(values[name] for name in SPOKEN if values.get(name))
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        values = dict(attrs)
        if not self.skipping:
            self.chunks.extend(values[name] for name in SPOKEN if values.get(name))

    def handle_endtag(self, tag):
        # pop to the matching tag (HTML allows some unclosed elements, e.g. <p>, <li>)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(data)


def visible_text(html: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Text chunks of a page outside elements in another language, outside code and outside the
    elements named in `skip` (head included: the <title> is spoken)."""
    parser = _Text(skip)
    parser.feed(html)
    parser.close()
    return parser.chunks


def english_phrases(html: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every English-looking phrase in the page's own-language text (each reported once)."""
    found: list[str] = []
    for chunk in visible_text(html, skip):
        for name in PROPER_NAMES:
            chunk = chunk.replace(name, " · ")
        for segment in chunk.split(" · "):
            words = WORD.findall(segment)
            hits = [i for i, word in enumerate(words) if word.lower() in ENGLISH]
            for start in hits:
                inside = [i for i in hits if start <= i < start + WINDOW]
                if len(inside) >= THRESHOLD:
                    phrase = " ".join(words[max(0, start - 2): inside[-1] + 3])
                    if phrase not in found:
                        found.append(phrase)
                    break
    return found
