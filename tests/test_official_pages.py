"""Spanish addresses of official pages (issue 19, item 4): standards/official-pages.yml is checked
for shape, and Spanish pages (not English ones) link to the Spanish address it gives."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import bilingual, check
from rightskit.cli.main import main
from rightskit.pages.officiallinks import localize

ICESCR = "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-economic-social-and-cultural-rights"
ICESCR_ES = ICESCR.replace("/en/", "/es/")


def test_a_listed_link_leads_to_its_translation_keeping_its_anchor():
    html = (f'<p><a href="{ICESCR}#art11" title="A &amp; B">ICESCR</a>\n'
            f'<a href="https://www.ohchr.org/en/other">other</a> <a href="{ICESCR}" hreflang="en">again</a></p>')
    out = localize(html, {ICESCR: ICESCR_ES}, "es")
    assert f'<a href="{ICESCR_ES}#art11" title="A &amp; B" hreflang="es">ICESCR</a>' in out
    assert '<a href="https://www.ohchr.org/en/other">other</a>' in out  # not listed: as it was
    assert f'<a href="{ICESCR_ES}" hreflang="es">again</a>' in out
    assert localize(html, {}, "es") == html


def test_a_link_showing_its_address_shows_the_new_one():
    """As a table of official pages does: the text would otherwise name the page left behind."""
    html = f'<td><a href="{ICESCR}">{ICESCR}</a></td><td><a href="{ICESCR}">the Covenant ({ICESCR})</a></td>'
    out = localize(html, {ICESCR: ICESCR_ES}, "es")
    assert out == (f'<td><a href="{ICESCR_ES}" hreflang="es">{ICESCR_ES}</a></td>'
                   f'<td><a href="{ICESCR_ES}" hreflang="es">the Covenant ({ICESCR})</a></td>')


def test_pages_skipped_unread_are_those_the_parser_would_leave_alone(monkeypatch):
    """The quick look for a listed address (officiallinks._may_link) skips a page only where
    reading it would change nothing: compared on links written every way the parser accepts."""
    import random

    from rightskit.pages import officiallinks

    escaped = ICESCR.replace("https", "&#104;ttps").replace("/en/", "&#x2F;en/")
    forms = [f'<a href="{ICESCR}">x</a>', f"<a href='{ICESCR}'>x</a>", f"<a href={ICESCR}>x</a>",
             f'<A HREF = "{ICESCR}#a">x</A>', f'<a href=="{ICESCR}">x</a>', f'<a href="{escaped}">x</a>',
             f'<a title="t" href\n=\n"{ICESCR}">x</a>', '<a href="https://www.ohchr.org/en/other">x</a>',
             '<a href="../standards/icescr.md">x</a>', '<p>plain text, an href = mention</p>', "<a href>x</a>",
             f'<!-- <a href="{ICESCR}"> -->', f'<a data-href="{ICESCR}">x</a>', '<a href="unclosed>x</a>']
    rng = random.Random(24)
    pages = ["".join(rng.choice(forms) + rng.choice(["", "\n", " "]) for _ in range(rng.randint(0, 4)))
             for _ in range(400)]
    addresses = {ICESCR: ICESCR_ES}
    assert sum(not officiallinks._may_link(page, addresses) for page in pages) > 50  # some are skipped
    quick = [localize(page, addresses, "es") for page in pages]
    monkeypatch.setattr(officiallinks, "_may_link", lambda html, found: True)
    assert quick == [localize(page, addresses, "es") for page in pages]
    assert sum(a != b for a, b in zip(quick, pages)) > 100  # many pages did have links to change


def _write(root: Path, text: str) -> None:
    (root / "standards" / "official-pages.yml").write_text(text, encoding="utf-8")


def test_bad_entries_are_reported_with_their_line(mini):
    _write(mini, f"""- en: {ICESCR}
  es: {ICESCR_ES}
- en: https://www.un.org/en/about-us/universal-declaration-of-human-rights
  es: https://www.example.org/es/declaracion
- en: https://www.ohchr.org/en/treaty-bodies/cescr
  es: http://www.ohchr.org/es/treaty-bodies/cescr
- en: {ICESCR}
  es: {ICESCR_ES}
- en: https://www.ohchr.org/en/treaty-bodies/cerd#about
  es: https://www.ohchr.org/en/treaty-bodies/cerd#about
- en: https://www.ohchr.org/en/treaty-bodies/ccpr
  spanish: https://www.ohchr.org/es/treaty-bodies/ccpr
""")
    loaded = check(mini)
    found = {(f.line, f.message) for f in loaded.findings if f.path == "standards/official-pages.yml"}
    messages = "\n".join(f"{line}: {message}" for line, message in sorted(found))
    assert any(line == 4 and "same site as 'en' (www.un.org)" in m for line, m in found), messages
    assert any(line == 6 and "'es' must be an https:// address" in m for line, m in found), messages
    assert any(line == 7 and "listed twice" in m for line, m in found), messages
    assert any(line == 9 and "without '#…'" in m for line, m in found), messages
    assert any(line == 10 and "same address as 'en'" in m for line, m in found), messages
    assert any(line == 12 and "unknown field 'spanish'" in m for line, m in found), messages
    assert any(line == 11 and "missing required field 'es'" in m for line, m in found), messages
    assert not any(line in (1, 2) for line, _ in found), messages  # the good entry
    # Only good entries are applied; a bad one never reaches a page.
    assert loaded.site.official_pages["es"] == {ICESCR: ICESCR_ES}


def test_the_real_list_is_well_formed():
    root = Path(__file__).parent.parent
    loaded = check(root)
    assert not [f for f in loaded.findings if f.path == "standards/official-pages.yml"]
    assert loaded.site.official_pages["es"], "standards/official-pages.yml maps no page"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = bilingual(tmp_path_factory.mktemp("official") / "project")
    _write(project, f"- en: {ICESCR}\n  es: {ICESCR_ES}\n")
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--no-pdf"]) == 0
    return project / "site"


def _hrefs(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]*ohchr\.org[^"]*)"', page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["rights/housing/index.html", "standards/icescr/index.html"])
def test_spanish_pages_link_to_the_spanish_address_and_english_ones_do_not(site, page):
    """A Markdown body (the housing page's sources) and a generated page (the instrument's
    official text, from the data)."""
    english, spanish = _hrefs(site / page), _hrefs(site / "es" / page)
    assert ICESCR in english and ICESCR_ES not in english, english
    assert ICESCR_ES in spanish and ICESCR not in spanish, spanish
    assert f'<a href="{ICESCR_ES}"' in (site / "es" / page).read_text(encoding="utf-8")
    assert 'hreflang="es"' in (site / "es" / page).read_text(encoding="utf-8")
