"""Spanish texts of General Comments (`es: {title, summary, key_ideas}`) and of workshop talk scripts
(agenda item `es: {script}`): read and checked by the loader, shown on the Spanish pages, in the JSON
export and in the Spanish facilitator guides, never on the English ones."""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from conftest import check, rightskit, unhashed_removed
from rightskit.core import edition as ed
from rightskit.outputs import export
from rightskit.core import languages
from rightskit.content.i18n import translations, untranslated
from rightskit.project import Project, load_site
from rightskit.outputs.print.pdf import Printer
from rightskit.pages.render import Renderer

ROOT = Path(__file__).resolve().parents[1]
EDITION = ed.Edition("9.9.9", dt.date(2026, 11, 25), "https://kit.test/")
GC_FILE = "standards/general-comments/cescr.yml"
GC_4_END = "    key_ideas: [Security of tenure]\n"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def pages(site, lang: str) -> dict[str, str]:
    view = translations.localize(site, lang)
    return {p.path: p.content for p in Renderer(view, lang=lang).pages()}


def text_of(html_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


# --- General Comments ---------------------------------------------------------------------

def test_spanish_general_comment_texts_on_spanish_pages_only(mini):
    replace(mini / GC_FILE, GC_4_END, GC_4_END + "    es:\n      title: El derecho a una vivienda adecuada\n"
            "      summary: Resumen en español de la observación.\n      key_ideas: [Seguridad de la tenencia]\n")
    loaded = check(mini)
    assert unhashed_removed(loaded.findings) == []
    spanish, english = pages(loaded.site, "es"), pages(loaded.site, "en")
    gc_page = "standards/general-comments/cescr.md"
    es = spanish[gc_page]
    assert "El derecho a una vivienda adecuada" in es
    assert "Resumen en español de la observación." in es and "Seguridad de la tenencia" in es
    assert "The right to adequate housing" not in es and "Security of tenure" not in es
    # a comment with no es: block falls back to its English title
    assert "The nature of States parties' obligations" in es
    # the instrument page's "interpreted in" list and the index use the Spanish title too
    assert "El derecho a una vivienda adecuada" in spanish["standards/icescr.md"]
    assert "El derecho a una vivienda adecuada" in spanish["standards/general-comments/index.md"]
    # English pages are untouched
    assert "The right to adequate housing" in english[gc_page] and "Security of tenure" in english[gc_page]
    assert "vivienda adecuada" not in english[gc_page] and "vivienda adecuada" not in english["standards/icescr.md"]
    # the JSON export carries the Spanish fields where they exist, and the Spanish page's address
    items = {g["id"]: g for g in export.general_comments(loaded.site)}
    assert items["cescr-gc-4"]["es"]["title"] == "El derecho a una vivienda adecuada"
    assert items["cescr-gc-4"]["es"]["key_ideas"] == ["Seguridad de la tenencia"]
    assert items["cescr-gc-4"]["title"] == "The right to adequate housing"
    assert "title" not in items["cescr-gc-3"]["es"] and items["cescr-gc-3"]["es"]["url"].startswith("es/")


def test_bad_general_comment_es_blocks_get_file_line_findings(mini):
    replace(mini / GC_FILE, "    summary: Test.\n  - number: 4\n",
            "    summary: Test.\n    es: La índole\n  - number: 4\n")  # line 8: not a mapping
    replace(mini / GC_FILE, GC_4_END, GC_4_END + "    es:\n      titel: El derecho a una vivienda adecuada\n"
            "      key_ideas: [Seguridad de la tenencia, Asequibilidad]\n")
    found = [str(f) for f in check(mini).findings]
    assert any(f.startswith(f"{GC_FILE}:8: 'es' in General Comment must be a mapping") for f in found), found
    assert any(f.startswith(f"{GC_FILE}:16: unknown field 'titel' in 'es' block of General Comment")
               and "did you mean 'title'?" in f for f in found), found
    assert any(f.startswith(f"{GC_FILE}:17: 'key_ideas' has 2 entries, the English has 1")
               and "same order" in f for f in found), found
    result = rightskit("check", cwd=mini)
    assert result.returncode != 0
    assert f"{GC_FILE}:16:" in result.stdout + result.stderr


# --- workshop talk scripts ------------------------------------------------------------------

SCRIPT_ES = "Primer párrafo de la charla.\\nSegundo párrafo de la charla."


def spanish_workshop(mini: Path, script_es: str = SCRIPT_ES) -> None:
    w = mini / "curricula/housing.yml"
    replace(w, "languages: [en]", "languages: [en, es]")
    replace(w, "agenda:\n", "es:\n  title: Taller de vivienda\n  summary: Un taller de prueba.\nagenda:\n")
    replace(w, "    script: A short talk on the right to housing.\n",
            f"    script: A short talk on the right to housing.\n    es:\n      script: \"{script_es}\"\n")


def test_spanish_script_in_spanish_guide_and_workshop_page(mini):
    spanish_workshop(mini)
    for module in ("docs/activities/line.md", "docs/rights/housing.md"):  # a Spanish guide prints them too
        assert rightskit("new", "translation", module, cwd=mini).returncode == 0
        translated = mini / module.replace(".md", ".es.md")  # as translated: its markers removed
        lines = translated.read_text(encoding="utf-8").split("\n")
        translated.write_text("\n".join(x for x in lines if x.strip() != untranslated.MARKER), encoding="utf-8")
    loaded = check(mini)
    assert unhashed_removed(loaded.findings) == []
    site_es = translations.localize(loaded.site, "es")
    guide = {d.name: d for d in Printer(site_es, "https://example.invalid/", EDITION, "es").documents()}[
        "es/pdf/housing-guide-letter.pdf"].html
    # one paragraph a line, as in English
    assert "<p>Primer párrafo de la charla.</p>" in guide and "<p>Segundo párrafo de la charla.</p>" in guide
    assert "A short talk on the right to housing." not in guide
    english_guide = {d.name: d for d in Printer(loaded.site, "https://example.invalid/", EDITION).documents()}[
        "pdf/housing-guide-letter.pdf"].html
    assert "A short talk on the right to housing." in english_guide and "Primer párrafo" not in english_guide
    page_es = pages(loaded.site, "es")["workshops/housing.md"]
    assert "Primer párrafo de la charla." in page_es and "A short talk on the right to housing." not in page_es
    assert "Para quienes facilitan: guiones sugeridos" in page_es
    page_en = pages(loaded.site, "en")["workshops/housing.md"]
    assert "A short talk on the right to housing." in page_en and "Primer párrafo" not in page_en


def test_bad_key_in_agenda_es_block_is_reported(mini):
    spanish_workshop(mini)
    replace(mini / "curricula/housing.yml", "      script: ", "      scrip: ")
    found = [str(f) for f in check(mini).findings]
    assert any(re.match(r"curricula/housing\.yml:\d+: unknown field 'scrip' in 'es' block of agenda item", f)
               and "did you mean 'script'?" in f for f in found), found


# --- the project's own data -----------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    loaded = load_site(Project(ROOT))
    assert not [f for f in loaded.findings if f.severity == "error"], loaded.findings
    return loaded.site


def test_every_cescr_general_comment_has_spanish_texts_shown_on_the_spanish_page(real):
    texts = real.translations["es"].general_comments
    comments = [g for g in real.general_comments.values() if g.body == "cescr"]
    assert comments
    es_page = pages(real, "es")["standards/general-comments/cescr.md"]
    for g in comments:
        t = texts.get(g.id)
        assert t and t.title and t.summary, g.id
        assert len(t.key_ideas) == len(g.key_ideas), g.id
        assert t.title in es_page and " ".join(t.summary.split()) in " ".join(es_page.split())
        assert f"{g.title} {{ #" not in es_page, g.id  # the English heading is gone
        for idea in g.key_ideas:
            assert f"- {idea}\n" not in es_page, (g.id, idea)
        # numbers and years are the English record's, unchanged
        assert f"n.º {g.number} ({g.year})" in es_page, g.id


@pytest.mark.parametrize("workshop", ["housing-human-right", "health-human-right"])
def test_spanish_guides_carry_the_translated_scripts(real, workshop):
    site_es = translations.localize(real, "es")
    documents = {d.name: d.html for d in Printer(site_es, "https://kit.test/", EDITION, "es").documents()}
    for size in ("letter", "a4"):
        guide = text_of(documents[f"{languages.site_prefix('es')}pdf/{workshop}-guide-{size}.pdf"])
        english = [i for i in real.workshops[workshop].agenda if i.script]
        spanish = [i for i in site_es.workshops[workshop].agenda if i.script]
        assert english and len(english) == len(spanish)
        for en, es in zip(english, spanish):
            assert es.script != en.script
            assert es.script.count("\n") == en.script.count("\n")  # paragraph by paragraph
            for para in es.script.split("\n"):
                assert " ".join(para.split()) in guide
            for para in en.script.split("\n"):
                assert " ".join(para.split()) not in guide
