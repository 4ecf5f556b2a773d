"""Which of an activity's card sets go on the wall and which are cut from a grid: the wall-card
PDF of a workshop (outputs/print) prints element and right cards one to a landscape page, in type
readable across a room, and every other set of cards in grids; its workshop page links it only
when there is something to print."""
from __future__ import annotations

from dataclasses import dataclass

from rightskit.core import languages
from rightskit.core import model as m

# Sets of cards a group reads from across the room, by their English title; a translation's title is
# the title's entry in the strings catalog of its language.
WALL_SETS = ("Element cards", "Right cards")
STORY_SET, ELEMENT_SET = "Story cards", "Element cards"


@dataclass
class GridCard:
    card: m.Card
    key: str = ""  # a story card's element


def _is(card_set: m.CardSet, module: m.Module, english: str) -> bool:
    _ = languages.strings(module.lang)
    return card_set.title == (_(english) if _.has(english) else english)


def wall_sets(module: m.Module) -> list[m.CardSet]:
    return [s for s in module.cards if s.kind == "cards" and any(_is(s, module, t) for t in WALL_SETS)]


def grid_sets(module: m.Module) -> list[tuple[m.CardSet, list[GridCard]]]:
    """Every other set of cards, each card with its key: the story cards of an activity that also has
    element cards are keyed to them in order, as the activity pairs them (story 1 with the first
    element, and so on) when it has as many stories as elements."""
    elements = next((s for s in module.cards if s.kind == "cards" and _is(s, module, ELEMENT_SET)), None)
    out = []
    for card_set in module.cards:
        if card_set.kind != "cards" or card_set in wall_sets(module):
            continue
        keyed = (elements is not None and _is(card_set, module, STORY_SET)
                 and len(elements.items) == len(card_set.items))
        out.append((card_set, [GridCard(card, elements.items[i].title if keyed else "")
                               for i, card in enumerate(card_set.items)]))
    return out


def has_wall_cards(modules: list[m.Module]) -> bool:
    return any(wall_sets(mod) or grid_sets(mod) for mod in modules)
