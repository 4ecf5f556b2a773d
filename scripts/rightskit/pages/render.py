"""Turn the model into Markdown pages, page additions and JSON, through the Jinja2 templates
in templates/pages/. Nothing here knows about MkDocs: the plugin hands these to it."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

import jinja2

from rightskit.pages import deeplinks
from rightskit.content import cardsets, freshness
from rightskit.core import languages
from rightskit.core import listing
from rightskit.core import markers
from rightskit.content import pathways
from rightskit.pages import finder
from rightskit.core import paths
from rightskit.core import schema
from rightskit.pages import catalog
from rightskit.content.i18n import translations
from rightskit.core import typography
from rightskit.core import model as m
from rightskit.pages.environment import LANGUAGE_NAMES, environment
from rightskit.pages.facilitator import show_facilitator_notes
from rightskit.pages.mdext import Glossary, References
from rightskit.pages.htmlmarks import mark_language

@dataclass
class Page:
    path: str  # docs-relative, e.g. standards/icescr.md
    content: str
    source: str | None  # project-relative file it was generated from, for "edit this page"
    english_title: bool = False  # in another edition, its title is still English (untranslated record)


def length_bucket(minutes: int) -> str:
    if minutes <= 120:
        return "Up to 2 hours"
    if minutes <= 240:
        return "Half day (2 to 4 hours)"
    return "Full day (over 4 hours)"


def end_time(workshop: m.Workshop) -> dt.time:
    start = dt.datetime.combine(dt.date(2000, 1, 1), workshop.start)
    return (start + dt.timedelta(minutes=workshop.total_minutes)).time()


def workshop_modules(site: m.Site, workshop: m.Workshop) -> list[m.Module]:
    return [mod for mod in (site.module(i) for i in workshop.module_ids()) if mod is not None]


def human_date(value: dt.date | None, lang: str = "en") -> str:
    return languages.human_date(value, lang)


human_minutes = languages.human_minutes


class Renderer:
    """Renders pages for one site; `here` is the page being written, for relative links."""

    def __init__(self, site: m.Site, env: jinja2.Environment | None = None, lang: str = languages.DEFAULT, *,
                 today: dt.date | None = None, review_age_months: int = freshness.DEFAULT_REVIEW_AGE_MONTHS,
                 sizes: listing.ListSizes | None = None):
        # `site` is the site as readers of `lang` see it: translations.localize(site, lang).
        self.site = site
        self.directory_urls = True  # False in the offline kit, where pages are .html files
        self.env = env or environment()
        self.citations = site.citations()
        self.lang = lang
        self._ = languages.strings(lang)
        self.references = References(site, lang)
        self.glossary = Glossary(site.glossary)
        self.today = today or dt.date.today()  # for the review page; tests pass a frozen date
        self.review_age_months = review_age_months
        self.sizes = sizes or listing.ListSizes()
        self._lists: dict[str, listing.Listing] | None = None
        self._list_paths: frozenset[str] | None = None

    # -- helpers available to templates --------------------------------------------------
    def _context(self, here: str, **values) -> dict:
        return dict(site=self.site, here=here, link=lambda target: paths.link_from(here, target),
                    cited_in=lambda ident: self.cited_in(ident), label=self.label,
                    asset=lambda path: asset_link(here, path, self.lang, self.directory_urls), type_names=m.TYPE_NAMES,
                    pdf_name=self.pdf_name, english_pdf=self.english_pdf, length_bucket=length_bucket,
                    end_time=end_time,
                    modules=lambda w: workshop_modules(self.site, w),
                    has_wall_cards=lambda w: cardsets.has_wall_cards(workshop_modules(self.site, w)),
                    deep_links=lambda target: deeplinks.links_for(self.site, target, self._),
                    finder_mechanisms={p.mechanism for p in self.site.pathways.values()},
                    finder_link=posixpath.relpath(paths.FINDER_PAGE, posixpath.dirname(here) or "."),
                    shorten=self.shorten, page_link=lambda page: _relative(here, page),
                    _=self._, lang=self.lang, **values)

    def pdf_name(self, kind: str, ident: str, paper: str) -> str:
        """The PDF a page of this language links to: the translated one when it exists, else the English."""
        if self.lang != languages.DEFAULT:
            record = self.site.workshops.get(ident) if kind != "handout" else self.site.module(ident)
            if record is not None and translations.is_translated(self.site, self.lang, record):
                return pdf_path(kind, ident, paper, self.lang)
        return paths.pdf_name(kind, ident, paper)

    def english_pdf(self, kind: str, ident: str) -> bool:
        """Whether a page of this language links the English PDF, there being none in its language."""
        return self.lang != languages.DEFAULT and self.pdf_name(kind, ident, "letter") == paths.pdf_name(
            kind, ident, "letter")

    def cited_in(self, ident: str) -> list:
        return sorted(self.citations.get(ident, []), key=lambda x: (isinstance(x, m.Workshop), x.title.lower()))

    def label(self, target: m.Target) -> str:
        return self.references.label(target)

    def _render(self, template: str, here: str, **values) -> str:
        # Dated markers may sit in any YAML text field, so every generated page shows them as dates.
        return markers.render_body(self.env.get_template(f"pages/{template}").render(self._context(here, **values)),
                                   self.lang)

    # -- generated pages ---------------------------------------------------------------
    def pages(self) -> list[Page]:
        site = self.site
        out = [
            Page(paths.STANDARDS_INDEX, self._render("instruments.md.j2", paths.STANDARDS_INDEX,
                                                      instruments=sorted(site.instruments.values(),
                                                                         key=lambda i: (i.kind, i.adopted or dt.date.max))),
                 "standards/instruments/"),
            Page(paths.GENERAL_COMMENTS_INDEX, self._render("general-comments-index.md.j2", paths.GENERAL_COMMENTS_INDEX,
                                                             groups=self.comment_groups()), "standards/general-comments/"),
            Page(paths.MECHANISMS_INDEX, self._render("mechanisms.md.j2", paths.MECHANISMS_INDEX,
                                                       kinds=m.MECHANISM_KINDS,
                                                       kind_titles=m.MECHANISM_KIND_TITLES), "standards/mechanisms.yml"),
            Page(paths.GLOSSARY, self._render("glossary.md.j2", paths.GLOSSARY,
                                              terms=sorted(site.glossary, key=lambda t: typography.sort_key(t.term))),
                 "standards/glossary.yml"),
            Page(paths.WORKSHOPS_INDEX, self._render("workshops.md.j2", paths.WORKSHOPS_INDEX,
                                                      workshops=sorted(site.workshops.values(), key=lambda w: w.title)),
                 "curricula/"),
        ]
        out.append(Page(paths.ALL_PAGES, self._render(
            "all-pages.md.j2", paths.ALL_PAGES, groups=self.catalog(),
            link_to=lambda page: posixpath.relpath(page, posixpath.dirname(paths.ALL_PAGES) or ".")), None))
        out.append(self.review_page())
        for inst in site.instruments.values():
            here = paths.instrument_page(inst)
            out.append(Page(here, self._render("instrument.md.j2", here, i=inst, interpreters=self.interpreters()),
                            inst.source.path, self.is_english(inst.title)))
        for body, comments in self.comment_groups().items():
            here = paths.general_comments_page(body)
            out.append(Page(here, self._render("general-comments.md.j2", here, body=site.mechanisms.get(body),
                                               body_id=body, comments=comments), comments[0].source.path))
        for mech in site.mechanisms.values():
            if not mech.guide:
                here = paths.mechanism_page(mech)
                out.append(Page(here, self._render("mechanism.md.j2", here, mech=mech, guide=False),
                                mech.source.path, self.is_english(mech.short_name)))
        for workshop in site.workshops.values():
            here = paths.workshop_page(workshop)
            out.append(Page(here, self._render("workshop.md.j2", here, w=workshop), workshop.source.path,
                            self.is_english(workshop.title)))
        if site.translations:
            editions = self.translation_status()
            readers = {lang: translations.reader_coverage(pages) for lang, pages in editions.items()}
            out.append(Page(TRANSLATIONS_PAGE, self._render("translations.md.j2", TRANSLATIONS_PAGE,
                                                            editions=editions, readers=readers), "docs/"))
        if site.pathways:
            here = paths.FINDER_PAGE
            context = finder.page_context(site, lambda target: paths.link_from(here, target), self._)
            out.append(Page(here, self._render("finder.md.j2", here, **context), pathways.PATHWAYS_FILE))
        out += self.list_pages()
        # The contributors' reference comes from schema.py; its source is code, so no edit link.
        out += [Page(path, self.untranslated(content), None, self.lang != languages.DEFAULT)
                for path, content in schema.reference_pages(self.env)]
        return out

    def is_english(self, title: str) -> bool:
        """Whether a title is English shown in this edition (a record not yet translated)."""
        return isinstance(title, languages.Fallback) and title.lang != self.lang

    def untranslated(self, content: str) -> str:
        """A generated page that exists only in English (the contributors' reference): in another
        edition it is shown like an untranslated page, with the notice and its text marked English."""
        if self.lang == languages.DEFAULT:
            return content
        match = re.match(r"\A---\n.*?\n---\n", content, re.S)
        front, body = (content[: match.end()], content[match.end():]) if match else ("", content)
        notice = self.env.get_template("pages/untranslated.md.j2").render(_=self._)
        return front + mark_language(body, notice, languages.DEFAULT, "")

    def catalog(self) -> list:
        """catalog.catalog with the titles of General Comment pages in this page's language."""
        def title(text: str, page: str) -> str:
            body = posixpath.basename(page)[:-3]
            if page.startswith("standards/general-comments/") and body != "index":
                mech = self.site.mechanisms.get(body)
                return self._("{body} General Comments", body=mech.short_name if mech else body.upper())
            return text

        return [(heading, [(title(t, p), p) for t, p in items]) for heading, items in catalog.catalog(self.site)]

    def translation_status(self) -> dict[str, list]:
        return {lang: translations.status(self.site, lang) for lang in self.site.translations}
    def review_page(self) -> Page:
        """For maintainers: what needs review on `self.today`, oldest first, then every dated record."""
        here = paths.REVIEW
        content = self._render("review.md.j2", here, today=self.today, age=self.review_age_months,
                               due=self.due(), records=self.reviewed(), rel=lambda page: _relative(here, page))
        # for maintainers, in English only: in another edition it is shown as an untranslated page
        return Page(here, self.untranslated(content), None, self.lang != languages.DEFAULT)

    def due(self) -> list:
        return freshness.due(self.site, self.today, self.review_age_months)

    def reviewed(self) -> list:
        """Every dated record, oldest review first: the next ones to check."""
        return sorted(freshness.reviewed_records(self.site), key=lambda r: (r.reviewed or dt.date.min, r.kind,
                                                                            r.title.lower()))

    def comment_groups(self) -> dict[str, list[m.GeneralComment]]:
        groups: dict[str, list[m.GeneralComment]] = {}
        for gc in sorted(self.site.general_comments.values(), key=lambda g: (g.body, g.number)):
            groups.setdefault(gc.body, []).append(gc)
        return groups

    def interpreters(self) -> dict[str, list[m.GeneralComment]]:
        """For each article or instrument id, the General Comments that interpret it."""
        index: dict[str, list[m.GeneralComment]] = {}
        for gc in sorted(self.site.general_comments.values(), key=lambda g: (g.body, g.number)):
            for target in gc.interprets:
                index.setdefault(target, []).append(gc)
        return index

    # -- additions to hand-written pages ---------------------------------------------
    def page_markdown(self, module: m.Module, markdown: str) -> str:
        """The Markdown MkDocs renders for a hand-written page: references expanded,
        facilitator notes marked, generated panels and lists added."""
        here = module.path
        if module.lang == self.lang:  # an untranslated page keeps its English titles with its English text
            markdown = admonition_titles(markdown, self._)
        body = show_facilitator_notes(self.expand(here, markdown), self._("For facilitators"))
        head, tail = "", ""
        if module.lang != self.lang:  # an untranslated page shown in this language's edition
            head = self._render("untranslated.md.j2", here, module=module)
        area = next((a for a in self.site.issue_areas.values() if a.hub == here), None)
        if area:
            lists = self.hub_lists(area)
            mechanisms = self._render("hub-mechanisms.md.j2", here, area=area, **lists)
            # One "Mechanisms to use" section: the generated list ends the hand-written one, if any.
            body, placed = append_to_section(body, self._("Mechanisms to use"), mechanisms)
            tail = self._render("hub.md.j2", here, area=area, mechanisms_section="" if placed else mechanisms,
                                number=self.number, **lists)
        if here == paths.TAGS:
            tags = [(area, self.lists()[f"tag:{area.id}"], self.pages_count(len(pages)))
                    for area, pages in self.tag_lists()]
            tail = self._render("tags.md.j2", here, tags=tags)
        mech = next((x for x in self.site.mechanisms.values() if x.guide == here), None)
        if mech:
            head = self._render("mechanism-panel.md.j2", here, mech=mech)
            tail = self._render("mechanism.md.j2", here, mech=mech, guide=True)
        if module.type == "activity" or module.handout:
            head = self._render("module-panel.md.j2", here, module=module,
                                workshops=self.site.workshops_using(module.id)) + head
        if module.reviewed:
            head = self._render("reviewed.md.j2", here, value=module.reviewed) + head
        if module.lang != self.lang:
            page = mark_language(body, head, module.lang, module.title) + ("\n\n" + tail if tail else "")
        else:
            page = insert_after_title(body, head) + ("\n\n" + tail if tail else "")
        return page + self.abbreviations(page)

    def hub_lists(self, area: m.IssueArea) -> dict:
        site = self.site
        articles = [a for a in site.articles.values() if area.id in a.issue_areas]
        article_ids = {a.id for a in articles}
        comments = [g for g in site.general_comments.values() if article_ids & set(g.interprets)]
        modules = [x for x in site.modules.values() if area.id in x.issue_areas and x.is_module and x.path != area.hub]
        # The hub's own choice first (its front matter's order, then its text's); then those several
        # other pages in this area cite, most cited first; not every mechanism the site knows on every hub.
        hub = site.modules[area.hub]
        relevant = [t for t in dict.fromkeys(r.target for r in hub.mechanisms + hub.inline_refs) if t in site.mechanisms]
        counts: dict[str, int] = {}
        for x in modules:
            for t in x.cited():
                if t in site.mechanisms and t not in relevant:
                    counts[t] = counts.get(t, 0) + 1
        others = sorted((t for t in counts if counts[t] >= HUB_OTHER_MECHANISM_PAGES),
                        key=lambda t: (-counts[t], site.mechanisms[t].short_name.lower()))
        workshops = [w for w in site.workshops.values() if area.id in w.issue_areas]
        by_type = {t: sorted([x for x in modules if x.type == t], key=lambda x: x.title)
                   for t in m.MODULE_TYPES if any(x.type == t for x in modules)}
        return dict(articles=articles, comments=sorted(comments, key=lambda g: g.number),
                    mechanisms=[site.mechanisms[t] for t in relevant],
                    other_mechanisms=[site.mechanisms[t] for t in others], modules_by_type=by_type, workshops=workshops)

    # -- long lists: the first items where they appear, the rest on pages of their own ----------
    def shorten(self, key: str, items: list) -> tuple[list, listing.Listing | None]:
        """The items a list shows where it appears, and its complete list when that is longer.

        `key` names the list as `lists()` does ("cited:icescr/11", "hub:housing:explainer",
        "all:Explainers"); a hub shows its most relevant modules, in the order of the full list."""
        full = self.lists().get(key)
        if full is None:
            return list(items), None
        cap = self._cap(key)
        if key.startswith("hub:"):
            area = key.split(":")[1]
            keep = {id(x) for x in sorted(items, key=lambda x: _relevance(x, area))[:cap]}
            return [x for x in items if id(x) in keep], full
        return list(items[:cap]), full

    def _cap(self, key: str) -> int:
        # Lists of titles alone and table rows cost less an item than pages with their summaries.
        kind = key.split(":")[0]
        if kind in ("review", "translations"):
            return self.sizes.table
        return self.sizes.overview if kind == "all" else self.sizes.preview

    def lists(self) -> dict[str, listing.Listing]:
        """Every complete list the site needs, by key: those longer than what their page shows,
        and one for each tag (the tag links of every page lead there)."""
        if self._lists is None:
            candidates = [*self._cited_lists(), *self._hub_and_tag_lists(), *self._catalog_lists(),
                          *self._maintainer_lists()]
            self._lists = {key: full for key, full in candidates
                           if key.startswith("tag:") or len(full) > self._cap(key)}
        return self._lists

    def _cited_lists(self):
        _, count = self._, self.number
        for ident, citing in self.citations.items():
            target = self.site.target(ident)
            if target is None:
                continue
            page, anchor = paths.page_of(target)
            name = self.label(target)
            yield f"cited:{ident}", listing.Listing(
                posixpath.join(listing.folder_of(page), "cited-in", anchor).rstrip("/"),
                _("Pages citing {name}", name=name),
                _("All {count} pages citing {name}", count=count(len(citing)), name=name),
                tuple(self.cited_in(ident)), "titles", page + (f"#{anchor}" if anchor else ""), name)

    def _hub_and_tag_lists(self):
        _, count = self._, self.number
        for area in self.site.issue_areas.values():
            for kind, modules in self.hub_lists(area)["modules_by_type"].items():
                name, topic = _(m.TYPE_NAMES[kind]), area.title.lower()
                yield f"hub:{area.id}:{kind}", listing.Listing(
                    posixpath.join(listing.folder_of(area.hub), TYPE_SLUGS[kind]),
                    _("{kind} on {area}", kind=name, area=topic),
                    _("All {count} {kind} on {area}", count=count(len(modules)), kind=name.lower(), area=topic),
                    tuple(modules), "pages", area.hub, area.title)
        for area, pages in self.tag_lists():
            yield f"tag:{area.id}", listing.Listing(
                tag_folder(area), _("Pages tagged {tag}", tag=area.title), self.pages_count(len(pages)),
                tuple(pages), "pages", paths.TAGS, _("Tags"))

    def _catalog_lists(self):
        _, count = self._, self.number
        for heading, items in self.catalog():
            yield f"all:{heading}", listing.Listing(
                posixpath.join(listing.folder_of(paths.ALL_PAGES), heading.lower().replace(" ", "-")),
                _("All pages: {kind}", kind=_(heading)),
                _("All {count} {kind}", count=count(len(items)), kind=_(heading).lower()),
                tuple(items), "catalog", paths.ALL_PAGES, _("All pages"))

    def _maintainer_lists(self):
        _, count = self._, self.number
        here = listing.folder_of(paths.REVIEW)
        due, records = self.due(), self.reviewed()
        yield "review:due", listing.Listing(
            posixpath.join(here, "due"), _("Records that need review"),
            _("All {count} records that need review", count=count(len(due))),
            tuple(due), "due", paths.REVIEW + "#needs-review", _("Review"))
        yield "review:all", listing.Listing(
            posixpath.join(here, "by-date"), _("Records by review date"),
            _("All {count} records, by review date", count=count(len(records))),
            tuple(records), "review", paths.REVIEW + "#by-review-date", _("Review"))
        for lang, pages in (self.translation_status().items() if self.site.translations else ()):
            yield f"translations:{lang}", listing.Listing(
                posixpath.join(listing.folder_of(TRANSLATIONS_PAGE), lang),
                _("Translation status: {language}", language=_(LANGUAGE_NAMES.get(lang, lang))),
                _("All {count} pages and their translation status", count=count(len(pages))),
                tuple(pages), "translations", f"{TRANSLATIONS_PAGE}#{lang}", _("Translations"))

    def tag_lists(self) -> list[tuple[m.IssueArea, list[m.Module]]]:
        """Each issue area that tags a page, with the pages it tags (every module filed under it), by
        title; none on a site without a tags page (docs/tags.md) for them to belong to."""
        if paths.TAGS not in self.site.modules:
            return []
        modules = sorted((x for x in self.site.modules.values() if x.issue_areas), key=lambda x: x.title.lower())
        tagged = [(area, [x for x in modules if area.id in x.issue_areas]) for area in self.site.issue_areas.values()]
        return [(area, pages) for area, pages in tagged if pages]

    def list_pages(self) -> list[Page]:
        out = []
        for full in self.lists().values():
            for part in listing.split(full, self.sizes.page):
                out.append(Page(part.path, self._render("list.md.j2", part.path, p=part, full=full,
                                                        number=self.number, pages_count=self.pages_count,
                                                        page_size=self.sizes.page), None))
        return out

    def is_list_page(self, path: str) -> bool:
        if self._list_paths is None:
            self._list_paths = frozenset(part.path for full in self.lists().values()
                                         for part in listing.split(full, self.sizes.page))
        return path in self._list_paths

    def number(self, value: int) -> str:
        return languages.human_number(value, self.lang)

    def pages_count(self, value: int) -> str:
        return self._("1 page") if value == 1 else self._("{count} pages", count=self.number(value))

    def expand(self, here: str, markdown: str) -> str:
        """References and dated markers expanded: the work of mdext.ReferencesExtension, which an
        engine without the plugin runs instead."""
        return self.references.expand(here, markdown)

    def abbreviations(self, markdown: str | None = None) -> str:
        """Hover definitions for the glossary terms `markdown` uses (all of them when None)."""
        return self.glossary.definitions(markdown)


TYPE_SLUGS = {"issue area": "issue-areas", "mechanism guide": "mechanism-guides", "toolkit": "toolkits",
              "activity": "activities", "explainer": "explainers", "case": "case-studies", "page": "pages"}


def tag_folder(area: m.IssueArea) -> str:
    """Where the pages tagged with an issue area are listed: tags/<area id>/."""
    return posixpath.dirname(paths.tag_page(area))


def _relevance(module: m.Module, area: str) -> tuple:
    """How central a module is to an issue area, most central first: filed under it first, then
    filed under fewer areas (a page on housing alone before one touching every right)."""
    return (module.issue_areas[:1] != [area], len(module.issue_areas), module.title.lower())


# --- facilitator notes -------------------------------------------------------------------


# --- HTML touch-ups ----------------------------------------------------------------------


# --- small helpers -----------------------------------------------------------------------


# An admonition written without a title (`!!! tip`) is titled by the Markdown extension with its
# type, in English ("Tip"); a translated page gets the catalog's word (`admonition.tip`), on the
# site (page_markdown) and in print (pdf.Printer.module_html).
_UNTITLED_ADMONITION = re.compile(r'^(?P<head>[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<type>[a-z]+))[ \t]*$', re.M)


def admonition_titles(markdown: str, _: languages.Strings) -> str:
    if _.lang == languages.DEFAULT or ("!!!" not in markdown and "???" not in markdown):
        return markdown

    def title(match: re.Match) -> str:
        key = f"admonition.{match.group('type')}"
        return f'{match.group("head")} "{_(key)}"' if _.has(key) else match.group(0)

    return _UNTITLED_ADMONITION.sub(title, markdown)


def _attr(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def insert_after_title(markdown: str, block: str) -> str:
    """Put a block after the page's first heading, or at the top when there is none."""
    if not block:
        return markdown
    match = re.search(r"^# .*$", markdown, re.M)
    if match:
        return markdown[: match.end()] + "\n\n" + block + "\n" + markdown[match.end():]
    return block + "\n" + markdown


# A mechanism the hub does not name is listed on it when at least this many pages in its area cite it:
# one or two citations are a passing mention (a rapporteur on health named on a housing activity).
HUB_OTHER_MECHANISM_PAGES = 3


def append_to_section(markdown: str, heading: str, block: str) -> tuple[str, bool]:
    """Put `block` at the end of the level-2 section titled `heading` (any case, an attribute list
    allowed); whether there was one. Headings inside fenced code do not count."""
    lines = markdown.split("\n")
    fence, start = "", None
    title = re.compile(rf"^##\s+{re.escape(heading)}\s*(\{{.*\}})?\s*$", re.I)
    for n, line in enumerate(lines):
        mark = re.match(r"^\s*(```|~~~)", line)
        if mark:
            fence = "" if fence == mark.group(1) else (fence or mark.group(1))
            continue
        if fence:
            continue
        if start is None and title.match(line):
            start = n
        elif start is not None and re.match(r"^#{1,2}\s", line):
            return "\n".join(lines[:n] + [block, ""] + lines[n:]), True
    if start is None:
        return markdown, False
    return markdown.rstrip("\n") + "\n\n" + block + "\n", True


def _relative(here: str, page: str) -> str:
    """A relative Markdown link from one docs page to another ('page.md#anchor')."""
    target, _, anchor = page.partition("#")
    relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def asset_link(here: str, site_path: str, lang: str = languages.DEFAULT, directory_urls: bool = True) -> str:
    """A link from a page to a built file (a PDF, the JSON) that MkDocs does not know about.

    Pages are served as directories (`workshops/x/`, `es/workshops/x/`), so the link climbs from there;
    in the offline kit (no directory URLs) a page is a file (`workshops/x.html`) beside its folder."""
    page = paths.url_of(here).rstrip("/") if directory_urls else posixpath.dirname(here)
    page_dir = (languages.site_prefix(lang) + page).rstrip("/")
    return posixpath.relpath(site_path, page_dir or ".")


TRANSLATIONS_PAGE = paths.TRANSLATIONS


def pdf_path(kind: str, ident: str, paper: str, lang: str) -> str:
    """Where a PDF in `lang` is written: English ones in pdf/, Spanish ones in es/pdf/."""
    return languages.site_prefix(lang) + paths.pdf_name(kind, ident, paper)


