"""Printable PDFs: workshop facilitator guides, participant packets and module handouts.

Each document is first rendered to one self-contained HTML string (templates/handouts/);
its hash is the cache key, so a PDF is rendered again only when something it shows changed.
WeasyPrint may fetch nothing but data: URIs, so rendering never touches the network.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import segno

from rightskit.core import edition as ed
from rightskit.infra.progress import QUIET, Progress
from rightskit.outputs.print.endnotes import add_endnotes
from rightskit.outputs.print.worksheet import fillable, options, writing_lines
from rightskit.core import model as m
from rightskit.core import languages
from rightskit.content import cardsets
from rightskit.outputs import offline as offline_files
from rightskit.outputs.print import kit, largeprint, packet
from rightskit.core import paths
from rightskit.content.i18n import translations
from rightskit.core import typography
from rightskit.core import xref
from rightskit.core.languages import human_minutes
from rightskit.pages import officiallinks
from rightskit.pages.facilitator import print_facilitator_notes, strip_facilitator_notes
from rightskit.pages.render import Renderer, admonition_titles, end_time, pdf_path, workshop_modules

PAPERS = {"letter": "Letter", "a4": "A4"}
# Packets and handouts also come in large print: US Letter with 18 pt body text.
LARGE_PRINT = ("large-print", "Letter")
# Bump when a change to this module alters the output without changing the HTML.
RENDERER_VERSION = "2"

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tasklist"]


@dataclass(frozen=True)
class Document:
    name: str  # site-relative output path, e.g. pdf/housing-human-right-guide-letter.pdf
    title: str
    html: str

    @property
    def key(self) -> str:
        return hashlib.sha256((renderer_version() + self.html).encode("utf-8")).hexdigest()


@functools.cache
def renderer_version() -> str:
    """What turns a document's HTML into its PDF besides the HTML: WeasyPrint's version and the
    layout chooser's code (layout.py picks a variant by rendering). A change to either renders
    every PDF again instead of reusing a cached one that no longer matches."""
    from importlib.metadata import version

    chooser = hashlib.sha256((Path(__file__).parent / "layout.py").read_bytes()).hexdigest()[:16]
    return f"{RENDERER_VERSION}/{version('weasyprint')}/{chooser}"


@dataclass
class Report:
    rendered: int = 0
    cached: int = 0
    files: list[Path] = field(default_factory=list)
    rendered_names: list[str] = field(default_factory=list)


class Printer:
    """Builds the HTML of every printable document of a site, in one language: `site` is the site as
    readers of `lang` see it (translations.localize), and only translated documents are printed in it."""

    def __init__(self, site: m.Site, site_url: str, edition: ed.Edition | None = None, lang: str = languages.DEFAULT,
                 offline: bool = False, english: m.Site | None = None):
        self.site = site
        self.english = english or site  # the site in English: a talk's `packet:` sections are English headings
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        # The offline kit has no web address to give: its PDFs name the file in the unzipped
        # folder each link opens, and print no QR code (see `absolute`).
        self.offline = offline
        self.edition = edition or ed.Edition(ed.version(), ed.build_date(), self.site_url)
        self.lang = lang
        self._ = languages.strings(lang)
        self.renderer = Renderer(site, lang=lang)
        self.env = self.renderer.env
        self.env.filters["qr"] = qr_data_uri

    def absolute(self, page: str, anchor: str = "") -> str:
        """Where a page is, for a reader holding the paper: its web address, or in the offline kit
        the file in the unzipped folder (pages are files there: mkdocs' use_directory_urls is off)."""
        if self.offline:
            return (f"{offline_files.FOLDER}/{languages.site_prefix(self.lang)}{page[:-len('.md')]}.html"
                    + (f"#{anchor}" if anchor else ""))
        return self.site_url + languages.site_prefix(self.lang) + paths.url_of(page, anchor)

    def wanted(self, record) -> bool:
        return self.lang == languages.DEFAULT or translations.is_translated(self.site, self.lang, record)

    def module_html(self, module: m.Module, audience: str, body: str | None = None) -> str:
        """A module's body (or `body`, a passage of it) as HTML for print: 'facilitator' keeps the
        notes open, 'participant' leaves them out (and keeps only an activity's handout section)."""
        body = module.body if body is None else body
        body = admonition_titles(body, self._) if module.lang == self.lang else body
        if audience == "participant":
            body = packet.without_link_lists(strip_facilitator_notes(handout_section(body, self._("Handout")) or body))
        else:
            body = print_facilitator_notes(body, self._("For facilitators"))
        # A participant's copy names the site's other pages without their addresses: a packet is
        # about this workshop, its cover gives the workshop's page, and a page of addresses nobody
        # types is what the guide keeps (endnotes.py).
        body = self.absolute_links(module.path, self.renderer.expand(module.path, body),
                                   site_links=audience != "participant")
        html = unlink(inline_checkboxes(markdown.markdown(body, extensions=EXTENSIONS, output_format="html")))
        return fillable(html, self._) if audience == "participant" else html

    def absolute_links(self, here: str, text: str, site_links: bool = True) -> str:
        """Relative links become full web addresses: on paper there is no 'here'. Without
        `site_links`, a link to another page of the site becomes its text alone."""

        def replace(match: re.Match) -> str:
            target = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
                return match.group(0)
            page, _, anchor = target.partition("#")
            resolved = paths.resolve_relative(here, page) if page else here
            if resolved is None or not resolved.endswith(".md"):
                return match.group(0)
            if not site_links and not match.group(0).startswith("!"):
                # Kept a link until the HTML is made (an attribute list may follow it), then unlinked.
                return match.group(0).replace(f"({target}", f"({UNLINKED}{target}", 1)
            return match.group(0).replace(f"({target}", f"({self.absolute(resolved, anchor)}", 1)

        return xref.expand_links(text, replace)

    def _page(self, template: str, **values) -> str:
        html = self.env.get_template(f"handouts/{template}").render(
            site=self.site, minutes=human_minutes, edition=self.edition, lines=writing_lines, options=options,
            _=self._, offline=self.offline, **{"large": False, "max_pages": None, **values})
        html = officiallinks.localize(html, self.site.official_pages.get(self.lang, {}), self.lang)
        if values.get("large"):
            # Large print: tables flow as blocks and links print as their words, with no page of
            # addresses after them (largeprint.py).
            html = largeprint.unlink(largeprint.flow_tables(html))
        elif self.offline:
            html = add_endnotes(html, self._("Files of the offline kit in this document"), offline_files.FOLDER + "/")
        else:
            html = add_endnotes(html, self._("Web addresses in this document"))
        return typography.finish(html, self.lang)

    def documents(self) -> list[Document]:
        docs = []
        for workshop in sorted(self.site.workshops.values(), key=lambda w: w.id):
            if self.wanted(workshop):
                docs += self.workshop_documents(workshop)
        for module in sorted(self.site.modules.values(), key=lambda x: x.path):
            if module.handout and self.wanted(module):
                docs += self.handout_documents(module)
        return docs

    def workshop_documents(self, w: m.Workshop) -> list[Document]:
        url = self.absolute(paths.workshop_page(w))
        modules = workshop_modules(self.site, w)
        # A packet is about this workshop: it prints the handouts its agenda runs; the guide keeps
        # every module, background reading included.
        run = packet.agenda_modules(self.site, w)
        handouts = [x for x in modules if x.handout and x in run]
        guide_sections = [(x, self.module_html(x, "facilitator")) for x in modules]
        talks = packet.talk_sections(w)
        packet_sections = [(x, self.module_html(x, "participant", self.talk_packet(x, talks.get(x.id, []))),
                            packet.prints_key_points(talks.get(x.id, []))) for x in handouts]
        rows = kit.run_sheet(self.site, w, self._)
        care = dict(stories=[row for row in rows if row.stories], story_paths={x.path for x in kit.story_modules(modules)},
                    hard_moments=self.hard_moments())
        out = []
        for paper, size in PAPERS.items():
            common = dict(w=w, url=url, paper=size, schedule=w.schedule(), end=end_time(w), lang=self.lang)
            out.append(Document(pdf_path("guide", w.id, paper, self.lang), f"{w.title}: {self._('facilitator guide')}",
                                self._page("guide.html.j2", kind=self._("Facilitator guide"), sections=guide_sections,
                                           modules=modules, **care, **common)))
            out.append(Document(pdf_path("packet", w.id, paper, self.lang), f"{w.title}: {self._('participant packet')}",
                                self.packet_html(w, packet_sections, common)))
        out += self.sheet_documents(w, modules, rows, url)
        paper, size = LARGE_PRINT
        common.update(paper=size, large=True)
        out.append(Document(pdf_path("packet", w.id, paper, self.lang),
                            f"{w.title}: {self._('participant packet')} ({self._('large print')})",
                            self.packet_html(w, packet_sections, common)))
        return out

    def sheet_documents(self, w: m.Workshop, modules: list[m.Module], rows: list[kit.Row], url: str) -> list[Document]:
        """The one-page sheets of the kit, each its own PDF so that nothing is printed on its back:
        the run sheet, the referral sheet, the before-and-after statements and their tally."""
        _ = self._
        statements = kit.statements(_)
        sheets = [("runsheet", "runsheet.html.j2", _("Run sheet"),
                   dict(rows=rows, modules=modules, role_rows=kit.grid_pages(kit.roles(_), 2, 2)[0], chairs=kit.chairs())),
                  ("referrals", "referrals.html.j2", _("Referral sheet"), dict(referral_rows=kit.referral_rows(w, _))),
                  ("before-after", "before-after.html.j2", _("Before and after"), dict(statements=statements)),
                  ("tally", "tally.html.j2", _("Tally sheet"), dict(statements=statements))]
        out = self.wall_documents(w, modules, url)
        label = _("Flip charts")
        out += [Document(pdf_path("flipcharts", w.id, paper, self.lang), f"{w.title}: {label.lower()}",
                         self._page("flipcharts.html.j2", kind=label, w=w, url=url, paper=f"{size} landscape",
                                    lang=self.lang, charts=kit.flip_charts(w, modules, _)))
                for paper, size in PAPERS.items()]
        for kind, template, label, values in sheets:
            for paper, size in PAPERS.items():
                out.append(Document(pdf_path(kind, w.id, paper, self.lang), f"{w.title}: {label.lower()}",
                                    self._page(template, kind=label, w=w, url=url, paper=size, end=end_time(w),
                                               lang=self.lang, **values)))
        return out

    def wall_documents(self, w: m.Workshop, modules: list[m.Module], url: str) -> list[Document]:
        """Wall cards in landscape, one to a page, and the other cards in grids of six (three by two)."""
        if not cardsets.has_wall_cards(modules):
            return []
        wall = [(mod, card_set) for mod in modules for card_set in cardsets.wall_sets(mod)]
        grids = [(mod, card_set, kit.grid_pages(cards)) for mod in modules for card_set, cards in cardsets.grid_sets(mod)]
        label = self._("Wall cards")
        return [Document(pdf_path("wall", w.id, paper, self.lang), f"{w.title}: {label.lower()}",
                         self._page("wall.html.j2", kind=label, w=w, url=url, paper=f"{size} landscape",
                                    lang=self.lang, wall=wall, grids=grids))
                for paper, size in PAPERS.items()]

    def talk_packet(self, module: m.Module, names: list[str]) -> str | None:
        english = self.english.modules.get(module.path, module)
        return packet.talk_packet(module, english, names)

    def hard_moments(self) -> dict | None:
        """The training toolkit's passage on hard moments, as the guide's appendix prints it."""
        found = kit.hard_moments(self.site)
        if found is None:
            return None
        toolkit, text = found
        return dict(heading=languages.strings(toolkit.lang)(kit.HARD_MOMENTS), title=toolkit.title,
                    url=self.absolute(toolkit.path), lang=toolkit.lang,
                    html=self.module_html(toolkit, "facilitator", text))

    def packet_html(self, w: m.Workshop, sections, common: dict) -> str:
        """Rendered twice: the glossary lists the terms the rest of the packet uses, and those of the
        modules the agenda runs (what participants hear in the talks and activities)."""
        modules = packet.agenda_modules(self.site, w)
        talks = packet.talk_sections(w)
        # What a talk prints of its page decides what it adds to the commitments and the glossary; an
        # activity's `packet:` only leaves out its key points, and it still works with all it names.
        printed = {mod.id: text for mod in modules if mod.type != "activity"
                   and (text := self.talk_packet(mod, talks.get(mod.id, []))) is not None}
        values = dict(kind=self._("Participant packet"), sections=sections,
                      max_pages=packet.page_limit(w, common.get("large", False)),
                      commitments=packet.us_commitments(self.site, modules, self._, printed),
                      contacts=packet.has_contacts(w, modules),
                      articles=packet.cited_articles(self.site, modules), **common)
        draft = self._page("packet.html.j2", terms=[], **values)
        said = " ".join([packet.plain_text(draft), *(packet.module_prose(self.site, mod, printed.get(mod.id))
                                                     for mod in modules)])
        # The commitments table already spells out and explains the agreements it lists.
        listed = {c.instrument.short_title for c in values["commitments"]}
        terms = [t for t in packet.glossary_used(self.site, said) if t.term not in listed]
        return self._page("packet.html.j2", terms=terms, **values)

    def handout_documents(self, module: m.Module) -> list[Document]:
        url = self.absolute(module.path)
        html = self.module_html(module, "participant")
        papers = [(paper, size, False) for paper, size in PAPERS.items()] + [(*LARGE_PRINT, True)]
        return [Document(pdf_path("handout", module.id, paper, self.lang), module.title,
                         self._page("handout.html.j2", module=module, body=html, url=url, paper=size,
                                    kind=self._("Handout"), lang=self.lang, large=large))
                for paper, size, large in papers]


UNLINKED = "rk-unlinked:"  # the mark of a link printed as its text alone (Printer.absolute_links)
_UNLINKED = re.compile(rf'<a href="{UNLINKED}[^"]*"[^>]*>(.*?)</a>', re.S)


def unlink(html: str) -> str:
    return _UNLINKED.sub(r"\1", html)


def handout_section(markdown_text: str, heading: str = "Handout") -> str:
    """An activity's '## Handout' section (in a translation, its heading in that language), if it has one:
    what participants take home."""
    match = re.search(rf"^## (?:Handout|{re.escape(heading)})\s*$(.*?)(?=^## |\Z)", markdown_text, re.M | re.S)
    return match.group(1).strip() if match else ""


_TASK = re.compile(r'<li class="task-list-item">\s*(<p>)?\s*<input type="checkbox"( checked)?[^>]*>\s*')


def inline_checkboxes(html: str) -> str:
    """A task-list checkbox becomes a box glyph inside its item's first line of text: a form
    control is laid out as its own block by WeasyPrint, and would print above its text."""

    def box(match: re.Match) -> str:
        glyph = "☒" if match.group(2) else "☐"
        return f'<li class="task-list-item">{match.group(1) or ""}<span class="box">{glyph}</span> '

    return _TASK.sub(box, html)


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


def render_pdf(html: str, target: Path) -> None:
    from weasyprint import HTML, URLFetcher

    from rightskit.outputs.print.layout import fit

    fetcher = URLFetcher(allowed_protocols={"data"})  # no network, no files: everything is inline
    document = fit(html, lambda text: HTML(string=text, url_fetcher=fetcher).render(pdf_variant="pdf/ua-1"))
    document.write_pdf(target, pdf_variant="pdf/ua-1", custom_metadata=True)


def build_all(site: m.Site, site_dir: Path, *, site_url: str, cache_dir: Path, root: Path | None = None,
              edition: ed.Edition | None = None, workers: int | None = None, progress: Progress = QUIET,
              offline: bool = False) -> Report:
    """Write every PDF into site_dir, rendering only those whose HTML is not in the cache.
    Renders run in `workers` processes (default: one per core); 1 renders in this process.
    `progress` counts the documents as they are done, those from the cache first. `offline`: the
    offline kit's PDFs, which name local files instead of web addresses."""
    report = Report()
    # The offline kit's PDFs have their own folder: each build forgets the PDFs it no longer has,
    # and one shared folder would make `make offline` forget every PDF of the site, and back.
    cache = cache_dir / ("pdf-offline" if offline else "pdf")
    cache.mkdir(parents=True, exist_ok=True)
    documents = [doc for lang in (languages.DEFAULT, *site.translations)
                 for doc in Printer(translations.localize(site, lang), site_url, edition, lang, offline, site).documents()]
    todo = {}
    for doc in documents:
        cached = cache / f"{doc.key}.pdf"
        if cached.exists() or cached in todo:
            report.cached += 1
        else:
            todo[cached] = doc
    counter = progress.counter("PDFs", len(documents))
    counter.note = f"{len(todo)} rendered, {report.cached} from cache"
    counter.advance(report.cached)
    _render_many(todo, workers, counter.advance)
    for cached, doc in todo.items():
        report.rendered += 1
        report.rendered_names.append(doc.name)
    for doc in documents:
        target = site_dir / doc.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / f"{doc.key}.pdf", target)
        report.files.append(target)
    # Forget PDFs no current document has, so the cache does not grow with every edit.
    keep = {f"{doc.key}.pdf" for doc in documents}
    for stale in cache.glob("*.pdf"):
        if stale.name not in keep:
            stale.unlink()
    _write_report(report, cache_dir)
    counter.finish()  # a site with no documents at all
    return report


def _render_one(html: str, cached: Path) -> None:
    partial = cached.with_suffix(".partial")
    render_pdf(html, partial)
    partial.replace(cached)  # a crash never leaves a half-written PDF in the cache


def _render_many(todo: dict[Path, Document], workers: int | None, done=lambda: None) -> None:
    """Render in a pool of processes: WeasyPrint is single-threaded and CPU-bound. `done()` is
    called as each document is rendered."""
    workers = min(workers or os.cpu_count() or 1, len(todo))
    if workers <= 1:
        for cached, doc in todo.items():
            _render_one(doc.html, cached)
            done()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # The longest documents first, so one big guide does not finish alone at the end.
    ordered = sorted(todo.items(), key=lambda item: -len(item[1].html))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for future in as_completed([pool.submit(_render_one, doc.html, cached) for cached, doc in ordered]):
            future.result()
            done()


def _write_report(report: Report, cache_dir: Path) -> None:
    """What the last build rendered, for people and tests wondering whether the cache worked."""
    lines = [f"# {dt.datetime.now().isoformat(timespec='seconds')}: "
             f"{report.rendered} rendered, {report.cached} from cache"]
    lines += report.rendered_names
    (cache_dir / "last-pdf-build.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

