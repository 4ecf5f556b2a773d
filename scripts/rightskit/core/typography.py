"""Sentences and spaces as each language writes them: where a sentence ends (not after "EE." or
"n.º"), and the no-break spaces Spanish text needs so that "EE. UU." never breaks across lines.

Every page and PDF of an edition passes through `finish` once, as finished HTML (the MkDocs plugin's
last step on a page, the printer's on a document), so "EE. UU." is joined wherever its text came from:
a translated page, an `es:` block, the strings catalog, a title in the navigation or a hover
definition. `rightskit check` still reports "EE. UU." typed with an ordinary space
(content/spanishtext.py), so the source says what the reader gets.
"""
from __future__ import annotations

import re
import unicodedata

NBSP = "\u00a0"

# Abbreviations after which a full stop does not end a sentence, lower case. The Spanish ones are
# those the site's texts use ("EE. UU.", "n.º 4", "art. 11", "p. ej.", "p. m."); the English ones
# the usual few ("No. 4", "e.g.", "U.S.").
ABBREVIATIONS = frozenset("""
    ee. uu. ee.uu. n.º nº núm. art. arts. p. ej. etc. pág. págs. sr. sra. dr. dra. a. m. p. m. vol. cap.
    no. nos. e.g. i.e. u.s. u.n. mr. mrs. ms. st. vs. inc. jr. p.m. a.m.
""".split())
# Abbreviations that often close a sentence too: there, a capital letter next starts a new one
# ("... ratificado por EE. UU. La Convención ...").
CLOSING = frozenset("uu. ee.uu. etc. u.s. u.n. inc. m. p.m. a.m.".split())
# "No. 4" but "The answer is no.": an abbreviation only before a number.
BEFORE_NUMBER = frozenset("no. nos.".split())

# A full stop, question or exclamation mark, then a space of any kind (a no-break one too) or the end.
_END = re.compile(r"[.!?][)\"”»’]?(?=[\s\u00a0]|$)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_SPACES = re.compile(r"[ \t\r\n]+")  # ordinary spaces only: a no-break space is kept as written

# Where "EE." may start: not inside a word, but right after a YAML "\n" escape ("…\nEE. UU. fue").
START = r"(?:(?<!\w)|(?<=\\n))"
# "EE. UU." with anything but a no-break space between its halves: an ordinary space, a line break
# (a YAML text folded across lines), several spaces or none.
EEUU_LOOSE = re.compile(START + r"EE\.(?:[ \t]*\r?\n[ \t]*|[ \t]+|)UU\.")
EEUU = f"EE.{NBSP}UU."


def sentences(text: str) -> list[str]:
    """`text` cut into sentences, its ordinary spaces and line breaks collapsed to one space.
    A stop after a known abbreviation or a lone capital initial does not end a sentence."""
    text = collapse(text)
    out, start = [], 0
    for match in _END.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text[start:match.end()], text[match.end():]):
            continue
        out.append(text[start:match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    return out + [rest] if rest else out


def collapse(text: str) -> str:
    """`text` on one line: runs of ordinary spaces and line breaks become one space; a no-break
    space stays (str.split() would take it for a space and undo "EE.\u00a0UU.")."""
    return _SPACES.sub(" ", text).strip()


def first_sentence(text: str) -> str:
    found = sentences(text)
    return found[0] if found else ""


def _is_abbreviation(before: str, after: str) -> bool:
    word = _WORD_BEFORE.search(before.replace(NBSP, " ")).group(1).lstrip("(\"“«‘").rstrip(")\"”»’")
    word = word.lower()
    following = after.lstrip(" " + NBSP)[:1]
    if word in BEFORE_NUMBER:
        return following.isdigit()
    if word in CLOSING and following.isupper():
        return False
    # "p. ej.": the abbreviation is two words, each in the list; "EE.UU.": one word of two stops.
    # A lone letter and a stop is an initial ("John F. Kennedy").
    return word in ABBREVIATIONS or bool(re.fullmatch(r"[a-záéíóúñ]\.", word))


def finish(html: str, lang: str) -> str:
    """A finished page or document of the `lang` edition with the spaces that language needs."""
    return spanish_spaces(html) if lang == "es" else html


# EEUU_LOOSE without its START: a pattern that opens with a literal is found by a fast scan for
# it, one that opens with a lookbehind is tried at every character (1.7 ms for a Spanish page).
_EEUU_ANYWHERE = re.compile(EEUU_LOOSE.pattern[len(START):])
_WORD_CHARACTER = re.compile(r"\w")


def _joined(match: re.Match) -> str:
    """EEUU where EEUU_LOOSE would match (START holds before it), else the text as it was."""
    text, at = match.string, match.start()
    starts = at == 0 or not _WORD_CHARACTER.match(text, at - 1) or text[max(at - 2, 0):at] == "\\n"
    return EEUU if starts else match.group()


def spanish_spaces(text: str) -> str:
    """Spanish text with "EE. UU." joined by a no-break space, however it was typed."""
    return _EEUU_ANYWHERE.sub(_joined, text) if "EE." in text else text


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a dictionary has it, in English and Spanish: accents and case do not
    count ("órgano" sorts with "organo", after "observación"), except to order words equal without
    them. "ñ" is a letter of its own, after "n", as in Spanish; no system locale is needed."""
    folded = unicodedata.normalize("NFD", text.casefold().replace("ñ", "n\U0010ffff"))
    return "".join(c for c in folded if not unicodedata.combining(c)), text
