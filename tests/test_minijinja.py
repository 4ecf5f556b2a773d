"""Every template in the subset of Jinja that MiniJinja runs too (issue 24).

Zensical, the successor of Material for MkDocs, renders the theme overrides with MiniJinja, which
has no Python methods on mappings and strings (`.get()`, `.items()`, `.split()`…). The site's own
page and handout templates keep to the same subset, so one engine can replace the other.
"""
from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import jinja2
import minijinja
import pytest
from jinja2 import nodes

from conftest import MINI, REPO, check
from rightskit.pages.render import Renderer

OVERRIDES = REPO / "overrides"
TEMPLATES = REPO / "scripts" / "rightskit" / "templates"
ALL = sorted([*OVERRIDES.rglob("*.html"), *TEMPLATES.rglob("*.j2")])

# Python methods of str, dict, list and dates that MiniJinja's values lack (without its Python
# compatibility mode, which Zensical does not promise): a call to one of them in a template runs
# in Jinja2 and fails in MiniJinja, and only when that line is reached.
PYTHON_METHODS = frozenset("""
    get items keys values setdefault pop popitem update copy clear
    split rsplit splitlines startswith endswith strip lstrip rstrip lower upper title capitalize
    casefold swapcase replace join format format_map count find rfind index rindex partition
    rpartition zfill center ljust rjust encode isdigit isalpha isalnum isspace islower isupper
    append extend insert remove reverse sort strftime isoformat
""".split())


def python_method_calls(source: str, name: str) -> list[str]:
    """`name:line: .method()` for each call of a Python method in a template's source."""
    tree = jinja2.Environment().parse(source, name=name)
    found = []
    for call in tree.find_all(nodes.Call):
        callee = call.node
        if not isinstance(callee, nodes.Getattr) or callee.attr not in PYTHON_METHODS:
            continue
        if isinstance(callee.node, nodes.Name) and callee.node.name in ("self", "loop"):
            continue  # self.title() renders a block, loop.cycle() is the loop's own: both in MiniJinja
        found.append(f"{name}:{call.lineno}: .{callee.attr}() is a Python method MiniJinja lacks "
                     f"(use a test, a filter or `in`, or pass a list from Python)")
    return found


def relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def minijinja_env(**options) -> minijinja.Environment:
    # The whitespace options of pages/environment.py, so both engines see the same template text.
    return minijinja.Environment(pycompat=False, trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=True, **options)


@pytest.mark.parametrize("path", ALL, ids=relative)
def test_every_template_compiles_in_minijinja(path):
    minijinja_env().add_template(relative(path), path.read_text(encoding="utf-8"))


def test_no_template_calls_a_python_method():
    assert ALL, "no templates found"
    found = [line for path in ALL for line in python_method_calls(path.read_text(encoding="utf-8"), relative(path))]
    assert found == []


def test_the_check_catches_a_lookup_with_get():
    # The search box's words were once picked with a mapping's .get(), which MiniJinja rejects.
    old = '{% set en = {"a": 1} %}\n{% set words = {"en": en, "es": es}.get(code, en) %}\n{{ o.startswith(p) }}'
    assert python_method_calls(old, "site-search.html") == [
        "site-search.html:2: .get() is a Python method MiniJinja lacks (use a test, a filter or `in`, "
        "or pass a list from Python)",
        "site-search.html:3: .startswith() is a Python method MiniJinja lacks (use a test, a filter or `in`, "
        "or pass a list from Python)"]
    with pytest.raises(minijinja.TemplateError, match="no method named get"):
        minijinja_env().render_str(old, code="es", es={})


class Lang:
    """Material's `lang` helper, as much of it as the search partial uses."""

    def __init__(self, code: str):
        self.code = code

    def t(self, key: str) -> str:
        return self.code if key == "language" else f"<{key}>"


def search_partial(code: str, use_directory_urls: bool = True, engine: str = "minijinja") -> str:
    source = (OVERRIDES / "partials" / "site-search.html").read_text(encoding="utf-8")
    files = {"partials/site-search.html": source, ".icons/material/magnify.svg": "<svg></svg>"}
    context = dict(lang=Lang(code), base_url="/base",
                   config={"use_directory_urls": use_directory_urls, "theme": {"icon": {}}})
    url = lambda path: "/base/" + path  # noqa: E731 - Material's `url` filter, roughly
    if engine == "jinja2":  # as MkDocs renders the theme: no autoescape
        env = jinja2.Environment(loader=jinja2.DictLoader(files))
        env.filters["url"] = url
        return env.get_template("partials/site-search.html").render(context)
    env = minijinja.Environment(loader=files.get, filters={"url": url}, auto_escape_callback=lambda name: False,
                                pycompat=False)
    return env.render_template("partials/site-search.html", **context)


def test_search_partial_renders_in_minijinja_in_each_language():
    english, spanish, other = search_partial("en"), search_partial("es"), search_partial("fr")
    assert 'title="All pages, by type"' in english and 'data-all-pages="/base/all-pages/"' in english
    assert 'title="Todas las páginas, por tipo"' in spanish and "Pulse / para buscar." in spanish
    assert other == english  # a language without its own words gets the English ones
    assert 'action="/base/all-pages.html"' in search_partial("en", use_directory_urls=False)
    for code in ("en", "es", "fr"):  # and Jinja2, which MkDocs uses, renders it the same
        assert search_partial(code, engine="jinja2") == search_partial(code)


# --- the site's own templates, rendered by MiniJinja -------------------------------------------

class _StateContext:
    """What a Jinja2 `pass_context` filter reads of its context, from MiniJinja's state."""

    def __init__(self, state):
        self.name = state.name
        self._state = state

    def get(self, key, default=None):
        value = self._state.lookup(key)
        return default if value is None else value

    def __getitem__(self, key):
        return self._state.lookup(key)


