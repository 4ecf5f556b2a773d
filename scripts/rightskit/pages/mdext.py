"""The site's own Markdown syntax as Python-Markdown extensions, for any engine that converts
pages with Python-Markdown: MkDocs through the rightskit plugin today, Zensical (which runs
Python-Markdown extensions but no MkDocs plugins) tomorrow, the print pipeline, a test.

- `ReferencesExtension`: `[[id]]` and `[[id|text]]` become links to the record's page, with its
  title on hover; `[[as-of:…]]` and `[[upcoming:…]]` become dates in words.
- `FacilitatorExtension`: a `??? facilitator` block becomes a folded block labelled for facilitators.
- `GlossaryExtension`: the glossary terms a page uses get their hover definitions (for `abbr`).
- `FirstMentionExtension`: each term's hover definition on its first mention in the page only.

All three rewrite the page's Markdown before any other step, as the plugin does, with the same
functions (`References.expand`, `facilitator.show_facilitator_notes`, `Glossary.definitions`), so
the two paths give the same page. Nothing here imports MkDocs.
"""
from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from rightskit.core import languages
from rightskit.core import markers
from rightskit.core import model as m
from rightskit.core import paths
from rightskit.core import xref
from rightskit.pages.facilitator import show_facilitator_notes

# After Python-Markdown's own clean-up of the text (normalize_whitespace, 30) and before fenced code
# (20-25) and raw HTML are stashed away: the expansion skips code itself, as it does in the plugin.
PRIORITY = 29
ZENSICAL_CONTEXT = "rendering_context"


def attribute_text(text: str) -> str:
    """A text made safe for a double-quoted attribute value in an attr_list."""
    return text.replace('"', "'").replace("\n", " ")


def label(site: m.Site, target: m.Target, strings=None) -> str:
    """The short name of a record, as a reference without its own text shows it ("ICESCR article 11")."""
    _ = strings or languages.strings(languages.DEFAULT)
    if isinstance(target, m.Article):
        inst = site.instruments[target.instrument_id]
        return _(f"{{short}} {inst.part} {{number}}", short=inst.short_title, number=target.number)
    if isinstance(target, m.Instrument):
        return target.short_title
    if isinstance(target, m.GeneralComment):
        body = site.mechanisms.get(target.body)
        prefix = body.short_name if body else target.body.upper()
        return _("{body} General Comment No. {number}", body=prefix, number=target.number)
    return target.short_name


class References:
    """Expands references and dated markers for one edition of a site: `site` as readers of `lang`
    see it (translations.localize)."""

    def __init__(self, site: m.Site, lang: str = languages.DEFAULT):
        self.site = site
        self.lang = lang
        self._ = languages.strings(lang)

    def label(self, target: m.Target) -> str:
        return label(self.site, target, self._)

    def expand(self, here: str, markdown: str) -> str:
        """`markdown` of the page at `here` (docs-relative) with its references as relative links."""

        def render(ident: str, text: str | None) -> str:
            target = self.site.target(ident)
            if target is None:  # validation has already reported it
                return text or ident
            title = target.title if isinstance(target, (m.Article, m.Instrument, m.GeneralComment)) else target.name
            words = (text or self.label(target)).replace("[", "").replace("]", "")
            if isinstance(title, languages.Fallback) and title.lang != self.lang:
                # an attribute cannot be marked as English apart from the Spanish link it sits on
                return f'[{words}]({paths.link_from(here, target)})'
            # The title goes through attr_list: a Markdown link title cannot hold parentheses.
            return f'[{words}]({paths.link_from(here, target)}){{ title="{attribute_text(title)}" }}'

        expanded = markers.render(xref.expand(markdown, render), lang=self.lang)
        return _lower_general_comment(expanded) if self.lang == "es" else expanded


# In Spanish a General Comment's name takes a capital only where it starts a title or an entry; after
# "la" it is a common noun: "la observación general n.º 4 del Comité DESC" (the style sheet's rule).
_GENERAL_COMMENT_AFTER_LA = re.compile(r"\b([Ll]a \[)Observación general\b")


def _lower_general_comment(markdown: str) -> str:
    return _GENERAL_COMMENT_AFTER_LA.sub(r"\1observación general", markdown)


def used_terms(terms: list[m.GlossaryTerm], markdown: str | None,
               patterns: dict[str, re.Pattern] | None = None) -> list[m.GlossaryTerm]:
    """The terms that can occur in the page's text: the abbr extension matches a term between word
    boundaries in text, and that text comes from the Markdown, so this keeps every term it would
    mark. Snippets pull in text from other files: such a page keeps every term."""
    if markdown is None or "--8<--" in markdown:
        return list(terms)
    patterns = {} if patterns is None else patterns
    used = []
    for t in terms:
        at = markdown.find(t.term)  # cheap test first; most terms are absent from most pages
        if at >= 0:
            pattern = patterns.get(t.term) or patterns.setdefault(t.term, re.compile(rf"\b{re.escape(t.term)}\b"))
            # No match starts before the term's first occurrence; `\b` there still looks at the
            # character before it (the regex engine checks the text, not where the search begins).
            if pattern.search(markdown, at):
                used.append(t)
    return used


