"""The Jinja2 environment of generated pages and handouts: loader, filters and the marks of
text still in English on a translated page."""
from __future__ import annotations

import json

import jinja2
import markupsafe

from rightskit.core import languages
from rightskit.core.languages import human_minutes
from rightskit.core import markers
from rightskit.core.model import slug
from rightskit.core import typography


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rightskit", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",)),
        finalize=_dated_in_html,
    )
    # Dates and language names follow the language of the page being rendered (`lang` in its context).
    env.filters["date"] = jinja2.pass_context(lambda ctx, value: languages.human_date(value, ctx.get("lang", "en")))
    env.filters["tr"] = jinja2.pass_context(lambda ctx, text: ctx["_"](text))  # for map("tr") over a list
    env.filters["month"] = jinja2.pass_context(
        lambda ctx, value: languages.human_month(value, ctx.get("lang", "en")) if value else "—")
    # Templates keep to what MiniJinja also runs (the engine of Zensical): no Python methods on
    # mappings or strings, so `values`, `paragraphs` and `isodate` stand in for `.values()`, `.split("\n")`
    # and `.isoformat()`.
    env.filters.update(MINIJINJA_FILTERS)
    env.filters["minutes"] = human_minutes
    env.filters["clock"] = lambda t: t.strftime("%H:%M")
    env.filters["slug"] = slug  # stable anchors from names: the glossary's #upr, #security-of-tenure
    env.filters["yamlstr"] = lambda text: json.dumps(typography.collapse(str(text)), ensure_ascii=False)
    env.filters["language_name"] = jinja2.pass_context(
        lambda ctx, code: languages.strings(ctx.get("lang", "en"))(LANGUAGE_NAMES.get(code, code)))
    # A capital for the first letter only, where a heading starts with a word written in lower case
    # ("español"); Jinja's `capitalize` would lower the rest ("Spanish (español)").
    env.filters["initial"] = lambda text: languages.like(text, text[:1].upper() + text[1:])
    env.filters["oneline"] = lambda text: languages.like(text, typography.collapse(str(text)))
    env.filters["cell"] = lambda text: languages.like(text, typography.collapse(str(text)).replace("|", "\\|"))
    # English shown on a page of another language is marked as English (WCAG 3.1.2): `marked` inline
    # (a title in a list, a table cell), `marked_block` for a text that stands as its own paragraphs.
    env.filters["marked"] = jinja2.pass_context(  # `like`: a part cut from a longer text (a paragraph of a script)
        lambda ctx, text, like=None: mark_fallback(languages.like(like, text) if like is not None else text,
                                                   ctx.get("lang", "en")))
    env.filters["marked_block"] = jinja2.pass_context(
        lambda ctx, text: mark_fallback(text, ctx.get("lang", "en"), block=True))
    return env


MINIJINJA_FILTERS = {
    "values": lambda mapping: list(mapping.values()),
    "paragraphs": lambda text: str(text).split("\n"),
    "isodate": lambda value: value.isoformat(),
}


def mark_fallback(text, lang: str, block: bool = False):
    """`text` wrapped in an element with its language when it is English shown on a `lang` page."""
    if not isinstance(text, languages.Fallback) or text.lang == lang or not text.strip():
        return text
    if block:  # md_in_html: the Markdown inside is still converted
        return f'<div lang="{text.lang}" markdown>\n\n{text.strip()}\n\n</div>'
    return f'<span lang="{text.lang}">{text}</span>'


LANGUAGE_NAMES = {"en": "English", "es": "Spanish (Español)"}


@jinja2.pass_context
def _dated_in_html(context, value):
    """In the HTML templates (handouts), a YAML text with [[as-of:…]] markers prints them as
    dates. Markdown pages get the same from `markers.render_body` after rendering."""
    if isinstance(value, str) and "[[" in value and (context.name or "").endswith(".html.j2"):
        return markupsafe.Markup(markers.render(str(markupsafe.escape(value)), lang=context.get("lang", "en")))
    return value
