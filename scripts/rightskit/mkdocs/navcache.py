"""The navigation rendered once per section, not once per page (issue 24, item 3).

Material's `partials/nav.html` is the largest part of rendering a page (the profile of a build
with 200 extra modules: about a third of the page template). Pruned, it is the same for every
page of a section, but for two things:

- the current page's own entry: marked active, with the page's table of contents inside it;
- links, written relative to the page: the same for every page in the same folder at the same
  depth (`scale/module-0001/` and `scale/module-0002/` link to `../module-0003/` alike), but
  for the page's link to itself.

So the navigation is rendered once per (section, folder) for a stand-in page in that folder that
is no entry of the navigation, with the section open as for any of its pages; each page then
takes that text with its own entry, as written there, swapped for its entry rendered active (by
Material's own macro, with the page's table of contents). Pages outside the navigation (the
pages of long lists) take the stand-in's text as it is. The home page, a page whose address is
the folder of other pages (mechanisms/: its links into the folder are written from inside it), a
section's index page and an entry found other than once are rendered the usual way.
tests/test_scale.py builds a site with and without this and compares every page byte for byte.
The stand-in has only what Material's navigation reads of a page that is not current (its address);
an override of the navigation that read more of `page` would need `section_nav: false`.
Part of the MkDocs adapter (it knows MkDocs' pages and Material's templates).
"""
from __future__ import annotations

import posixpath

from rightskit.mkdocs import pageweight

NAV = "partials/nav.html"
ITEM = "partials/nav-item.html"
STAND_IN = "rk-navigation-stand-in"


class _StandIn:
    """A page that is no entry of the navigation, at `url`: what relative links are computed from."""

    def __init__(self, url: str):
        self.url = url
        self.active = False
        self.is_index = False

    def __eq__(self, other):
        return other is self

    __hash__ = object.__hash__


class SectionNavigation:
    """Renders `partials/nav.html` for the pages of one language's build (see the module's doc)."""

    def __init__(self, env, nav):
        self.env, self.nav = env, nav
        self.in_nav = {id(page) for page in nav.pages}
        # Folders that hold pages: from such a folder's own page (mechanisms/), links into it are
        # written as from inside it (upr/), unlike from a page beside it (../mechanisms/upr/).
        self.folders = {url[:at + 1] for url in (page.url for page in nav.pages)
                        for at in range(len(url) - 1) if url[at] == "/"}
        self.sections: dict[tuple, tuple[str, object]] = {}
        self.hits = self.misses = self.usual = 0
        original = env.get_template

        def get_template(name, *args, **kwargs):
            template = original(name, *args, **kwargs)
            return _NavTemplate(template, self) if name == NAV else template

        env.get_template = get_template

    def _key(self, page) -> tuple | None:
        url = getattr(page, "url", None)
        if not url or url in self.folders or (page.is_index and id(page) in self.in_nav and page.parent is not None):
            return None  # the home page, a folder's own page; a section's index page is written into its section's entry
        folder = posixpath.dirname(url.rstrip("/"))
        folder = folder + "/" if folder else ""
        stand_in = folder + (STAND_IN + "/" if url.endswith("/") else STAND_IN + ".html")
        return (id(page.parent) if id(page) in self.in_nav else None, folder, stand_in)

    def render(self, template, context) -> str:
        page = context.get("page")
        key = self._key(page) if page is not None else None
        if key is None:
            self.usual += 1
            return "".join(template.root_render_func(context))
        entry = self.sections.get(key)
        in_nav = key[0] is not None or id(page) in self.in_nav
        if entry is None:
            self.misses += 1
            text, stand_in_vars = self._neutral(template, context, page, _StandIn(key[2]), in_nav)
            # Its indentation goes once here, as every page's last touches would take it out of
            # each copy (pageweight.py); so does that of the entries swapped below.
            entry = self.sections[key] = (pageweight.compact_navigation(text), stand_in_vars)
        else:
            self.hits += 1
        text, stand_in_vars = entry
        if not in_nav:
            return text
        mine = pageweight.compact(self._entry(context.get_all(), page))
        with _inactive(page):
            as_in_text = pageweight.compact(self._entry(stand_in_vars, page))
        if text.count(as_in_text) != 1:
            self.usual += 1
            return "".join(template.root_render_func(context))
        return text.replace(as_in_text, mine, 1)

    def _neutral(self, template, context, page, stand_in, in_nav) -> tuple[str, dict]:
        variables = dict(context.get_all(), page=stand_in)
        with _inactive(page) if in_nav else _nothing():
            text = "".join(template.root_render_func(template.new_context(variables, shared=True)))
        return text, variables

    def _entry(self, variables: dict, page) -> str:
        """The page's entry as Material's macro writes it, with these template variables."""
        module = self.env.get_template(ITEM).make_module(vars=variables)
        return str(module.render(page, "", 0))


class _inactive:
    """The page not current, its sections still open (as for any page of the section)."""

    def __init__(self, page):
        self.page = page

    def __enter__(self):
        self.page.active = False
        if self.page.parent is not None:
            self.page.parent.active = True

    def __exit__(self, *exc):
        self.page.active = True


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


class _NavTemplate:
    """`partials/nav.html` as Jinja includes it (`root_render_func` of a `new_context`), through
    SectionNavigation."""

    def __init__(self, template, owner: SectionNavigation):
        self.template, self.owner = template, owner

    def __getattr__(self, name):
        return getattr(self.template, name)

    def root_render_func(self, context):
        yield self.owner.render(self.template, context)
