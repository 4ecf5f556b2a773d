"""Spanish PDFs carry no English boilerplate: the fixed words of packets, guides and handouts
(headings, form labels, answer boxes, page footer, link list) come from the Spanish catalog."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from rightskit.core import edition as ed
from rightskit.core import languages
from rightskit.outputs.print import packet
from rightskit.content.i18n import translations
from rightskit.project import Project, load_site
from rightskit.outputs.print.pdf import Printer
from rightskit.outputs.print.worksheet import fillable

ROOT = Path(__file__).resolve().parents[1]
EDITION = ed.Edition("9.9.9", dt.date(2026, 11, 25), "https://kit.test/")

# Fixed English words of the print templates and of the Python that writes printed text.
ENGLISH = ["Key points", "Online or hybrid", "Suggested script", "Printable materials", "Evaluation form",
           "Sign-in sheet", "Registration and access needs", "Which commitments apply in the US?",
           "Words used in this workshop", "Taking it home", "My next step", "Contacts and referrals",
           "Your answer", "Not yet", "Web addresses in this document", "Version 9.9.9", "Ratified by the US",
           "Signed by the US", "Page \" counter", "Name you would like to use", "The articles this packet cites",
           "Not ratified by the US", "Treaties that bind the US", "Declarations and principles", "By the end of this",
           "After this workshop", "Not at all", "Somewhat", "Partly", "Articles on this topic", "I can "]


@pytest.fixture(scope="module")
def documents():
    loaded = load_site(Project(ROOT))
    out = {}
    for lang in (languages.DEFAULT, "es"):
        site = translations.localize(loaded.site, lang)
        out.update({d.name: d.html for d in Printer(site, "https://kit.test/", EDITION, lang).documents()})
    return out


def visible(html: str) -> str:
    """The text a reader sees, plus the CSS strings that print in page margins (not CSS comments)."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"/\*.*?\*/", " ", html, flags=re.S))


@pytest.mark.parametrize("kind", ["packet-letter", "packet-large-print", "guide-a4"])
def test_spanish_workshop_documents_have_no_english_boilerplate(documents, kind):
    html = documents[f"es/pdf/housing-human-right-{kind}.pdf"]
    text = visible(html)
    left = [phrase for phrase in ENGLISH if phrase in text]
    assert left == [], left
    assert '"Página " counter(page) " de " counter(pages)' in html
    assert "Versión 9.9.9 · 25 de noviembre de 2026" in html
    if "packet" in kind:
        assert "Formulario de evaluación" in text and "Todavía no" in text
        # "EE. UU." is joined by a no-break space in print as on the site (typography.finish)
        assert "¿Qué compromisos rigen en EE.\u00a0UU.?" in text and "Ratificado por EE.\u00a0UU. el" in text
        assert "EE. UU." not in text
        # a participant's packet names the site's pages without their addresses (issue 20): no link list
        assert "Direcciones web de este documento" not in text
    else:
        assert "Direcciones web de este documento" in text
        assert "Hoja de asistencia" in text and "Ideas clave" in text and "En línea o híbrido" in text
        assert "Tarjetas de historias" in text  # the Spanish activity's own cards, not the English ones


def test_english_documents_keep_their_english_words(documents):
    text = visible(documents["pdf/housing-human-right-packet-letter.pdf"])
    assert "Evaluation form" in text and "Version 9.9.9 · 25 November 2026 · CC BY 4.0" in documents[
        "pdf/housing-human-right-packet-letter.pdf"]
    assert "Formulario de evaluación" not in text


def test_spanish_checklist_becomes_fillable_with_spanish_boxes(documents):
    html = documents["es/pdf/activities-housing-checklist-handout-letter.pdf"]
    assert '<table class="worksheet">' in html and "No sé" in html and "Not sure" not in html


def test_fillable_and_status_follow_the_catalog():
    es = languages.strings("es")
    html = fillable("<p>Marque Sí, No o No sé.</p><ul><li>¿Hay calefacción?</li></ul><p>____</p>", es)
    assert "<th scope=\"col\">Pregunta</th>" in html and "espacio para escribir" in html
    english = fillable("<p>Mark Yes, No or Not sure.</p><ul><li>Is there heat?</li></ul>")
    assert "Not sure" in english and "<th scope=\"col\">Question</th>" in english
    assert fillable("<p>Marque Sí, No o No sé.</p><ul><li>¿Hay calefacción?</li></ul>").count("<table") == 0
    site = load_site(Project(ROOT)).site
    icescr = site.instruments["icescr"]
    assert packet.status_text(icescr, es) == "Firmado por EE. UU. el 5 de octubre de 1977; no ratificado"
    assert packet.status_text(icescr) == "Signed by the US on 5 October 1977; not ratified"
    c087 = site.instruments["ilo-c087"]  # ILO conventions are never signed: ratified or not
    assert packet.status_text(c087) == "Not ratified by the US"
    assert packet.status_text(c087, es) == "No ratificado por EE.\u00a0UU."


def test_spanish_packets_keep_each_commitments_note_whole(documents):
    """The note under a binding treaty's status is its first sentence, not cut at the "EE." of
    "EE. UU." (it printed "Ratificado por EE. UU. el 21 de octubre de 1994. EE.")."""
    site = translations.localize(load_site(Project(ROOT)).site, "es")
    es = languages.strings("es")
    # A ratified treaty's note names its monitoring body; the others keep their first sentence.
    notes = {inst.id: packet.review_note(site, inst, es) if inst.us_ratified else packet.first_sentence(inst.us_notes)
             for inst in site.instruments.values() if inst.binding}
    packets = [html for name, html in documents.items() if name.startswith("es/pdf/") and "-packet-" in name]
    assert packets
    def plain(text: str) -> str:  # the space in "EE. UU." is a no-break space once printed
        return " ".join(text.replace("\u00a0", " ").split())

    # A commitment's entry: the status, then the note, then the articles on the topic (if any).
    cells = [plain(c) for html in packets
             for c in re.findall(r'<dd>([^<]*?)\s*(?:<span class="on-topic">|</dd>)', html)]
    assert cells, "no commitments row in any Spanish packet"
    shown = {plain(n) for n in notes.values() if n and any(cell.endswith(" " + plain(n)) for cell in cells)}
    assert shown, "no commitments note in any Spanish packet"
    for note in shown:
        assert len(note.split()) > 3 and not note.endswith("EE."), note
    assert not any(cell.endswith(" EE.") for cell in cells), [c for c in cells if c.endswith(" EE.")]
    assert any(note.startswith("El Comité") and note.endswith("EE. UU. este acuerdo.") for note in shown), shown
    assert any(note.startswith("EE. UU. firmó") for note in shown), shown  # the ICESCR's, whole


def test_spanish_commitments_sort_ilo_conventions_by_number_and_end_one_full_stop(documents):
    """The ILO conventions the US has not ratified are listed 29, 87, 98, 100… in Spanish as in English
    (a plain sort put "núm. 100" before "núm. 29"), and a status ending in "EE. UU." gets no second full stop."""
    site = translations.localize(load_site(Project(ROOT)).site, "es")
    work = site.workshops["dignity-at-work"]
    found = packet.us_commitments(site, packet.agenda_modules(site, work), languages.strings("es"))
    ilo = [c.instrument.id for c in found if c.group == "ilo not ratified"]
    assert ilo == sorted(ilo, key=lambda i: int(i.removeprefix("ilo-c"))) and ilo[0] == "ilo-c029", ilo
    pdf = documents["es/pdf/dignity-at-work-packet-letter.pdf"]
    assert "UU.." not in pdf and "No ratificado por EE.\u00a0UU." in pdf
