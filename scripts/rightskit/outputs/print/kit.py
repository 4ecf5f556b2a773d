"""What the trainer's sheets of a workshop kit draw from the data: the run sheet's rows (clock times,
minutes and the ways each activity can be adapted), the activities that ask people for their own
stories (they get a content note), and the training toolkit's passage on hard moments."""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from rightskit.content.kitcheck import HARD_MOMENTS, TRAINING_TOOLKIT, section
from rightskit.core import languages
from rightskit.core import model as m

__all__ = ["HARD_MOMENTS", "Row", "run_sheet", "story_modules", "hard_moments", "chairs", "roles", "statements",
           "referral_rows", "grid_pages"]

# A step that asks people for a moment from their own lives: a quoted prompt such as "Tell us about a
# time..." or "Think of a time...". Fictional stories (the housing line's story cards) do not match.
_OWN_STORY = {
    "en": re.compile(r'"(?:Tell (?:us|me) about|Think (?:of|about)|Remember|Describe) a time\b', re.I),
    "es": re.compile(r'"(?:Cuénte(?:nos|me)|Piense en|Recuerde|Describa)\b[^"]{0,40}?\b(?:(?:una|alguna) vez|un momento)\b',
                     re.I),
}
_BOLD_LEAD = re.compile(r"^[-*] \*\*(.+?)\*\*", re.M)


@dataclass
class Row:
    start: dt.time
    end: dt.time
    item: m.AgendaItem
    title: str
    kind: str  # "module", "break" or "text"
    adaptations: list[str] = field(default_factory=list)  # the activity's variations, by name
    shortened_from: int | None = None  # the activity's own length, when the agenda gives it less time
    stories: bool = False  # the activity asks people for their own stories


def _heading(module: m.Module, english: str) -> str:
    """A section heading in the module's own language (an untranslated page keeps its English)."""
    return languages.strings(module.lang)(english)


def asks_for_own_stories(module: m.Module) -> bool:
    """Whether an activity's steps ask people to tell a moment from their own lives."""
    pattern = _OWN_STORY.get(module.lang) or _OWN_STORY[languages.DEFAULT]
    steps = section(module.body, _heading(module, "Steps"))
    return module.type == "activity" and bool(pattern.search(steps))


def variations(module: m.Module) -> list[str]:
    """The names of an activity's variations: the bold lead of each entry of its Variations section."""
    text = section(module.body, _heading(module, "Variations"))
    return [name.strip().rstrip(":").strip() for name in _BOLD_LEAD.findall(text)]


def run_sheet(site: m.Site, w: m.Workshop, _: languages.Strings) -> list[Row]:
    rows = []
    clock = dt.datetime.combine(dt.date(2000, 1, 1), w.start)
    for item in w.agenda:
        end = clock + dt.timedelta(minutes=item.minutes)
        module = site.module(item.module) if item.module else None
        if module is not None:
            row = Row(clock.time(), end.time(), item, module.title, "module",
                      variations(module) if module.type == "activity" else [],
                      module.duration if module.duration and item.minutes < module.duration else None,
                      asks_for_own_stories(module))
        elif item.kind == "break":
            row = Row(clock.time(), end.time(), item, _("Break"), "break")
        else:
            row = Row(clock.time(), end.time(), item, item.title, "text")
        rows.append(row)
        clock = end
    return rows


def story_modules(modules: list[m.Module]) -> list[m.Module]:
    return [mod for mod in modules if asks_for_own_stories(mod)]


def hard_moments(site: m.Site) -> tuple[m.Module, str] | None:
    """The training toolkit and its passage on hard moments (Markdown), or None when the project has
    no such page or passage (validation reports a missing passage: kitcheck.py)."""
    toolkit = site.modules.get(TRAINING_TOOLKIT)
    if toolkit is None:
        return None
    text = section(toolkit.body, _heading(toolkit, HARD_MOMENTS), level=3)
    return (toolkit, text) if text else None


