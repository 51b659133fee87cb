"""Who a typed name means (/cycle Anna, /swap cato, /coach remove Carla): the same rule wherever
an admin names a person, so that a name is never taken for someone else's by accident."""
from __future__ import annotations

import re
from collections.abc import Iterable

Person = tuple[int, str]  # user id, display name

# An @username read for its leading letters: the bot keeps no usernames, and most are made
# of the first name ("@cato_t" is Cato; review ux14 heard "geen lid" for a member).
_LETTERS = re.compile(r"[^\W\d_]+")


def named(wanted: str, people: Iterable[Person]) -> list[Person]:
    """Everyone `wanted` may mean, in the order given. The words typed name a person as a
    whole (any case): whose whole name it is, else whose name or one of its words starts with
    it ("carla" finds "Coach Carla"). Words after a name are left over ("/cycle Daan nu
    graag"), but only after a person's whole name: "Carla Jansen" never finds "Carla de
    Vries". An @username counts by its leading letters. Several left means the typed name
    does not say who: ask."""
    words = [w for w in (word.strip("?!.,;:") for word in wanted.split()) if w]  # "Cato?"
    if words and words[0].startswith("@"):
        letters = _LETTERS.match(words[0].lstrip("@"))
        words = [letters.group(0)] if letters else []
    everyone = list(people)
    for count in range(len(words), 0, -1):
        meant = _named_by(" ".join(words[:count]).casefold(), everyone)
        if count < len(words):  # words left over: only after a whole name
            meant = [p for p in meant if len(p[1].split()) <= count]
        if meant:
            return meant
    return []


def _named_by(word: str, everyone: list[Person]) -> list[Person]:
    exact = [p for p in everyone if p[1].casefold() == word]
    return exact or [p for p in everyone
                     if any(part.startswith(word)
                            for part in (p[1].casefold(), *p[1].casefold().split()))]


def names_listed(people: Iterable[Person]) -> str:
    """The names to choose from, as a refusal lists them ("Anna, Bram, Cato")."""
    return ", ".join(sorted((name for _, name in people), key=str.casefold))
