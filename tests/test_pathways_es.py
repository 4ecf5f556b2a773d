"""The Spanish finder without a browser: `es:` blocks on pathways (read, validated with file:line
findings, localized, exported), the finder page and its script's words in Spanish, and the
deep-link labels from the catalogs."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, check
from rightskit.pages import finder
from rightskit.pages import deeplinks
from rightskit.outputs import export
from rightskit.core import languages
from rightskit.content import pathways
from rightskit.content.i18n import translations
from rightskit.pages.render import Renderer

FIXTURE = Path(__file__).parent / "fixtures" / "pathways" / "pathways.yml"
FILE = "standards/pathways.yml"

ES_BLOCK = """  es:
    name: Contribución al EPU
    summary: Un informe breve antes del examen.
    requirements:
      - Siga las directrices.
    risks:
      - Las contribuciones se publican.
    window_note: EE.\u00a0UU. fue examinado por última vez en 2020 [[as-of:2025-11-07]].
    notes:
      harm: No sirve para casos urgentes.
"""


@pytest.fixture
def project(mini: Path) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    anchor = "    harm: Not for urgent cases.\n"
    assert anchor in text
    (mini / FILE).write_text(text.replace(anchor, anchor + ES_BLOCK, 1), encoding="utf-8")
    return mini


def line_of(root: Path, text: str) -> int:
    return next(i for i, line in enumerate((root / FILE).read_text().split("\n")) if text in line) + 1


def replace(root: Path, old: str, new: str) -> None:
    text = (root / FILE).read_text(encoding="utf-8")
    assert old in text
    (root / FILE).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_es_block_is_read_and_localized(project):
    loaded = check(project)
    assert [str(f) for f in loaded.findings] == []
    upr = loaded.site.pathways["upr-report"]
    assert upr.texts["es"].name == "Contribución al EPU"
    spanish = translations.localize(loaded.site, "es").pathways["upr-report"]
    assert spanish.name == "Contribución al EPU" and spanish.requirements == ["Siga las directrices."]
    assert spanish.contents == ["Recommendations."]  # untranslated fields keep the English
    assert spanish.notes == {"harm": "No sirve para casos urgentes."}
    assert loaded.site.pathways["upr-report"].name == "UPR stakeholder submission"  # English unchanged


def test_bad_es_blocks_are_findings_with_file_and_line(project):
    replace(project, "    name: Contribución al EPU\n", "    name: Contribución al EPU\n    titel: x\n")
    replace(project, "      - Siga las directrices.\n", "      - Siga las directrices.\n      - Una de más.\n")
    replace(project, "      harm: No sirve para casos urgentes.\n",
            "      harm: No sirve para casos urgentes.\n      wants: Ninguna nota en inglés.\n")
    replace(project, "  name: Urgent housing appeal\n", "  name: Urgent housing appeal\n  es: Apelación urgente\n")
    found = [str(f) for f in check(project).findings]
    expected = [
        (line_of(project, "titel: x"), "unknown field 'titel'"),
        (_line_after(project, "  es:", "requirements:"), "'requirements' has 2 entries, the English has 1"),
        (line_of(project, "wants: Ninguna nota"), "note 'wants' has no English note to translate"),
        (line_of(project, "es: Apelación urgente"), "'es' in pathway must be a mapping of fields"),
    ]
    for line, words in expected:
        assert any(f.startswith(f"{FILE}:{line}: ") and words in f for f in found), (line, words, found)
    assert all("(" in f for f in found)  # every finding has its hint
    assert len(found) == 4


def _line_after(root: Path, after: str, text: str) -> int:
    lines = (root / FILE).read_text().split("\n")
    start = next(i for i, line in enumerate(lines) if line == after)
    return next(i for i, line in enumerate(lines) if i > start and text in line) + 1


def test_spanish_reasons_and_conditions(project):
    site = translations.localize(check(project).site, "es")
    es = languages.strings("es")
    ok, reasons = pathways.evaluate(site, site.pathways["upr-report"], {"harm": ["urgent"]}, es)
    assert not ok
    assert reasons[0].text == ("¿El daño continúa, es urgente o ya ocurrió? Requiere: Continúa: está pasando "
                               "ahora y sigue pasando o Ya ocurrió: es algo del pasado. No sirve para casos urgentes.")
    ok, reasons = pathways.evaluate(site, site.pathways["upr-report"], {"harm": ["past"]}, es)
    assert ok and "Usted eligió: Ya ocurrió" in reasons[0].text


def test_spanish_finder_page_has_no_english_words(project):
    site = translations.localize(check(project).site, "es")
    page = next(p for p in Renderer(site, lang="es").pages() if p.path == pathways.FINDER_PAGE)
    text = page.content
    assert "### Contribución al EPU { #pathway-upr-report .rk-pathway }" in text
    assert "(al 7 de noviembre de 2025)" in text and "as of" not in text
    assert "situación en EE. UU.: firmado, no ratificado" in text
    assert "rk:lang en" not in text  # not shown as an untranslated English page
    words = json.loads(re.search(r'<script type="application/json" id="rk-finder-strings">(.*?)</script>',
                                 text).group(1))
    assert words["text"]["you-chose"] == "Usted eligió: {answers}."
    assert words["months"][10] == "noviembre" and words["status"]["ratified"] == "ratificado"
    assert set(words["text"]) == set(finder.SCRIPT_STRINGS)
    for sentence in english_sentences():
        assert sentence not in text, sentence


def english_sentences() -> list[str]:
    """The English the finder writes, in pieces long enough to be sentences (placeholders cut out)."""
    en = languages.strings("en")
    keys = list(finder.SCRIPT_STRINGS.values())
    for q in (pathways.HARM, pathways.AFFECTED, pathways.REMEDIES, pathways.WANTS):
        keys += [q.legend] + [o.label for o in q.options]
    keys += [k for k in languages.strings("en").table if k.startswith("finder.")]
    pieces = []
    for key in keys:
        pieces += [p.strip() for p in re.split(r"\{\w+\}", en(key)) if len(p.strip()) >= 12]
    return pieces


def test_export_carries_the_spanish_texts(project):
    site = check(project).site
    upr = {p["id"]: p for p in export.EXPORTS["pathways.json"](site)}["upr-report"]
    assert upr["es"]["name"] == "Contribución al EPU"
    assert upr["es"]["window_note"].endswith("(al 7 de noviembre de 2025).")
    assert upr["es"]["url"] == "es/mechanisms/finder/#pathway-upr-report"
    assert upr["es"]["guide"] == "es/mechanisms/upr/"
    assert upr["name"] == "UPR stakeholder submission"


def test_real_pathways_are_all_translated():
    loaded = check(REPO)
    assert not [f for f in loaded.findings if f.path == FILE]
    for p in loaded.site.pathways.values():
        t = p.texts.get("es")
        assert t is not None and t.name and t.summary and t.who and t.response_time, p.id
        assert len(t.requirements) == len(p.requirements) and len(t.risks) == len(p.risks), p.id
        assert set(t.notes) == set(p.notes), p.id
        # markers, dates and years are kept exactly
        assert re.findall(r"\[\[[a-z-]+:[\d-]+\]\]", t.window_note) == re.findall(r"\[\[[a-z-]+:[\d-]+\]\]",
                                                                                    p.window_note), p.id
        english_years = set(re.findall(r"\b(?:19|20)\d\d\b", " ".join([p.summary, p.window_note])))
        spanish_years = set(re.findall(r"\b(?:19|20)\d\d\b", " ".join([t.summary, t.window_note])))
        assert english_years == spanish_years, p.id


def test_deep_link_labels_follow_the_page_language():
    site = check(REPO).site
    es_site = translations.localize(site, "es")
    english = deeplinks.links_for(site, site.article("icescr/11"))
    spanish = deeplinks.links_for(es_site, es_site.article("icescr/11"), languages.strings("es"))
    assert [d.url for d in english] == [d.url for d in spanish]  # the addresses never change
    assert spanish[0].hint.startswith("recomendaciones de la ONU a todos los países")
    assert "'PIDESC, artículo 11'" in spanish[0].hint
    cerd = deeplinks.links_for(es_site, es_site.mechanisms["cerd"], languages.strings("es"))
    assert cerd[1].title == "Base de datos de los órganos de tratados de la ONU: la página de EE. UU."
    assert english[0].title == "Universal Human Rights Index"
