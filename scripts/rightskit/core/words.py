"""Words as the site counts them: splitting a text into words, American spellings of British
words, and the stop words and synonyms of each language. Search and the own-words check share them."""
from __future__ import annotations

import functools
import re



# Words dropped from queries of several words: Pagefind requires every word to match, and
# "landlord will not fix mold" should not need a page that says "will".
STOP_WORDS = {
    "en": sorted("""a about after all also am an and any are as at be been being but by can could did do
        does doing for from get got had has have how i if in into is it its let me my no not of on or our
        out shall should so than that the their them then there these they this to too up us was we were what when
        where which while who why will with would you your""".split()
        # Words that tell the reader's situation, not the topic: "facing eviction" is about eviction.
        + "dealing facing need needs trying want".split()),
    "es": sorted("""a al algo como con de del donde el ella en es esta este hay la las le les lo los mas me mi mis
        muy ni no nos o para pero por que se sin sobre su sus te tu un una unas unos y ya yo""".split()
        # As in English: the reader's situation, not the topic ("no puedo pagar", "me quieren desalojar").
        + "necesito puedo quiere quieren quiero tengo van voy".split()),
}

# What readers call something, and the words the site uses for it: a search for the first also
# finds pages with the others (ranked a little lower): "file a complaint" finds the pages on
# petitions and communications, "fix mold" the pages on repairs.
SYNONYMS = {
    "en": {
        "complaint": ["petition", "communication"],
        "complaints": ["petitions", "communications"],
        "fix": ["repair"],
        "fixed": ["repaired"],
        "fixing": ["repairing"],
    },
    # Issue 19: the words organizers use, and the site's words for the same thing.
    "es": {
        "comida": ["alimentación", "alimentos"],
        "cupones": ["asistencia alimentaria"],
        "cupón": ["asistencia alimentaria"],
        "estampillas": ["asistencia alimentaria"],
        "indocumentados": ["indocumentadas", "migrantes"],
        "indocumentado": ["indocumentadas", "migrantes"],
        "inmigrantes": ["migrantes"],
        "papeles": ["indocumentadas", "migrantes"],
        "casero": ["propietarias", "propietarios"],
        "casera": ["propietarias", "propietarios"],
        "dueño": ["propietarias", "propietarios"],
        "renta": ["alquiler"],
        "arregla": ["reparaciones"],
        "arreglar": ["reparaciones"],
        "pensión": ["jubilación"],
        "campo": ["agrícolas"],
        "abusos": ["violaciones"],
        "queja": ["denuncia", "comunicación", "petición"],
        "firmó": ["ratificó", "ratificado"],
        "firmo": ["ratificó", "ratificado"],
    },
}

# Words searched instead of what the reader typed, where the typed words would mislead: Pagefind's
# Spanish stemmer makes "cortaron" (they cut off) "cort", as it does "Corte" (the Inter-American
# Court) and "corte de vivienda" (housing court); "cuentas" alone is "rendición de cuentas"
# (accountability). A key of two words replaces the two typed side by side. Each replacement is
# searched as Pagefind reads a query: a page must hold all its words.
INSTEAD = {
    "es": {
        "cortaron": ["cortes agua", "cortes servicio"],
        "cortan": ["cortes agua", "cortes servicio"],
        "cortar": ["cortes agua", "cortes servicio"],
        "corten": ["cortes agua", "cortes servicio"],
        "cortó": ["cortes agua", "cortes servicio"],
        "cuentas médicas": ["asequible salud", "atención médica", "costo atención"],
        "cuentas medicas": ["asequible salud", "atención médica", "costo atención"],
        "facturas médicas": ["asequible salud", "atención médica", "costo atención"],
        "sin papeles": ["indocumentadas", "migrantes", "discriminación migrantes"],
        "sin hogar": ["sin hogar", "personas sin vivienda"],
        "seguro médico": ["seguro médico", "atención médica", "seguros salud"],
        "seguro medico": ["seguro médico", "atención médica", "seguros salud"],
        "horas extras": ["horas extra", "salario horas"],
        # The site writes "EE. UU." (with a no-break space), readers "estados unidos".
        "estados unidos": ["ee uu", "estados unidos"],
    },
}

# British spellings readers type, rewritten to the American spelling the site uses. The same rules
# run here (so a page that quotes "International Labour Organization" is found by "labor") and in
# the browser on the query (so "organise" finds "organize"); the browser applies a rewrite only when
# the result is an indexed word, so "promise" is never turned into "promize".
SPELLING_RULES = [
    (r"^(.{2,})is(e|es|ed|ing|er|ers|ation|ations|ational)$", r"\1iz\2"),
    (r"^(anal|paral|catal)ys(e|es|ed|ing)$", r"\1yz\2"),
    (r"^(lab|fav|behavi|col|hon|neighb|harb|rum|flav|hum|vig|endeav|savi|val|rig)our([a-z]*)$", r"\1or\2"),
    (r"^(cent|theat|fib|lit|spect|calib)re(s)?$", r"\1er\2"),
    (r"^(cent|theat|fib|spect|calib)red$", r"\1ered"),
    (r"^(fulfil|enrol|instal|distil|instil|skil)(ment|ments|s|ful)?$", r"\1l\2"),
    (r"^programme(s)?$", r"program\1"),
    (r"^(de|of)fence(s)?$", r"\1fense\2"),
    (r"^licence(s)?$", r"license\1"),
    (r"^practis(e|es|ed|ing)$", r"practic\1"),
    (r"^judgement(s)?$", r"judgment\1"),
    (r"^ageing$", "aging"),
    (r"^mould(s|y|ed|ing)?$", r"mold\1"),
    (r"^grey$", "gray"),
    (r"^(travel|cancel|label|model|counsel|signal|fuel|level)l(ed|ing|er|ers|or|ors)$", r"\1\2"),
    (r"^paediatric(s|ian|ians)?$", r"pediatric\1"),
]
# Words the -ise rule must not touch (they end in -ise in American English too).
SPELLING_KEEP = set("""advertise advise advised advises advising apprise arise chastise circumcise
    comprise comprised comprises comprising compromise compromised compromises concise demise despise
    devise devised disguise enterprise enterprises excise exercise exercised exercises exercising expertise
    franchise improvise incise likewise merchandise noise otherwise paradise poise praise precise premise
    premises promise promised promises promising raise raised raises raising reprise revise revised
    revises revising rise rises supervise supervised supervises supervising surprise surprised surprises
    televise treatise treatises wise cruise""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def americanize(word: str) -> str:
    """The American spelling of a (lower-case) word; the word itself when no rule applies."""
    if word in SPELLING_KEEP:
        return word
    for pattern, replacement in SPELLING_RULES:
        new, count = re.subn(pattern, replacement, word)
        if count:
            return new
    return word


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]