def chairs(count: int = 12, gap: int = 1) -> list[tuple[str, str]]:
    """Where the run sheet's room plan draws its chairs: `count` places on an oval, less `gap` of them
    nearest the door, left open for a wheelchair."""
    places = []
    for index in range(count):
        angle = 2 * math.pi * index / count
        if index < gap:
            continue
        places.append((f"{100 + 62 * math.sin(angle):.1f}", f"{84 + 36 * math.cos(angle):.1f}"))
    return places


def roles(_: languages.Strings) -> list[tuple[str, str]]:
    return [(_("Facilitator"), _("Leads the activities, keeps to the agenda and watches the group's energy.")),
            (_("Co-facilitator"), _("Keeps time, hands out materials and steps out with anyone who needs a break or a private word.")),
            (_("Note-taker"), _("Writes the group's points on the charts: problems, not names of people, employers or landlords.")),
            (_("Interpreter"), _("Interprets everything said to the group and asks speakers to slow down when needed."))]


# The referral sheet's rows, by the issue area they serve (None: every workshop): no organization is
# named, only the kind of help, so the facilitator fills in what exists where the workshop runs.
REFERRALS = [("housing", ("Tenant organization", "Tenant organization")),
             (None, ("Legal aid", "Legal aid")),
             ("housing", ("Code enforcement office",)),
             ("work", ("Worker center", "Union")),
             ("health", ("Health clinic", "Health clinic")),
             (None, ("Crisis or support line", "Other", "Other"))]


def referral_rows(w: m.Workshop, _: languages.Strings) -> list[str]:
    """Every kind of help, those of the workshop's own issue areas first (a workshop on housing
    lists tenant groups before unions); the order is otherwise that of REFERRALS."""
    first = [labels for area, labels in REFERRALS if area is None or area in w.issue_areas]
    rest = [labels for area, labels in REFERRALS if area is not None and area not in w.issue_areas]
    return [_(label) for labels in first + rest for label in labels]


def statements(_: languages.Strings) -> list[str]:
    """What participants rate before and after the workshop, in the first person."""
    return [_("I can name human rights that touch my daily life."),
            _("I know which international commitments on these rights apply in the US."),
            _("I know where I can get help near me with the problems we talk about."),
            _("I feel ready to take a next step together with others.")]


def grid_pages(cards: list, columns: int = 3, rows: int = 2) -> list[list[list]]:
    """Cards laid out for cutting: pages of `rows` rows of `columns` cards, the last row padded with
    None (an empty cell, so the cut lines of a short row still line up with those above)."""
    per_page = columns * rows
    pages = []
    for start in range(0, len(cards), per_page):
        chunk = cards[start:start + per_page]
        lines = [chunk[i:i + columns] for i in range(0, len(chunk), columns)]
        lines[-1] = lines[-1] + [None] * (columns - len(lines[-1]))
        pages.append(lines)
    return pages


@dataclass
class Chart:
    """A flip-chart template: a title and the chart's columns (none: numbered lines to write on)."""

    title: str
    columns: list[str]
    rows: int = 4


def flip_charts(w: m.Workshop, modules: list[m.Module], _: languages.Strings) -> list[Chart]:
    """Every chart the workshop asks a group to fill: its group agreements, the activities' wall charts
    (`cards:` of kind 'wall chart', whose items are the columns) and the agenda's `chart:` items.
    A translated kit leaves out an agenda chart whose headings are not translated yet."""
    charts = [Chart(_("Our group agreements"), [])]
    charts += [Chart(s.title, [card.title for card in s.items]) for mod in modules for s in mod.cards
               if s.kind == "wall chart"]
    charts += [Chart(item.title or (item.module or ""), list(item.chart)) for item in w.agenda if item.chart
               and (_.lang == languages.DEFAULT or not any(isinstance(c, languages.Fallback) for c in item.chart))]
    return charts
