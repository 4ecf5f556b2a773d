"""Deep links from instrument, article and mechanism pages to the official recommendation databases.

Built from documented URL patterns only; nothing here (or anywhere in the build) requests these sites.
- OHCHR treaty body database: the country page `Countries.aspx?CountryCode=<ISO 3166 alpha-3>&Lang=<EN|SP|FR…>`
  lists every report a state sent and every set of concluding observations, treaty by treaty.
- Universal Human Rights Index and SIMORE Interamericano: no stable, documented URL for a filtered
  search could be confirmed, so we link their entry page and say which filters to choose.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from rightskit.core import languages
from rightskit.core import model as m
COUNTRY = "USA"
COUNTRY_NAME = "United States of America"
TREATY_BODY_BASE = "https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/Countries.aspx"
UHRI_ENTRY = "https://uhri.ohchr.org/en/"
# The IACHR's announcement of the Inter-American SIMORE, which links the system itself.
SIMORE_ENTRY = "https://www.oas.org/en/iachr/media_center/PReleases/2020/132.asp"
UN_KINDS = ("treaty body", "charter-based", "special procedure")
NOT_UN = ("ilo-supervision",)


@dataclass(frozen=True)
class DeepLink:
    title: str
    url: str
    hint: str


def treaty_body_country(country: str = COUNTRY, lang: str = "EN") -> str:
    return f"{TREATY_BODY_BASE}?{urlencode({'CountryCode': country, 'Lang': lang})}"


def _system(site: m.Site, mechanism_id: str | None) -> str | None:
    """'un', 'oas' or None for a mechanism id, following part_of up to its parent."""
    mech = site.mechanisms.get(mechanism_id or "")
    if mech is None or mech.id in NOT_UN or mech.kind == "domestic":
        return None
    if mech.kind == "regional":
        return "oas"
    return "un" if mech.kind in UN_KINDS else None


# Titles and hints are in the page's language: `_` is a strings catalog (languages.strings; the
# Spanish words are in templates/strings/deeplinks.es.yml). The databases' own filter values (the
# country as they spell it) stay as the databases show them.

def _english():
    return languages.strings(languages.DEFAULT)


def _uhri(what: str, _) -> DeepLink:
    return DeepLink(_("Universal Human Rights Index"), UHRI_ENTRY,
                    _("UN recommendations to every country; choose the country '{country}'{what}.",
                      country=COUNTRY_NAME, what=what))


def _treaty_body(short_name: str, _) -> DeepLink:
    return DeepLink(_("UN treaty body database: the US page"), treaty_body_country(),
                    _("every US report and every set of concluding observations; look under {body}.",
                      body=short_name))


def _simore(what: str, _) -> DeepLink:
    return DeepLink("SIMORE Interamericano", SIMORE_ENTRY,
                    _("the IACHR's system for following up its recommendations (this announcement links it); "
                      "filter by country: United States{what}.", what=what))


def _search_for(text: str, _) -> str:
    return _(", and search for '{text}'", text=text)


def for_mechanism(site: m.Site, mech: m.Mechanism, _=None) -> list[DeepLink]:
    _ = _ or _english()
    system = _system(site, mech.id)
    if system == "oas":
        return [_simore("", _)] if mech.id == "iachr" else []
    if system != "un":
        return []
    links = [_uhri(_(" and the mechanism '{name}'", name=mech.short_name), _)]
    if mech.kind == "treaty body":
        links.append(_treaty_body(mech.short_name, _))
    return links


def for_instrument(site: m.Site, inst: m.Instrument, _=None) -> list[DeepLink]:
    _ = _ or _english()
    if inst.kind == "ilo convention":
        return []
    system = _system(site, inst.monitoring_body) if inst.monitoring_body else "un"
    if system == "oas":
        return [_simore(_(", and the right or topic you need from the {title}", title=inst.short_title), _)]
    if system != "un":
        return []
    links = [_uhri(_search_for(inst.short_title, _), _)]
    body = site.mechanisms.get(inst.monitoring_body or "")
    if body and body.kind == "treaty body" and inst.us_ratified:
        links.append(_treaty_body(body.short_name, _))
    return links


def for_article(site: m.Site, article: m.Article, _=None) -> list[DeepLink]:
    _ = _ or _english()
    inst = site.instruments[article.instrument_id]
    links = for_instrument(site, inst, _)
    if links and links[0].url == UHRI_ENTRY:
        label = _(f"{{short}} {inst.part} {{number}}", short=inst.short_title, number=article.number)
        links[0] = _uhri(_search_for(label, _), _)
    return links


def links_for(site: m.Site, target, _=None) -> list[DeepLink]:
    """The deep links of a page, with titles and hints in the language of `_` (English by default)."""
    if isinstance(target, m.Instrument):
        return for_instrument(site, target, _)
    if isinstance(target, m.Article):
        return for_article(site, target, _)
    if isinstance(target, m.Mechanism):
        return for_mechanism(site, target, _)
    return []
