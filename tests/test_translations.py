"""Translations: es: blocks in the data, translated pages and their status (translated, stale, missing),
the commands that start a translation and mark it current, and generated pages in Spanish."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import check, rightskit, unhashed_removed
from rightskit.core import languages
from rightskit.content.i18n import translations, untranslated
from rightskit.pages.render import Renderer

TEMPLATES = Path(translations.__file__).parent / "templates"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def start(mini: Path, page: str = "docs/rights/housing.md", marked: bool = False) -> Path:
    """Start a translation; unless `marked`, its markers of untranslated text are removed, as a
    translator does (these tests are about what comes after)."""
    result = rightskit("new", "translation", page, cwd=mini)
    assert result.returncode == 0, result.stderr
    target = mini / page.replace(".md", ".es.md")
    if not marked:
        done_translating(target)
    return target


def done_translating(target: Path) -> None:
    lines = target.read_text(encoding="utf-8").split("\n")
    target.write_text("\n".join(x for x in lines if x.strip() != untranslated.MARKER), encoding="utf-8")


# --- source hash and status --------------------------------------------------------------

def test_source_hash_is_the_sha256_of_the_stripped_body_with_unix_newlines():
    import hashlib

    expected = hashlib.sha256(b"# Title\n\nText.").hexdigest()[:12]
    assert translations.source_hash("\n# Title\r\n\r\nText.\n\n") == expected
    assert translations.source_hash("# Title\n\nText. ") == expected
    assert translations.source_hash("# Title\n\nOther text.") != expected


@pytest.mark.smoke
def test_new_translation_starts_with_front_matter_and_current_hash(mini):
    target = start(mini, marked=True)
    text = target.read_text()
    english = (mini / "docs/rights/housing.md").read_text()
    body = english.split("---\n", 2)[2]
    assert f'source_hash: "{translations.source_hash(body)}"' in text
    assert "title: Housing" in text and "type: issue area" in text
    # every block of the English is marked as not yet translated (test_seeded_mistakes.py checks the warnings)
    assert text.endswith(untranslated.mark(body)) and text.count(untranslated.MARKER) == 5
    done_translating(target)
    assert target.read_text().endswith(body)
    loaded = check(mini)
    assert loaded.findings == []
    status = {s.path: s.state for s in translations.status(loaded.site, "es")}
    assert status["rights/housing.md"] == "translated"
    assert status["activities/line.md"] == "missing"
    # refuses to overwrite
    again = rightskit("new", "translation", "docs/rights/housing.md", cwd=mini)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_translation_is_not_a_page_of_its_own(mini):
    start(mini)
    site = check(mini).site
    assert "rights/housing.es.md" not in site.modules  # so it needs no nav entry
    assert site.translations["es"].pages["rights/housing.md"].source.path == "docs/rights/housing.es.md"


def test_changed_source_warns_but_still_builds(mini):
    target = start(mini)
    replace(mini / "docs/rights/housing.md", "Housing is protected", "Housing is firmly protected")
    loaded = check(mini)
    assert [f for f in loaded.findings if f.is_error] == []
    assert len(loaded.findings) == 1 and loaded.findings[0].severity == "warning"
    warning = str(loaded.findings[0])
    assert warning.startswith("docs/rights/housing.es.md:1: warning: the English page docs/rights/housing.md has changed")
    assert "--mark-current docs/rights/housing.es.md" in warning
    result = rightskit("check", cwd=mini)
    assert result.returncode == 0 and "docs/rights/housing.es.md:1: warning:" in result.stderr
    assert rightskit("check", "--strict", cwd=mini).returncode == 1
    assert {s.path: s.state for s in translations.status(loaded.site, "es")}["rights/housing.md"] == "stale"
    # once reviewed, marking it current clears the warning and keeps the rest of the file
    before = target.read_text()
    result = rightskit("translation", "--mark-current", "docs/rights/housing.es.md", cwd=mini)
    assert result.returncode == 0, result.stderr
    assert check(mini).findings == []
    after = target.read_text()
    assert re.sub(r'source_hash: "\w+"', "", before) == re.sub(r'source_hash: "\w+"', "", after)


def test_front_matter_only_edit_of_the_source_keeps_translation_current(mini):
    start(mini)
    replace(mini / "docs/rights/housing.md", "summary: The right to housing.", "summary: The human right to housing.")
    assert check(mini).findings == []


def test_deleted_source_is_an_error(mini):
    start(mini, "docs/activities/line.md")
    (mini / "docs/activities/line.md").unlink()
    replace(mini / "mkdocs.yml", "  - activities/line.md\n", "")
    replace(mini / "docs/rights/housing.md", "See the [activity](../activities/line.md).", "")
    replace(mini / "curricula/housing.yml", "activities/line", "rights/housing")
    found = [str(f) for f in check(mini).findings]
    assert ("docs/activities/line.es.md:1: this translates 'activities/line.md', which does not exist "
            "(rename the translation after its English page, or delete it)") in found
    result = rightskit("check", cwd=mini)
    assert result.returncode == 1 and "docs/activities/line.es.md:1: this translates" in result.stderr


def test_translation_without_hash_and_with_bad_reference_is_reported(mini):
    target = start(mini)
    text = re.sub(r'source_hash: "\w+"\n', "", target.read_text()).replace("[[upr]]", "[[upp]]")
    target.write_text(text)
    found = [str(f) for f in check(mini).findings]
    assert any(f.startswith("docs/rights/housing.es.md:1: missing 'source_hash'") for f in found), found
    line = text.split("\n").index(next(x for x in text.split("\n") if "[[upp]]" in x)) + 1
    assert any(f.startswith(f"docs/rights/housing.es.md:{line}: unknown reference [[upp]]") for f in found), found


# --- es: blocks in YAML ---------------------------------------------------------------------

def test_es_blocks_are_read_and_localized(mini):
    replace(mini / "standards/instruments/icescr.yml", "short_title: ICESCR\n",
            "short_title: ICESCR\nes:\n  title: Pacto Internacional de Derechos Económicos, Sociales y Culturales\n"
            "  short_title: PIDESC\n")
    replace(mini / "standards/issue-areas.yml", "  title: Housing\n", "  title: Housing\n  es: {title: Vivienda}\n")
    loaded = check(mini)
    assert unhashed_removed(loaded.findings) == []
    es = translations.localize(loaded.site, "es")
    assert es.instruments["icescr"].short_title == "PIDESC"
    assert es.issue_areas["housing"].title == "Vivienda"
    assert loaded.site.instruments["icescr"].short_title == "ICESCR"  # the English site is untouched
    assert es.modules["rights/housing.md"].lang == "en"  # untranslated: shown in English
    label = Renderer(es, lang="es").label(es.target("icescr/11"))
    assert label == "PIDESC, artículo 11"


def test_untranslated_texts_stay_english_and_are_marked_on_spanish_pages(mini):
    replace(mini / "standards/instruments/icescr.yml", "short_title: ICESCR\n",
            "short_title: ICESCR\nes: {title: Pacto Internacional de Derechos Económicos, Sociales y Culturales, "
            "short_title: PIDESC}\n")
    replace(mini / "standards/instruments/icescr.yml", "    title: Adequate standard of living\n",
            "    title: Adequate standard of living\n    es: {title: Nivel de vida adecuado}\n")
    site = check(mini).site
    es = translations.localize(site, "es")
    taking, living = es.instruments["icescr"].articles
    # a translation is a plain text; what has none is the English, marked as such
    assert type(es.instruments["icescr"].title) is str and type(living.title) is str
    assert isinstance(taking.title, languages.Fallback) and taking.title == "Taking steps"
    assert isinstance(taking.summary, languages.Fallback) and isinstance(living.summary, languages.Fallback)
    assert isinstance(es.modules["rights/housing.md"].title, languages.Fallback)
    assert not any(isinstance(a.title, languages.Fallback) for a in site.instruments["icescr"].articles)

    page = next(p for p in Renderer(es, lang="es").pages() if p.path == "standards/icescr.md").content
    assert "### Artículo 2(1): <span lang=\"en\">Taking steps</span> {" in page
    assert "### Artículo 11: Nivel de vida adecuado {" in page
    assert re.search(r'<div lang="en" markdown>\n\n' + re.escape(" ".join(taking.summary.split()[:3])), page)
    # the English site is never marked: every text there is in the page's language
    english = next(p for p in Renderer(site).pages() if p.path == "standards/icescr.md").content
    assert 'lang="en"' not in english and "### Article 2(1): Taking steps {" in english


def test_table_of_contents_keeps_the_language_of_a_heading_part():
    from rightskit.mkdocs import langmarks
    html = ('<nav class="md-nav md-nav--secondary"><a href="#article-28" class="md-nav__link">\n'
            '<span class="md-ellipsis">\nArtículo 28: The right to education\n</span></a>'
            '<a href="#article-29" class="md-nav__link"><span class="md-ellipsis">Artículo 29: Fines</span></a></nav>'
            '<h3 id="article-28">Artículo 28: <span lang="en">The right to education</span><a class="headerlink" '
            'href="#article-28">&para;</a></h3><h3 id="article-29">Artículo 29: Fines</h3>')
    out = langmarks.mark_toc_parts(html)
    assert 'Artículo 28: <span lang="en">The right to education</span>\n</span></a>' in out
    assert out.count('lang="en"') == 2  # the heading's own mark and the entry's; Artículo 29 untouched


def test_a_checklist_item_with_english_in_it_is_named_by_its_marked_text():
    from rightskit.pages.htmlmarks import label_checkboxes

    item = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Para <span lang="en">Flip chart</span></li>')
    out = label_checkboxes(item + item)
    assert 'aria-label=' not in out  # an attribute would lose the mark
    assert out.count('aria-labelledby="rk-task-1"') == 1
    assert '</label><span id="rk-task-2"> Para <span lang="en">Flip chart</span></span></li>' in out


def test_bad_es_blocks_get_file_line_findings(mini):
    replace(mini / "standards/issue-areas.yml", "  title: Housing\n", "  title: Housing\n  es: Vivienda\n")
    replace(mini / "standards/instruments/icescr.yml", "short_title: ICESCR\n",
            "short_title: ICESCR\nes:\n  titel: Pacto\n")
    found = [str(f) for f in check(mini).findings]
    assert any(f.startswith("standards/issue-areas.yml:3: 'es' in issue area must be a mapping") for f in found), found
    assert any(f.startswith("standards/instruments/icescr.yml:4: unknown field 'titel' in 'es' block of instrument")
               and "did you mean 'title'?" in f for f in found), found


# --- strings catalogs and generated pages in Spanish ----------------------------------------

def template_keys() -> set[str]:
    keys = set()
    for file in TEMPLATES.rglob("*.j2"):
        keys |= {k.replace('\\"', '"') for k in re.findall(r'_\("((?:[^"\\]|\\.)*)"', file.read_text())}
    for file in TEMPLATES.rglob("*.css"):
        keys |= set(re.findall(r'_\("([^"]*)"\)', file.read_text()))
    return {k for k in keys if not k.endswith(".")}  # "kinds." ~ name: checked below


def test_every_template_string_has_a_spanish_text():
    es = languages.strings("es")
    missing = sorted(k for k in template_keys() if not es.has(k))
    assert missing == []
    for key in ("kinds.treaty-body", "status.stale", "untranslated.notice", "For facilitators", "Handout"):
        assert es.has(key) and languages.strings("en")(key)


def test_missing_spanish_string_stops_rendering():
    with pytest.raises(languages.MissingString):
        languages.strings("es")("A phrase nobody translated")
    assert languages.strings("en")("A phrase nobody translated") == "A phrase nobody translated"


def test_spanish_dates():
    assert languages.human_date(dt.date(2026, 11, 24), "es") == "24 de noviembre de 2026"
    assert languages.human_date(dt.date(2026, 11, 24), "en") == "24 November 2026"


def test_generated_pages_in_spanish_have_no_english_boilerplate(mini):
    site = check(mini).site
    english = Renderer(site).pages()
    spanish = Renderer(translations.localize(site, "es"), lang="es").pages()
    assert [p.path for p in english] == [p.path for p in spanish]  # both languages from the same data
    es = languages.strings("es")
    # English boilerplate: the template strings whose Spanish differs, as whole phrases of two words or more
    boilerplate = [k for k in template_keys() if " " in k and "{" not in k and es(k) != k]
    for page in spanish:
        if "<!-- rk:lang en -->" in page.content:  # shown in English on purpose, with the notice
            assert "Esta página aún no está traducida" in page.content
            continue
        for phrase in boilerplate:
            assert phrase not in page.content, (page.path, phrase)
    assert any("Datos clave" in p.content for p in spanish)


def test_language_of_pages():
    assert languages.page_language("rights/housing.es.md") == "es"
    assert languages.page_language("rights/housing.md") == "en"
    assert languages.source_path("rights/housing.es.md") == "rights/housing.md"
    assert languages.translation_path("index.md", "es") == "index.es.md"


def test_workshop_offered_in_spanish_needs_es_block_and_prints_in_spanish(mini):
    from rightskit.outputs.print.pdf import Printer

    replace(mini / "curricula/housing.yml", "languages: [en]", "languages: [en, es]")
    found = [str(f) for f in check(mini).findings]
    assert any(f.startswith("curricula/housing.yml:1: 'languages' lists 'es' but the workshop has no 'es:' block")
               for f in found), found
    replace(mini / "curricula/housing.yml", "agenda:\n  - text: Welcome\n    minutes: 15\n",
            "es:\n  title: Taller de vivienda\n  summary: Un taller de prueba.\n  objectives: [Aprender.]\n"
            "agenda:\n  - text: Welcome\n    minutes: 15\n    es: {title: Bienvenida}\n")
    loaded = check(mini)
    assert unhashed_removed(loaded.findings) == []
    site = translations.localize(loaded.site, "es")
    assert site.workshops["housing"].agenda[0].title == "Bienvenida"
    # Its modules are not translated yet: no Spanish guide or packet, and the Spanish page says the PDFs
    # it links are in English.
    assert not any(d.name.startswith("es/pdf/housing-") or "handout" in d.name
                   for d in Printer(site, "https://example.invalid/", lang="es").documents())
    page = next(p for p in Renderer(site, lang="es").pages() if p.path == "workshops/housing.md").content
    assert 'href="../../../pdf/housing-guide-letter.pdf" hreflang="en" download>Guía de facilitación (PDF, tamaño ' \
           'carta, en inglés)</a>' in page
    for module in ("docs/activities/line.md", "docs/rights/housing.md"):
        start(mini, module)
    site = translations.localize(check(mini).site, "es")
    page = next(p for p in Renderer(site, lang="es").pages() if p.path == "workshops/housing.md").content
    assert 'href="../../pdf/housing-guide-letter.pdf" download>Guía de facilitación (PDF, tamaño carta)</a>' in page
    documents = {d.name: d for d in Printer(site, "https://example.invalid/", lang="es").documents()}
    guide = documents["es/pdf/housing-guide-letter.pdf"]
    assert guide.title == "Taller de vivienda: guía de facilitación"
    assert '<html lang="es">' in guide.html and "Bienvenida" in guide.html and "Descanso" in guide.html
    assert "https://example.invalid/es/workshops/housing/" in guide.html
    # only translated documents are printed in Spanish: the handout is, now that its page is translated
    assert "es/pdf/activities-line-handout-letter.pdf" in documents


def test_a_broken_string_catalog_names_its_file_and_line(tmp_path):
    from rightskit.core import languages
    bad = tmp_path / "finder.es.yml"
    bad.write_text("uno: bien\ndos: también\ntres: mal: escrito\n", encoding="utf-8")
    with pytest.raises(languages.CatalogError) as caught:
        languages._catalog(bad)
    assert str(caught.value).startswith("scripts/rightskit/templates/strings/finder.es.yml:3: ")
    listed = tmp_path / "lista.es.yml"
    listed.write_text("- uno\n- dos\n", encoding="utf-8")
    with pytest.raises(languages.CatalogError, match=r"lista\.es\.yml:1: .*key: text"):
        languages._catalog(listed)


# --- es: blocks of the data files: current or stale ------------------------------------------

def test_an_es_block_records_the_english_it_translates_and_warns_when_that_changes(mini):
    icescr = mini / "standards/instruments/icescr.yml"
    replace(icescr, "    title: Adequate standard of living\n",
            "    title: Adequate standard of living\n    es:\n      title: Nivel de vida adecuado\n")
    line = icescr.read_text().split("\n").index("    es:") + 1
    found = [str(f) for f in check(mini).findings]
    assert found == [f"standards/instruments/icescr.yml:{line}: warning: the 'es:' block of article icescr/11 has "
                     f"no 'source_hash' (once it matches the English, run: rightskit translation --mark-current "
                     f"standards/instruments/icescr.yml)"]
    result = rightskit("translation", "--mark-current", "standards/instruments/icescr.yml", cwd=mini)
    assert result.returncode == 0 and "1 of 1 'es:' blocks marked current" in result.stdout, result.stderr
    assert re.search(r'    es:\n      source_hash: "[0-9a-f]{12}"\n      title: Nivel de vida adecuado\n',
                     icescr.read_text())
    assert check(mini).findings == []
    # The English title changes: the Spanish is stale until reviewed and marked again.
    replace(icescr, "    title: Adequate standard of living\n", "    title: An adequate standard of living\n")
    found = [str(f) for f in check(mini).findings]
    assert len(found) == 1 and found[0].startswith(f"standards/instruments/icescr.yml:{line}: warning: the English "
                                                   f"of article icescr/11 has changed since its 'es:' block"), found
    status = rightskit("translation", cwd=mini)
    assert status.returncode == 0 and f"standards/instruments/icescr.yml:{line} article icescr/11" in status.stdout
    assert rightskit("translation", "--mark-current", "standards/instruments/icescr.yml", cwd=mini).returncode == 0
    assert check(mini).findings == [] and icescr.read_text().count("source_hash") == 1
    # Only the texts the block translates count: a changed English summary leaves a title-only block current.
    replace(icescr, "    summary: ", "    summary: Changed. ")
    assert check(mini).findings == []


def test_a_one_line_es_block_gets_its_hash_inside_the_braces(mini):
    areas = mini / "standards/issue-areas.yml"
    replace(areas, "  title: Housing\n", "  title: Housing\n  es: {title: Vivienda}  # checked by a native speaker\n")
    assert rightskit("translation", "--mark-current", "standards/issue-areas.yml", cwd=mini).returncode == 0
    assert re.search(r'  es: \{source_hash: "[0-9a-f]{12}", title: Vivienda\}  # checked by a native speaker\n',
                     areas.read_text())
    loaded = check(mini)
    assert loaded.findings == [] and translations.localize(loaded.site, "es").issue_areas["housing"].title == "Vivienda"


@pytest.mark.parametrize("kind, keys", [
    ("INSTRUMENT", translations.INSTRUMENT_KEYS), ("MECHANISM", translations.MECHANISM_KEYS),
    ("WORKSHOP", translations.WORKSHOP_KEYS), ("TERM", translations.GLOSSARY_KEYS)])
def test_an_es_block_accepts_what_the_schema_documents_and_nothing_else(kind, keys):
    from rightskit.core import schema
    from rightskit.core.yamltext import parse_yaml

    documented = [f.name for f in schema.subfields(getattr(schema, kind), "es")]
    block = "\n".join(f"  {name}: texto" for name in documented)
    data = parse_yaml(f"id: x\nes:\n{block}\n  tittle: typo\n", "x.yml").data
    findings = []
    fields = translations.text_block(data, "es", "x.yml", findings, kind.lower(), keys)
    assert all(fields.text(name, required=False) == "texto" for name in keys)
    assert [(f.line, f.message) for f in findings] == [
        (len(documented) + 3, f"unknown field 'tittle' in 'es' block of {kind.lower()}")]
