"""What a participant packet adds to its handouts, drawn from the data and kept to this workshop:
the commitments its agenda's modules name in `standards:`, the articles its activities work with,
and a glossary of the terms it and those modules use. Nothing comes from what the modules merely
link to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rightskit.core import htmltext
from rightskit.core import languages
from rightskit.core import model as m
from rightskit.core import typography, xref
from rightskit.content import kitcheck
from rightskit.outputs.print import kit
from rightskit.pages.facilitator import strip_facilitator_notes

# The groups of the commitments table, in print order: what binds the US comes first.
GROUPS = ("ratified", "signed", "not signed", "ilo not ratified", "not a treaty")


@dataclass
class Commitment:
    instrument: m.Instrument
    status: str  # e.g. "Ratified by the US on 21 October 1994"
    binding_on_us: bool
    articles: list[m.Article]  # the articles the workshop's modules cite, else those on its issue areas
    # Signed or not signed: the first sentence of the instrument's US notes. Ratified: who reviews how
    # the US applies it (the group's note already says that ratified treaties bind the US; the first
    # sentence of their US notes said so again, at length, for each one).
    note: str
    group: str = "ratified"  # one of GROUPS


def page_limit(workshop: m.Workshop, large: bool = False) -> int:
    """The most pages a packet may run to (issue 20): eight in regular print, ten for a workshop
    over three hours; large print at most twice that (its real bound is twice the regular packet's
    own count, which the tests check)."""
    regular = 10 if workshop.total_minutes > 180 else 8
    return 2 * regular if large else regular


def status_text(inst: m.Instrument, _: languages.Strings | None = None) -> str:
    """Where the US stands on an instrument, in the language of the strings catalog `_`."""
    _ = _ or languages.strings(languages.DEFAULT)
    if not inst.binding:
        what = {"declaration": _("A declaration"), "principles": _("A set of principles")}.get(
            inst.kind, _(inst.kind).capitalize())
        return _("{what}, not a treaty: nothing to sign or ratify", what=what)
    if inst.us_ratified:
        return _("Ratified by the US on {date}", date=languages.human_date(inst.us_ratified, _.lang))
    if inst.kind == "ilo convention":
        return _("Not ratified by the US")  # ILO conventions are never signed
    if inst.us_signed:
        return _("Signed by the US on {date}; not ratified", date=languages.human_date(inst.us_signed, _.lang))
    return _("Not signed by the US")


def review_note(site: m.Site, inst: m.Instrument, _: languages.Strings | None = None) -> str:
    """Who reviews how the US applies a ratified agreement: its monitoring body, from the data."""
    _ = _ or languages.strings(languages.DEFAULT)
    body = site.mechanisms.get(inst.monitoring_body or "")
    return _("The {body} reviews how the US applies it.", body=body.name) if body else ""


def group_of(inst: m.Instrument) -> str:
    if not inst.binding:
        return "not a treaty"
    if inst.us_ratified:
        return "ratified"
    if inst.kind == "ilo convention":
        return "ilo not ratified"
    return "signed" if inst.us_signed else "not signed"


def first_sentence(text: str) -> str:
    """The first sentence of a note; "Ratificado por EE. UU. el 21 de octubre de 1994." is one."""
    return typography.first_sentence(text) or text


def agenda_modules(site: m.Site, workshop: m.Workshop) -> list[m.Module]:
    """The modules the agenda runs, in order: what the workshop itself is about."""
    ids = dict.fromkeys(item.module for item in workshop.agenda if item.module)
    return [mod for mod in (site.module(i) for i in ids) if mod is not None]


def standards_named(modules: list[m.Module], printed: dict[str, str] | None = None) -> list[str]:
    """The ids the modules give in `standards:`, once each (not what their text links to). For a
    talk whose packet prints only some sections (`printed`: {module id: that Markdown}), only the
    ones those sections cite."""
    out = []
    for mod in modules:
        text = (printed or {}).get(mod.id)
        cited = None if text is None else _cited(text)
        out += [ref.target for ref in mod.standards if cited is None or ref.target in cited]
    return list(dict.fromkeys(out))


def us_commitments(site: m.Site, modules: list[m.Module],
                   _: languages.Strings | None = None, printed: dict[str, str] | None = None) -> list[Commitment]:
    """Instruments the modules name in `standards:`, whole or by article (of a talk printed in part,
    those its printed sections cite: see standards_named); grouped by where the US stands (GROUPS),
    then by title."""
    named = set(standards_named(modules, printed))
    said = refs_in_text(modules, printed)
    out = []
    for inst in site.instruments.values():
        cited = [a for a in inst.articles if a.id in named]
        if inst.id not in named and not cited:
            continue
        # An agreement named whole lists the articles the printed pages cite, not every article on
        # the workshop's topics (eleven ICESCR articles ran a table over two pages); none cited: the
        # agreement as a whole.
        articles = cited or [a for a in inst.articles if a.id in said]
        group = group_of(inst)
        # An ILO convention the US has not ratified shares one explanation with the others of its group.
        note = (review_note(site, inst, _) if group == "ratified"
                else first_sentence(inst.us_notes) if group in ("signed", "not signed") else "")
        out.append(Commitment(inst, status_text(inst, _), bool(inst.us_ratified), articles, note, group))
    return sorted(out, key=lambda c: (GROUPS.index(c.group), natural_key(c.instrument.short_title)))


def natural_key(title: str) -> tuple:
    """A title's sort key with its numbers compared as numbers: the Spanish "Convenio núm. 29 de la
    OIT" comes before "Convenio núm. 100 de la OIT", as "ILO C029" comes before "ILO C100"."""
    return tuple(int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", title)))


def refs_in_text(modules: list[m.Module], printed: dict[str, str] | None = None) -> set[str]:
    """The [[id]] references in what the packet prints of the modules (a talk printed in part: those
    sections), facilitator notes left out."""
    out = set()
    for mod in modules:
        text = (printed or {}).get(mod.id)
        out |= _cited(strip_facilitator_notes(mod.body if text is None else text))
    return out


def cited_articles(site: m.Site, modules: list[m.Module]) -> list[m.Article]:
    """The articles the workshop's activities name in `standards:`: the ones participants work with."""
    articles = site.articles
    activities = [mod for mod in modules if mod.type == "activity"]
    return [articles[ref] for ref in standards_named(activities) if ref in articles]


_SECTION = re.compile(r"^## .*$", re.M)


def sections_of(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """A page's Markdown as its opening (before the first ## heading) and its (heading, section) pairs."""
    starts = [match.start() for match in _SECTION.finditer(markdown)]
    parts = [markdown[a:b] for a, b in zip(starts, [*starts[1:], len(markdown)])]
    return markdown[: starts[0] if starts else len(markdown)], [(p.split("\n", 1)[0][3:].strip(), p) for p in parts]


def talk_packet(module: m.Module, english: m.Module, names: list[str]) -> str | None:
    """What the packet prints of a short talk's page whose agenda item names its `packet:` sections:
    the opening and those sections, in the page's order. The names are the English headings; a
    translation keeps its sections in the English order, so they are found by position. None when
    nothing is named (the whole page is printed) or a translation does not line up. `packet: [Opening]`
    prints the opening alone."""
    if not names:
        return None
    # kitcheck.OPENING names the opening alone: it is always printed, so it names no section.
    _, english_sections = sections_of(english.body)
    wanted = {i for i, (heading, _) in enumerate(english_sections) if heading in names}
    opening, sections = sections_of(module.body)
    if len(sections) != len(english_sections):
        return None
    return opening + "".join(text for i, (_, text) in enumerate(sections) if i in wanted)


def talk_sections(workshop: m.Workshop) -> dict[str, list[str]]:
    """{module id: the sections its talk puts in the packet} for the agenda's talks that name them."""
    return {item.module: item.packet for item in workshop.agenda if item.module and item.packet}


def prints_key_points(names: list[str]) -> bool:
    """Whether the packet prints an activity's key points: always, unless its agenda item's `packet:`
    chooses what prints and leaves them out (they may repeat the activity's own handout)."""
    return not names or kitcheck.KEY_POINTS in names


def has_contacts(workshop: m.Workshop, modules: list[m.Module]) -> bool:
    """Whether the packet has a page to write down contacts and referrals. Every kit has a referral
    sheet the facilitator fills in; the packet repeats a place for local help unless the workshop is a
    training of trainers (its audience includes trainers) in which no activity asks for personal
    stories: there nobody is asked about a problem of their own, and the page only took space."""
    return "trainers" not in workshop.audience or any(kit.asks_for_own_stories(mod) for mod in modules)


_BULLET = re.compile(r"^\s*[-*] (.*)$", re.M)
# A bullet that starts with a link is an entry in a list of pages or sources, not a sentence.
_LINK_ENTRY = re.compile(r"^(\[\[[^\]]+\]\]|\[[^\]]+\]\()")


def without_link_lists(markdown: str) -> str:
    """A module's Markdown less its sections that are lists of links (sources, further reading,
    related pages): on paper they are a page of addresses nobody types. The site and the guide keep them."""
    starts = [match.start() for match in _SECTION.finditer(markdown)]
    parts = [markdown[a:b] for a, b in zip([0, *starts], [*starts, len(markdown)])]
    return "".join(part for part in parts if not (part.startswith("## ") and _is_link_list(part)))


def _is_link_list(section: str) -> bool:
    body = section.split("\n", 1)[1] if "\n" in section else ""
    bullets = _BULLET.findall(body)
    prose = [line for line in body.splitlines() if line.strip() and not _BULLET.match(line)
             and not line.startswith((" ", "\t"))]
    linked = [b for b in bullets if _LINK_ENTRY.match(b.strip())]
    return bool(bullets) and len(linked) * 5 >= len(bullets) * 3 and len(prose) <= 1


def _cited_ids(markdown: str) -> list[str]:
    """The id each of a text's [[id]] references cites, in order (an anchor left off; code and
    dated markers aside)."""
    return [ref.target.split("#", 1)[0] for ref in xref.find_refs(markdown)]


def _cited(markdown: str) -> set[str]:
    return set(_cited_ids(markdown))


def module_prose(site: m.Site, module: m.Module, body: str | None = None) -> str:
    """What a module says about the rights and the commitments: its text less facilitator notes,
    link lists and the sections that are about mechanisms (a packet has no page on mechanisms; the
    guide does)."""
    text = without_link_lists(strip_facilitator_notes(module.body if body is None else body))
    starts = [match.start() for match in _SECTION.finditer(text)]
    parts = [text[a:b] for a, b in zip([0, *starts], [*starts, len(text)])]
    return "".join(part for part in parts if not _about_mechanisms(site, part))


def _about_mechanisms(site: m.Site, section: str) -> bool:
    """Whether a section cites more mechanisms than standards."""
    refs = _cited_ids(section)
    mechanisms = sum(ref in site.mechanisms for ref in refs)
    return mechanisms > len(refs) - mechanisms


def plain_text(html: str) -> str:
    return htmltext.words(html)


def glossary_used(site: m.Site, text: str) -> list[m.GlossaryTerm]:
    """The glossary terms that occur in the text (case-sensitive, whole words), alphabetically."""
    used = [t for t in site.glossary if re.search(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", text)]
    return sorted(used, key=lambda t: typography.sort_key(t.term))