def _from_jinja2(function):
    """A filter or finalizer of pages/environment.py, called the way MiniJinja calls one."""
    if getattr(function, "jinja_pass_arg", None) is None:
        return function
    return minijinja.pass_state(lambda state, *args, **kwargs: function(_StateContext(state), *args, **kwargs))


def _finalizer(function):
    # MiniJinja hands a Python finalizer None for the undefined of `{{ x if c }}`, which it would
    # print as nothing; no template of ours prints a real None.
    @minijinja.pass_state
    def finalize(state, value):
        return "" if value is None else function(_StateContext(state), value)

    return finalize


class MiniJinjaEnvironment:
    """pages/environment.py's environment with MiniJinja as its engine: same templates, same
    filters and finalizer, same whitespace and undefined rules, for the Renderer and the Printer."""

    def __init__(self):
        from rightskit.pages.environment import environment

        jinja = environment()
        ours = {name: f for name, f in jinja.filters.items() if name not in jinja2.defaults.DEFAULT_FILTERS}
        self.engine = minijinja_env(
            loader=lambda name: (TEMPLATES / name).read_text(encoding="utf-8") if (TEMPLATES / name).is_file() else None,
            undefined_behavior="strict", finalizer=_finalizer(jinja.finalize),
            auto_escape_callback=lambda name: jinja.autoescape(name) if callable(jinja.autoescape) else jinja.autoescape)
        self.filters = _Filters(self.engine)
        self.filters.update(ours)

    def get_template(self, name: str):
        engine = self.engine
        return types.SimpleNamespace(render=lambda *args, **kwargs: engine.render_template(name, **dict(*args, **kwargs)))


class _Filters(dict):
    def __init__(self, engine):
        super().__init__()
        self.engine = engine

    def __setitem__(self, name, function):
        super().__setitem__(name, function)
        self.engine.add_filter(name, _from_jinja2(function))

    def update(self, other):
        for name, function in other.items():
            self[name] = function


TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def site():
    return check(MINI).site


def test_generated_pages_are_the_same_in_minijinja(site):
    by_jinja2 = {page.path: page.content for page in Renderer(site, today=TODAY).pages()}
    by_minijinja = {page.path: page.content for page in Renderer(site, MiniJinjaEnvironment(), today=TODAY).pages()}
    assert len(by_jinja2) > 10 and any("| Issue areas |" in text for text in by_jinja2.values())
    assert by_minijinja == by_jinja2


def test_panels_of_written_pages_are_the_same_in_minijinja(site):
    jinja2_renderer, minijinja_renderer = Renderer(site, today=TODAY), Renderer(site, MiniJinjaEnvironment(), today=TODAY)
    for module in site.modules.values():
        assert minijinja_renderer.page_markdown(module, module.body) == jinja2_renderer.page_markdown(module, module.body)


def test_handouts_are_the_same_in_minijinja(site):
    from rightskit.core import edition as ed
    from rightskit.outputs.print.pdf import Printer, qr_data_uri

    def documents(env=None) -> dict[str, str]:
        printer = Printer(site, "https://example.invalid/", ed.Edition("v1", TODAY, "https://example.invalid/"))
        if env is not None:
            printer.renderer = Renderer(site, env, today=TODAY)
            printer.env = env
            env.filters["qr"] = qr_data_uri
        return {document.name: document.html for document in printer.documents()}

    by_jinja2 = documents()
    assert any("guide" in name for name in by_jinja2) and any("packet" in name for name in by_jinja2)
    assert documents(MiniJinjaEnvironment()) == by_jinja2


# --- the other partials of the overrides, rendered by both engines ------------------------------

def _partial(name: str, context: dict, engine: str) -> str:
    files = {f"partials/{name}": (OVERRIDES / "partials" / name).read_text(encoding="utf-8"),
             ".icons/material/weather-night.svg": "<svg>night</svg>", ".icons/material/weather-sunny.svg": "<svg>sun</svg>"}
    if engine == "jinja2":  # as MkDocs renders the theme: no autoescape
        return jinja2.Environment(loader=jinja2.DictLoader(files)).get_template(f"partials/{name}").render(context)
    env = minijinja.Environment(loader=files.get, auto_escape_callback=lambda name: False, pycompat=False)
    return env.render_template(f"partials/{name}", **context)


def _theme_context(lang: str) -> dict:
    import yaml
    from rightskit.core import edition as ed

    real = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", ""))
    theme = {"palette": real["theme"]["palette"], "language": lang}
    return {"config": {"theme": theme, "copyright": real["copyright"],
                       "extra": {"edition": ed.Edition("v1.2", TODAY, "https://example.invalid/")}}}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_footer_and_palette_partials_render_the_same_in_minijinja(lang):
    context = _theme_context(lang)
    footer = _partial("copyright.html", context, "minijinja")
    assert footer == _partial("copyright.html", context, "jinja2")
    assert "v1.2" in footer and ("Version" if lang == "en" else "Versión") in footer
    palette = _partial("palette.html", context, "minijinja")
    assert palette == _partial("palette.html", context, "jinja2")
    assert palette.count('type="radio"') == 2 and 'for="__palette_1"' in palette and "<svg>sun</svg>" in palette


def test_materials_own_templates_compile_in_minijinja():
    # The overrides extend Material's templates; Zensical renders both with MiniJinja.
    import material

    templates = Path(material.__file__).parent / "templates"
    names = sorted(templates.rglob("*.html"))
    assert len(names) > 50
    env = minijinja_env()
    for path in names:
        env.add_template(path.relative_to(templates).as_posix(), path.read_text(encoding="utf-8"))
