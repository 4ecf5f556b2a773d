"""What a complete participant packet adds to its handouts, drawn from the data: the commitments
that apply to the US for the workshop's issue areas, the articles its handouts cite, and a glossary
of only the terms it uses."""
from __future__ import annotations

import html as htmlmod
import re
from dataclasses import dataclass

from rightskit.core import languages
from rightskit.core import model as m
from rightskit.core import typography


@dataclass
class Commitment:
    instrument: m.Instrument
    status: str  # e.g. "Ratified 21 October 1994"
    binding_on_us: bool
    articles: list[m.Article]  # the articles on this workshop's issue areas
    note: str  # the first sentence of the instrument's US notes


def status_text(inst: m.Instrument, _: languages.Strings | None = None) -> str:
    """Where the US stands on an instrument, in the language of the strings catalog `_`."""
    _ = _ or languages.strings(languages.DEFAULT)
    if not inst.binding:
        what = {"declaration": _("A declaration"), "principles": _("A set of principles")}.get(
            inst.kind, _(inst.kind).capitalize())
        return _("{what}, not a treaty: nothing to sign or ratify", what=what)
    if inst.us_ratified:
        return _("Ratified by the US on {date}", date=languages.human_date(inst.us_ratified, _.lang))
    if inst.us_signed:
        return _("Signed by the US on {date}; not ratified", date=languages.human_date(inst.us_signed, _.lang))
    return _("Not signed by the US")


def first_sentence(text: str) -> str:
    """The first sentence of a note; "Ratificado por EE. UU. el 21 de octubre de 1994." is one."""
    return typography.first_sentence(text) or text


def us_commitments(site: m.Site, issue_areas: list[str], modules: list[m.Module],
                   _: languages.Strings | None = None) -> list[Commitment]:
    """Instruments with an article on one of the issue areas, or cited by the modules; those that
    bind the US first, then by title."""
    cited = {ref for mod in modules for ref in mod.cited()}
    out = []
    for inst in site.instruments.values():
        articles = [a for a in inst.articles if set(a.issue_areas) & set(issue_areas)]
        if not articles and inst.id not in cited and not any(a.id in cited for a in inst.articles):
            continue
        note = first_sentence(inst.us_notes) if inst.binding else ""  # the others' notes repeat the status
        out.append(Commitment(inst, status_text(inst, _), bool(inst.us_ratified), articles, note))
    return sorted(out, key=lambda c: (not c.binding_on_us, not c.instrument.binding, c.instrument.short_title))


def cited_articles(site: m.Site, modules: list[m.Module]) -> list[m.Article]:
    articles = site.articles
    seen = dict.fromkeys(ref for mod in modules for ref in mod.cited() if ref in articles)
    return [articles[ref] for ref in seen]


def plain_text(html: str) -> str:
    html = re.sub(r"<(style|head)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(htmlmod.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def glossary_used(site: m.Site, text: str) -> list[m.GlossaryTerm]:
    """The glossary terms that occur in the text (case-sensitive, whole words), alphabetically."""
    used = [t for t in site.glossary if re.search(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", text)]
    return sorted(used, key=lambda t: typography.sort_key(t.term))