class Glossary:
    """Hover definitions of a site's glossary terms, as abbr extension definitions."""

    def __init__(self, terms: list[m.GlossaryTerm]):
        self.terms = terms
        self._patterns: dict[str, re.Pattern] = {}

    def definitions(self, markdown: str | None = None) -> str:
        """The definitions of the terms `markdown` uses (all of them when None), to append to it.

        Each definition costs every page that carries it (parsing, and one more alternative in the
        regular expression run over every text node), so a page carries only its own terms."""
        lines = []
        for term in used_terms(self.terms, markdown, self._patterns):
            meaning = f"{term.expansion}: {term.definition}" if term.expansion else term.definition
            lines.append(f"*[{term.term}]: {attribute_text(' '.join(meaning.split()))}")
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""


class _Rewrite(Preprocessor):
    """Hands the whole page to `rewrite` once, as the plugin's on_page_markdown does."""

    def __init__(self, md: Markdown, rewrite):
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, lines: list[str]) -> list[str]:
        return self.rewrite("\n".join(lines)).split("\n")


class ReferencesExtension(Extension):
    """`[[id]]`, `[[id|text]]` and dated markers. Links are relative to the page being converted:
    `page` when given (an engine that converts several pages with one Markdown instance sets it,
    or calls `for_page`, each time), else the page Zensical records in its rendering context."""

    def __init__(self, **kwargs):
        self.config = {
            "site": ["", "the site model (rightskit.core.model.Site), localized to `lang`"],
            "lang": [languages.DEFAULT, "the language of the edition being built"],
            "page": ["", "the docs-relative path of the page being converted"],
        }
        super().__init__(**kwargs)
        if not self.getConfig("site"):  # not None by default: Python-Markdown would turn a site into True
            raise ValueError("ReferencesExtension needs the site model: ReferencesExtension(site=...)")
        self.references = References(self.getConfig("site"), self.getConfig("lang"))

    def for_page(self, page: str) -> ReferencesExtension:
        self.setConfig("page", page)
        return self

    def expand(self, markdown: str, md: Markdown | None = None) -> str:
        return self.references.expand(self.page(md), markdown)

    def page(self, md: Markdown | None = None) -> str:
        if self.getConfig("page"):
            return self.getConfig("page")
        # Zensical registers a "rendering_context" preprocessor holding the page in every Markdown
        # instance it converts a page with (zensical/extensions/context.py); read, not imported.
        known = md is not None and ZENSICAL_CONTEXT in md.preprocessors
        context = md.preprocessors[ZENSICAL_CONTEXT] if known else None
        path = getattr(getattr(context, "page", None), "path", None)
        if not path:
            raise ValueError("ReferencesExtension: which page is being converted? Give `page`, or convert "
                             "through an engine that records it (Zensical)")
        return str(path).replace("\\", "/")

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_Rewrite(md, lambda text: self.expand(text, md)), "rightskit_references", PRIORITY)


class FacilitatorExtension(Extension):
    """`??? facilitator` (or `!!!`) blocks folded and labelled, as the site shows them; needs the
    admonition and pymdownx.details extensions to become a details block."""

    def __init__(self, **kwargs):
        self.config = {"label": ["For facilitators", "the block's title, in the page's language"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Just after the references, as the plugin relabels the blocks of the expanded text.
        md.preprocessors.register(_Rewrite(md, lambda text: show_facilitator_notes(text, self.getConfig("label"))),
                                  "rightskit_facilitator", PRIORITY - 0.5)


class GlossaryExtension(Extension):
    """Hover definitions for the glossary terms the page uses; needs the abbr extension, and runs
    after the references and facilitator blocks, as the plugin looks for terms in their result."""

    def __init__(self, **kwargs):
        self.config = {"site": ["", "the site model (rightskit.core.model.Site), localized to the page's language"]}
        super().__init__(**kwargs)
        if not self.getConfig("site"):
            raise ValueError("GlossaryExtension needs the site model: GlossaryExtension(site=...)")
        self.glossary = Glossary(self.getConfig("site").glossary)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_Rewrite(md, lambda text: text + self.glossary.definitions(text)),
                                  "rightskit_glossary", PRIORITY - 0.75)
        FirstMentionExtension().extendMarkdown(md)


class _FirstMention(Treeprocessor):
    """Unwrap every `<abbr>` but the first of each term: the text stays, the hover definition goes.
    Terms in a definition list's terms (the glossary page's entries) keep theirs."""

    def run(self, root):
        seen: set[str] = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for node in list(root.iter("abbr")):
            term = "".join(node.itertext())
            if parents[node].tag == "dt":  # a glossary's own entry keeps its mark, wherever the term came first
                continue
            if term not in seen:
                seen.add(term)
                continue
            parent = parents[node]
            index = list(parent).index(node)
            text = (node.text or "") + (node.tail or "")
            for child in node:  # an abbr holds text only, but keep anything nested all the same
                parent.insert(index, child)
                index += 1
            if index > 0:
                previous = parent[index - 1]
                previous.tail = (previous.tail or "") + text
            else:
                parent.text = (parent.text or "") + text
            parent.remove(node)


FIRST_MENTION = "rightskit.pages.mdext:FirstMentionExtension"  # its name in a list of Markdown extensions


class FirstMentionExtension(Extension):
    """Each glossary term marked once a page, on its first mention. A page of housing rights says
    "UPR" dozens of times; one hover definition is enough, and each one costs the theme's tooltip
    script time on the main thread when the page opens. Runs after the abbr extension (priority 7)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(_FirstMention(md), "rightskit_first_mention", 6.9)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks up for `rightskit.pages.mdext`
    return ReferencesExtension(**kwargs)
